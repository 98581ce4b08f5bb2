"""Two investigators, two halves of one case (Qt-free; the headless and the GUI journey
tests share it).

Anna K. (OCCRP) builds the sample case and records JSC Kama's registration number.
Boris P. (Proekt) starts his own file: "АО «Кама»" with the same registration number (a
sure match), "Ренера" spelt in Cyrillic (a proposed match), and a registry extract saying
Renera holds 49% of JSC Kama — where Anna's article gives only the stake's value, so the
share is unknown on her side: a conflict to show, not to hide.
"""

from __future__ import annotations

from pathlib import Path

from db.core import CaseFile, Identity, run, save_identity
from db.models import Entity
from db.sample.build import populate
from db.services import case_meta
from db.services import entities as E
from db.services import evidence as X
from db.services import links as L

ANNA = Identity("Anna K.", "OCCRP", "anna@example.org")
BORIS = Identity("Boris P.", "Proekt")
KAMA_NUMBER = "1021602013971"
EXTRACT = b"Registry extract. Renera LLC holds 49% of JSC Kama since 2022."


def build_anna(folder: Path) -> tuple[CaseFile, dict[str, str]]:
    save_identity(ANNA)
    case = CaseFile.create(folder / "anna.casefile", name="Kama notes")
    case_meta.record_organisation(case)
    ids = run(case, "Build", populate).result

    def number(tx):
        kama = tx.session.get(Entity, ids["kama"])
        E.edit_entity(tx, ids["kama"], properties={**kama.properties,
                                                   "registrationNumber": [KAMA_NUMBER]})

    run(case, "Registration number", number)
    return case, ids


def build_boris(folder: Path) -> tuple[CaseFile, dict[str, str]]:
    save_identity(BORIS)
    case = CaseFile.create(folder / "boris.casefile", name="Kama procurement")
    case_meta.record_organisation(case)

    def work(tx) -> dict[str, str]:
        ids = {"kama": E.create_entity(tx, "Company", "АО «Кама»", properties={
                   "country": ["ru"], "registrationNumber": [KAMA_NUMBER[:4] + " " +
                                                             KAMA_NUMBER[4:]]}),
               "renera": E.create_entity(tx, "Company", "Ренера",
                                         properties={"country": ["ru"]})}
        ids["stake"] = L.create_link(tx, "Ownership", ids["renera"], ids["kama"], share=49,
                                     start_date="2022")
        source = X.create_source(tx, "Unified State Register", reliability="A")
        ids["doc"] = X.add_document(tx, "extract.txt", EXTRACT, source_id=source)
        ids["claim"] = X.create_claim_for_excerpt(
            tx, ids["doc"], "Renera LLC holds 49% of JSC Kama", credibility=1)
        X.attach_claim(tx, ids["claim"], link_id=ids["stake"])
        return ids

    ids = run(case, "Boris's work", work).result
    return case, ids

"""A generated case shaped like an investigator's big one, for benches and GUI tests.

``generate(path, entities, links)``: entities with made-up company and person names
(aliases on 30%, registration numbers on half), ten countries, eight schemata; links
between random pairs, 60% ownership (70% of them with a share) and the rest unknown
links; the first 5,000 links each supported by a claim in one registry document. Rows go
in through ``tx.bulk_insert`` (one transaction, audited): 100,000 entities and 250,000
links take about half a minute, 5,000 / 12,500 a second or two.
"""

from __future__ import annotations

import random
from pathlib import Path

from db.core.casefile import CaseFile
from db.models import Claim, ClaimTarget, Entity, Link, new_id
from db.services import evidence

_SYLLABLES = ("ka", "ro", "me", "tra", "sol", "vin", "dor", "zen", "bal", "mir", "tek",
              "lum", "nor", "pax", "gal", "sev", "ur", "an", "os", "it")
_SUFFIXES = ("LLC", "JSC", "Ltd", "Holding", "Group", "GmbH", "AG", "SA", "Trust", "")
_COUNTRIES = ("ru", "kr", "tr", "cy", "ae", "gb", "de", "kz", "cn", "us")
_SCHEMATA = ("Company", "Company", "Company", "Person", "Organization", "LegalEntity",
             "Asset", "PublicBody")


def _name(rng: random.Random, schema: str) -> str:
    word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
    if schema == "Person":
        last = "".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize()
        return f"{word} {last}"
    suffix = rng.choice(_SUFFIXES)
    return f"{word} {suffix}".strip()


def random_links(rng: random.Random, ids: list[str], count: int, author: str,
                 at: str = "2026-11-01T00:00:00+00:00") -> list[dict]:
    """Link rows between random pairs of ``ids``: 60% ownership (70% of those with a
    share), the rest unknown links, each starting in a year 1995–2024."""
    rows = []
    for _ in range(count):
        source, target = rng.sample(ids, 2)
        owned = rng.random() < 0.6
        share = round(rng.uniform(1, 100), 1) if owned and rng.random() < 0.7 else None
        rows.append({"id": new_id(), "schema": "Ownership" if owned else "UnknownLink",
                     "source_id": source, "target_id": target,
                     "start_date": str(rng.randint(1995, 2024)), "share_min": share,
                     "share_max": share, "properties": {}, "created_by": author,
                     "created_at": at})
    return rows


def generate(path: Path, entities: int, links: int, seed: int = 7) -> CaseFile:
    """A case of ``entities`` entities and ``links`` links, plus a few claims."""
    rng = random.Random(seed)
    case = CaseFile.create(path, name=f"Generated {entities}", author="bench")
    entity_rows = []
    for _ in range(entities):
        schema = rng.choice(_SCHEMATA)
        name = _name(rng, schema)
        props = {"name": [name], "country": [rng.choice(_COUNTRIES)]}
        if rng.random() < 0.3:
            props["alias"] = [_name(rng, schema)]
        if rng.random() < 0.5:
            props["registrationNumber"] = [str(rng.randrange(10**9, 10**10))]
        entity_rows.append({"id": new_id(), "schema": schema, "caption": name, "role": None,
                            "properties": props, "created_by": "bench",
                            "created_at": "2026-11-01T00:00:00+00:00",
                            "updated_at": "2026-11-01T00:00:00+00:00"})
    ids = [row["id"] for row in entity_rows]
    link_rows = random_links(rng, ids, links, "bench")
    with case.transaction("Generate bench case") as tx:
        tx.bulk_insert(Entity, entity_rows)
        tx.bulk_insert(Link, link_rows)
        source = evidence.create_source(tx, "Bench registry", reliability="B")
        document = evidence.add_document(tx, "registry.txt", b"x" * 2000, text="x" * 2000,
                                         source_id=source)
        claims, targets = [], []
        for number, link in enumerate(link_rows[:5000]):
            claim_id = new_id()
            claims.append({"id": claim_id, "document_id": document, "excerpt": "x" * 20,
                           "span_start": number % 1000, "span_end": number % 1000 + 20,
                           "statement": "", "credibility": 2, "status": "unverified",
                           "created_at": "2026-11-01T00:00:00+00:00"})
            targets.append({"id": new_id(), "claim_id": claim_id, "stance": "supports",
                            "link_id": link["id"]})
        tx.bulk_insert(Claim, claims)
        tx.bulk_insert(ClaimTarget, targets)
    return case

"""The case (or one entity's ownership chain) as a BODS 0.4 statement package.

People become person statements, companies and other bodies entity statements, and
every ownership or control link a relationship statement whose interests keep what the
case knows: the kind of interest (a BODS import's ``bodsInterestType``; else
shareholding for Ownership, otherInfluenceOrControl for Control), an exact share or a
range, start and end dates, direct or indirect, and — for a declared indirect interest
read from BODS — the component records it runs through. Records read from BODS keep
their ``recordId``; everything else is identified by the case's own ids.

BODS dates are full dates: a partial start or end date ("2022") is rounded to its first
day, as the standard allows, and the rounding is said in the interest's ``details``.
Every statement validates against the official schema (tests/db/test_bods_export.py).
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from db.core.progress import NO_PROGRESS, Progress
from db.formats import ftm_model
from db.formats.bods import stable_id
from db.formats.bods_schema import HERE as SCHEMA_FOLDER
from db.formats.output import replacing
from db.formats.results import FormatError
from db.models import Entity, Link
from db.partial_date import PartialDate

RELATIONSHIPS = {"Ownership": "shareholding", "Control": "otherInfluenceOrControl"}
ENTITY_TYPES = {"Company": "registeredEntity", "PublicBody": "stateBody",
                "Organization": "legalEntity", "LegalEntity": "legalEntity"}


def _interest_types() -> frozenset[str]:
    schema = json.loads((SCHEMA_FOLDER / "relationship-record.json").read_text(encoding="utf-8"))
    return frozenset(schema["$defs"]["Interest"]["properties"]["type"]["enum"])


INTEREST_TYPES = _interest_types()


def _full_date(text: str | None) -> tuple[str | None, bool]:
    """(YYYY-MM-DD, rounded?) for a partial date; (None, False) when there is none."""
    parsed = PartialDate.parse(text) if text else None
    if parsed is None:
        return None, False
    return parsed.earliest().isoformat(), parsed.day is None


def _first(props: dict[str, list[str]], key: str) -> str | None:
    values = props.get(key) or []
    return str(values[0]) if values else None


class _Package:
    def __init__(self, publisher: str, today: str):
        self.statements: list[dict[str, Any]] = []
        self.publication = {"publicationDate": today, "bodsVersion": "0.4",
                            "publisher": {"name": publisher}}
        self.today = today
        self.record_ids: dict[str, str] = {}

    def record_id(self, entity: Entity) -> str:
        return self.record_ids.setdefault(
            entity.id, _first(entity.properties or {}, "bodsRecordId") or entity.id)

    def statement(self, kind: str, record_id: str, subject: str, details: dict[str, Any],
                  statement_date: str | None) -> None:
        self.statements.append({
            "statementId": stable_id("bods-export", kind, record_id, json.dumps(
                details, sort_keys=True, ensure_ascii=False)),
            "declarationSubject": subject, "statementDate": statement_date or self.today,
            "publicationDetails": self.publication, "recordId": record_id,
            "recordStatus": "new", "recordType": kind, "recordDetails": details})

    def entity(self, entity: Entity) -> None:
        props = entity.properties or {}
        record = self.record_id(entity)
        if entity.schema == "Person":
            details: dict[str, Any] = {
                "isComponent": False, "personType": "knownPerson",
                "names": [{"type": "legal", "fullName": entity.caption}] + [
                    {"type": "alternative", "fullName": n} for n in props.get("alias", [])]}
            countries = [ftm_model.country_code(c) for c in props.get("nationality", [])]
            if any(countries):
                details["nationalities"] = [{"name": c.upper(), "code": c.upper()}
                                            for c in countries if c and len(c) == 2]
            birth = _first(props, "birthDate")
            if birth and _valid(birth):
                details["birthDate"] = birth
            self.statement("person", record, record, details, None)
            return
        kind = ENTITY_TYPES.get(entity.schema, "unknownEntity")
        if entity.role == "state":
            kind = "state"
        details = {"isComponent": False, "entityType": {"type": kind}, "name": entity.caption}
        if props.get("alias"):
            details["alternateNames"] = list(props["alias"])
        code = next((ftm_model.country_code(c) for c in
                     props.get("jurisdiction", []) + props.get("country", [])
                     if ftm_model.country_code(c)), None)
        if code:
            details["jurisdiction"] = {"name": code.upper(), "code": code.upper()[:2]}
        identifiers = [{"id": n, "schemeName": "registration number"}
                       for n in props.get("registrationNumber", [])]
        identifiers += [{"id": n, "schemeName": "LEI", "scheme": "XI-LEI"}
                        for n in props.get("leiCode", [])]
        if identifiers:
            details["identifiers"] = identifiers
        founded, _ = _full_date(_first(props, "incorporationDate"))
        if founded:
            details["foundingDate"] = founded
        if props.get("address"):
            details["addresses"] = [{"type": "registered", "address": a}
                                    for a in props["address"]]
        self.statement("entity", record, record, details, None)

    def relationship(self, links: list[Link], record: str, subject: Entity,
                     party: Entity) -> None:
        props = links[0].properties or {}
        interests = [self._interest(link) for link in links]
        details: dict[str, Any] = {
            "isComponent": _first(props, "bodsComponent") == "true",
            "subject": self.record_id(subject), "interestedParty": self.record_id(party),
            "interests": interests}
        components = props.get("bodsComponentRecords")
        if components:
            details["componentRecords"] = list(components)
        starts = [i["startDate"] for i in interests if i.get("startDate")]
        self.statement("relationship", record, self.record_id(subject), details,
                       min(starts) if starts else None)

    @staticmethod
    def _interest(link: Link) -> dict[str, Any]:
        props = link.properties or {}
        kind = _first(props, "bodsInterestType")
        if kind not in INTEREST_TYPES:
            kind = RELATIONSHIPS.get(link.schema, "unknownInterest")
        direct = _first(props, "bodsDirectOrIndirect")
        interest: dict[str, Any] = {
            "type": kind,
            "directOrIndirect": direct if direct in ("direct", "indirect", "unknown") else (
                "indirect" if _first(props, "bodsIndirect") == "true" else "direct"),
            "beneficialOwnershipOrControl": _first(props, "bodsBeneficialOwnershipOrControl")
            == "true"}
        if link.share_exact is not None:
            interest["share"] = {"exact": link.share_exact}
        elif link.share_min is not None or link.share_max is not None:
            interest["share"] = {k: v for k, v in (("minimum", link.share_min),
                                                   ("maximum", link.share_max)) if v is not None}
        notes = [_first(props, "bodsDetails")] if _first(props, "bodsDetails") else []
        for key, value in (("startDate", link.start_date), ("endDate", link.end_date)):
            full, rounded = _full_date(value)
            if full:
                interest[key] = full
                if rounded:
                    notes.append(f"{key} rounded from {value}")
        if notes:
            interest["details"] = "; ".join(notes)
        return interest


def _valid(text: str) -> bool:
    try:
        return PartialDate.parse(text) is not None
    except ValueError:
        return False


def _chain(session: Any, entity_id: str) -> set[str]:
    """The entity and everyone above it through ownership and control links."""
    upward: dict[str, list[str]] = defaultdict(list)
    for source, target in session.execute(select(Link.source_id, Link.target_id).where(
            Link.schema.in_(list(RELATIONSHIPS)))):
        upward[target].append(source)
    seen, frontier = {entity_id}, [entity_id]
    while frontier:
        for owner in upward[frontier.pop()]:
            if owner not in seen:
                seen.add(owner)
                frontier.append(owner)
    return seen


def _is_relationship(link: Link) -> bool:
    return link.schema in RELATIONSHIPS or bool((link.properties or {}).get("bodsInterestType"))


def export_bods(case: Any, out: Path, progress: Progress = NO_PROGRESS, *,
                entity: str | None = None) -> dict[str, int]:
    """Write a BODS 0.4 package (a JSON array) of the case, or of ``entity``'s chain."""
    progress.step(0, 2, "Collecting ownership and control")
    package = _Package(case.name if hasattr(case, "name") else "Case File Explorer",
                       date.today().isoformat())
    with case.session() as session:
        keep = _chain(session, entity) if entity else None
        if entity and session.get(Entity, entity) is None:
            raise FormatError(f"no entity with id {entity!r}")
        links = [x for x in session.scalars(select(Link).order_by(Link.id)) if _is_relationship(x)
                 and (keep is None or (x.source_id in keep and x.target_id in keep))]
        ends = {e for x in links for e in (x.source_id, x.target_id)}
        entities = {e.id: e for e in session.scalars(select(Entity).order_by(Entity.id))
                    if e.id in ends or (keep is None and e.schema in {"Person", *ENTITY_TYPES})
                    or (keep is not None and e.id in keep)}
        progress.step(1, 2, "Writing statements")
        for row in entities.values():
            package.entity(row)
        records: dict[str, list[Link]] = defaultdict(list)
        for link in links:
            records[_first(link.properties or {}, "bodsRecordId") or link.id].append(link)
        for record, group in records.items():
            first = group[0]
            same_ends = [x for x in group if (x.source_id, x.target_id) ==
                         (first.source_id, first.target_id)]
            package.relationship(same_ends, record, entities[first.target_id],
                                 entities[first.source_id])
            for other in group:
                if other not in same_ends:
                    package.relationship([other], other.id, entities[other.target_id],
                                         entities[other.source_id])
    with replacing(out) as part:
        part.write_text(json.dumps(package.statements, ensure_ascii=False, indent=1) + "\n",
                        encoding="utf-8")
    kinds = defaultdict(int)
    for statement in package.statements:
        kinds[statement["recordType"]] += 1
    return {"statements": len(package.statements), **dict(kinds)}

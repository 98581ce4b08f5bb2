"""Beneficial Ownership Data Standard (BODS) 0.4 statement packages in.

A package is a JSON array of statements (or JSON Lines, one statement a line), each
validated against the official schema (``db/formats/bods_schema``) before anything is
read from it about records (entities, persons,
relationships). Each relationship's interests become links — shareholdings become
``Ownership``, voting rights, board appointments and other influence become
``Control`` — with exact or ranged shares and start/end dates. A record's history
(``recordStatus`` new → updated → closed, ordered by ``statementDate``) becomes dated
links: an update ends the previous version the day before the new one starts; a
closing statement ends the open links at its ``statementDate``.

The file itself is stored as a document (its bytes and SHA-256), its publisher as a
source, and every relationship statement as a claim whose excerpt is the statement's
exact text at its exact place in the file.

Declared indirect interests. BODS lets a declaration state an owner's indirect
interest *and* the chain it runs through (``componentRecords``). Counting both would
double the owner's share, so:

* when the components hold a complete ownership path from the owner to the subject,
  every step with a known share, the chain already computes the indirect share: the
  declared interest is kept as an ``UnknownLink`` (role "declared indirect interest …",
  properties ``bodsIndirect``) that the chain analysis ignores;
* otherwise the declared share is the only number there is: it becomes an
  ``Ownership`` link marked ``bodsIndirect``, and the owner's own first-hop component
  links that carry no share are kept as ``UnknownLink`` so they cannot make the
  owner's effective share unknown.

For ``indirect-ownership.json`` this gives Person 1 the declared 30% of Company A.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from datetime import timedelta
from pathlib import Path
from typing import Any

from db.core.progress import NO_PROGRESS, Progress
from db.formats.batch import clean_date, entity_row, link_row
from db.formats.bods_statements import _check, _parse, stable_id, statement_spans
from db.formats.results import FormatError, ImportBatch
from db.formats.validate import check_size
from db.models import utc_now
from db.partial_date import PartialDate
from db.wording import share_range_text

OWNERSHIP_INTERESTS = {"shareholding"}
# What the reader takes from each statement's recordDetails; any other field a statement
# carries is counted in the report ("not carried"), never dropped without a word.
READ_DETAILS = {
    "entity": frozenset({"isComponent", "entityType", "name", "alternateNames", "jurisdiction",
                         "identifiers", "foundingDate", "dissolutionDate", "addresses"}),
    "person": frozenset({"isComponent", "personType", "names", "birthDate", "nationalities",
                         "addresses"}),
    "relationship": frozenset({"isComponent", "componentRecords", "interestedParty",
                               "subject", "interests"})}
# Statement fields that say something the case does not keep (the publisher is kept).
NOT_CARRIED = ("annotations", "source", "declaration")
ENTITY_SCHEMA = {"registeredEntity": "Company", "legalEntity": "LegalEntity",
                 "arrangement": "LegalEntity", "anonymousEntity": "LegalEntity",
                 "unknownEntity": "LegalEntity", "state": "PublicBody",
                 "stateBody": "PublicBody"}


def _publisher(statement: dict[str, Any]) -> dict[str, Any]:
    publisher = (statement.get("publicationDetails") or {}).get("publisher") or {}
    return publisher if publisher.get("name") else {"name": "Unknown BODS publisher"}


def _day_before(text: str) -> str:
    parsed = PartialDate.parse(text)
    if parsed is None or parsed.day is None:
        return text
    return (parsed.earliest() - timedelta(days=1)).isoformat()


def _person(details: dict[str, Any]) -> tuple[str, str, dict[str, list[str]]]:
    names = [n.get("fullName") or " ".join(x for x in (n.get("givenName"), n.get("familyName"))
                                           if x) for n in details.get("names") or []]
    names = [n for n in names if n]
    props: dict[str, list[str]] = {"name": names[:1] or ["Unnamed person"]}
    if names[1:]:
        props["alias"] = names[1:]
    if clean_date(details.get("birthDate")):
        props["birthDate"] = [clean_date(details["birthDate"])]
    codes = [n["code"].lower() for n in details.get("nationalities") or [] if n.get("code")]
    if codes:
        props["nationality"] = codes
    addresses = [a["address"] for a in details.get("addresses") or [] if a.get("address")]
    if addresses:
        props["address"] = addresses
    return "Person", props["name"][0], props


def _entity(details: dict[str, Any]) -> tuple[str, str, dict[str, list[str]]]:
    kind = (details.get("entityType") or {}).get("type", "unknownEntity")
    name = details.get("name") or "Unnamed entity"
    props: dict[str, list[str]] = {"name": [name]}
    if details.get("alternateNames"):
        props["alias"] = [str(n) for n in details["alternateNames"]]
    code = (details.get("jurisdiction") or {}).get("code")
    if code:
        props["jurisdiction" if len(code) == 2 else "country"] = [code[:2].lower()]
        if len(code) != 2:
            props["bodsJurisdiction"] = [code]
    numbers = [i["id"] for i in details.get("identifiers") or [] if i.get("id")]
    if numbers:
        props["registrationNumber"] = numbers
        props["bodsIdentifier"] = [f"{i.get('scheme') or i.get('schemeName') or ''}:{i['id']}"
                                   for i in details["identifiers"] if i.get("id")]
    for key, prop in (("foundingDate", "incorporationDate"), ("dissolutionDate",
                                                                "dissolutionDate")):
        if clean_date(details.get(key)):
            props[prop] = [clean_date(details[key])]
    addresses = [a["address"] for a in details.get("addresses") or [] if a.get("address")]
    if addresses:
        props["address"] = addresses
    return ENTITY_SCHEMA.get(kind, "LegalEntity"), name, props


def _share(interest: dict[str, Any]) -> tuple[float | None, float | None]:
    share = interest.get("share") or {}
    if share.get("exact") is not None:
        return float(share["exact"]), float(share["exact"])
    low = share.get("minimum", share.get("exclusiveMinimum"))
    high = share.get("maximum", share.get("exclusiveMaximum"))
    return (None if low is None else float(low)), (None if high is None else float(high))


class _Reader:
    def __init__(self, data: bytes, name: str):
        self.name = name
        check_size(len(data), name)
        try:
            self.text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise FormatError(f"{name}: not UTF-8 text (byte {error.start})") from None
        self.data = data
        self.sha256 = hashlib.sha256(data).hexdigest()
        self.batch = ImportBatch(label=f"Import {name} (BODS)", origin=name)
        self.now = utc_now()

    def read(self, progress: Progress) -> ImportBatch:
        spans = statement_spans(self.text, self.name)
        statements = [_check(_parse(self.text, span, i, self.name), i, self.name)
                      for i, span in enumerate(spans, 1)]
        if not statements:
            raise FormatError(f"{self.name}: the package holds no statements")
        progress.step(0, len(statements), f"Reading {self.name}")
        self._count_not_carried(statements)
        self.publisher = _publisher(statements[0])
        self.source_id = stable_id("bods-source", self.publisher["name"])
        self.document_id = stable_id("bods-document", self.sha256)
        self.entity_ids: dict[str, str] = {}
        order = sorted(range(len(statements)),
                       key=lambda i: (clean_date(statements[i]["statementDate"]), i))
        self._entities([statements[i] for i in order])
        self._source_and_document(statements)
        relationships: dict[str, list[tuple[dict[str, Any], tuple[int, int]]]] = \
            defaultdict(list)
        for i in order:
            if statements[i]["recordType"] == "relationship":
                relationships[statements[i]["recordId"]].append((statements[i], spans[i]))
        self._relationships(relationships)
        return self.batch

    def _count_not_carried(self, statements: list[dict[str, Any]]) -> None:
        skipped = self.batch.skipped
        for statement in statements:
            kind = statement["recordType"]
            for key in NOT_CARRIED:
                if statement.get(key):
                    skipped[f"statement {key} (not carried)"] += 1
            details = statement["recordDetails"]
            for key in details:
                if key not in READ_DETAILS[kind]:
                    skipped[f"{kind} {key} (not carried)"] += 1
            if kind == "person" and details.get("personType", "knownPerson") != "knownPerson":
                skipped[f"person personType {details['personType']} (not carried)"] += 1

    def _entities(self, statements: list[dict[str, Any]]) -> None:
        rows: dict[str, dict[str, Any]] = {}
        for statement in statements:
            kind = statement["recordType"]
            if kind == "relationship":
                continue
            record = statement["recordId"]
            publisher = _publisher(statement)["name"]
            entity_id = self.entity_ids.setdefault(record, stable_id("bods-entity", publisher,
                                                                     record))
            details = statement["recordDetails"]
            schema, caption, props = _person(details) if kind == "person" else _entity(details)
            role = "state" if (details.get("entityType") or {}).get("type") == "state" else None
            props["bodsRecordId"] = [record]
            previous = rows.get(record)
            if previous:
                props["bodsStatementId"] = previous["properties"]["bodsStatementId"]
            props.setdefault("bodsStatementId", []).append(statement["statementId"])
            if statement.get("recordStatus") == "closed":
                props["bodsClosed"] = [clean_date(statement["statementDate"])]
            rows[record] = entity_row(entity_id, schema, caption, props, role=role,
                                      origin=self.name, now=self.now)
        self.batch.entities.extend(rows.values())

    def _source_and_document(self, statements: list[dict[str, Any]]) -> None:
        published = max((clean_date((s.get("publicationDetails") or {}).get("publicationDate"))
                         or "" for s in statements), default="") or None
        self.batch.sources.append({
            "id": self.source_id, "name": self.publisher["name"], "kind": "BODS publisher",
            "reliability": "F", "url": self.publisher.get("url"), "entity_id": None,
            "notes": "Publisher of beneficial-ownership statements (BODS)",
            "origin": self.name, "created_by": None, "created_at": self.now})
        self.batch.blobs[self.sha256] = self.data
        self.batch.documents.append({
            "id": self.document_id, "title": f"BODS statements: {self.name}",
            "source_id": self.source_id, "author": None, "published": published,
            "retrieved": None, "url": self.publisher.get("url"), "file_name": self.name,
            "mime_type": "application/json", "sha256": self.sha256, "size": len(self.data),
            "text": self.text, "pages": None, "origin": self.name, "created_by": None,
            "created_at": self.now})

    # -- relationships --------------------------------------------------------------------
    def _relationships(self, records: dict[str, list[tuple[dict[str, Any],
                                                          tuple[int, int]]]]) -> None:
        latest = {record: versions[-1][0] for record, versions in records.items()}
        declared_cut, computed = self._indirect_plan(latest)
        for record, versions in records.items():
            open_links: list[dict[str, Any]] = []
            for statement, span in versions:
                status = statement.get("recordStatus", "new")
                claim_id = self._claim(statement, span)
                date = clean_date(statement["statementDate"])
                if status == "closed":
                    for row in open_links:
                        row["end_date"] = row["end_date"] or date
                        self._target(claim_id, link_id=row["id"])
                    open_links = []
                    continue
                new_links = self._links(statement, record, declared_cut, computed,
                                        default_start=date if status == "updated" else None)
                if status == "updated" and open_links:
                    starts = [r["start_date"] for r in new_links if r["start_date"]]
                    end = _day_before(min(starts)) if starts else date
                    for row in open_links:
                        row["end_date"] = row["end_date"] or end
                open_links = [r for r in new_links if not r["end_date"]]
                for row in new_links:
                    self._target(claim_id, link_id=row["id"])
                if not new_links and not isinstance(
                        statement["recordDetails"]["interestedParty"], str):
                    self._unspecified(statement, claim_id)

    def _indirect_plan(self, latest: dict[str, dict[str, Any]]) -> tuple[set[str], set[str]]:
        """(component records to keep as UnknownLink, declared records the chain computes)."""
        cut: set[str] = set()
        computed: set[str] = set()
        for record, statement in latest.items():
            details = statement["recordDetails"]
            components = [c for c in details.get("componentRecords") or [] if c in latest]
            indirect = [i for i in details.get("interests") or []
                        if i.get("directOrIndirect") == "indirect"
                        and i.get("type") in OWNERSHIP_INTERESTS]
            if not components or not indirect:
                continue
            owner, subject = details["interestedParty"], details["subject"]
            edges: dict[str, list[str]] = defaultdict(list)
            for component in components:
                d = latest[component]["recordDetails"]
                shares = [i for i in d.get("interests") or []
                          if i.get("type") in OWNERSHIP_INTERESTS and _share(i)[0] is not None
                          and _share(i)[0] == _share(i)[1]]
                if shares and isinstance(d["interestedParty"], str):
                    edges[d["interestedParty"]].append(d["subject"])
            seen, frontier = {owner}, [owner]
            while frontier:
                node = frontier.pop()
                for nxt in edges[node]:
                    if nxt not in seen:
                        seen.add(nxt)
                        frontier.append(nxt)
            if subject in seen:
                computed.add(record)
            else:
                cut.update(c for c in components
                           if latest[c]["recordDetails"].get("interestedParty") == owner)
        return cut, computed

    def _links(self, statement: dict[str, Any], record: str, cut: set[str], computed: set[str],
               default_start: str | None) -> list[dict[str, Any]]:
        details = statement["recordDetails"]
        owner, subject = details["interestedParty"], details["subject"]
        if not isinstance(owner, str) or not isinstance(subject, str):
            return []
        publisher = _publisher(statement)["name"]
        source = self.entity_ids.get(owner) or stable_id("bods-entity", publisher, owner)
        target = self.entity_ids.get(subject) or stable_id("bods-entity", publisher, subject)
        rows = []
        for index, interest in enumerate(details.get("interests") or [{}]):
            kind = interest.get("type")
            direct = interest.get("directOrIndirect", "unknown")
            low, high = _share(interest)
            props: dict[str, list[str]] = {
                "bodsRecordId": [record], "bodsStatementId": [statement["statementId"]],
                "bodsInterestType": [kind or "unknown"], "bodsDirectOrIndirect": [direct]}
            if interest.get("beneficialOwnershipOrControl") is not None:
                props["bodsBeneficialOwnershipOrControl"] = [
                    str(interest["beneficialOwnershipOrControl"]).lower()]
            if details.get("isComponent"):
                props["bodsComponent"] = ["true"]
            if details.get("componentRecords"):
                props["bodsComponentRecords"] = [str(c) for c in details["componentRecords"]]
            if interest.get("details"):
                props["bodsDetails"] = [str(interest["details"])]
            role = kind or "interest of unknown type"
            if kind in OWNERSHIP_INTERESTS:
                schema = "Ownership"
            elif kind:
                schema = "Control"
            else:
                schema = "UnknownLink"
            if direct == "indirect" and kind in OWNERSHIP_INTERESTS:
                props["bodsIndirect"] = ["true"]
                if record in computed:
                    schema = "UnknownLink"
                    role = f"declared indirect interest: {kind}" + (
                        f" {share_range_text(low, high)}" if low is not None and low == high else "")
            elif record in cut and schema != "Control" and low is None and high is None:
                schema = "UnknownLink"
                role = f"{kind or 'interest'} (component of a declared indirect interest)"
            rows.append(link_row(
                schema, source, target,
                link_id=stable_id("bods-link", statement["statementId"], str(index)),
                role=role, start_date=clean_date(interest.get("startDate")) or default_start,
                end_date=clean_date(interest.get("endDate")), share_min=low, share_max=high,
                properties=props, origin=self.name, now=self.now))
        self.batch.links.extend(rows)
        return rows

    def _claim(self, statement: dict[str, Any], span: tuple[int, int]) -> str:
        details = statement["recordDetails"]
        claim_id = stable_id("bods-claim", self.sha256, statement["statementId"])
        names = {r["properties"]["bodsRecordId"][0]: r["caption"] for r in self.batch.entities}
        owner = details["interestedParty"]
        owner_name = names.get(owner, owner) if isinstance(owner, str) else \
            f"an unspecified party ({owner.get('reason', 'no reason given')})"
        interests = ", ".join(_interest_text(i) for i in details.get("interests") or []) \
            or "no interests stated"
        text = (f"BODS {statement.get('recordStatus', 'new')} statement of "
                f"{clean_date(statement['statementDate'])}: {owner_name} → "
                f"{names.get(details['subject'], details['subject'])}: {interests}")
        self.batch.claims.append({
            "id": claim_id, "document_id": self.document_id,
            "excerpt": self.text[span[0]:span[1]], "span_start": span[0], "span_end": span[1],
            "page": None, "rects": None, "statement": text, "source_id": None,
            "reliability": None, "credibility": 6, "status": "unverified", "author": None,
            "origin": self.name, "created_at": self.now})
        return claim_id

    def _target(self, claim_id: str, *, link_id: str | None = None,
                entity_id: str | None = None, prop: str | None = None,
                value: str | None = None) -> None:
        self.batch.claim_targets.append({
            "id": stable_id("bods-target", claim_id, link_id or entity_id or ""),
            "claim_id": claim_id, "stance": "supports", "entity_id": entity_id, "prop": prop,
            "value": value, "link_id": link_id, "event_id": None})

    def _unspecified(self, statement: dict[str, Any], claim_id: str) -> None:
        details = statement["recordDetails"]
        party = details["interestedParty"]
        reason = party.get("reason", "unknown") if isinstance(party, dict) else "unknown"
        note = f"Owner not disclosed ({reason})"
        if isinstance(party, dict) and party.get("description"):
            note += f": {party['description']}"
        self.batch.skipped[f"relationships with an unspecified interested party ({reason})"] += 1
        subject = self.entity_ids.get(details["subject"])
        for row in self.batch.entities:
            if row["id"] == subject:
                row["properties"].setdefault("notes", []).append(note)
                self._target(claim_id, entity_id=subject, prop="notes", value=note)


def read_bods(path: str | Path, progress: Progress = NO_PROGRESS) -> ImportBatch:
    path = Path(path)
    return _Reader(path.read_bytes(), path.name).read(progress)


def _interest_text(interest: dict[str, Any]) -> str:
    """"shareholding 50% (direct)": one declared interest, as a claim quotes it."""
    exact = (interest.get("share") or {}).get("exact")
    share = f" {share_range_text(exact, exact)}" if exact is not None else ""
    return (f"{interest.get('type') or 'interest'}{share} "
            f"({interest.get('directOrIndirect', 'unknown')})")

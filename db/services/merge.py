"""Merge a colleague's case file into this one, losing nothing and naming origins.

``plan_merge`` reads the other case (no writes) and proposes which of its entities are
ours: first by id (including ids we folded earlier, kept in ``mergedIds``), then by
normalised name plus identifiers and country, scored. Pairs come out as "same" or
"unsure"; property values and stakes that differ are listed as conflicts. The plan is
plain data (``to_dict`` for ``--dry-run --json`` and the review dialog).

``apply_merge`` turns the plan and the reviewer's decisions into ONE ``Command``: one
undoable step in one transaction, so a failure or a cancel leaves the case as it was.
Everything in the other case comes over — entities, links, sources, documents, claims,
events, judgements — with ``origin`` naming the other case (name and case id) and its
author kept. Entities judged the same are folded into ours (names become aliases, the
other id goes to ``mergedIds``) and every decision is stored as a judgement. Running
the same merge again adds nothing: items are recognised by id, ``mergedIds`` and the
documents' SHA-256.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.core.casefile import CaseFile
from db.core.commands import Command
from db.core.progress import NO_PROGRESS, Progress
from db.core.transaction import Transaction
from db.models import (
    Blob,
    Claim,
    ClaimTarget,
    Document,
    Entity,
    Event,
    EventEntity,
    Judgement,
    Link,
    NodePosition,
    Source,
    new_id,
    utc_now,
)
from db.schemata import IDENTIFIER_PROPERTIES
from db.wording import Stake, dates_not_stated, share_range_text, translate

SAME_SCORE = 0.8
UNSURE_SCORE = 0.3
LEGAL_FORMS = {"jsc", "pjsc", "ojsc", "cjsc", "llc", "ltd", "limited", "inc", "corp", "plc",
               "gmbh", "ag", "sa", "oy", "ab", "ao", "pao", "ooo", "bv", "nv", "co"}


def normalise_name(name: str) -> str:
    """Case-, accent-, punctuation- and legal-form-insensitive form of a name."""
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    words = [w for w in re.split(r"[\W_]+", text) if w and w not in LEGAL_FORMS]
    return " ".join(words)


def _names(entity: dict[str, Any]) -> set[str]:
    props = entity["properties"] or {}
    names = [entity["caption"]] + props.get("name", []) + props.get("alias", [])
    return {n for n in (normalise_name(x) for x in names) if n}


def _identifiers(entity: dict[str, Any]) -> set[tuple[str, str]]:
    props = entity["properties"] or {}
    return {(p, re.sub(r"\W", "", v).casefold()) for p in IDENTIFIER_PROPERTIES
            for v in props.get(p, [])}


def _countries(entity: dict[str, Any]) -> set[str]:
    props = entity["properties"] or {}
    return {c.casefold() for p in ("country", "jurisdiction", "nationality")
            for c in props.get(p, [])}


@dataclass
class Match:
    other_id: str
    other_caption: str
    our_id: str
    our_caption: str
    score: float
    category: str  # "same" or "unsure"
    reasons: list[str]


@dataclass
class Conflict:
    kind: str  # "property" or "link"
    our_id: str
    other_id: str
    what: str  # property name, or the link's schema and ends
    ours: list[str]
    theirs: list[str]


@dataclass
class MergePlan:
    other_path: str
    other_name: str
    other_case_id: str
    origin: str
    matches: list[Match] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    # kind → rows that will come over; for "entities", those matching none of ours
    new: dict[str, int] = field(default_factory=dict)
    present: dict[str, int] = field(default_factory=dict)  # kind → rows already here

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def default_decisions(self, accept_unsure: bool = False) -> dict[str, str]:
        return {m.other_id: "same" if m.category == "same" or accept_unsure else "unsure"
                for m in self.matches}


# -- reading ------------------------------------------------------------------------------
TABLES = (Entity, Link, Source, Document, Claim, ClaimTarget, Event, EventEntity, Judgement,
          NodePosition)


def _rows(session: Session, model: type) -> list[dict[str, Any]]:
    table = model.__table__
    return [dict(row._mapping) for row in session.execute(select(table))]


def _read(case: CaseFile) -> dict[str, list[dict[str, Any]]]:
    with case.session() as session:
        return {model.__tablename__: _rows(session, model) for model in TABLES}


def _open_other(case: CaseFile, other_path: str | Path) -> tuple[CaseFile, dict[str, str]]:
    other = CaseFile.open(Path(other_path), author=case.author)
    meta = other.meta()
    if meta.get("case_id") and meta.get("case_id") == case.meta().get("case_id"):
        other.engine.dispose()
        raise ValueError(f"{Path(other_path).name} is this very case; nothing to merge")
    return other, meta


def _score(ours: dict[str, Any], theirs: dict[str, Any]) -> tuple[float, list[str]]:
    score, reasons = 0.0, []
    our_ids, their_ids = _identifiers(ours), _identifiers(theirs)
    if our_ids & their_ids:
        score += 0.6
        reasons.append("same " + ", ".join(sorted({p for p, _ in our_ids & their_ids})))
    elif {p for p, _ in our_ids} & {p for p, _ in their_ids}:
        score -= 0.4
        reasons.append("different registration numbers")
    if _names(ours) & _names(theirs):
        score += 0.3
        reasons.append("same name")
    if ours["schema"] == theirs["schema"]:
        score += 0.05
        reasons.append(f"both {ours['schema']}")
    our_c, their_c = _countries(ours), _countries(theirs)
    if our_c and their_c:
        if our_c & their_c:
            score += 0.05
            reasons.append("same country")
        else:
            score -= 0.2
            reasons.append("different countries")
    return round(score, 3), reasons


def _match(ours: list[dict[str, Any]], theirs: list[dict[str, Any]]) -> list[Match]:
    by_id = {e["id"]: e for e in ours}
    merged = {m: e for e in ours for m in (e["properties"] or {}).get("mergedIds", [])}
    by_name: dict[str, list[dict[str, Any]]] = {}
    by_identifier: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for entity in ours:
        for name in _names(entity):
            by_name.setdefault(name, []).append(entity)
        for ident in _identifiers(entity):
            by_identifier.setdefault(ident, []).append(entity)
    matches = []
    for other in theirs:
        hit = by_id.get(other["id"]) or merged.get(other["id"])
        if hit is not None:
            matches.append(Match(other["id"], other["caption"], hit["id"], hit["caption"], 1.0,
                                 "same", ["same id" if hit["id"] == other["id"]
                                          else "merged before"]))
            continue
        candidates = {e["id"]: e for n in _names(other) for e in by_name.get(n, [])}
        candidates.update({e["id"]: e for i in _identifiers(other)
                           for e in by_identifier.get(i, [])})
        best = None
        for candidate in candidates.values():
            score, reasons = _score(candidate, other)
            if best is None or score > best[0]:
                best = (score, reasons, candidate)
        if best is not None and best[0] >= UNSURE_SCORE:
            score, reasons, candidate = best
            matches.append(Match(other["id"], other["caption"], candidate["id"],
                                 candidate["caption"], score,
                                 "same" if score >= SAME_SCORE else "unsure", reasons))
    return matches


def _link_key(link: dict[str, Any], mapping: dict[str, str]) -> tuple[str, str, str]:
    return (link["schema"], mapping.get(link["source_id"], link["source_id"]),
            mapping.get(link["target_id"], link["target_id"]))


def _stake(link: dict[str, Any]) -> list[str]:
    """A link's stake as a reviewer reads it: "share unknown", "6.2 bn RUB", dates."""
    stake = Stake.of(link)
    return [stake.share_text(link["schema"]) or share_range_text(None, None),
            stake.value_text() or translate("Wording", "value not stated"),
            stake.period_text(dates_not_stated())]


def _conflicts(ours: dict[str, list[dict[str, Any]]], theirs: dict[str, list[dict[str, Any]]],
               matches: list[Match]) -> list[Conflict]:
    our_entities = {e["id"]: e for e in ours["entities"]}
    their_entities = {e["id"]: e for e in theirs["entities"]}
    conflicts = []
    for match in matches:
        a = our_entities[match.our_id]["properties"] or {}
        b = their_entities[match.other_id]["properties"] or {}
        for prop in sorted(set(a) & set(b) - {"name", "alias", "mergedIds"}):
            if set(a[prop]) != set(b[prop]):
                conflicts.append(Conflict("property", match.our_id, match.other_id, prop,
                                          list(a[prop]), list(b[prop])))
    mapping = {m.other_id: m.our_id for m in matches}
    our_links: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for link in ours["links"]:
        our_links.setdefault(_link_key(link, {}), []).append(link)
    our_link_ids = {link["id"] for link in ours["links"]}
    for link in theirs["links"]:
        if link["id"] in our_link_ids:
            continue
        for mine in our_links.get(_link_key(link, mapping), []):
            if _stake(mine) != _stake(link):
                source = our_entities.get(mine["source_id"], {}).get("caption", mine["source_id"])
                target = our_entities.get(mine["target_id"], {}).get("caption", mine["target_id"])
                conflicts.append(Conflict("link", mine["id"], link["id"],
                                          f"{link['schema']}: {source} → {target}",
                                          _stake(mine), _stake(link)))
    return conflicts


def plan_merge(case: CaseFile, other_path: str | Path,
               progress: Progress = NO_PROGRESS) -> MergePlan:
    """What merging ``other_path`` would do. Pure: writes nothing to ``case``."""
    progress.step(0, 3, "Reading the other case")
    other, meta = _open_other(case, other_path)
    try:
        theirs = _read(other)
    finally:
        other.engine.dispose()
    progress.step(1, 3, "Reading this case")
    ours = _read(case)
    progress.step(2, 3, "Matching entities")
    name = meta.get("name", Path(other_path).stem)
    plan = MergePlan(str(other_path), name, meta.get("case_id", ""),
                     f"{name} [{meta.get('case_id', '')}]")
    plan.matches = _match(ours["entities"], theirs["entities"])
    plan.conflicts = _conflicts(ours, theirs, plan.matches)
    for model in TABLES:
        table = model.__tablename__
        if table in ("entities", "node_positions"):
            continue
        keys = {_key(table, r) for r in ours[table]}
        if table == "documents":  # the same bytes and text are the same document
            keys |= {(r["sha256"], r["text"]) for r in ours[table]}
            present = sum(r["id"] in keys or (r["sha256"], r["text"]) in keys
                          for r in theirs[table])
        elif table == "sources":  # a source of the same name is the same speaker
            keys |= {r["name"].casefold() for r in ours[table]}
            present = sum(r["id"] in keys or r["name"].casefold() in keys
                          for r in theirs[table])
        else:
            present = sum(_key(table, r) in keys for r in theirs[table])
        plan.present[table] = present
        plan.new[table] = len(theirs[table]) - present
    folded = {m.other_id for m in plan.matches}
    plan.present["entities"] = sum(1 for m in plan.matches if m.score == 1.0)
    plan.new["entities"] = sum(1 for e in theirs["entities"] if e["id"] not in folded)
    progress.step(3, 3, "Done")
    return plan


def _key(table: str, row: dict[str, Any]) -> Any:
    if table == "event_entities":
        return (row["event_id"], row["entity_id"])
    if table == "node_positions":
        return row["entity_id"]
    return row["id"]


# -- applying -----------------------------------------------------------------------------
def apply_merge(case: CaseFile, plan: MergePlan, decisions: dict[str, str] | None = None,
                progress: Progress = NO_PROGRESS) -> Command:
    """The merge as one command; call ``.do(case)`` to run it (``.undo`` reverts all).

    ``decisions`` maps the other case's entity ids of ``plan.matches`` to "same",
    "not_same" or "unsure"; missing ones take the plan's category ("unsure" stays
    separate). Only "same" folds an entity into ours.
    """
    decisions = {**plan.default_decisions(), **(decisions or {})}
    bad = {d for d in decisions.values() if d not in ("same", "not_same", "unsure")}
    if bad:
        raise ValueError(f"a merge decision is same, not_same or unsure, not {bad.pop()!r}")
    return Command(f"Merge {plan.other_name}",
                   lambda tx: _apply(tx, case, plan, decisions, progress))


def _apply(tx: Transaction, case: CaseFile, plan: MergePlan, decisions: dict[str, str],
           progress: Progress) -> dict[str, int]:
    other, _meta = _open_other(case, plan.other_path)
    try:
        theirs = _read(other)
        with other.session() as other_session:
            blobs = {sha: data for sha, data in other_session.execute(select(Blob.sha256,
                                                                             Blob.data))}
    finally:
        other.engine.dispose()
    session = tx.session
    origin = plan.origin
    added: dict[str, int] = {}
    steps = len(TABLES) + 2
    progress.step(0, steps, "Folding matched entities")
    matches = {m.other_id: m for m in plan.matches}
    mapping = {oid: m.our_id for oid, m in matches.items() if decisions.get(oid) == "same"}
    existing_judgements = {(j.left_id, j.right_id, j.decision)
                           for j in session.scalars(select(Judgement))}
    judgements = []
    now = utc_now()
    for entity in theirs["entities"]:
        match = matches.get(entity["id"])
        if match is None:
            continue
        decision = decisions.get(entity["id"], "unsure")
        if decision == "same":
            ours = session.get(Entity, match.our_id)
            if ours is None:
                raise ValueError(f"{match.our_caption} is no longer in this case; "
                                 "plan the merge again")
            _fold(tx, ours, entity)
        if match.our_id != entity["id"] and \
                (match.our_id, entity["id"], decision) not in existing_judgements:
            judgements.append({"id": new_id(), "left_id": match.our_id, "right_id": entity["id"],
                               "decision": decision, "score": match.score,
                               "note": f"merge of {origin}: " + "; ".join(match.reasons),
                               "author": tx.author, "created_at": now})
    # Sources with the same name are the same speaker; documents with the same bytes and
    # text are the same document.
    our_sources = {s.name.casefold(): s.id for s in session.scalars(select(Source))}
    source_map = {s["id"]: our_sources[s["name"].casefold()] for s in theirs["sources"]
                  if s["name"].casefold() in our_sources}
    our_docs = {(d.sha256, d.text): d.id for d in session.scalars(select(Document))}
    document_map = {d["id"]: our_docs[(d["sha256"], d["text"])] for d in theirs["documents"]
                    if (d["sha256"], d["text"]) in our_docs}
    remap = {"source_id": source_map, "document_id": document_map}

    def fresh(model: type, rows: list[dict[str, Any]], skip: dict[str, str] | None = None,
              entity_columns: tuple[str, ...] = ()) -> list[dict[str, Any]]:
        table = model.__tablename__
        keys = set()
        for start in range(0, len(rows), 500):
            chunk = rows[start:start + 500]
            if table == "event_entities":
                keys |= {(e, n) for e, n in session.execute(
                    select(EventEntity.event_id, EventEntity.entity_id).where(
                        EventEntity.event_id.in_([r["event_id"] for r in chunk])))}
            elif table == "node_positions":
                keys |= set(session.scalars(select(NodePosition.entity_id)))
            else:
                keys |= set(session.scalars(select(model.id).where(
                    model.id.in_([r["id"] for r in chunk]))))
        out = []
        for row in rows:
            row = dict(row)
            for column in entity_columns:
                if row.get(column):
                    row[column] = mapping.get(row[column], row[column])
            for column, table_map in remap.items():
                if row.get(column) in table_map:
                    row[column] = table_map[row[column]]
            if (skip and row.get("id") in skip) or _key(table, row) in keys:
                continue
            if "origin" in row and not row["origin"]:
                row["origin"] = origin
            out.append(row)
        return out

    entity_rows = [e for e in theirs["entities"] if e["id"] not in mapping]
    plan_rows = [
        (Entity, fresh(Entity, entity_rows)),
        (Source, fresh(Source, theirs["sources"], source_map, ("entity_id",))),
    ]
    new_documents = fresh(Document, theirs["documents"], document_map)
    for document in new_documents:
        tx.add_blob(document["sha256"], blobs[document["sha256"]])
    plan_rows.append((Document, new_documents))
    links = fresh(Link, theirs["links"], None, ("source_id", "target_id"))
    links = [r for r in links if r["source_id"] != r["target_id"]]
    dropped = {r["id"] for r in theirs["links"]} - {r["id"] for r in links} - set(
        session.scalars(select(Link.id).where(Link.id.in_([r["id"] for r in theirs["links"]]))))
    plan_rows += [
        (Link, links),
        (Event, fresh(Event, theirs["events"])),
        (Claim, fresh(Claim, theirs["claims"])),
        (ClaimTarget, [r for r in fresh(ClaimTarget, theirs["claim_targets"], None,
                                        ("entity_id",)) if r["link_id"] not in dropped]),
        (EventEntity, _dedupe(fresh(EventEntity, theirs["event_entities"], None,
                                    ("entity_id",)))),
        (Judgement, fresh(Judgement, theirs["judgements"], None, ("left_id", "right_id"))
         + judgements),
        (NodePosition, [r for r in fresh(NodePosition, theirs["node_positions"])
                        if r["entity_id"] not in mapping.values()]),
    ]
    for number, (model, rows) in enumerate(plan_rows, 1):
        progress.step(number, steps, f"Adding {model.__tablename__.replace('_', ' ')}")
        tx.bulk_insert(model, rows)
        added[model.__tablename__] = len(rows)
    added["same_entities"] = sum(1 for other_id, our_id in mapping.items() if other_id != our_id)
    progress.step(steps, steps, "Done")
    return added


def _dedupe(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen, out = set(), []
    for row in rows:
        key = (row["event_id"], row["entity_id"])
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out


def _fold(tx: Transaction, ours: Entity, theirs: dict[str, Any]) -> None:
    """Their names become our aliases, their values join ours, their id is remembered."""
    props = {k: list(v) for k, v in (ours.properties or {}).items()}
    names = set(props.get("name", [])) | {ours.caption}
    for key, values in (theirs["properties"] or {}).items():
        target = "alias" if key == "name" else key
        for value in values:
            if value not in props.get(target, []) and not (target == "alias" and value in names):
                props.setdefault(target, []).append(value)
    if theirs["caption"] not in names | set(props.get("alias", [])):
        props.setdefault("alias", []).append(theirs["caption"])
    if theirs["id"] != ours.id and theirs["id"] not in props.get("mergedIds", []):
        props.setdefault("mergedIds", []).append(theirs["id"])
    if props != ours.properties:
        tx.update(ours, properties=props, updated_at=utc_now())

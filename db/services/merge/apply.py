"""Apply a merge: the plan and the reviewer's decisions as ONE undoable command.

Everything in the other case comes over — entities, links, sources, documents, claims,
events, judgements — with ``origin`` naming the other case (name and case id) and its
author kept. Entities judged the same are folded into ours (names become aliases, the
other id goes to ``mergedIds``) and every decision is stored as a judgement. Running the
same merge again adds nothing: items are recognised by id, ``mergedIds`` and the
documents' SHA-256.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from db.core.casefile import CaseFile
from db.core.collector import paused_gc
from db.core.commands import Command
from db.core.progress import NO_PROGRESS, Progress
from db.core.signing import learn_signers
from db.core.transaction import Transaction
from db.models import (
    Blob,
    CaseMeta,
    Claim,
    ClaimTarget,
    Document,
    Entity,
    Event,
    EventEntity,
    Judgement,
    Link,
    NodePosition,
    Origin,
    Signature,
    Source,
    new_id,
    utc_now,
)
from db.services.merge.names import MATCH_IDENTIFIERS, identifier_value
from db.services.merge.plan import MergePlan, _open_other
from db.services.merge.reading import TABLES
from db.services.merge.reading import row_key as _key
from db.services.merge.reconcile import disputed_claims, reconcile, target_key


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
    def merge(tx: Transaction) -> dict[str, int]:
        with paused_gc():  # tens of thousands of plain rows: no cyclic garbage
            return _apply(tx, case, plan, decisions, progress)

    return Command(f"Merge {plan.other_name}", merge)


def _apply(tx: Transaction, case: CaseFile, plan: MergePlan, decisions: dict[str, str],
           progress: Progress) -> dict[str, int]:
    other, _meta = _open_other(case, plan.other_path)
    try:
        theirs = plan.read_once(other)
        with other.session() as other_session:
            learn_signers(other_session)  # custody: their signers' keys become known
            blobs = {sha: data for sha, data in other_session.execute(select(Blob.sha256,
                                                                             Blob.data))}
            # Their author's key, as their latest signature names it (None: never signed).
            fingerprint = other_session.scalar(
                select(Signature.fingerprint).where(Signature.signer == plan.other_author)
                .order_by(Signature.signed_at.desc()).limit(1))
    finally:
        other.engine.dispose()
    session = tx.session
    origin = plan.origin
    added: dict[str, int] = {}
    steps = len(TABLES) + 3
    progress.step(0, steps, "Folding matched entities")
    matches = {m.other_id: m for m in plan.matches}
    mapping = {oid: m.our_id for oid, m in matches.items() if decisions.get(oid) == "same"}
    ours = plan.ours_now(session)  # the plan's read, unless the case changed since
    existing_judgements = {(j["left_id"], j["right_id"], j["decision"])
                           for j in ours["judgements"]}
    judgements = []
    now = utc_now()
    wanted = set(mapping.values())
    ours_folded = {e["id"]: e for e in ours["entities"] if e["id"] in wanted}
    folds: dict[str, dict[str, Any]] = {}  # our id → its properties with theirs folded in
    for entity in theirs["entities"]:
        match = matches.get(entity["id"])
        if match is None:
            continue
        decision = decisions.get(entity["id"], "unsure")
        if decision == "same":
            mine = ours_folded.get(match.our_id)
            if mine is None:
                raise ValueError(f"{match.our_caption} is no longer in this case; "
                                 "plan the merge again")
            base = folds.get(mine["id"], mine["properties"])
            folds[mine["id"]] = _fold(base, mine["caption"], mine["id"], entity)
        if match.our_id != entity["id"] and \
                (match.our_id, entity["id"], decision) not in existing_judgements:
            judgements.append({"id": new_id(), "left_id": match.our_id, "right_id": entity["id"],
                               "decision": decision, "score": match.score,
                               "note": f"merge of {origin}: " + "; ".join(match.reasons),
                               "author": tx.author, "created_at": now})
    befores = [ours_folded[i] for i, props in folds.items()
               if props != ours_folded[i]["properties"]]
    tx.bulk_update(Entity, befores, [
        {**row, "properties": folds[row["id"]], "updated_at": now,
         "row_version": (row.get("row_version") or 1) + 1} for row in befores])
    # Sources with the same name are the same speaker; documents with the same bytes and
    # text are the same document.
    our_sources = {s["name"].casefold(): s["id"] for s in ours["sources"]}
    source_map = {s["id"]: our_sources[s["name"].casefold()] for s in theirs["sources"]
                  if s["name"].casefold() in our_sources}
    our_docs = {(d["sha256"], d["text"]): d["id"] for d in ours["documents"]}
    document_map = {d["id"]: our_docs[(d["sha256"], d["text"])] for d in theirs["documents"]
                    if (d["sha256"], d["text"]) in our_docs}
    found = reconcile(ours, theirs, mapping, document_map, origin)
    remap = {"source_id": source_map, "document_id": document_map, "claim_id": found.claim_map,
             "link_id": found.link_map, "event_id": found.event_map}

    def fresh(model: type, rows: list[dict[str, Any]], skip: dict[str, str] | None = None,
              entity_columns: tuple[str, ...] = ()) -> list[dict[str, Any]]:
        """Their rows, re-pointed at ours, that are not in this case already."""
        table = model.__tablename__
        keys = {_key(table, r) for r in ours[table]}
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
        (Origin, _origins(session, ours["origins"], theirs["origins"], plan, tx.author, now,
                          fingerprint)),
        (Entity, fresh(Entity, entity_rows)),
        (Source, fresh(Source, theirs["sources"], source_map, ("entity_id",))),
    ]
    new_documents = fresh(Document, theirs["documents"], document_map)
    for document in new_documents:
        tx.add_blob(document["sha256"], blobs[document["sha256"]])
    plan_rows.append((Document, new_documents))
    links = fresh(Link, theirs["links"], found.link_map, ("source_id", "target_id"))
    links = [r for r in links if r["source_id"] != r["target_id"]]
    dropped = {r["id"] for r in theirs["links"]} - {r["id"] for r in links} - set(
        found.link_map) - {r["id"] for r in ours["links"]}
    existing_targets = {target_key(t) for t in ours["claim_targets"]}
    targets = [r for r in fresh(ClaimTarget, theirs["claim_targets"], None, ("entity_id",))
               if r["link_id"] not in dropped and target_key(r) not in existing_targets]
    targets = _unique(targets, target_key)
    disputed = disputed_claims([*ours["claim_targets"], *targets], set(found.disputed_links))
    claims = fresh(Claim, theirs["claims"], found.claim_map)
    for claim in claims:
        if claim["id"] in disputed:
            claim["status"] = "disputed"
    plan_rows += [
        (Link, links),
        (Event, fresh(Event, theirs["events"], found.event_map)),
        (Claim, claims),
        (ClaimTarget, targets),
        (EventEntity, _unique(fresh(EventEntity, theirs["event_entities"], None,
                                    ("entity_id",)), lambda r: (r["event_id"], r["entity_id"]))),
        (Judgement, fresh(Judgement, theirs["judgements"], None, ("left_id", "right_id"))
         + judgements),
        (NodePosition, [r for r in fresh(NodePosition, theirs["node_positions"])
                        if r["entity_id"] not in mapping.values()]),
    ]
    for number, (model, rows) in enumerate(plan_rows, 1):
        progress.step(number, steps, f"Adding {model.__tablename__.replace('_', ' ')}")
        tx.bulk_insert(model, rows)
        added[model.__tablename__] = len(rows)
    added["disputed_links"] = _mark_disputes(tx, found.disputed_links, disputed)
    added["attached_links"] = len(found.link_map)
    added["same_entities"] = sum(1 for other_id, our_id in mapping.items() if other_id != our_id)
    progress.step(steps, steps, "Done")
    return added


def _origins(session, ours: list[dict[str, Any]], theirs: list[dict[str, Any]],
             plan: MergePlan, author: str | None, now: str,
             fingerprint: str | None) -> list[dict[str, Any]]:
    """The other case as an origin (whose it was, when merged, by whom) and the origins
    it carried itself; none already known."""
    known = {r["case_id"] for r in ours}
    ours = session.get(CaseMeta, "case_id")
    if ours is not None:  # our own work coming back is not "from" anyone
        known.add(ours.value)
    rows = [dict(r) for r in theirs if r["case_id"] not in known]
    if plan.other_case_id and plan.other_case_id not in known:
        rows.append({"case_id": plan.other_case_id, "name": plan.other_name,
                     "author": plan.other_author or None,
                     "organisation": plan.other_organisation or None,
                     "fingerprint": fingerprint, "merged_at": now, "merged_by": author})
    return _unique(rows, lambda r: r["case_id"])


def _mark_disputes(tx: Transaction, links: dict[str, list[dict[str, Any]]],
                   claim_ids: set[str]) -> int:
    """Keep the other stake on our link and mark both sides' claims disputed."""
    for link_id, stakes in links.items():
        link = tx.session.get(Link, link_id)
        props = dict(link.properties or {})
        kept = list(props.get("disputedStakes", []))
        kept += [s for s in stakes if s not in kept]
        if kept != props.get("disputedStakes"):
            tx.update(link, properties={**props, "disputedStakes": kept})
    for claim in tx.session.scalars(select(Claim).where(Claim.id.in_(claim_ids))):
        if claim.status != "disputed":
            tx.update(claim, status="disputed")
    return len(links)


def _unique(rows: list[dict[str, Any]], key) -> list[dict[str, Any]]:
    seen, out = set(), []
    for row in rows:
        if key(row) not in seen:
            seen.add(key(row))
            out.append(row)
    return out


_IDENTIFIERS = frozenset(MATCH_IDENTIFIERS)


def _fold(properties: dict[str, Any], caption: str, our_id: str,
          theirs: dict[str, Any]) -> dict[str, Any]:
    """Our properties with theirs folded in: their names become our aliases, their values
    join ours, their id is remembered (``mergedIds``)."""
    props = {k: list(v) for k, v in (properties or {}).items()}
    names = set(props.get("name", [])) | {caption}
    for key, values in (theirs["properties"] or {}).items():
        target = "alias" if key == "name" else key
        have = props.get(target, [])
        # "1021 602013971" is the number we have, spaced differently
        numbers = ({identifier_value(v) for v in have} if target in _IDENTIFIERS else None)
        for value in values:
            if numbers is not None:
                number = identifier_value(value)
                if number in numbers:
                    continue
                numbers.add(number)
            if value not in have and not (target == "alias" and value in names):
                have = props.setdefault(target, have)
                have.append(value)
    if theirs["caption"] not in names | set(props.get("alias", [])):
        props.setdefault("alias", []).append(theirs["caption"])
    if theirs["id"] != our_id and theirs["id"] not in props.get("mergedIds", []):
        props.setdefault("mergedIds", []).append(theirs["id"])
    return props

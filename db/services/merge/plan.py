"""Plan a merge: read the colleague's case (no writes), propose which of its entities
are ours, list the conflicts. The plan is plain data (``to_dict`` for ``--dry-run
--json`` and the review dialog)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from db.core.casefile import CaseFile
from db.core.collector import paused_gc
from db.core.progress import NO_PROGRESS, Progress
from db.core.transfer import has_work_of_its_own
from db.schemata import INTERNAL_PROPERTIES
from db.services.merge.matching import Match, match_entities
from db.services.merge.names import MATCH_IDENTIFIERS, identifier_value
from db.services.merge.reading import (
    TABLES,
    Rows,
    audit_head,
    file_stamp,
    read_case,
    read_ours,
    read_session,
)
from db.services.merge.reading import row_key as _key
from db.services.merge.reconcile import link_key, reconcile, stake_differs
from db.wording import Stake, dates_not_stated, share_range_text, translate


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
    other_author: str = ""
    other_organisation: str = ""
    matches: list[Match] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    # kind → rows that will come over; for "entities", those matching none of ours
    new: dict[str, int] = field(default_factory=dict)
    present: dict[str, int] = field(default_factory=dict)  # kind → rows already here
    # kind → rows of theirs that are ours already and attach to them (links, claims,
    # events), with the default decisions; "disputed_links": our links whose stake theirs
    # contradicts
    attached: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def read_once(self, other: CaseFile) -> Rows:
        """The other case's rows: those the plan read, while the file is unchanged (one
        read of the other case per merge), else read again."""
        cached = getattr(self, "_theirs", None)
        if cached is not None and cached[0] == file_stamp(other.path):
            return cached[1]
        return read_case(other)

    def ours_now(self, session: Session) -> Rows:
        """Our rows: those the plan read while our audit head is where it was, else read
        again in ``session`` (the merge's own transaction)."""
        cached = getattr(self, "_ours", None)
        if cached is not None and cached[0] == audit_head(session):
            return cached[1]
        return read_session(session)

    def default_decisions(self, accept_unsure: bool = False) -> dict[str, str]:
        return {m.other_id: "same" if m.category == "same" or accept_unsure else "unsure"
                for m in self.matches}


def _open_other(case: CaseFile, other_path: str | Path) -> tuple[CaseFile, dict[str, str]]:
    other = CaseFile.open(Path(other_path), author=case.author)
    meta = other.meta()
    if (meta.get("case_id") and meta.get("case_id") == case.meta().get("case_id")
            and not has_work_of_its_own(other, case)):
        other.engine.dispose()
        raise ValueError(f"{Path(other_path).name} is this very case; nothing to merge")
    return other, meta


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
        for prop in sorted(set(a) & set(b) - {"name", "alias"} - INTERNAL_PROPERTIES):
            same = ({identifier_value(v) for v in a[prop]} == {identifier_value(v) for v in b[prop]}
                    if prop in MATCH_IDENTIFIERS else set(a[prop]) == set(b[prop]))
            if not same:
                conflicts.append(Conflict("property", match.our_id, match.other_id, prop,
                                          list(a[prop]), list(b[prop])))
    mapping = {m.other_id: m.our_id for m in matches}
    our_links: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for link in ours["links"]:
        our_links.setdefault(link_key(link, {}), []).append(link)
    our_link_ids = {link["id"] for link in ours["links"]}
    for link in theirs["links"]:
        if link["id"] in our_link_ids:
            continue
        for mine in our_links.get(link_key(link, mapping), []):
            if stake_differs(mine, link):
                source = our_entities.get(mine["source_id"], {}).get("caption", mine["source_id"])
                target = our_entities.get(mine["target_id"], {}).get("caption", mine["target_id"])
                conflicts.append(Conflict("link", mine["id"], link["id"],
                                          f"{link['schema']}: {source} → {target}",
                                          _stake(mine), _stake(link)))
    return conflicts


def plan_merge(case: CaseFile, other_path: str | Path,
               progress: Progress = NO_PROGRESS) -> MergePlan:
    """What merging ``other_path`` would do. Pure: writes nothing to ``case``."""
    with paused_gc():  # both cases' rows and every entity's keys: no cyclic garbage
        return _plan_merge(case, other_path, progress)


def _plan_merge(case: CaseFile, other_path: str | Path, progress: Progress) -> MergePlan:
    progress.step(0, 3, "Reading the other case")
    other, meta = _open_other(case, other_path)
    try:
        theirs = read_case(other)
    finally:
        other.engine.dispose()
    plan_stamp = file_stamp(Path(other_path))
    progress.step(1, 3, "Reading this case")
    head, ours = read_ours(case)
    progress.step(2, 3, "Matching entities")
    name = meta.get("name", Path(other_path).stem)
    plan = MergePlan(str(other_path), name, meta.get("case_id", ""),
                     f"{name} [{meta.get('case_id', '')}]", meta.get("author", ""),
                     meta.get("organisation", ""))
    plan.matches = match_entities(ours["entities"], theirs["entities"])
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
    same = {m.other_id: m.our_id for m in plan.matches if m.category == "same"}
    documents = {(d["sha256"], d["text"]): d["id"] for d in ours["documents"]}
    found = reconcile(ours, theirs, same, {d["id"]: documents[(d["sha256"], d["text"])]
                                           for d in theirs["documents"]
                                           if (d["sha256"], d["text"]) in documents},
                      plan.origin)
    plan.attached = {"links": len(found.link_map), "claims": len(found.claim_map),
                     "events": len(found.event_map),
                     "disputed_links": len(found.disputed_links)}
    for table, count in (("links", len(found.link_map)), ("claims", len(found.claim_map)),
                         ("events", len(found.event_map))):
        plan.new[table] -= count
    folded = {m.other_id for m in plan.matches}
    plan.present["entities"] = sum(1 for m in plan.matches if m.score == 1.0)
    plan.new["entities"] = sum(1 for e in theirs["entities"] if e["id"] not in folded)
    plan._theirs = (plan_stamp, theirs)  # not part of the plan's data: apply's one read
    plan._ours = (head, ours)
    progress.step(3, 3, "Done")
    return plan

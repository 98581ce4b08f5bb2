"""Replay the audit log and compare what it says with every row of the case.

The audit records every row a transaction wrote: full before/after images for edits,
each row's key and digest for bulk inserts (imports, merges). Replaying it in order gives
what every evidential table must hold; any row that differs (by field, or by digest for
bulk rows), is missing, or has no history at all was changed behind the app's back.
An edit recorded later is checked too: its before-image must equal the replayed state,
so a tamper that the app later edited over still shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.core.audit import ChainVerifier
from db.core.progress import NO_PROGRESS, Progress
from db.core.row_images import (
    NOT_REPLAYED,
    digester,
    normalised,
    row_key,
    table_of,
)
from db.models import AuditEntry, Base
from db.verify.findings import Finding, shown


@dataclass
class Image:
    """A row as the history last recorded it in full."""

    values: dict[str, Any]
    seq: int
    at: str


@dataclass
class Batch:
    table: str
    columns: list[str]
    digests: list[str]
    seq: int
    at: str

    def __post_init__(self) -> None:
        self.digest = digester(table_of(self.table), self.columns)


@dataclass
class BulkRow:
    """A row a bulk insert wrote: only its digest is recorded (``Batch``)."""

    batch: Batch | None  # None: recorded by id only (history from before digests)
    index: int

    @property
    def seq(self) -> int:
        return self.batch.seq if self.batch else 0

    @property
    def at(self) -> str:
        return self.batch.at if self.batch else ""


@dataclass
class Replay:
    """What the history says each table holds, and what it found along the way."""

    state: dict[str, dict[str, Image | BulkRow]] = field(default_factory=dict)
    blobs: set[str] = field(default_factory=set)
    findings: list[Finding] = field(default_factory=list)
    hashes: dict[int, str] = field(default_factory=dict)
    rows: int = 0


def _differences(table: str, expected: dict[str, Any], actual: dict[str, Any]) -> list[str]:
    names = [name for name in expected if name in actual]
    want, have = normalised(table_of(table), expected, names), normalised(
        table_of(table), actual, names)
    return [name for name in names if want[name] != have[name]]


def _matches(table: str, entry: Image | BulkRow, row: dict[str, Any]) -> list[str] | None:
    """The fields of ``row`` that differ from ``entry`` ([] when equal); None when the
    row differs from a bulk digest (which cannot say which field)."""
    if isinstance(entry, Image):
        return _differences(table, entry.values, row)
    if entry.batch is None:
        return []
    return [] if entry.batch.digest(row) == entry.batch.digests[entry.index] else None


def _apply_bulk(replay: Replay, entry: AuditEntry, progress: Progress) -> None:
    table = replay.state.setdefault(entry.object_type, {})
    image = entry.after or {}
    if "deleted" in image:
        for key in image["deleted"]:
            table.pop(str(key), None)
        return
    if "updated" in image:
        _apply_bulk_update(replay, entry, table, image)
        return
    keys = image.get("inserted", [])
    digests = image.get("digests")
    batch = None
    if digests is not None and len(digests) == len(keys):
        batch = Batch(entry.object_type, list(image.get("columns", [])), digests, entry.seq,
                      entry.at)
    for index, key in enumerate(keys):
        if index % 100_000 == 0:
            progress.step(index, len(keys), f"Replaying a bulk insert into {entry.object_type}")
        table[str(key)] = BulkRow(batch, index)


def _apply_bulk_update(replay: Replay, entry: AuditEntry, table: dict[str, Image | BulkRow],
                       image: dict[str, Any]) -> None:
    """Rows a bulk update (a merge folding entities) rewrote: each must have been, before
    it, what the history says (its before-digest), and is from now on its after-digest."""
    columns = list(image.get("columns", []))
    after = Batch(entry.object_type, columns, image.get("digests", []), entry.seq, entry.at)
    befores = image.get("before_digests") or {}
    for index, key in enumerate(image.get("updated", [])):
        key = str(key)
        current = table.get(key)
        if current is None:
            replay.findings.append(Finding(
                "state", entry.object_type, key, f"audit row {entry.seq} changes a row the "
                "history never created (history cut or rows added outside the app)"))
        elif not _was(current, after, befores, index):
            replay.findings.append(Finding(
                "state", entry.object_type, key, f"was changed outside the app before audit "
                f"row {entry.seq} (a merge) changed it", since=current.at))
        table[key] = BulkRow(after, index)


def _was(current: Image | BulkRow, after: Batch, befores: dict[str, list[str]],
         index: int) -> bool:
    """Whether the row the history holds is the one the update's before-digests describe
    (True when that cannot be told: history recorded by id only, or over other columns)."""
    if isinstance(current, Image):
        digests = befores.get(",".join(after.columns))
        return digests is None or after.digest(current.values) == digests[index]
    if current.batch is None:
        return True
    digests = befores.get(",".join(current.batch.columns))
    return digests is None or current.batch.digests[current.index] == digests[index]


def _apply_row(replay: Replay, entry: AuditEntry) -> None:
    name, key = entry.object_type, entry.object_id
    table = replay.state.setdefault(name, {})
    if entry.before is not None:
        current = table.get(key)
        if current is None:
            replay.findings.append(Finding(
                "state", name, key, f"audit row {entry.seq} changes a row the history "
                "never created (history cut or rows added outside the app)"))
        else:
            fields = _matches(name, current, entry.before)
            if fields is None or fields:
                replay.findings.append(Finding(
                    "state", name, key, f"was changed outside the app before audit row "
                    f"{entry.seq} edited it", ", ".join(fields or []), current.at))
    if entry.after is None:
        table.pop(key, None)
    else:
        table[key] = Image(entry.after, entry.seq, entry.at)


def replay_history(session: Session, progress: Progress = NO_PROGRESS) -> Replay:
    """Walk the audit log once: verify the chain and build the recorded state."""
    replay = Replay()
    verifier = ChainVerifier()
    total = session.scalar(select(func.count()).select_from(AuditEntry)) or 0
    for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.seq)
                                 .execution_options(yield_per=200)):
        replay.rows += 1
        if replay.rows % 200 == 0:
            progress.step(replay.rows, total, "Replaying the audit log")
        replay.hashes[entry.seq] = entry.hash
        replay.findings += [Finding("history", "audit_log", str(p.seq), p.reason)
                            for p in verifier.feed(entry)]
        if entry.object_type == "blobs":
            if entry.after:
                replay.blobs.add(str(entry.after.get("sha256")))
            continue
        if entry.object_type in NOT_REPLAYED or entry.object_type not in Base.metadata.tables:
            continue
        if entry.object_id.startswith("bulk:"):
            _apply_bulk(replay, entry, progress)
        else:
            _apply_row(replay, entry)
        session.expunge(entry)  # a million-id bulk row is not kept twice
    return replay


def replayed_tables() -> list[str]:
    return [t.name for t in Base.metadata.sorted_tables if t.name not in NOT_REPLAYED]


def compare_tables(session: Session, replay: Replay,
                   progress: Progress = NO_PROGRESS) -> list[Finding]:
    """Every row of every evidential table against the replayed history."""
    findings: list[Finding] = []
    connection = session.connection()
    for name in replayed_tables():
        table = table_of(name)
        expected = replay.state.get(name, {})
        total = connection.scalar(select(func.count()).select_from(table)) or 0
        text = f"Comparing {name.replace('_', ' ')} with the history"
        progress.step(0, total, text)
        for number, record in enumerate(connection.execute(select(table)), 1):
            if number % 5000 == 0:
                progress.step(number, total, text)
            row = dict(record._mapping)
            key = row_key(table, row)
            entry = expected.pop(key, None)
            if entry is None:
                findings.append(Finding("state", name, key,
                                        "has no audit history (added outside the app)"))
                continue
            fields = _matches(name, entry, row)
            if fields is None:
                findings.append(Finding(
                    "state", name, key, f"differs from what audit row {entry.seq} "
                    "(an import or merge) wrote", since=entry.at))
                continue
            for column in fields:
                recorded = entry.values[column] if isinstance(entry, Image) else None
                findings.append(Finding(
                    "state", name, key, f"is {shown(row[column])}, the history says "
                    f"{shown(recorded)}", column, entry.at))
        for key, entry in expected.items():
            findings.append(Finding(
                "state", name, key, f"is missing: deleted outside the app (recorded in "
                f"audit row {entry.seq})", since=entry.at))
    return findings

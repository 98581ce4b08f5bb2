"""Rows for bulk inserts, and writing an ``ImportBatch`` as one undoable command.

Imports write through ``Transaction.bulk_insert`` — Core ``insert()`` with dicts, never
``add_all`` (DESIGN.md: 1M rows take seconds, not minutes). Rows whose id is already in
the case are left out and counted, so importing the same file twice adds nothing.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, insert, select

from db.core.commands import Command
from db.core.progress import NO_PROGRESS, Progress
from db.core.seam.sqlite_bulk import indexed_entity_rows
from db.core.transaction import Record, Transaction
from db.formats.results import KINDS, ImportBatch, ImportResult
from db.models import Claim, ClaimTarget, Document, Entity, Event, Link, Source, new_id, utc_now
from db.partial_date import PartialDateError, normalise

if TYPE_CHECKING:
    from db.core.casefile import CaseFile

MODELS = {"entities": Entity, "links": Link, "sources": Source, "documents": Document,
          "claims": Claim, "claim_targets": ClaimTarget, "events": Event}
CHUNK = 50_000


@contextmanager
def paused_gc() -> Iterator[None]:
    """Hold the cyclic garbage collector while building or writing millions of rows.

    Every few hundred new dicts and lists trigger a collection that walks all the
    (young, then older) objects; reading a million entities spends most of its time
    there (4 s of 5 s at 200,000 lines). The rows are not cyclic garbage, so nothing is
    lost by collecting once afterwards, when the collector is enabled again.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def entity_row(entity_id: str, schema: str, caption: str, properties: dict[str, list[str]],
               *, role: str | None = None, origin: str | None = None,
               created_by: str | None = None, now: str | None = None) -> dict[str, Any]:
    now = now or utc_now()
    return {"id": entity_id, "schema": schema, "caption": caption[:500] or entity_id,
            "role": role, "properties": properties, "origin": origin,
            "created_by": created_by, "created_at": now, "updated_at": now}


def link_row(schema: str, source_id: str, target_id: str, *, link_id: str | None = None,
             role: str | None = None, start_date: str | None = None,
             end_date: str | None = None, share_min: float | None = None,
             share_max: float | None = None, shares_value: float | None = None,
             shares_currency: str | None = None, properties: dict[str, Any] | None = None,
             origin: str | None = None, created_by: str | None = None,
             now: str | None = None) -> dict[str, Any]:
    return {"id": link_id or new_id(), "schema": schema, "source_id": source_id,
            "target_id": target_id, "role": role, "start_date": start_date,
            "end_date": end_date, "share_min": share_min, "share_max": share_max,
            "shares_value": shares_value, "shares_currency": shares_currency,
            "properties": properties or {}, "origin": origin, "created_by": created_by,
            "created_at": now or utc_now()}


def clean_date(value: Any) -> str | None:
    """A partial date, or None when the text is not one (the caller keeps the raw text)."""
    try:
        return normalise(value)
    except PartialDateError:
        return None


def _json_encoder() -> Callable[[Any], str]:
    """``json.dumps(value, ensure_ascii=False)`` without building an encoder per call.

    ``json.dumps`` with keyword arguments constructs a ``JSONEncoder`` (and its C
    encoder) for every value; reusing one C encoder is about three times faster, which
    matters at a million rows. Falls back to a reused ``JSONEncoder`` without the C one.
    """
    encoder = json.JSONEncoder(ensure_ascii=False)
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return encoder.encode
    iterencode = make(None, encoder.default, json.encoder.encode_basestring, None,
                      encoder.key_separator, encoder.item_separator, False, False, True)

    def encode(value: Any) -> str:
        if isinstance(value, str):
            return encoder.encode(value)
        return "".join(iterencode(value, 0))

    return encode


dump_json = _json_encoder()


def existing_ids(session: Any, model: type, ids: Iterable[str]) -> set[str]:
    ids = list(ids)
    if not ids:
        return set()
    connection = session.connection()
    table = model.__table__.name
    if connection.dialect.name == "sqlite":
        # An empty table holds none of them; otherwise one query per 100,000 ids, the
        # ids passed as one JSON array instead of 500 bound parameters a query.
        if connection.exec_driver_sql(f"SELECT 1 FROM {table} LIMIT 1").first() is None:
            return set()
        found: set[str] = set()
        for start in range(0, len(ids), 100_000):
            found.update(row[0] for row in connection.exec_driver_sql(
                f"SELECT id FROM {table} WHERE id IN (SELECT value FROM json_each(?))",
                (dump_json(ids[start:start + 100_000]),)))
        return found
    found = set()
    for start in range(0, len(ids), 500):
        found.update(session.scalars(select(model.id).where(model.id.in_(ids[start:start + 500]))))
    return found


def _execute_rows(tx: Transaction, model: type, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the same keys) without recording them."""
    connection = tx.session.connection()
    table = model.__table__
    if connection.dialect.paramstyle != "qmark":
        tx.session.execute(insert(table), rows)
        return
    # Straight to the driver's executemany: SQLAlchemy's per-row bind processing costs
    # more than SQLite's insert itself. Parameters are built a column at a time (C-level
    # ``map``/``zip``), JSON columns serialised once each with a reused encoder.
    columns = [c for c in table.columns if c.name in rows[0]]
    names = [c.name for c in columns]
    values = []
    for column in columns:
        cells = list(map(itemgetter(column.name), rows))
        if isinstance(column.type, JSON):
            cells = [None if v is None else dump_json(v) for v in cells]
        values.append(cells)
    sql = (f"INSERT INTO {table.name} ({', '.join(names)}) "
           f"VALUES ({', '.join('?' * len(names))})")
    connection.exec_driver_sql(sql, list(zip(*values, strict=True)))


def core_bulk_insert(tx: Transaction, model: type, rows: list[dict[str, Any]]) -> None:
    """``tx.bulk_insert`` through a plain Core insert on the table (no ORM bulk path).

    Recorded exactly as ``Transaction.bulk_insert`` records it (one bulk change, audited,
    undoable). The ORM-enabled ``session.execute(insert(Model), rows)`` costs about three
    times as much per row; ``bulk_insert`` itself could use ``insert(model.__table__)``.
    """
    if not rows:
        return
    _execute_rows(tx, model, rows)
    tx.records.append(Record(model.__tablename__, None, None, bulk=rows))


def insert_rows(tx: Transaction, model: type, rows: list[dict[str, Any]],
                progress: Progress, text: str) -> None:
    """Insert in chunks (progress, bounded parameter lists), recorded as ONE change.

    The record holds ``rows`` itself — the undo snapshot is the batch's own list, not a
    copy — so undo, redo and the audit see one bulk change per kind.
    """
    if not rows:
        return
    for start in range(0, len(rows), CHUNK):
        progress.step(start, len(rows), text)
        _execute_rows(tx, model, rows[start:start + CHUNK])
    tx.records.append(Record(model.__tablename__, None, None, bulk=rows))


def _add_batch(tx: Transaction, batch: ImportBatch, progress: Progress) -> ImportResult:
    session = tx.session
    author = tx.author
    added: dict[str, int] = {}
    present: dict[str, int] = {}
    skipped = dict(batch.skipped)
    kept: dict[str, list[dict[str, Any]]] = {}
    for kind in KINDS:
        rows = getattr(batch, kind)
        already = existing_ids(session, MODELS[kind], (r["id"] for r in rows)) if rows else set()
        kept[kind] = [r for r in rows if r["id"] not in already]
        present[kind] = len(rows) - len(kept[kind])
    # A link (or fact) whose end is neither in the batch nor in the case cannot be added.
    entity_ids = {r["id"] for r in batch.entities}
    ends = {e for r in kept["links"] for e in (r["source_id"], r["target_id"])} - entity_ids
    known = entity_ids | existing_ids(session, Entity, ends)
    links = [r for r in kept["links"] if r["source_id"] in known and r["target_id"] in known]
    if len(links) != len(kept["links"]):
        reason = "links whose source or target is not in the file or the case"
        skipped[reason] = skipped.get(reason, 0) + len(kept["links"]) - len(links)
    kept["links"] = links
    link_ids = {r["id"] for r in links} | existing_ids(
        session, Link, (t["link_id"] for t in kept["claim_targets"] if t.get("link_id")))
    kept["claim_targets"] = [t for t in kept["claim_targets"]
                             if t.get("link_id") is None or t["link_id"] in link_ids]
    for sha256, data in batch.blobs.items():
        tx.add_blob(sha256, data)
    for kind in KINDS:
        for row in kept[kind]:
            if "created_by" in row and row["created_by"] is None:
                row["created_by"] = author
            if kind == "claims" and row.get("author") is None:
                row["author"] = author
        text = f"Adding {kind.replace('_', ' ')}"
        if kind == "entities" and len(kept[kind]) > 1000:
            with indexed_entity_rows(session.connection(), kept[kind]):
                insert_rows(tx, MODELS[kind], kept[kind], progress, text)
        else:
            insert_rows(tx, MODELS[kind], kept[kind], progress, text)
        added[kind] = len(kept[kind])
    progress.step(1, 1, "Done")
    return ImportResult(batch.label, added, present, dict(batch.unknown_schemata),
                        dict(batch.unknown_properties), skipped, list(batch.warnings),
                        [r["id"] for r in kept["entities"]], [r["id"] for r in kept["links"]])


def import_command(batch: ImportBatch, progress: Progress = NO_PROGRESS) -> Command:
    """The import as an undoable command (``do`` it on the case; its result is the report)."""
    return Command(batch.label, lambda tx: _add_batch(tx, batch, progress))


def write_batch(case: CaseFile, batch: ImportBatch,
                progress: Progress = NO_PROGRESS) -> Command:
    """Add ``batch`` to ``case`` in one transaction; returns the done command."""
    command = import_command(batch, progress)
    with paused_gc():
        command.do(case)
    return command

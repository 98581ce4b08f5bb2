"""Rows for bulk inserts, and writing an ``ImportBatch`` as one undoable command.

Imports write through ``Transaction.bulk_insert`` — Core ``insert()`` with dicts, never
``add_all`` (DESIGN.md: 1M rows take seconds, not minutes). Rows whose id is already in
the case are left out and counted, so importing the same file twice adds nothing.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import DBAPIError, StatementError

from db.core import seam
from db.core.collector import paused_gc
from db.core.commands import Command
from db.core.progress import NO_PROGRESS, Progress
from db.core.transaction import Record, Transaction
from db.formats.results import KINDS, FormatError, ImportBatch, ImportResult
from db.formats.validate import check_batch
from db.models import Claim, ClaimTarget, Document, Entity, Event, Link, Source, new_id, utc_now
from db.partial_date import PartialDateError, normalise

if TYPE_CHECKING:
    from db.core.casefile import CaseFile

MODELS = {"entities": Entity, "links": Link, "sources": Source, "documents": Document,
          "claims": Claim, "claim_targets": ClaimTarget, "events": Event}
CHUNK = 50_000
log = logging.getLogger(__name__)


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


def insert_rows(tx: Transaction, model: type, rows: list[dict[str, Any]],
                progress: Progress, text: str) -> None:
    """Insert in chunks (progress, bounded parameter lists), recorded as ONE change.

    The record holds ``rows`` itself — the undo snapshot is the batch's own list, not a
    copy — so undo, redo and the audit see one bulk change per kind.
    """
    if not rows:
        return
    bulk, connection = seam.of(tx.session), tx.session.connection()
    for start in range(0, len(rows), CHUNK):
        progress.step(start, len(rows), text)
        bulk.insert_rows(connection, model.__table__, rows[start:start + CHUNK])
    tx.records.append(Record(model.__tablename__, None, None, bulk=rows))


def _add_batch(tx: Transaction, batch: ImportBatch, progress: Progress) -> ImportResult:
    check_batch(batch)
    try:
        return _write_checked(tx, batch, progress)
    except (DBAPIError, StatementError) as error:
        # A row the checks let through and the database refused: the details (SQL and
        # parameters) go to the log, never to the person importing.
        log.error("import %s refused by the database", batch.origin, exc_info=error)
        raise FormatError(f"{batch.origin}: a record conflicts with the case and cannot be "
                          "added; nothing was changed (details in the log)") from None


def _write_checked(tx: Transaction, batch: ImportBatch, progress: Progress) -> ImportResult:
    session = tx.session
    queries = seam.of(session)
    author = tx.author
    added: dict[str, int] = {}
    present: dict[str, int] = {}
    skipped = dict(batch.skipped)
    kept: dict[str, list[dict[str, Any]]] = {}
    for kind in KINDS:
        rows = getattr(batch, kind)
        already = queries.existing_ids(session, MODELS[kind], (r["id"] for r in rows)) if rows else set()
        kept[kind] = [r for r in rows if r["id"] not in already]
        present[kind] = len(rows) - len(kept[kind])
    # A link (or fact) whose end is neither in the batch nor in the case cannot be added.
    entity_ids = {r["id"] for r in batch.entities}
    ends = {e for r in kept["links"] for e in (r["source_id"], r["target_id"])} - entity_ids
    known = entity_ids | queries.existing_ids(session, Entity, ends)
    links = [r for r in kept["links"] if r["source_id"] in known and r["target_id"] in known]
    if len(links) != len(kept["links"]):
        reason = "links whose source or target is not in the file or the case"
        skipped[reason] = skipped.get(reason, 0) + len(kept["links"]) - len(links)
    kept["links"] = links
    link_ids = {r["id"] for r in links} | queries.existing_ids(
        session, Link, (t["link_id"] for t in kept["claim_targets"] if t.get("link_id")))
    targets = [t for t in kept["claim_targets"]
               if t.get("link_id") is None or t["link_id"] in link_ids]
    if len(targets) != len(kept["claim_targets"]):
        reason = "claims' links to links not added"
        skipped[reason] = skipped.get(reason, 0) + len(kept["claim_targets"]) - len(targets)
    kept["claim_targets"] = targets
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
            with queries.indexed_entity_rows(session.connection(), kept[kind]):
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

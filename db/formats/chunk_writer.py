"""Write an import's rows a chunk at a time, inside the import's one transaction.

A streaming importer (``db.formats.ftm_stream``) never holds a whole file's rows: it
hands them here in chunks. Each chunk is checked (``validate.check_rows``), its rows
already in the case are left out and counted, the rest inserted (``seam`` bulk insert,
full-text index from memory) and recorded as one bulk change — its audit image (key and
digest per row) computed now, its rows kept by key for undo and redo (an undo reads them
back before deleting them: ``db.core.row_spool``). Everything happens in one ``Transaction``: a refusal anywhere
in the file rolls all of it back, so the import stays one undoable step and a file that
cannot be read leaves the case unchanged.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from db.core import seam
from db.core.row_images import bulk_image
from db.core.row_spool import RowsInCase, RowSpool
from db.core.transaction import BULK_LISTED, Record, Transaction
from db.formats.validate import check_rows
from db.models import Entity, Link

# Rows per chunk: large enough that per-chunk queries and audit rows stay few, small
# enough that a chunk's dicts are a small part of the import's memory.
CHUNK = 20_000
FTS_FROM_MEMORY = 1000  # above this many entities, index them from memory (seam)
NO_ENDS = "links whose source or target is not in the file or the case"


class ChunkWriter:
    def __init__(self, tx: Transaction, origin: str):
        self.tx, self.origin = tx, origin
        self.queries = seam.of(tx.session)
        self.spool = RowSpool()
        self.added: Counter[str] = Counter()
        self.present: Counter[str] = Counter()
        self.skipped: Counter[str] = Counter()
        self.entity_ids: list[str] = []
        self.link_ids: list[str] = []
        self.largest = 0  # the most rows one chunk held: what "bounded" means, for tests

    def entities(self, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        check_rows(self.origin, "entities", rows)
        kept = self._new(Entity, "entities", rows)
        if not kept:
            return
        connection = self.tx.session.connection()
        if len(kept) > FTS_FROM_MEMORY:
            with self.queries.indexed_entity_rows(connection, kept):
                self.queries.insert_rows(connection, Entity.__table__, kept)
        else:
            self.queries.insert_rows(connection, Entity.__table__, kept)
        self._record("entities", kept)
        self.entity_ids.extend(r["id"] for r in kept)

    def links(self, rows: list[dict[str, Any]]) -> None:
        """Links, once every entity they may end at is written."""
        if not rows:
            return
        check_rows(self.origin, "links", rows)
        kept = self._new(Link, "links", rows)
        ends = {e for r in kept for e in (r["source_id"], r["target_id"])}
        known = self.queries.existing_ids(self.tx.session, Entity, ends)
        linked = [r for r in kept if r["source_id"] in known and r["target_id"] in known]
        if len(linked) != len(kept):
            self.skipped[NO_ENDS] += len(kept) - len(linked)
        if not linked:
            return
        self.queries.insert_rows(self.tx.session.connection(), Link.__table__, linked)
        self._record("links", linked)
        self.link_ids.extend(r["id"] for r in linked)

    def _new(self, model: type, kind: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        self.largest = max(self.largest, len(rows))
        already = self.queries.existing_ids(self.tx.session, model, (r["id"] for r in rows))
        kept = [r for r in rows if r["id"] not in already]
        self.present[kind] += len(rows) - len(kept)
        for row in kept:
            if row.get("created_by") is None:
                row["created_by"] = self.tx.author
        return kept

    def _record(self, table: str, rows: list[dict[str, Any]]) -> None:
        self.added[table] += len(rows)
        # A small chunk is kept as it is; a large one by its keys, read back by an undo.
        bulk = rows if len(rows) <= BULK_LISTED else RowsInCase(
            table, [r["id"] for r in rows], self.spool)
        self.tx.records.append(Record(table, None, None, bulk=bulk,
                                      image=bulk_image(table, rows)))

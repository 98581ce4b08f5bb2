"""Move a whole case between a laptop file and a team database, with nothing lost.

``copy_case(source, target)`` replaces everything in ``target`` with ``source``'s rows,
table by table in foreign-key order and byte for byte: documents and their bytes, claims,
judgements, origins, signatures and the audit chain with its hashes (so ``casefile check``
verifies the copy as it verified the original, and the copy keeps the case id). The
full-text index is rebuilt by each engine as the rows go in. One transaction: a failure
leaves the target as it was.

``casefile push`` and ``casefile pull`` are this function with the two ends swapped; an
investigator takes a copy offline and merges it back later with ``casefile merge``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.engine import Connection

from db.core.casefile import CaseFile
from db.core.progress import NO_PROGRESS, Progress
from db.core.seam import after_copy
from db.models import AuditEntry, Base, canonical_json

BATCH = 2000


def _tables() -> list[Table]:
    return list(Base.metadata.sorted_tables)


def _ordered_rows(connection: Connection, table: Table) -> Iterator[dict[str, Any]]:
    order = list(table.primary_key.columns)
    result = connection.execution_options(stream_results=True, yield_per=BATCH).execute(
        select(table).order_by(*order))
    for row in result.mappings():
        yield dict(row)


def copy_case(source: CaseFile, target: CaseFile, progress: Progress = NO_PROGRESS) -> dict[str, int]:
    """Make ``target`` hold exactly ``source``'s case; answers rows copied per table."""
    counts: dict[str, int] = {}
    tables = _tables()
    with source.engine.connect() as reading, target.engine.begin() as writing:
        for table in reversed(tables):
            writing.execute(delete(table))
        for number, table in enumerate(tables, 1):
            progress.step(number, len(tables), f"copying {table.name}")
            batch: list[dict[str, Any]] = []
            counts[table.name] = 0
            for row in _ordered_rows(reading, table):
                batch.append(row)
                if len(batch) >= BATCH:
                    writing.execute(insert(table), batch)
                    counts[table.name] += len(batch)
                    batch = []
            if batch:
                writing.execute(insert(table), batch)
                counts[table.name] += len(batch)
            after_copy(writing, table)
    return counts


def _plain(value: Any) -> Any:
    if isinstance(value, bytes | bytearray | memoryview):
        return {"sha256": hashlib.sha256(bytes(value)).hexdigest()}
    return value


def table_rows(case: CaseFile, table: Table) -> list[dict[str, Any]]:
    """Every row of ``table`` in key order, bytes as their SHA-256 — for comparing cases."""
    with case.engine.connect() as connection:
        return [{k: _plain(v) for k, v in row.items()}
                for row in _ordered_rows(connection, table)]


def content_sha256(case: CaseFile) -> str:
    """One digest of every row of every table: equal for two cases with the same content,
    whichever engine holds them."""
    digest = hashlib.sha256()
    for table in _tables():
        digest.update(table.name.encode())
        for row in table_rows(case, table):
            digest.update(canonical_json(row).encode("utf-8"))
    return digest.hexdigest()


def has_work_of_its_own(copy: CaseFile, case: CaseFile) -> bool:
    """Whether ``copy`` (a pulled copy of ``case``, same case id) recorded changes that
    ``case`` has not: its audit chain's last link is not in ``case``'s chain. Such a copy
    is merged back; one with nothing new is "this very case"."""
    with copy.engine.connect() as connection:
        last = connection.execute(select(AuditEntry.hash).order_by(AuditEntry.seq.desc())
                                  .limit(1)).scalar()
    if last is None:
        return False
    with case.engine.connect() as connection:
        known = connection.execute(select(AuditEntry.seq).where(AuditEntry.hash == last)
                                   .limit(1)).first()
    return known is None

"""Rows of a large bulk insert kept out of memory, for undo and redo.

A ``Command`` keeps the rows it inserted so that redo puts back exactly the same rows.
For an import of a million entities that copy is most of the memory the import needs.
A streaming import (``db.formats.ftm_stream``) writes its rows in chunks and records each
chunk as ``RowsInCase``: only the rows' keys — the rows themselves are in the case. An
undo reads them back before it deletes them, into a ``RowSpool`` (pickled into one
anonymous temporary file, unlinked at once so no other process can open or swap it),
and a redo puts those back. ``SpooledRows`` is a spooled chunk as a read-only sequence of
row dicts, so ``Record.bulk`` works the same whether it holds a list or either of these.
"""

from __future__ import annotations

import pickle
import tempfile
import threading
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Base


class RowSpool:
    """One temporary file holding chunks of rows, appended once, read many times."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="casefile-rows-")
        self._lock = threading.Lock()

    def append(self, rows: list[dict[str, Any]]) -> SpooledRows:
        data = pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL)
        with self._lock:
            offset = self._file.seek(0, 2)
            self._file.write(data)
        return SpooledRows(self, offset, len(data), len(rows))

    def load(self, offset: int, size: int) -> list[dict[str, Any]]:
        with self._lock:
            self._file.seek(offset)
            data = self._file.read(size)
        return pickle.loads(data)  # noqa: S301 - our own unlinked file, written above

    def close(self) -> None:
        self._file.close()


class SpooledRows(Sequence):
    """A chunk of rows in a ``RowSpool``: its length is known, its rows are read back on
    each use (and dropped after), so holding many chunks costs no row memory."""

    def __init__(self, spool: RowSpool, offset: int, size: int, count: int):
        self._spool, self._offset, self._size, self._count = spool, offset, size, count

    def rows(self) -> list[dict[str, Any]]:
        return self._spool.load(self._offset, self._size)

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.rows())

    def __getitem__(self, index):  # type: ignore[override]
        return self.rows()[index]


class RowsInCase(Sequence):
    """Rows a bulk insert wrote, known by key: until ``keep`` reads them back (an undo
    does, before it deletes them), iterating gives each row's key only."""

    def __init__(self, table: str, keys: list[str], spool: RowSpool):
        self.table, self.keys, self._spool = table, keys, spool
        self._kept: SpooledRows | None = None
        self._key = next(iter(Base.metadata.tables[table].primary_key.columns)).name

    def keep(self, session: Session) -> None:
        """Read the rows from the case into the spool (once): what a redo puts back."""
        if self._kept is not None:
            return
        table = Base.metadata.tables[self.table]
        column = table.c[self._key]
        found: dict[Any, dict[str, Any]] = {}
        for start in range(0, len(self.keys), 500):
            for row in session.execute(select(table).where(
                    column.in_(self.keys[start:start + 500]))):
                values = dict(row._mapping)
                found[values[self._key]] = values
        self._kept = self._spool.append([found[k] for k in self.keys if k in found])

    def __len__(self) -> int:
        return len(self.keys)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        if self._kept is not None:
            return iter(self._kept)
        return iter([{self._key: key} for key in self.keys])

    def __getitem__(self, index):  # type: ignore[override]
        return list(self)[index]

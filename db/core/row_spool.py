"""Rows of a large bulk insert kept on disk, not in memory, for undo and redo.

A ``Command`` keeps the rows it inserted so that redo puts back exactly the same rows.
For an import of a million entities that copy is most of the memory the import needs;
a streaming import (``db.formats.ftm_stream``) writes its rows in chunks and hands each
chunk to a ``RowSpool``: pickled into one anonymous temporary file (unlinked at once, so
no other process can open or swap it), read back one chunk at a time when undo, redo or
the audit needs them. ``SpooledRows`` is the chunk as a read-only sequence of row dicts,
so ``Record.bulk`` works the same whether it holds a list or a spooled chunk.
"""

from __future__ import annotations

import pickle
import tempfile
import threading
from collections.abc import Iterator, Sequence
from typing import Any


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

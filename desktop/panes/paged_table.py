"""A table model that loads lazily: the ids in list order first, then rows a page at a time.

Shared by the documents and claims panes (the entity list keeps its own, older model).
The ids in list order come from SQL — sorted and filtered there, off the GUI thread when
the case holds more than a page of rows — and rows are read a page at a time by key as
the view scrolls (``canFetchMore``/``fetchMore``). No proxy model sits in front: sorting
a header asks SQL for a new order. A newer load makes an older, still-running one
irrelevant (a generation number drops stale results).

A subclass names its columns' sort keys (``COLUMN_SORT``, ``DEFAULT_SORT``) and says how
to count, order and read its rows (``count_rows``, ``id_reader``, ``read_rows``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QWidget

from desktop.shell.worker import run_task

PAGE_SIZE = 200

_Index = QModelIndex | QPersistentModelIndex


class PagedTableModel(QAbstractTableModel):
    COLUMN_SORT: tuple[str, ...] = ()
    DEFAULT_SORT = ""
    DEFAULT_DESCENDING = False

    sig_loaded = Signal()  # a (re)load finished: the first page is in

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.case = None
        self.sort_key = self.DEFAULT_SORT
        self.descending = self.DEFAULT_DESCENDING
        self._ids: list[str] = []
        self._positions: dict[str, int] = {}
        self.rows: list = []  # the loaded rows (each with an ``id``), a prefix of the list
        self._generation = 0
        self.busy = False

    # -- what a subclass says ----------------------------------------------------------------------
    def count_rows(self, case) -> int:
        """How many rows the case could list at most (cheap: decides worker or not)."""
        raise NotImplementedError

    def id_reader(self) -> Callable:
        """A function of a session giving the ids in list order (sort and filters taken
        now, so that it can run on a worker)."""
        raise NotImplementedError

    def read_rows(self, case, ids: list[str]) -> list:
        """The rows of these ids, in that order (deleted ones left out)."""
        raise NotImplementedError

    # -- loading -------------------------------------------------------------------------------
    def set_case(self, case) -> None:  # db.core.casefile.CaseFile | None
        self.case = case
        self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self.COLUMN_SORT):
            key, descending = self.COLUMN_SORT[column], order == Qt.SortOrder.DescendingOrder
        else:
            key, descending = self.DEFAULT_SORT, self.DEFAULT_DESCENDING
        if (key, descending) != (self.sort_key, self.descending):
            self.sort_key, self.descending = key, descending
            self.reload()

    def reload(self) -> None:
        """Read the ids in list order — at once when they fit in a page, else off the GUI
        thread — then the first page of rows."""
        self._generation += 1
        generation = self._generation
        case = self.case
        if case is None:
            self._install(generation, [])
            self._first_page(generation)
            return
        reader = self.id_reader()
        if self.count_rows(case) <= PAGE_SIZE:
            self._install(generation, case.read(reader))
            self._first_page(generation)
            return
        self.busy = True

        def read(_progress) -> tuple[list[str], list]:
            # The first page's rows are read here too: the GUI thread only shows them.
            ids = case.read(reader)
            return ids, self.read_rows(case, ids[:PAGE_SIZE])

        def installed(result: tuple[list[str], list]) -> None:
            ids, first_rows = result
            self._install(generation, ids)
            # The first page comes in the next turn of the event loop: the reset and the
            # rows shown are two short blocks of the GUI thread, not one long one.
            QTimer.singleShot(0, lambda: self._first_page(generation, first_rows))

        run_task(None, "", read, installed,
                 on_error=lambda _message: installed(([], [])), show_progress=False)

    def _install(self, generation: int, ids: list[str]) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._ids = ids
        self._positions = {item_id: n for n, item_id in enumerate(ids)}
        self.rows = []
        self.endResetModel()

    def _first_page(self, generation: int, read: list | None = None) -> None:
        """Show the first page: ``read`` are its rows when the worker read them already."""
        if generation != self._generation:
            return
        if self._ids and not self.rows:
            if read is None:
                self.fetchMore(QModelIndex())
            else:
                self._show_rows(read)
        self.busy = False
        self.sig_loaded.emit()

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:
        # Not while the worker's first page is on its way: the view asks right after the
        # reset, and would read that page again on the GUI thread.
        return not parent.isValid() and not self.busy and len(self.rows) < len(self._ids)

    def fetchMore(self, parent: _Index = QModelIndex(), count: int = PAGE_SIZE) -> None:
        if parent.isValid() or self.case is None:
            return
        start = len(self.rows)
        wanted = self._ids[start:start + count]
        if not wanted:
            return
        self._show_rows(self.read_rows(self.case, wanted), wanted)

    def _show_rows(self, rows: list, wanted: list[str] | None = None) -> None:
        """Append ``rows`` (read for the ids ``wanted``, by default the next page's) to
        the model, dropping from the list the ids deleted since they were read."""
        start = len(self.rows)
        if wanted is None:
            wanted = self._ids[start:start + PAGE_SIZE]
        if len(rows) < len(wanted):  # deleted since the ids were read: drop them
            found = {row.id for row in rows}
            missing = set(wanted) - found
            self._ids = self._ids[:start] + [i for i in self._ids[start:] if i not in missing]
            self._positions = {item_id: n for n, item_id in enumerate(self._ids)}
        if not rows:
            return
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self.rows.extend(rows)
        self.endInsertRows()

    def fetch_until(self, row: int) -> None:
        """Load pages until ``row`` is in the model."""
        while len(self.rows) <= row and self.canFetchMore():
            self.fetchMore(QModelIndex(), max(PAGE_SIZE, row + 1 - len(self.rows)))

    # -- reading --------------------------------------------------------------------------------
    def total(self) -> int:
        """How many rows the list holds, loaded or not."""
        return len(self._ids)

    def row_of(self, item_id: str) -> int:
        """Where an id is in the whole list, loaded or not (-1: not in it)."""
        return self._positions.get(item_id, -1)

    def item_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

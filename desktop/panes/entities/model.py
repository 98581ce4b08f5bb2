"""The entity list as a lazily loading Qt table model.

Ordering or filtering 100,000 entities is a full scan, so the ordered ids are computed
off the GUI thread (``db.reads.entity_list.ordered_ids``); rows are then read a page at a
time by key as the view scrolls (``canFetchMore``/``fetchMore``), counts included. A
newer filter or sort makes an older, still-running load irrelevant: each load carries a
generation number and stale results are dropped.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, QTimer, Signal

from db.reads import entity_list as views
from db.wording import schema_text
from desktop.shell.icons import schema_icon
from desktop.shell.worker import run_task

RELEASE_SLICE = 10_000  # rows freed per event-loop turn after a reset

COL_NAME, COL_TYPE, COL_COUNTRY, COL_LINKS, COL_CLAIMS = range(5)
COLUMN_SORT = {COL_NAME: views.SORT_NAME, COL_TYPE: views.SORT_TYPE,
               COL_COUNTRY: views.SORT_COUNTRY, COL_LINKS: views.SORT_LINKS,
               COL_CLAIMS: views.SORT_CLAIMS}
IdRole = Qt.ItemDataRole.UserRole + 1
SchemaRole = Qt.ItemDataRole.UserRole + 2
RowRole = Qt.ItemDataRole.UserRole + 3  # the whole views.EntityRow

PAGE_SIZE = 200
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class EntityListModel(QAbstractTableModel):
    sig_loaded = Signal()  # a (re)load finished: the first page is in

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.case = None
        self.filter_text = ""
        self.sort_key = views.SORT_NAME
        self.descending = False
        self._ids: list[str] = []
        self._positions: dict[str, int] = {}
        # Plain tuples, not EntityRow: CPython stops tracking a tuple of plain values in
        # the garbage collector, but not a tuple subclass — 100,000 tracked rows made
        # every full collection a visible pause.
        self._rows: list[tuple] = []
        self._generation = 0
        self.busy = False

    # -- loading -----------------------------------------------------------------------------
    def set_case(self, case) -> None:  # db.core.casefile.CaseFile | None
        self.case = case
        self.filter_text = ""
        self.reload()

    def set_filter(self, text: str) -> None:
        if text.strip() != self.filter_text:
            self.filter_text = text.strip()
            self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMN_SORT.get(column, views.SORT_NAME)
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self.sort_key, self.descending):
            self.sort_key, self.descending = key, descending
            self.reload()

    def reload(self) -> None:
        """Recompute the ordered ids off the GUI thread; the rows follow page by page."""
        self._generation += 1
        generation = self._generation
        case, text, key, descending = self.case, self.filter_text, self.sort_key, self.descending
        if case is None:
            self._install(generation, ([], {}))
            return
        self.busy = True

        def load(_progress) -> tuple[list[str], dict[str, int]]:
            ids = case.read(views.ordered_ids, text, key, descending)
            return ids, {entity_id: n for n, entity_id in enumerate(ids)}

        run_task(None, "", load, lambda result: self._install(generation, result),
                 on_error=lambda _message: self._failed(generation), show_progress=False)

    def _failed(self, generation: int) -> None:
        if generation == self._generation:
            self.busy = False
            self._install(generation, ([], {}))

    def _install(self, generation: int, result: tuple[list[str], dict[str, int]]) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        old_rows = self._rows
        self._ids, self._positions = result
        self._rows = []
        self.endResetModel()
        self._release(old_rows)
        # The first page comes in the next turn of the event loop: a reset that drops
        # 100,000 loaded rows and a page read are two short blocks, not one long one.
        QTimer.singleShot(0, lambda: self._first_page(generation))

    def _release(self, rows: list) -> None:
        """Free replaced rows a slice per event-loop turn: dropping 100,000 loaded rows at
        once blocks the GUI thread ~35 ms on top of the reset."""
        if len(rows) <= RELEASE_SLICE:
            return
        del rows[-RELEASE_SLICE:]
        QTimer.singleShot(0, lambda: self._release(rows))

    def _first_page(self, generation: int) -> None:
        if generation != self._generation:
            return
        if self._ids and not self._rows:
            self.fetchMore(QModelIndex())
        self.busy = False
        self.sig_loaded.emit()

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and len(self._rows) < len(self._ids)

    def fetchMore(self, parent: QModelIndex = QModelIndex(), count: int = PAGE_SIZE) -> None:
        if parent.isValid() or self.case is None:
            return
        start = len(self._rows)
        wanted = self._ids[start:start + count]
        if not wanted:
            return
        rows = self.case.read(views.entity_rows, wanted)
        if len(rows) < len(wanted):  # deleted since the ids were read: drop them
            found = {row.id for row in rows}
            self._ids = self._ids[:start] + [i for i in self._ids[start:] if i in found
                                             or i not in wanted]
            self._positions = {entity_id: n for n, entity_id in enumerate(self._ids)}
        if not rows:
            return
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self._rows.extend(tuple(row) for row in rows)
        self.endInsertRows()

    def fetch_until(self, row: int) -> None:
        """Load pages until ``row`` is in the model."""
        while len(self._rows) <= row and self.canFetchMore():
            self.fetchMore(QModelIndex(), max(PAGE_SIZE, row + 1 - len(self._rows)))

    # -- reading -------------------------------------------------------------------------------
    def position_of(self, entity_id: str) -> int | None:
        """Where an entity is in the full (filtered, sorted) list, loaded or not."""
        return self._positions.get(entity_id)

    def total(self) -> int:
        return len(self._ids)

    def entity_id(self, row: int) -> str | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def loaded(self, entity_ids) -> list[str]:
        """Which of these entities have their row loaded."""
        count = len(self._rows)
        return [i for i in entity_ids if self._positions.get(i, count) < count]

    def refresh(self, entity_ids: set[str]) -> None:
        """Re-read the loaded rows of these entities (their names or counts changed)."""
        loaded = self.loaded(entity_ids)
        if loaded and self.case is not None:
            self.apply_rows(self.case.read(views.entity_rows, loaded))

    def apply_rows(self, rows: list[views.EntityRow]) -> None:
        """Put rows read elsewhere (a worker) in place of the loaded rows of their ids."""
        count = len(self._rows)
        for row in rows:
            position = self._positions.get(row.id, count)
            if position < count and self._rows[position][0] == row.id:
                self._rows[position] = tuple(row)
                self.dataChanged.emit(self.index(position, 0),
                                      self.index(position, self.columnCount() - 1))

    # -- Qt model ---------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Name"), self.tr("Type"), self.tr("Country"), self.tr("Links"),
                self.tr("Claims"))[section]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every visible cell and role on each paint: index the plain tuple
        # (id, caption, schema, role, country, links, claims) rather than build a row.
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_NAME:
                return row[1]
            if column == COL_TYPE:
                return schema_text(row[2], row[3])
            if column == COL_COUNTRY:
                return row[4].upper()
            return row[5] if column == COL_LINKS else row[6]
        if role == Qt.ItemDataRole.DecorationRole:
            return schema_icon(row[2], row[3]) if column == COL_NAME else None
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_NAME:
            return f"{row[1]} [{row[2]}]"
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_LINKS, COL_CLAIMS):
            return _RIGHT
        if role == IdRole:
            return row[0]
        if role == SchemaRole:
            return row[2]
        if role == RowRole:
            return views.EntityRow(*row)
        return None

"""The table of documents: title, source, date, grade, claims and kind (by MIME type).

It loads lazily, as the entity list does: the ids in list order come from SQL (sorted
there, off the GUI thread when the case holds more than a page of documents), and rows
are read a page at a time by key as the view scrolls (``canFetchMore``/``fetchMore``).
No proxy model sits in front: sorting a header asks SQL for a new order. A newer load
makes an older, still-running one irrelevant (a generation number drops stale results).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QStyle, QWidget

from db.reads import document_list as views
from db.reads.documents import DocumentRow
from db.schemata import RELIABILITY_GRADES
from desktop.shell.icons import icon
from desktop.shell.worker import run_task

IdRole = Qt.ItemDataRole.UserRole + 1
MimeRole = Qt.ItemDataRole.UserRole + 2

PAGE_SIZE = 200

_Index = QModelIndex | QPersistentModelIndex

kind_of = views.kind_of


class DocumentTableModel(QAbstractTableModel):
    TITLE, SOURCE, PUBLISHED, GRADE, CLAIMS, KIND = range(6)
    COLUMN_SORT = (views.SORT_TITLE, views.SORT_SOURCE, views.SORT_PUBLISHED,
                   views.SORT_GRADE, views.SORT_CLAIMS, views.SORT_KIND)

    sig_loaded = Signal()  # a (re)load finished: the first page is in

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.case = None
        self.sort_key = views.SORT_PUBLISHED
        self.descending = True
        self._ids: list[str] = []
        self._positions: dict[str, int] = {}
        self.rows: list[DocumentRow] = []  # the loaded rows, a prefix of the list
        self._generation = 0
        self.busy = False
        self._headers = (self.tr("Title"), self.tr("Source"), self.tr("Published"),
                         self.tr("Grade"), self.tr("Claims"), self.tr("Kind"))
        self._pdf_icon: QIcon | None = None

    # -- loading -------------------------------------------------------------------------------
    def set_case(self, case) -> None:  # db.core.casefile.CaseFile | None
        self.case = case
        self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.COLUMN_SORT[column] if 0 <= column < len(self.COLUMN_SORT) else \
            views.SORT_PUBLISHED
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self.sort_key, self.descending):
            self.sort_key, self.descending = key, descending
            self.reload()

    def reload(self) -> None:
        """Read the ids in list order — at once when they fit in a page, else off the GUI
        thread — then the first page of rows."""
        self._generation += 1
        generation = self._generation
        case, key, descending = self.case, self.sort_key, self.descending
        if case is None:
            self._install(generation, [])
            self._first_page(generation)
            return
        if case.read(views.document_count) <= PAGE_SIZE:
            self._install(generation, case.read(views.ordered_document_ids, key, descending))
            self._first_page(generation)
            return
        self.busy = True

        def installed(ids: list[str]) -> None:
            self._install(generation, ids)
            # The first page comes in the next turn of the event loop: the reset and the
            # page read are two short blocks of the GUI thread, not one long one.
            QTimer.singleShot(0, lambda: self._first_page(generation))

        run_task(None, "", lambda _progress: case.read(views.ordered_document_ids, key,
                                                         descending),
                 installed, on_error=lambda _message: installed([]), show_progress=False)

    def _install(self, generation: int, ids: list[str]) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._ids = ids
        self._positions = {document_id: n for n, document_id in enumerate(ids)}
        self.rows = []
        self.endResetModel()

    def _first_page(self, generation: int) -> None:
        if generation != self._generation:
            return
        if self._ids and not self.rows:
            self.fetchMore(QModelIndex())
        self.busy = False
        self.sig_loaded.emit()

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:
        return not parent.isValid() and len(self.rows) < len(self._ids)

    def fetchMore(self, parent: _Index = QModelIndex(), count: int = PAGE_SIZE) -> None:
        if parent.isValid() or self.case is None:
            return
        start = len(self.rows)
        wanted = self._ids[start:start + count]
        if not wanted:
            return
        rows = self.case.read(views.document_rows_by_id, wanted)
        if len(rows) < len(wanted):  # deleted since the ids were read: drop them
            found = {row.id for row in rows}
            self._ids = self._ids[:start] + [i for i in self._ids[start:]
                                             if i in found or i not in wanted]
            self._positions = {document_id: n for n, document_id in enumerate(self._ids)}
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
        """How many documents the list holds, loaded or not."""
        return len(self._ids)

    def row_of(self, document_id: str) -> int:
        """Where a document is in the whole list, loaded or not (-1: not in it)."""
        return self._positions.get(document_id, -1)

    def document_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    # -- Qt model --------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == IdRole:
            return row.id
        if role == MimeRole:
            return row.mime_type
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TITLE:
                return row.title
            if column == self.SOURCE:
                return row.source
            if column == self.PUBLISHED:
                return row.published
            if column == self.GRADE:
                return row.reliability
            if column == self.CLAIMS:
                return str(row.claims)
            return views.kind_text(row.mime_type)
        if role == Qt.ItemDataRole.DecorationRole and column == self.TITLE:
            return self._kind_icon(row.mime_type)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.GRADE and row.reliability:
                return self.tr("Source reliability {grade}: {meaning}").format(
                    grade=row.reliability, meaning=self.tr(RELIABILITY_GRADES[row.reliability]))
            # Plain-text tooltip: names that look like HTML stay literal.
            return f"{row.title}\n{row.file_name} · {row.mime_type} · {row.size:,} bytes"
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.GRADE, self.CLAIMS):
            return Qt.AlignmentFlag.AlignCenter
        return None

    def _kind_icon(self, mime_type: str) -> QIcon:
        if mime_type == "application/pdf":
            if self._pdf_icon is None:
                from PySide6.QtWidgets import QApplication

                self._pdf_icon = QApplication.style().standardIcon(
                    QStyle.StandardPixmap.SP_FileIcon)
            return self._pdf_icon
        return icon("document")


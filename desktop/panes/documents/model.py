"""The table of documents: title, source, date, grade, claims and kind (by MIME type).

It loads lazily (``desktop.panes.paged_table``): the ids in list order come from SQL,
sorted there, and rows are read a page at a time by key as the view scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QStyle, QWidget

from db.reads import document_list as views
from db.reads.documents import DocumentRow
from db.schemata import RELIABILITY_GRADES
from desktop.panes.paged_table import PAGE_SIZE, PagedTableModel
from desktop.shell.icons import icon

IdRole = Qt.ItemDataRole.UserRole + 1
MimeRole = Qt.ItemDataRole.UserRole + 2

__all__ = ["PAGE_SIZE", "DocumentTableModel", "IdRole", "MimeRole", "kind_of"]

_Index = QModelIndex | QPersistentModelIndex

kind_of = views.kind_of


class DocumentTableModel(PagedTableModel):
    TITLE, SOURCE, PUBLISHED, GRADE, CLAIMS, KIND = range(6)
    COLUMN_SORT = (views.SORT_TITLE, views.SORT_SOURCE, views.SORT_PUBLISHED,
                   views.SORT_GRADE, views.SORT_CLAIMS, views.SORT_KIND)
    DEFAULT_SORT, DEFAULT_DESCENDING = views.SORT_PUBLISHED, True

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[DocumentRow] = []
        self._headers = (self.tr("Title"), self.tr("Source"), self.tr("Published"),
                         self.tr("Grade"), self.tr("Claims"), self.tr("Kind"))
        self._pdf_icon: QIcon | None = None

    def count_rows(self, case) -> int:
        return case.read(views.document_count)

    def id_reader(self):
        key, descending = self.sort_key, self.descending
        return lambda session: views.ordered_document_ids(session, key, descending)

    def read_rows(self, case, ids: list[str]) -> list[DocumentRow]:
        return case.read(views.document_rows_by_id, ids)

    def document_id(self, row: int) -> str | None:
        return self.item_id(row)

    # -- Qt model --------------------------------------------------------------------------------
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


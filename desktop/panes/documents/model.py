"""The table of documents: title, source, date, grade, claims and kind (by MIME type)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QStyle, QWidget

from db.reads.documents import DocumentRow
from db.schemata import RELIABILITY_GRADES
from desktop.shell.icons import icon

IdRole = Qt.ItemDataRole.UserRole + 1
MimeRole = Qt.ItemDataRole.UserRole + 2
SortRole = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex


KINDS = {"application/pdf": "PDF", "text/html": "HTML", "message/rfc822": "E-mail",
         "application/mbox": "Mailbox", "multipart/related": "MHTML",
         "application/warc": "Web archive",
         "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word",
         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel"}


def kind_of(mime_type: str) -> str:
    if mime_type.startswith("image/"):
        return "Scan"
    return KINDS.get(mime_type, "Text")


class DocumentTableModel(QAbstractTableModel):
    TITLE, SOURCE, PUBLISHED, GRADE, CLAIMS, KIND = range(6)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[DocumentRow] = []
        self._headers = (self.tr("Title"), self.tr("Source"), self.tr("Published"),
                         self.tr("Grade"), self.tr("Claims"), self.tr("Kind"))
        self._pdf_icon: QIcon | None = None

    def set_rows(self, rows: list[DocumentRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_of(self, document_id: str) -> int:
        for number, row in enumerate(self.rows):
            if row.id == document_id:
                return number
        return -1

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
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == IdRole:
            return row.id
        if role == MimeRole:
            return row.mime_type
        if role in (Qt.ItemDataRole.DisplayRole, SortRole):
            values = (row.title, row.source, row.published, row.reliability,
                      row.claims, kind_of(row.mime_type))
            value = values[column]
            if role == Qt.ItemDataRole.DisplayRole and column == self.CLAIMS:
                return str(value)
            return value
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

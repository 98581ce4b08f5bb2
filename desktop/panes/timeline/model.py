"""The timeline's items as a Qt list model, each worded as the investigator reads it.

The plot draws the dated items and the "undated" strip lists the others, each worded
the same way. Labels are plain text ("Rosatom controls Enertech",
"Renera owns JSC Kama (share unknown)"); dates keep their precision ("2022", "2023-09").
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from db import wording
from db.reads.timeline import EVENT, TimelineItem
from desktop.shell.icons import icon

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1  # the TimelineItem
ID_ROLE = Qt.ItemDataRole.UserRole + 2
KIND_ROLE = Qt.ItemDataRole.UserRole + 3
DATED_ROLE = Qt.ItemDataRole.UserRole + 4
IN_FORCE_ROLE = Qt.ItemDataRole.UserRole + 5  # at the model's "as of" date


def _tr(text: str) -> str:
    return QCoreApplication.translate("TimelineModel", text)


def item_label(item: TimelineItem) -> str:
    """What the item says: the event's title, or "Source verb Target (share)"."""
    if item.kind == EVENT:
        return item.title
    text = wording.link_label(item.schema or "", item.source_name or "",
                              item.target_name or "")
    share = item.stake.share_text(item.schema or "")
    return f"{text} ({share})" if share else text


def date_label(item: TimelineItem) -> str:
    if not item.dated:
        return _tr("date not stated")
    if item.kind == EVENT:
        return f"{item.start} – {item.end}" if item.end else str(item.start)
    return wording.period_text(item.start, item.end)


def full_label(item: TimelineItem) -> str:
    """Label and date, as drawn on the plot and listed in the undated strip."""
    return f"{item_label(item)} · {date_label(item)}"


class TimelineModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.items: list[TimelineItem] = []
        self.as_of: date | None = None

    def set_items(self, items: list[TimelineItem]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def set_as_of(self, as_of: date | None) -> None:
        self.as_of = as_of
        if self.items:
            self.dataChanged.emit(self.index(0), self.index(len(self.items) - 1),
                                  [IN_FORCE_ROLE, Qt.ItemDataRole.ForegroundRole])

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return full_label(item)
        if role == ITEM_ROLE:
            return item
        if role == ID_ROLE:
            return item.id
        if role == KIND_ROLE:
            return item.kind
        if role == DATED_ROLE:
            return item.dated
        if role == IN_FORCE_ROLE:
            return item.in_force(self.as_of)
        if role == Qt.ItemDataRole.DecorationRole:
            return icon("claim" if item.kind == EVENT else "link")
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.provenance or None  # whose it is; plain text, never rich
        if role == Qt.ItemDataRole.ForegroundRole and item.kind != EVENT and item.unsourced:
            return QBrush(QColor("#c62828"))
        return None

    def row_of(self, item_id: str) -> int:
        for row, item in enumerate(self.items):
            if item.id == item_id:
                return row
        return -1


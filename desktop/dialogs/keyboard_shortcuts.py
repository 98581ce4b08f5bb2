"""Help ▸ Keyboard Shortcuts: every shortcut of the action table and the panes, read from
the same tables the menus are built from, so the list cannot drift from the keys."""

from __future__ import annotations

import importlib

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTableView, QVBoxLayout, QWidget

from desktop.panes import PANES
from desktop.shell.actions import MENUS, ActionId, menu_title, specs


def _plain(text: str) -> str:
    """A menu text as read aloud: no mnemonic ampersand, no trailing ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


def shortcut_rows() -> list[tuple[str, str]]:
    """(what, keys) in menu order, then the pane shortcuts."""
    table = specs()
    rows = []
    for title, places in MENUS:
        for place in places:
            if not isinstance(place, ActionId) or table[place].shortcut is None:
                continue
            keys = QKeySequence(table[place].shortcut).toString(
                QKeySequence.SequenceFormat.NativeText)
            if keys:
                rows.append((f"{_plain(menu_title(title))} ▸ {_plain(table[place].text)}", keys))
    for pane in PANES:
        rows.append((QCoreApplication.translate("ShortcutsDialog", "Go to pane: {name}").format(
            name=QCoreApplication.translate("Panes", pane.title)), pane.shortcut))
    return rows + pane_key_rows()


def pane_key_rows() -> list[tuple[str, str]]:
    """The keys that work inside a pane: each pane package may list them as ``KEYS``,
    (keys, what) with the text marked ``QT_TRANSLATE_NOOP("<Pane>Keys", …)``."""
    rows = []
    for pane in PANES:
        try:
            keys = getattr(importlib.import_module(pane.module), "KEYS", ())
        except ImportError:  # a pane whose module is missing is skipped, as in the window
            continue
        title = QCoreApplication.translate("Panes", pane.title)
        for sequence, what in keys:
            context = f"{pane.class_name.removesuffix('Pane')}Keys"
            rows.append((f"{title}: {QCoreApplication.translate(context, what)}", sequence))
    return rows


class ShortcutTableModel(QAbstractTableModel):
    COL_ACTION, COL_KEYS = range(2)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.rows = shortcut_rows()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            return self.rows[index.row()][index.column()]
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return (self.tr("Action"), self.tr("Keys"))[section]
        return None


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("keyboard_shortcuts")
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.model = ShortcutTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("shortcut_table")
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(520, 560)

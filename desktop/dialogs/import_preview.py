"""Preview of an import before anything is written: what will be added, what is not
modelled, what will be skipped.

The batch has already been read (off the GUI thread); accepting the dialog is what lets
the flow write it. Every line of the report is a row of a real table model, shown as
plain text (names in files are data, never markup).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.formats.results import ImportBatch


class ImportReportModel(QAbstractTableModel):
    """Rows of (what, count) describing an import batch."""

    COLUMN_WHAT, COLUMN_COUNT = range(2)

    def __init__(self, batch: ImportBatch, parent: QObject | None = None):
        super().__init__(parent)
        self.rows: list[tuple[str, int]] = []
        for kind, count in batch.counts().items():
            if count:
                self.rows.append((self.tr("To add: {kind}").format(
                    kind=kind.replace("_", " ")), count))
        for schema, count in sorted(batch.unknown_schemata.items()):
            self.rows.append((self.tr("Not imported: schema {schema}").format(schema=schema),
                              count))
        for prop, count in sorted(batch.unknown_properties.items()):
            self.rows.append((self.tr("Kept, not modelled: {prop}").format(prop=prop), count))
        for reason, count in sorted(batch.skipped.items()):
            self.rows.append((self.tr("Skipped: {reason}").format(reason=reason), count))
        for warning in batch.warnings:
            self.rows.append((self.tr("Warning: {text}").format(text=warning), 1))

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 2

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        what, count = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return what if index.column() == self.COLUMN_WHAT else f"{count:,}"
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.COLUMN_COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("What"), self.tr("Count"))[section]
        return None


class ImportPreviewDialog(QDialog):
    def __init__(self, batch: ImportBatch, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import {name}").format(name=batch.origin))
        self.setObjectName("import_preview")
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Nothing has been written yet. Import adds the following to "
                               "the case as one step you can undo."))
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(intro)
        self.model = ImportReportModel(batch, self)
        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("What the import adds"))
        self.table.setObjectName("import_report")
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("Import"))
        self.import_button.setEnabled(any(batch.counts().values()))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 380)

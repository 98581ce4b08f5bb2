"""Which spreadsheet column holds what: the CSV column-mapping dialog.

One combo box per role (entity name, schema, id, country, registration number; link
source, target, type, share, start, end, role), each offering the sheet's columns or
"(none)"; how dates are written (01.03.2015 …); whether the columns mapped to nothing
are kept as properties (listed below the form either way); above a preview of the first
rows. The flow remembers the mapping per header
signature (``db.formats.csv_io.header_signature``) so the same sheet layout is mapped
once.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.formats.csv_io import CsvMapping
from db.formats.results import FormatError
from db.formats.spreadsheet import DATE_FORMATS
from db.schemata import ENTITY_SCHEMATA, LINK_SCHEMATA

# (mapping field, label) in the order shown
ROLES = (
    ("entity_name", "Entity name"),
    ("entity_schema", "Entity type column"),
    ("entity_id", "Entity id"),
    ("entity_country", "Country"),
    ("registrationNumber", "Registration number"),
    ("link_source", "Link from (owner, controller…)"),
    ("link_target", "Link to (company, asset…)"),
    ("link_type", "Link type column"),
    ("link_share", "Share (%)"),
    ("link_start", "Start date"),
    ("link_end", "End date"),
    ("link_role", "Role"),
)


class CsvPreviewModel(QAbstractTableModel):
    """The first rows of the sheet, as read, for the person to recognise the columns."""

    def __init__(self, header: list[str], rows: list[list[str]], parent: QObject | None = None):
        super().__init__(parent)
        self.header = header
        self.rows = rows

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.header)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.DisplayRole:
            row = self.rows[index.row()]
            return row[index.column()] if index.column() < len(row) else ""
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.header[section]
        return str(section + 2)  # the line number in the file


class CsvMappingDialog(QDialog):
    def __init__(self, file_name: str, header: list[str], rows: list[list[str]],
                 initial: CsvMapping | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Map the columns of {name}").format(name=file_name))
        self.header = header
        self.combos: dict[str, QComboBox] = {}
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Say which column holds what. A row can describe an entity, "
                               "a link between two named entities, or both."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        initial_values = self._initial(initial)
        for key, label in ROLES:
            combo = QComboBox(self)
            combo.setObjectName(f"map_{key}")
            combo.addItem(self.tr("(none)"), None)
            for column in header:
                combo.addItem(column, column)
            if initial_values.get(key) in header:
                combo.setCurrentIndex(header.index(initial_values[key]) + 1)
            self.combos[key] = combo
            form.addRow(self.tr(label), combo)
        self.default_schema = self._choice("default_schema", ENTITY_SCHEMATA,
                                           initial.default_schema if initial else "Company")
        form.addRow(self.tr("Entity type when not given"), self.default_schema)
        self.link_entity_schema = self._choice(
            "link_entity_schema", ENTITY_SCHEMATA,
            initial.link_entity_schema if initial else "LegalEntity")
        form.addRow(self.tr("Type of entities named only in links"), self.link_entity_schema)
        self.default_link_type = self._choice("default_link_type", tuple(LINK_SCHEMATA),
                                              initial.default_link_type if initial
                                              else "Ownership")
        form.addRow(self.tr("Link type when not given"), self.default_link_type)
        self.date_format = QComboBox(self)
        self.date_format.setObjectName("map_date_format")
        examples = {"YYYY-MM-DD": "2015-03-01", "DD.MM.YYYY": "01.03.2015",
                    "DD/MM/YYYY": "01/03/2015", "MM/DD/YYYY": "03/01/2015",
                    "DD-MM-YYYY": "01-03-2015", "YYYY/MM/DD": "2015/03/01"}
        for fmt in DATE_FORMATS:
            self.date_format.addItem(f"{fmt}  ({examples[fmt]})", fmt)
        chosen = (initial.date_format if initial else None) or "YYYY-MM-DD"
        self.date_format.setCurrentIndex(DATE_FORMATS.index(chosen))
        form.addRow(self.tr("Dates are written as"), self.date_format)
        self.keep_unmapped = QCheckBox(self.tr("Keep the other columns as properties"), self)
        self.keep_unmapped.setObjectName("map_keep_unmapped")
        self.keep_unmapped.setChecked(initial.keep_unmapped if initial else True)
        form.addRow("", self.keep_unmapped)
        self.unmapped = QLabel(self)
        self.unmapped.setObjectName("map_unmapped")
        self.unmapped.setWordWrap(True)
        self.unmapped.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(self.tr("Not mapped"), self.unmapped)
        for combo in self.combos.values():
            combo.currentIndexChanged.connect(self._show_unmapped)
        self._show_unmapped()
        layout.addLayout(form)
        self.preview = QTableView(self)
        self.preview.setAccessibleName(self.tr("First rows of the file"))
        self.preview.setModel(CsvPreviewModel(header, rows, self))
        layout.addWidget(self.preview)
        self.error = QLabel(self)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setObjectName("mapping_error")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(660, 760)

    def _show_unmapped(self) -> None:
        used = {combo.currentData() for combo in self.combos.values()}
        rest = [c for c in self.header if c and c not in used]
        self.unmapped.setText(", ".join(rest) if rest else self.tr("(every column is mapped)"))

    @staticmethod
    def _initial(initial: CsvMapping | None) -> dict[str, str | None]:
        if initial is None:
            return {}
        values = {key: getattr(initial, key, None) for key, _label in ROLES
                  if key != "registrationNumber"}
        values["registrationNumber"] = initial.entity_identifiers.get("registrationNumber")
        return values

    def _choice(self, name: str, values: tuple[str, ...], current: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(f"map_{name}")
        combo.addItems(list(values))
        combo.setCurrentText(current)
        return combo

    def mapping(self) -> CsvMapping:
        """The mapping as chosen; raises FormatError when it cannot work."""
        values: dict[str, Any] = {key: combo.currentData() for key, combo in self.combos.items()}
        number = values.pop("registrationNumber")
        values["entity_identifiers"] = {"registrationNumber": number} if number else {}
        values["default_schema"] = self.default_schema.currentText()
        values["link_entity_schema"] = self.link_entity_schema.currentText()
        values["default_link_type"] = self.default_link_type.currentText()
        fmt = self.date_format.currentData()
        values["date_format"] = None if fmt == "YYYY-MM-DD" else fmt
        values["keep_unmapped"] = self.keep_unmapped.isChecked()
        return CsvMapping.from_dict(values)

    def accept(self) -> None:
        try:
            self.mapping()
        except FormatError as error:
            self.error.setText(str(error).removeprefix("mapping: "))
            return
        super().accept()

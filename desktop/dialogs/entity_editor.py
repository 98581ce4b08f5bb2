"""Create or edit an entity: schema, role, name, aliases, country, identifiers, notes.

Multi-valued fields are typed separated by semicolons. Properties the form does not show
are kept as they were. The write is one undoable command (``context.execute``).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from db.reads import records
from db.schemata import ENTITY_ROLES, ENTITY_SCHEMATA
from db.services import entities as entity_service
from desktop.shell.context import CaseContext

# Form field → FtM property, for the multi-valued one-line fields.
_LIST_FIELDS = (("alias", "alias"), ("country", "country"),
                ("registration", "registrationNumber"))


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(";") if part.strip()]


class EntityEditorDialog(QDialog):
    def __init__(self, context: CaseContext, entity_id: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.entity_id = entity_id
        self._properties: dict[str, list[str]] = {}
        self._row_version: int | None = None  # the version shown, once an entity is loaded
        self.setWindowTitle(self.tr("Edit Entity") if entity_id else self.tr("New Entity"))
        self.setMinimumWidth(460)
        self.schema = QComboBox()
        self.schema.setObjectName("entity_schema")
        self.schema.addItems(list(ENTITY_SCHEMATA))
        self.schema.setCurrentText("Company")
        self.role = QComboBox()
        self.role.setObjectName("entity_role")
        self.role.setEditable(True)
        self.role.addItems([""] + list(ENTITY_ROLES))
        self.name = QLineEdit()
        self.name.setObjectName("entity_name")
        self.fields: dict[str, QLineEdit] = {}
        for key, _prop in _LIST_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"entity_{key}")
            self.fields[key] = edit
        self.fields["alias"].setPlaceholderText(self.tr("Other names, separated by ;"))
        self.fields["country"].setPlaceholderText(self.tr("Country codes, e.g. ru; cy"))
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("entity_notes")
        self.notes.setFixedHeight(70)
        self.error = QLabel()
        self.error.setObjectName("entity_error")
        self.error.setStyleSheet("color: #c62828")
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Type:"), self.schema)
        form.addRow(self.tr("&Role:"), self.role)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Aliases:"), self.fields["alias"])
        form.addRow(self.tr("&Country:"), self.fields["country"])
        form.addRow(self.tr("Re&gistration no.:"), self.fields["registration"])
        form.addRow(self.tr("N&otes:"), self.notes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if entity_id:
            self._load(entity_id)
        self.name.setFocus()

    def _load(self, entity_id: str) -> None:
        entity = self.context.case.read(records.entity, entity_id)
        if entity is None:
            return
        schema, role, caption = entity.schema, entity.role, entity.caption
        self._properties = {k: list(v) for k, v in entity.properties.items()}
        self._row_version = entity.row_version  # a colleague's edit since is not overwritten
        self.schema.setCurrentText(schema)
        self.role.setCurrentText(role or "")
        self.name.setText(caption)
        for key, prop in _LIST_FIELDS:
            self.fields[key].setText("; ".join(self._properties.get(prop, [])))
        self.notes.setPlainText("\n".join(self._properties.get("notes", [])))

    def properties(self) -> dict[str, list[str]]:
        props = {k: list(v) for k, v in self._properties.items()}
        for key, prop in _LIST_FIELDS:
            props[prop] = _split(self.fields[key].text())
        notes = self.notes.toPlainText().strip()
        props["notes"] = [notes] if notes else []
        return {k: v for k, v in props.items() if v}

    def accept(self) -> None:
        name = self.name.text().strip()
        if not name:
            self.error.setText(self.tr("An entity needs a name."))
            self.error.show()
            self.name.setFocus()
            return
        schema, role, props = self.schema.currentText(), self.role.currentText().strip(), \
            self.properties()
        if self.entity_id is None:
            props.pop("name", None)
            aliases = props.pop("alias", [])
            command = self.context.execute(
                self.tr("New entity {name}").format(name=name),
                lambda tx: entity_service.create_entity(
                    tx, schema, name, aliases=aliases, properties=props, role=role or None))
        else:
            entity_id = self.entity_id
            old_name = self._properties.get("name", [None])[0]
            if old_name and old_name != name:
                props["name"] = [n for n in props.get("name", []) if n != old_name]
            shown = self._row_version
            command = self.context.execute(
                self.tr("Edit {name}").format(name=name),
                lambda tx: entity_service.edit_entity(tx, entity_id, schema=schema, name=name,
                                                      role=role, properties=props,
                                                      expected_version=shown))
        if command is None:
            return  # the context reported why; keep what was typed
        self.entity_id = command.result
        super().accept()

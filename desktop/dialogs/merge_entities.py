"""Merge two entities that are the same: choose which one to keep.

The other one's names become aliases of the kept one, and its links, claims, events and
identifiers move over (``db.services.entities.merge_entities``); one Undo restores both.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from db.reads import entity_list
from db.services import entities as entity_service
from desktop.shell.context import CaseContext


class MergeEntitiesDialog(QDialog):
    def __init__(self, context: CaseContext, first_id: str, second_id: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.ids = (first_id, second_id)
        self.kept_id: str | None = None
        self.setWindowTitle(self.tr("Merge Entities"))
        rows = {row.id: row for row in context.case.read(entity_list.entity_rows,
                                                          list(self.ids))}
        intro = QLabel(self.tr("These two entities will become one. Which one do you keep? "
                               "The other's names become aliases; its links and claims move "
                               "to the kept one."))
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        self.group = QButtonGroup(self)
        self.choices: list[QRadioButton] = []
        for number, entity_id in enumerate(self.ids):
            row = rows.get(entity_id)
            text = self.tr("Keep “{name}” ({schema}, {links} links, {claims} claims)").format(
                name=row.caption, schema=row.schema, links=row.links, claims=row.claims) \
                if row else entity_id
            button = QRadioButton(text)  # QRadioButton shows plain text
            button.setObjectName(f"merge_keep_{number}")
            self.group.addButton(button, number)
            self.choices.append(button)
            layout.addWidget(button)
        self.choices[0].setChecked(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Merge"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        keep = self.ids[self.group.checkedId()]
        other = self.ids[1 - self.group.checkedId()]
        command = self.context.execute(self.tr("Merge entities"),
                                       lambda tx: entity_service.merge_entities(tx, keep, other))
        if command is None:
            return
        self.kept_id = keep
        super().accept()

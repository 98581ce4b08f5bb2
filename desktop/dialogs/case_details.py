"""Edit the case's name, author and handling marking (printed on every report page)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from db.services import case_meta
from desktop.shell.context import CaseContext


class CaseDetailsDialog(QDialog):
    def __init__(self, context: CaseContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Case details"))
        meta = context.case.meta()
        self.name = QLineEdit(meta.get("name", ""), self)
        self.author = QLineEdit(meta.get("author", ""), self)
        self.marking = QLineEdit(meta.get("marking", "CONFIDENTIAL"), self)
        form = QFormLayout(self)
        form.addRow(self.tr("Case name:"), self.name)
        form.addRow(self.tr("Author:"), self.author)
        form.addRow(self.tr("Handling marking:"), self.marking)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        name = self.name.text().strip() or self.context.case.path.stem
        author, marking = self.author.text(), self.marking.text()
        self.context.execute(self.tr("Edit case details"), lambda tx: case_meta.edit_details(
            tx, name=name, author=author, marking=marking))
        super().accept()

"""Edit the case's name, author and handling marking (printed on every report page)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

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
        from db.models import CaseMeta

        values = {"name": self.name.text().strip() or self.context.case.path.stem,
                  "author": self.author.text().strip(),
                  "marking": self.marking.text().strip()}

        def edit(tx) -> None:  # noqa: ANN001
            for key, value in values.items():
                row = tx.session.get(CaseMeta, key)
                if row is None:
                    tx.add(CaseMeta(key=key, value=value))
                elif row.value != value:
                    tx.update(row, value=value)

        self.context.execute(self.tr("Edit case details"), edit)
        super().accept()

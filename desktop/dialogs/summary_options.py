"""Before any summary is printed, previewed or exported: of what (the selected entity or
the whole case) and as of which date — chosen here, stated on the cover, never taken
silently from the timeline. The date defaults to today (or, if the person chose so in
Preferences, to the timeline's as-of line when one is set)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.shell import settings


class SummaryOptionsDialog(QDialog):
    def __init__(self, parent: QWidget | None, entity_name: str | None, ask_scope: bool,
                 timeline_as_of: date | None):
        super().__init__(parent)
        self.setObjectName("summary_options")
        self.setWindowTitle(self.tr("Evidence summary"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.entity_choice = QRadioButton(self.tr("This entity: {name}").format(
            name=entity_name) if entity_name else self.tr("An entity (select one first)"))
        self.entity_choice.setObjectName("summary_scope_entity")
        self.case_choice = QRadioButton(self.tr("The whole case"))
        self.case_choice.setObjectName("summary_scope_case")
        group = QButtonGroup(self)
        group.addButton(self.entity_choice)
        group.addButton(self.case_choice)
        self.entity_choice.setEnabled(entity_name is not None)
        (self.entity_choice if entity_name else self.case_choice).setChecked(True)
        if ask_scope:
            form.addRow(self.tr("Summary of:"), self.entity_choice)
            form.addRow("", self.case_choice)
        else:
            self.entity_choice.hide()
            self.case_choice.hide()
        proposed = timeline_as_of if (settings.AS_OF_DEFAULT.get() == "timeline"
                                      and timeline_as_of) else date.today()
        self.as_of = QDateEdit(QDate(proposed.year, proposed.month, proposed.day))
        self.as_of.setObjectName("summary_as_of")
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.every_date = QCheckBox(self.tr("Every date (links whatever their dates)"))
        self.every_date.setObjectName("summary_every_date")
        self.every_date.toggled.connect(lambda on: self.as_of.setEnabled(not on))
        form.addRow(self.tr("Facts &as of:"), self.as_of)
        form.addRow("", self.every_date)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def whole_case(self) -> bool:
        return self.case_choice.isChecked()

    def chosen_as_of(self) -> date | None:
        if self.every_date.isChecked():
            return None
        return self.as_of.date().toPython()

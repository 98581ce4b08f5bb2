"""The "as of" control: a day slider, a date field and an "Any date" switch, kept in step.

Dragging the slider only previews the date in the field; the date is committed when the
slider is released (or moved by keyboard), so a drag does not recompute a chain per pixel.
``set_value`` updates the control from outside (the timeline's line) without emitting.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QLabel, QSlider, QWidget


class AsOfControl(QWidget):
    sig_changed = Signal(object)  # datetime.date | None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._first = date(2000, 1, 1)
        self._updating = False
        label = QLabel(self.tr("As of:"), self)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setObjectName("as_of_slider")
        self.slider.setAccessibleName(self.tr("As-of date slider"))
        self.slider.setToolTip(self.tr("Drag to see the chain as it stood on that day"))
        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("as_of_date")
        self.date_edit.setAccessibleName(self.tr("As-of date"))
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setCalendarPopup(True)
        self.any_date = QCheckBox(self.tr("Any date"), self)
        self.any_date.setObjectName("as_of_any")
        self.any_date.setToolTip(self.tr("Count every link, whatever its dates"))
        self.any_date.setChecked(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.date_edit)
        layout.addWidget(self.any_date)
        self.slider.valueChanged.connect(self._slider_moved)
        self.slider.sliderReleased.connect(self._commit_slider)
        self.date_edit.dateChanged.connect(self._date_edited)
        self.any_date.toggled.connect(self._any_toggled)
        self.set_range(date(2000, 1, 1), date.today())

    # -- from outside ---------------------------------------------------------------------------
    def set_range(self, first: date, last: date) -> None:
        self._updating = True
        self._first = first
        self.slider.setRange(0, max((last - first).days, 1))
        self.slider.setPageStep(30)
        # One day before the range stands for "any date" and shows as such in the field.
        before = first - timedelta(days=1)
        self.date_edit.setDateRange(QDate(before.year, before.month, before.day),
                                    QDate(last.year, last.month, last.day))
        self.date_edit.setSpecialValueText(self.tr("any date"))
        self._updating = False

    def set_value(self, value: date | None) -> None:
        """Show ``value`` (None: any date) without emitting ``sig_changed``."""
        self._updating = True
        self.any_date.setChecked(value is None)
        if value is None:
            self.slider.setValue(self.slider.maximum())
            self.date_edit.setDate(self.date_edit.minimumDate())
        else:
            self._show_date(value)
        self._updating = False

    def value(self) -> date | None:
        if self.any_date.isChecked():
            return None
        return self._edited_date()

    def _edited_date(self) -> date:
        if self.date_edit.date() == self.date_edit.minimumDate():  # "any date" shown
            return self._first + timedelta(days=self.slider.value())
        return self.date_edit.date().toPython()

    # -- from the person -------------------------------------------------------------------------
    def _show_date(self, value: date) -> None:
        self.slider.setValue((value - self._first).days)
        self.date_edit.setDate(QDate(value.year, value.month, value.day))

    def _slider_moved(self, days: int) -> None:
        if self._updating:
            return
        day = self._first + timedelta(days=days)
        self._updating = True
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.any_date.setChecked(False)
        self._updating = False
        if not self.slider.isSliderDown():  # keyboard or click on the groove
            self.sig_changed.emit(day)

    def _commit_slider(self) -> None:
        self.sig_changed.emit(self._first + timedelta(days=self.slider.value()))

    def _date_edited(self, value: QDate) -> None:
        if self._updating:
            return
        if value == self.date_edit.minimumDate():  # the person chose "any date"
            self._updating = True
            self.any_date.setChecked(True)
            self._updating = False
            self.sig_changed.emit(None)
            return
        day = value.toPython()
        self._updating = True
        self.slider.setValue((day - self._first).days)
        self.any_date.setChecked(False)
        self._updating = False
        self.sig_changed.emit(day)

    def _any_toggled(self, checked: bool) -> None:
        if self._updating:
            return
        if checked:
            self.date_edit.blockSignals(True)
            self.date_edit.setDate(self.date_edit.minimumDate())
            self.date_edit.blockSignals(False)
            self.sig_changed.emit(None)
            return
        day = self._edited_date()
        self._updating = True
        self._show_date(day)
        self._updating = False
        self.sig_changed.emit(day)

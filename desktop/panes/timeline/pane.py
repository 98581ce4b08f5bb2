"""The timeline pane: when things happened, and the "as of" date everyone shares.

It shows the whole case (the default for cases of up to ``WHOLE_CASE_LIMIT`` items) or
the events and links of the selected entity. Its vertical line is the case-wide "as of"
date: dragging it moves the network and the control chain to that day, and they move it
back. Events the article does not date are not dropped: they are listed under the plot,
marked "date not stated".
"""

from __future__ import annotations

from datetime import date

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollBar,
    QVBoxLayout,
    QWidget,
)

from db.core import Changes
from db.reads.timeline import EVENT, pane_size
from db.reads.timeline_load import ITEM_LIMIT, TimelineLoad, load_timeline
from desktop.panes.base import Pane
from desktop.panes.timeline.keyboard import TimelineKeys
from desktop.panes.timeline.model import ID_ROLE, TimelineModel
from desktop.panes.timeline.plot import TimelinePlot
from desktop.panes.timeline.prepared import PreparedTimeline, prepare
from desktop.shell.context import CaseContext
from desktop.shell.worker import run_task

WHOLE_CASE_LIMIT = 500  # items; above this the pane starts with the selection only


class TimelinePane(Pane):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.selected: str | None = None
        self._name: str | None = None  # caption of the selected entity
        self.small_case = True  # a small case starts with the whole case shown
        self._generation = 0
        self.loading = 0  # generation of a load running on the worker, 0 when none
        self._last: TimelineLoad | None = None  # what is shown
        self.model = TimelineModel(self)

        self.header = QLabel(self)
        self.header.setObjectName("timeline_header")
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        self.whole_case = QCheckBox(self.tr("Whole case"), self)
        self.whole_case.setObjectName("timeline_whole_case")
        self.whole_case.setToolTip(self.tr("Show every event and dated link, "
                                           "not only those of the selected entity"))
        self.whole_case.setChecked(True)
        self.clear_button = QPushButton(self.tr("Clear date"), self)
        self.clear_button.setObjectName("timeline_clear_as_of")
        self.clear_button.setToolTip(self.tr("Forget the “as of” date: count every link"))

        self.plot = TimelinePlot(self)
        self.plot.setObjectName("timeline_plot")
        self.plot.setAccessibleName(self.tr("Timeline of events and dated links"))
        self.plot.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.plot.setToolTip(self.tr("Tab: next event or link · Enter: select · "
                                     "arrows: move in time · + / -: zoom (F1: all keys)"))
        self.keys = TimelineKeys(self.plot)
        self.lane_scroll = QScrollBar(Qt.Orientation.Vertical, self)
        self.lane_scroll.setObjectName("timeline_lane_scroll")
        self.lane_scroll.setToolTip(self.tr("More items below"))
        self.lane_scroll.hide()

        self.undated_label = QLabel(self.tr("Date not stated:"), self)
        self.undated = QListView(self)
        self.undated.setObjectName("timeline_undated")
        self.undated.setAccessibleName(self.tr("Events and links with no date"))
        # The items with no date, a model of their own: a filter over the items would
        # call back into Python once per item on every change.
        self.undated_model = TimelineModel(self)
        self.undated.setModel(self.undated_model)
        self.undated.setUniformItemSizes(True)

        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.whole_case)
        top.addWidget(self.clear_button)
        strip = QHBoxLayout()
        strip.addWidget(self.undated_label, 0, Qt.AlignmentFlag.AlignTop)
        strip.addWidget(self.undated, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        plot_row = QHBoxLayout()
        plot_row.setSpacing(0)
        plot_row.addWidget(self.plot, 1)
        plot_row.addWidget(self.lane_scroll)
        layout.addLayout(plot_row, 1)
        layout.addLayout(strip)

        self.whole_case.toggled.connect(lambda _on: self.reload())
        self.clear_button.clicked.connect(self._clear_as_of)
        self.plot.sig_as_of_dragged.connect(self._as_of_dragged)
        self.plot.sig_item_clicked.connect(self._item_clicked)
        self.plot.sig_lanes_fitted.connect(self._lanes_fitted)
        self.lane_scroll.valueChanged.connect(self.plot.scroll_to_lane)
        self.undated.clicked.connect(
            lambda index: self._item_clicked(index.data(ID_ROLE)))
        self.undated_model.modelReset.connect(self._update_strip)
        self._update_strip()
        self._update_header()

    # -- Pane API -----------------------------------------------------------------------------------
    def set_context(self, context: CaseContext | None) -> None:
        super().set_context(context)
        self.selected = None
        self._last = None
        if context is not None:
            self.small_case, small = context.case.read(pane_size, WHOLE_CASE_LIMIT)
            self.whole_case.blockSignals(True)
            self.whole_case.setChecked(small)
            self.whole_case.blockSignals(False)
        self.reload()

    def select_entity(self, entity_id: str) -> None:
        self.selected = entity_id or None
        if self.whole_case.isChecked():
            self.plot.set_highlight(self.selected)
        else:
            self.reload()

    def on_changes(self, changes: Changes) -> None:
        if self.context is not None and (changes.everything or changes.events or changes.links
                                         or changes.entities or changes.claims):
            self.reload()

    # -- loading ------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Load the items on the worker (even a small case's: the GUI thread only applies
        them), then show them; a newer reload makes an older answer stale."""
        context = self.context
        self._generation += 1
        if context is None:
            self._last = None
            self._apply(*_read(None, False, None))
            return
        self.when_shown(self._read_items)  # in a hidden tab: once the person shows it

    def _read_items(self) -> None:
        context = self.context
        if context is None:
            return
        whole, selected, case = self.whole_case.isChecked(), self.selected, context.case
        generation = self.loading = self._generation

        def done(result: tuple[TimelineLoad, PreparedTimeline]) -> None:
            if shiboken6.isValid(self) and generation == self._generation:
                self.loading = 0
                self._apply(*result)

        def failed(message: str) -> None:
            if shiboken6.isValid(self) and generation == self._generation:
                self.loading = 0
                self.sig_status.emit(message)

        self._update_header()
        run_task(self, self.tr("Loading the timeline"),
                 lambda _progress: _read(case, whole, selected), done, failed,
                 show_progress=False)

    def _apply(self, load: TimelineLoad, prepared: PreparedTimeline) -> None:
        if load == self._last:  # the change did not touch the timeline: nothing to redo
            self._update_header()
            return
        self._last = load
        self._name = load.name
        as_of = self.context.as_of if self.context is not None else None
        self.model.set_items(load.items)
        self.model.set_as_of(as_of)
        self.undated_model.set_items([item for item in load.items if not item.dated])
        self.undated_model.set_as_of(as_of)
        self.plot.as_of = as_of
        self.plot.set_highlight(self.selected if self.whole_case.isChecked() else None)
        self.plot.set_prepared(prepared)
        self._update_header()

    # -- the "as of" date ---------------------------------------------------------------------------
    def _as_of_dragged(self, day: date) -> None:
        if self.context is not None:
            self.context.set_as_of(day)

    def _as_of_changed(self, value: date | None) -> None:
        self.model.set_as_of(value)
        self.undated_model.set_as_of(value)
        self.plot.set_as_of(value)
        self._update_header()

    def _clear_as_of(self) -> None:
        if self.context is not None:
            self.context.set_as_of(None)

    # -- clicks -------------------------------------------------------------------------------------
    def _item_clicked(self, item_id: str) -> None:
        row = self.model.row_of(item_id)
        if row < 0:
            return
        item = self.model.items[row]
        if item.kind == EVENT:
            if item.entity_ids:
                self.plot.set_highlight(item.entity_ids[0])
                self.sig_entities_selected.emit(list(item.entity_ids))
            self.sig_status.emit(item.title)
        else:
            self.sig_link_selected.emit(item.id)
            self.plot.set_highlight(item.entity_ids[0])
            self.sig_entity_selected.emit(item.entity_ids[0])

    def _lanes_fitted(self, visible: int, total: int) -> None:
        hidden = max(total - visible, 0)
        self.lane_scroll.blockSignals(True)
        self.lane_scroll.setRange(0, hidden)
        self.lane_scroll.setPageStep(max(visible, 1))
        self.lane_scroll.setValue(self.plot.first_lane)
        self.lane_scroll.blockSignals(False)
        self.lane_scroll.setVisible(hidden > 0)

    # -- helpers ------------------------------------------------------------------------------------
    def _update_strip(self) -> None:
        rows = self.undated_model.rowCount()
        self.undated_label.setVisible(rows > 0)
        self.undated.setVisible(rows > 0)
        row_height = max(self.undated.sizeHintForRow(0), self.fontMetrics().height() + 4)
        self.undated.setFixedHeight(min(max(rows, 1), 4) * row_height
                                    + 2 * self.undated.frameWidth() + 2)

    def _update_header(self) -> None:
        if self.context is None:
            self.header.setText(self.tr("Timeline"))
            return
        if self.loading and not self.model.items:  # a reload keeps what is shown till done
            self.header.setText(self.tr("Timeline — loading…"))
            return
        dated = sum(1 for item in self.model.items if item.dated)
        undated = len(self.model.items) - dated
        if self.whole_case.isChecked():
            scope = self.tr("Timeline of the whole case")
        elif self._name:
            scope = self.tr("Timeline of {name}").format(name=self._name)
        else:
            self.header.setText(self.tr("Timeline — select an entity, or tick “Whole case”"))
            return
        counts = self.tr("{dated} dated, {undated} undated").format(dated=dated,
                                                                   undated=undated)
        as_of = self.context.as_of
        when = (self.tr("as of {date}").format(date=as_of.isoformat()) if as_of
                else self.tr("any date"))
        text = f"{scope} · {counts} · {when}"
        events = sum(1 for item in self.model.items if item.kind == EVENT)
        if ITEM_LIMIT in (events, len(self.model.items) - events):
            text += " · " + self.tr("only the first {n} events and links shown").format(
                n=ITEM_LIMIT)
        self.header.setText(text)
        self.clear_button.setEnabled(as_of is not None)

def _read(case, whole: bool, selected: str | None) -> tuple[TimelineLoad, PreparedTimeline]:
    """The items, and what the plot draws from them: run on the worker (no case: none)."""
    load = load_timeline(case, whole, selected) if case is not None else TimelineLoad(
        [], None, None)
    bounds = load.bounds
    if bounds is None:
        today = date.today()
        bounds = (date(today.year - 10, 1, 1), today)
    return load, prepare(load.items, *bounds)

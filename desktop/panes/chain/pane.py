"""The control chain side pane: who owns and controls one entity, and on what evidence.

It shows the entity it was asked about ("Show control chain"), and follows the selection
only when the person turns that on, so browsing elsewhere does not lose the chain. The
"as of" date is the case-wide one (``CaseContext.as_of``): the timeline's line, the
network and this pane's slider all move together. The chain is computed on the worker
thread pool; a newer request makes an older answer stale, and stale answers are dropped.
While it computes, Cancel stops it. Rows are built as the view asks (see the model): a
chain of 58,000 owners shows its first owners at once, and an owner's paths are searched
on the worker when it is expanded, each search bounded in time and labelled when partial.
"""

from __future__ import annotations

from datetime import date

import shiboken6
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from db.analysis import PathList
from db.core import Changes
from db.reads.chain_load import ChainData, load_chain, owner_paths
from db.reads.timeline import date_range, is_small_case
from desktop.panes.base import Pane
from desktop.panes.chain.as_of import AsOfControl
from desktop.panes.chain.model import (
    CLAIM,
    ID_ROLE,
    KIND_ROLE,
    OWNER,
    SPAN_ROLE,
    STEP,
    UNSOURCED,
    ChainTreeModel,
)
from desktop.shell.context import CaseContext
from desktop.shell.worker import Task, run_task

EXPAND_ALL_BELOW = 300  # rows; a bigger chain opens with its owners collapsed
EXPAND_OWNERS_UP_TO = 50  # owners; more open collapsed without counting their rows


class ChainPane(Pane):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.entity_id: str | None = None
        self.chain: ChainData | None = None
        self._generation = 0
        self.computing = False
        self._task: Task | None = None

        self.header = QLabel(self)
        self.header.setObjectName("chain_header")
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        font = self.header.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.header.setFont(font)
        self.header.setWordWrap(True)

        self.as_of = AsOfControl(self)
        self.follow = QCheckBox(self.tr("Follow selection"), self)
        self.follow.setObjectName("chain_follow")
        self.follow.setToolTip(self.tr("Show the chain of whatever entity is selected"))

        self.model = ChainTreeModel(self)
        self.model.search_in_background = True
        self.model.sig_paths_wanted.connect(self._search_paths)
        self.view = QTreeView(self)
        self.view.setObjectName("chain_tree")
        self.view.setAccessibleName(self.tr("Owners and controllers, step by step"))
        self.view.setModel(self.model)
        # After setModel: the view must know of new rows before they are spanned.
        self.model.rowsInserted.connect(self._span_rows)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ChainTreeModel.NAME, QHeaderView.ResizeMode.Stretch)
        # Fixed widths: sizing a column to its contents would visit every row (the share
        # column fits "100% declared indirect").
        for column, width in zip(range(1, len(ChainTreeModel.HEADERS)), (175, 80, 70, 90),
                                 strict=True):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)

        self.message = QLabel(self)
        self.message.setObjectName("chain_message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.view)

        self.cancel = QPushButton(self.tr("Cancel"), self)
        self.cancel.setObjectName("chain_cancel")
        self.cancel.setToolTip(self.tr("Stop computing this chain"))
        self.cancel.hide()
        self.cancel.clicked.connect(self.cancel_computing)

        controls = QHBoxLayout()
        controls.addWidget(self.as_of, 1)
        controls.addWidget(self.cancel)
        controls.addSpacing(12)
        controls.addWidget(self.follow)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(controls)
        layout.addWidget(self.stack, 1)

        self.as_of.sig_changed.connect(self._as_of_chosen)
        self.view.clicked.connect(self._clicked)
        self.view.doubleClicked.connect(self._double_clicked)
        self.view.expanded.connect(self._span_children)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.follow.toggled.connect(self._follow_toggled)
        self._show_message(self.tr("No case open."))
        self._update_header()

    # -- Pane API -----------------------------------------------------------------------------------
    def set_context(self, context: CaseContext | None) -> None:
        super().set_context(context)
        self.entity_id = None
        self.chain = None
        self._generation += 1
        self._stop_task()
        self.computing = False
        self.model.set_chain(None)
        if context is None:
            self._show_message(self.tr("No case open."))
        else:
            self._load_range()
            self.as_of.set_value(context.as_of)
            self._show_message(self.tr(
                "Select an entity and choose “Show control chain” (Ctrl+6 comes back here), "
                "or turn on “Follow selection”."))
        self._update_header()

    def show_chain(self, entity_id: str) -> None:
        if self.context is None or not entity_id:
            return
        self.entity_id = entity_id
        self.recompute()

    def select_entity(self, entity_id: str) -> None:
        if self.follow.isChecked() and entity_id and entity_id != self.entity_id:
            self.show_chain(entity_id)

    def select_link(self, link_id: str) -> None:
        self._select_row(STEP, link_id)

    def select_claim(self, claim_id: str) -> None:
        self._select_row(CLAIM, claim_id)

    def on_changes(self, changes: Changes) -> None:
        if self.context is None:
            return
        if changes.everything or changes.links or changes.events:
            self._load_range()
        if self.entity_id and (changes.everything or changes.links or changes.claims
                               or changes.entities or changes.sources):
            self.recompute()

    # -- computing ---------------------------------------------------------------------------------
    def recompute(self) -> None:
        if self.context is None or not self.entity_id:
            return
        self._generation += 1
        generation = self._generation
        case, entity_id, as_of = self.context.case, self.entity_id, self.context.as_of
        self._stop_task()
        self.computing = True
        self._update_header()

        def done(data: ChainData) -> None:
            if shiboken6.isValid(self) and generation == self._generation:
                self._task = None
                self._show_chain(data)

        def failed(message: str) -> None:
            if shiboken6.isValid(self) and generation == self._generation:
                self._task = None
                self.computing = False
                self.chain = None
                self.model.set_chain(None)
                self._show_message(message)
                self._update_header()

        def cancelled() -> None:
            if shiboken6.isValid(self) and generation == self._generation:
                self._task = None
                self.computing = False
                self.chain = None
                self.model.set_chain(None)
                self._show_message(self.tr("Cancelled: the chain was not computed. Choose "
                                           "“Show control chain” again to retry."))
                self._update_header()

        self._task = run_task(self, self.tr("Computing the control chain"),
                              lambda progress: load_chain(case, entity_id, as_of, progress),
                              done, failed, cancelled, show_progress=False)
        self.cancel.show()

    def cancel_computing(self) -> None:
        """Stop the chain being computed (the Cancel button)."""
        if self._task is not None:
            self._task.cancel()
        self.cancel.hide()

    def _stop_task(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None
        self.cancel.hide()

    def _search_paths(self, owner_id: str) -> None:
        """An owner was expanded whose paths are not searched yet: search on the worker."""
        data, generation = self.chain, self._generation
        if data is None:
            return

        def done(listing: PathList) -> None:
            if shiboken6.isValid(self) and generation == self._generation:
                self.model.set_paths(owner_id, listing)

        def failed(message: str) -> None:
            if shiboken6.isValid(self) and generation == self._generation:
                self.sig_status.emit(message)

        run_task(self, self.tr("Searching paths"),
                 lambda progress: owner_paths(data, owner_id, progress), done, failed,
                 show_progress=False)

    def _span_rows(self, parent: QModelIndex, first: int, last: int) -> None:
        """Paths, steps and claims read across the whole width (owners keep columns)."""
        if parent.isValid():
            for row in range(first, last + 1):
                self.view.setFirstColumnSpanned(row, parent, True)

    def _span_children(self, parent: QModelIndex) -> None:
        """Rows below an expanded path or step were built with it: span them now."""
        if parent.data(KIND_ROLE) != OWNER:
            self._span_rows(parent, 0, self.model.rowCount(parent) - 1)

    def _show_chain(self, data: ChainData) -> None:
        self.computing = False
        self.cancel.hide()
        self.chain = data
        if data.result.owners:  # shown before filled: a hidden view would fetch at once
            self.stack.setCurrentWidget(self.view)
        self.model.set_chain(data)
        self._update_header()
        if not data.result.owners:
            self._show_message(self._no_owners_text(data))
            return
        # A small chain whose paths are all searched opens expanded.
        owners = data.result.owners
        if len(owners) <= EXPAND_OWNERS_UP_TO and all(
                o.chain_paths is None or o.chain_paths.listed(o.id) is not None for o in owners):
            rows = list(self.model.iter_nodes())
            if len(rows) <= EXPAND_ALL_BELOW:
                for index in rows:
                    if index.data(KIND_ROLE) != OWNER:
                        self.view.setFirstColumnSpanned(index.row(), index.parent(), True)
                self.view.expandAll()
        controllers = sum(1 for o in owners if o.controls)
        self.sig_status.emit(self.tr("{name}: {owners} owner(s), {controllers} controlling")
                             .format(name=data.result.entity_name, owners=f"{len(owners):,}",
                                     controllers=controllers))

    def _no_owners_text(self, data: ChainData) -> str:
        as_of = data.result.as_of
        if as_of is None:
            return self.tr("No owners recorded for {name}.").format(name=data.result.entity_name)
        return self.tr("No owners recorded for {name} as of {date}.").format(
            name=data.result.entity_name, date=as_of.isoformat())

    # -- the "as of" date ----------------------------------------------------------------------------
    def _load_range(self) -> None:
        """The slider spans the case's dates; past a few thousand links they are found on
        the worker (``SMALL_CASE_ROWS``) — in a hidden tab, once the person shows it."""
        self.when_shown(self._read_range)

    def _read_range(self) -> None:
        if self.context is None:
            return
        case = self.context.case
        if case.read(is_small_case):
            self._set_range(case.read(date_range))
            return

        def read(_progress) -> tuple[date, date] | None:
            return case.read(date_range)

        def done(bounds: tuple[date, date] | None) -> None:
            if shiboken6.isValid(self) and self.context is not None and self.context.case is case:
                self._set_range(bounds)

        run_task(self, self.tr("Reading the case's dates"), read, done, show_progress=False)

    def _set_range(self, bounds: tuple[date, date] | None) -> None:
        if bounds is None:
            today = date.today()
            bounds = (date(today.year - 10, 1, 1), today)
        self.as_of.set_range(*bounds)
        self.as_of.set_value(self.context.as_of)

    def _as_of_chosen(self, value: date | None) -> None:
        if self.context is not None:
            self.context.set_as_of(value)

    def _as_of_changed(self, value: date | None) -> None:
        self.as_of.set_value(value)
        self._update_header()
        self.recompute()

    # -- the person's clicks --------------------------------------------------------------------------
    def _clicked(self, index: QModelIndex) -> None:
        kind, item_id = index.data(KIND_ROLE), index.data(ID_ROLE)
        if kind == OWNER:
            self.sig_entity_selected.emit(item_id)
        elif kind in (STEP, UNSOURCED):
            self.sig_link_selected.emit(item_id)
        elif kind == CLAIM:
            document_id, start, end = index.data(SPAN_ROLE)
            self.sig_claim_selected.emit(item_id)
            self.sig_document_requested.emit(document_id, start, end)

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.data(KIND_ROLE) == OWNER:
            self.sig_entity_activated.emit(index.data(ID_ROLE))

    def _context_menu(self, position: QPoint) -> None:
        index = self.view.indexAt(position)
        if not index.isValid() or index.data(KIND_ROLE) != OWNER:
            return
        owner_id = index.data(ID_ROLE)
        name = self.model.index(index.row(), 0, index.parent()).data()
        menu = QMenu(self)
        menu.addAction(self.tr("Show control chain of {name}").format(name=name),
                       lambda: self.sig_show_chain.emit(owner_id))
        menu.addAction(self.tr("Select {name}").format(name=name),
                       lambda: self.sig_entity_selected.emit(owner_id))
        menu.exec(self.view.viewport().mapToGlobal(position))

    def _follow_toggled(self, on: bool) -> None:
        if on:
            self.sig_status.emit(self.tr("The chain now follows the selected entity"))

    # -- helpers ---------------------------------------------------------------------------------------
    def _select_row(self, kind: str, item_id: str) -> None:
        for index in self.model.iter_nodes(fetch=False):  # only rows already built
            if index.data(KIND_ROLE) == kind and index.data(ID_ROLE) == item_id:
                self.view.setCurrentIndex(index)  # does not emit clicked: no loop
                self.view.scrollTo(index)
                return

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)

    def _update_header(self) -> None:
        if self.context is None or not self.entity_id:
            self.header.setText(self.tr("Control chain"))
            return
        current = self.chain is not None and self.chain.result.entity_id == self.entity_id
        name = self.chain.result.entity_name if current else "…"
        as_of = self.context.as_of
        if as_of is None:
            text = self.tr("Control chain of {name} (current)").format(name=name)
        else:
            text = self.tr("Control chain of {name} as of {date}").format(
                name=name, date=as_of.isoformat())
        if self.computing:
            text += " " + self.tr("(computing…)")
        self.header.setText(text)

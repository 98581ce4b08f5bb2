"""The claims pane: every quoted, graded claim and what it supports — and, one switch
away, the links that no claim supports yet, so the investigator sees what needs sourcing.

The claims table loads lazily (``desktop.panes.paged_table``): its filters and header
sorts become SQL, and rows come a page at a time as the view scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.core import Changes
from db.reads import claim_page
from desktop.panes.base import Pane
from desktop.panes.claims.model import (
    ClaimTableModel,
    IdRole,
    RowsFilterProxy,
    UnsourcedLinksModel,
)
from desktop.shell.context import CaseContext
from desktop.shell.worker import run_task

MODE_ALL, MODE_DISPUTED, MODE_UNSOURCED = range(3)
UNSOURCED_SHOWN = 2_000  # more is not a to-do list anyone reads; the label gives the total


def _table(name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(22)
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class ClaimsPane(Pane):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._selecting = False
        self._generation = 0
        self._links_loaded = False
        self._links_total = 0
        self._reading = False
        self._pending_claim: str | None = None  # to select once the list has loaded
        self._pending_reveal = False  # … clearing the filters that hide it (chosen elsewhere)
        self.editor_dialog = None
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("claim_filter")
        self.filter_edit.setAccessibleName(self.tr("Filter claims"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(self.tr("Filter claims…"))
        self.mode = QComboBox()
        self.mode.setObjectName("claim_mode")
        self.mode.setAccessibleName(self.tr("Which claims"))
        self.mode.addItems([self.tr("All claims"), self.tr("Disputed or refuted"),
                            self.tr("Unsourced links")])
        self.source = QComboBox()
        self.source.setObjectName("claim_source")
        self.source.setAccessibleName(self.tr("Only the claims of one source"))
        self.author = QComboBox()
        self.author.setObjectName("claim_author")
        self.author.setAccessibleName(self.tr("Only the claims one person made"))
        self.author.setToolTip(self.tr("Only the claims one person made"))
        self.count_label = QLabel()
        self.count_label.setObjectName("claim_count")
        self.count_label.setMinimumWidth(  # the count of a big case stays whole
            self.count_label.fontMetrics().horizontalAdvance("000,000 claims"))
        self._filter_timer = QTimer(self, singleShot=True, interval=150)
        self._filter_timer.timeout.connect(self._apply_filters)
        self.filter_edit.textChanged.connect(lambda _t: self._filter_timer.start())
        self.mode.currentIndexChanged.connect(self._apply_filters)
        self.source.currentIndexChanged.connect(self._apply_filters)
        self.author.currentIndexChanged.connect(self._apply_filters)

        self.claims_model = ClaimTableModel(self)
        self.claims_model.sig_loaded.connect(self._claims_loaded)
        self.claims_proxy = self.claims_model  # no proxy: filters and sorts are SQL's
        self.claims_view = _table("claim_table")
        self.claims_view.setAccessibleName(self.tr("Claims"))
        self.claims_view.setModel(self.claims_model)
        self.claims_view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        for column, width in ((ClaimTableModel.COL_EXCERPT, 300),
                              (ClaimTableModel.COL_STATEMENT, 220),
                              (ClaimTableModel.COL_SOURCE, 150),
                              (ClaimTableModel.COL_RELIABILITY, 40),
                              (ClaimTableModel.COL_CREDIBILITY, 44),
                              (ClaimTableModel.COL_GRADE, 50),
                              (ClaimTableModel.COL_STATUS, 90),
                              (ClaimTableModel.COL_ABOUT, 260),
                              (ClaimTableModel.COL_DOCUMENT, 160)):
            self.claims_view.setColumnWidth(column, width)
        self.claims_view.selectionModel().currentRowChanged.connect(self._claim_changed)
        self.claims_view.doubleClicked.connect(self._claim_double_clicked)

        self.links_model = UnsourcedLinksModel(self)
        self.links_proxy = RowsFilterProxy(self)
        self.links_proxy.setSourceModel(self.links_model)
        self.links_view = _table("unsourced_links")
        self.links_view.setAccessibleName(self.tr("Unsourced links"))
        self.links_view.setModel(self.links_proxy)
        self.links_view.setColumnWidth(UnsourcedLinksModel.COL_RELATIONSHIP, 360)
        self.links_view.setColumnWidth(UnsourcedLinksModel.COL_TYPE, 110)
        self.links_view.setColumnWidth(UnsourcedLinksModel.COL_DATES, 110)
        self.links_view.selectionModel().currentRowChanged.connect(self._link_changed)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.claims_view)
        self.stack.addWidget(self.links_view)
        bar = QHBoxLayout()
        bar.addWidget(self.filter_edit, 2)
        bar.addWidget(self.mode)
        bar.addWidget(self.source, 1)
        bar.addWidget(self.author, 1)
        bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self.setFocusProxy(self.filter_edit)
        self.set_context(None)

    @property
    def busy(self) -> bool:
        """Reading the case: the combos and links, or the claims list."""
        return self._reading or self.claims_model.busy

    def sizeHint(self) -> QSize:  # Qt override
        return QSize(900, 260)

    # -- case ------------------------------------------------------------------------------------
    def set_context(self, context: CaseContext | None) -> None:
        super().set_context(context)
        self.setEnabled(context is not None)
        self.reload()

    def on_changes(self, changes: Changes) -> None:
        if changes.everything or changes.claims or changes.links or changes.entities \
                or changes.sources or changes.documents or changes.events:
            self.reload()

    def reload(self) -> None:
        """Read the sources, authors (and, in "Unsourced links" mode, those links) off the
        GUI thread — a large case has hundreds of thousands of unsourced links — and the
        claims list again (a page at a time)."""
        self._generation += 1
        generation = self._generation
        self._links_loaded = False
        self.claims_model.me = self.context.case.author if self.context else ""
        if self.claims_model.case is not (self.context.case if self.context else None):
            self.claims_model.case = self.context.case if self.context else None
        else:  # the same case changed: keep the chosen claim chosen
            self._pending_claim = self._pending_claim or self.current_claim_id()
        self.claims_model.reload()
        if self.context is None:
            self._loaded(generation, ([], [], [], 0))
            return
        case = self.context.case
        with_links = self.mode.currentIndex() == MODE_UNSOURCED
        self._reading = True

        def load(_progress) -> tuple:
            return case.read(claim_page.pane_choices, with_links, UNSOURCED_SHOWN)

        run_task(None, "", load, lambda result: self._loaded(generation, result),
                 on_error=lambda message: self._failed(generation, message),
                 show_progress=False)

    def _failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self._reading = False
            self.sig_status.emit(message)

    def _loaded(self, generation: int, result: tuple) -> None:
        if generation != self._generation:
            return
        authors, sources, links, total = result
        chosen = self.source.currentData()
        self.source.blockSignals(True)
        self.source.clear()
        self.source.addItem(self.tr("All sources"), None)
        for source_id, name, reliability in sources:
            self.source.addItem(f"{name} ({reliability})", source_id)
        index = self.source.findData(chosen) if chosen else 0
        self.source.setCurrentIndex(max(index, 0))
        self.source.blockSignals(False)
        self._fill_authors(authors)
        if links is not None:
            self.links_model.set_rows(links)
            self._links_total = total
            self._links_loaded = True
            header = self.links_view.horizontalHeader()  # keep the person's order
            if header.isSortIndicatorShown() and header.sortIndicatorSection() >= 0:
                self.links_model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self._reading = False
        self._apply_filters()

    def _claims_loaded(self) -> None:
        """The claims list (re)loaded: keep the claim that was chosen, if still listed."""
        claim_id, self._pending_claim = self._pending_claim, None
        reveal, self._pending_reveal = self._pending_reveal, False
        self._show_count()
        if claim_id:
            self._select_claim_row(claim_id, reveal=reveal)

    def _fill_authors(self, authors: list[str]) -> None:
        chosen = self.author.currentData()
        self.author.blockSignals(True)
        self.author.clear()
        self.author.addItem(self.tr("Claims by anyone"), None)
        for name in authors:
            self.author.addItem(self.tr("Claims by {name}").format(
                name=name or self.tr("unknown")), name)
        index = self.author.findData(chosen) if chosen is not None else 0
        self.author.setCurrentIndex(max(index, 0))
        self.author.blockSignals(False)

    # -- filters -----------------------------------------------------------------------------------
    def _apply_filters(self) -> None:
        mode = self.mode.currentIndex()
        if mode == MODE_UNSOURCED and not self._links_loaded and not self.busy \
                and self.context is not None:
            self.reload()
        text = self.filter_edit.text()
        self._selecting = True
        try:
            filters = claim_page.ClaimFilter(text, mode == MODE_DISPUTED,
                                             self.source.currentData(), self.author.currentData())
            if filters != self.claims_model.filters:
                self._pending_claim = self._pending_claim or self.current_claim_id()
                self.claims_model.set_filters(filters)
            self.links_proxy.set_text(text)
        finally:
            self._selecting = False
        self.source.setEnabled(mode != MODE_UNSOURCED)
        self.author.setEnabled(mode != MODE_UNSOURCED)
        self.stack.setCurrentIndex(1 if mode == MODE_UNSOURCED else 0)
        self._show_count()

    def _show_count(self) -> None:
        mode = self.mode.currentIndex()
        if mode == MODE_UNSOURCED:
            n = self.links_proxy.rowCount()
            if self.busy:
                self.count_label.setText(self.tr("reading…"))
            elif self._links_total > self.links_model.rowCount():
                self.count_label.setText(self.tr("first {n:,} of {total:,} unsourced links")
                                         .format(n=n, total=self._links_total))
            else:
                self.count_label.setText(self.tr("no unsourced links") if n == 0 else
                                         self.tr("1 unsourced link") if n == 1 else
                                         self.tr("{n} unsourced links").format(n=n))
        elif self.claims_model.busy:
            self.count_label.setText(self.tr("reading…"))
        else:
            n = self.claims_model.total()
            self.count_label.setText(self.tr("1 claim") if n == 1
                                     else self.tr("{n} claims").format(n=n))

    # -- selection ----------------------------------------------------------------------------------
    def current_claim_id(self) -> str | None:
        index = self.claims_view.currentIndex()
        return index.data(IdRole) if index.isValid() else None

    def _claim_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._selecting or not current.isValid():
            return
        row = self.claims_model.rows[current.row()]
        self.sig_claim_selected.emit(row.id)
        self.sig_document_requested.emit(row.document_id, row.span_start, row.span_end)

    def _link_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._selecting and current.isValid():
            self.sig_link_selected.emit(current.data(IdRole))

    def select_claim(self, claim_id: str) -> None:
        if self.mode.currentIndex() == MODE_UNSOURCED:
            self.mode.setCurrentIndex(MODE_ALL)
        self._select_claim_row(claim_id)

    def _select_claim_row(self, claim_id: str, reveal: bool = True) -> None:
        if self.claims_model.busy:  # still reading the list: select it when it is in
            self._pending_claim = claim_id
            self._pending_reveal = reveal
            return
        row = self.claims_model.row_of(claim_id)
        if row < 0 and not reveal:
            return
        if row < 0:  # hidden by a filter: show everything
            for combo in (self.source, self.author):
                combo.blockSignals(True)
                combo.setCurrentIndex(0)
                combo.blockSignals(False)
            self.filter_edit.blockSignals(True)
            self.filter_edit.clear()
            self.filter_edit.blockSignals(False)
            self._pending_claim = claim_id
            self.mode.setCurrentIndex(MODE_ALL)
            self._apply_filters()
            if self.claims_model.busy:  # a big case: selected when the list is in
                return
            self._pending_claim = None
            row = self.claims_model.row_of(claim_id)
            if row < 0:
                return
        self.claims_model.fetch_until(row)
        index = self.claims_model.index(row, 0)
        self._selecting = True
        try:
            self.claims_view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.claims_view.scrollTo(index)
        finally:
            self._selecting = False

    # -- editing -------------------------------------------------------------------------------------
    def _claim_double_clicked(self, index: QModelIndex) -> None:
        claim_id = index.data(IdRole)
        if claim_id:
            self.edit_claim(claim_id)

    def edit_claim(self, claim_id: str) -> None:
        if self.context is None:
            return
        from desktop.dialogs.claim_editor import ClaimEditorDialog

        self.editor_dialog = ClaimEditorDialog(self.context, claim_id, self)
        self.editor_dialog.open()

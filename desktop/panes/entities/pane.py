"""The entities pane: a filterable, sortable list of every entity, and its detail below.

The list stays quick on 100,000 entities (see ``model.py``); the filter waits for a
short pause in typing before asking the case. The detail of the selected entity and what
an edit, undo or redo touched are read on the worker (``background.py``): the GUI thread
only applies the answers. Edits (new, edit, merge, delete: ``edits.py``) go through
``context.execute`` so that Ctrl+Z undoes them.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.core import Changes
from desktop.panes.base import Pane
from desktop.panes.entities.background import ChangeFollower, DetailLoader
from desktop.panes.entities.detail import EntityDetailWidget
from desktop.panes.entities.edits import EntityEdits
from desktop.panes.entities.model import (
    COL_CLAIMS,
    COL_COUNTRY,
    COL_LINKS,
    COL_NAME,
    COL_TYPE,
    EntityListModel,
    RowRole,
)
from desktop.shell.context import CaseContext

FILTER_DELAY_MS = 200
# Beyond this many rows to load, selecting an entity loads pages of this size on a timer
# (one page per event-loop turn) rather than all at once.
FETCH_AT_ONCE = 500


class EntitiesPane(EntityEdits, Pane):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._selecting = False
        self._pending_select: str | None = None
        self._detail_stale = False  # changed while hidden: read again before showing
        self.editor_dialog = None
        self.merge_dialog = None

        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("entity_filter")
        self.filter_edit.setAccessibleName(self.tr("Filter entities"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(
            self.tr("Filter by name, alias, type or country (country:ru, schema:Person)…"))
        self.count_label = QLabel()
        self.count_label.setObjectName("entity_count")
        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._apply_filter)
        self.filter_edit.textChanged.connect(lambda _text: self._filter_timer.start())

        self.list_model = EntityListModel(self)
        self.list_model.sig_loaded.connect(self._loaded)
        self.list_model.rowsInserted.connect(self._update_count)
        self.list_view = view = QTableView()
        view.setObjectName("entity_list")
        view.setAccessibleName(self.tr("Entities"))
        view.setModel(self.list_model)
        view.setSortingEnabled(True)
        view.horizontalHeader().setSortIndicator(COL_NAME, Qt.SortOrder.AscendingOrder)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.verticalHeader().setDefaultSectionSize(22)
        header = view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in ((COL_TYPE, 120), (COL_COUNTRY, 60), (COL_LINKS, 46),
                              (COL_CLAIMS, 52)):
            view.setColumnWidth(column, width)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._context_menu)
        view.selectionModel().selectionChanged.connect(self._selection_changed)
        view.activated.connect(self._activated)

        self.detail = EntityDetailWidget()
        self.detail.setObjectName("entity_detail")
        self.detail.hide()
        self.detail.sig_entity_clicked.connect(self._navigate)
        self.detail.sig_link_clicked.connect(self.sig_link_selected)
        self.detail.sig_claim_clicked.connect(self._claim_clicked)
        self.detail.sig_edit_requested.connect(self.edit_entity)
        self.detail_loader = DetailLoader(self)
        self.detail_loader.sig_loaded.connect(self._detail_loaded)
        self.change_follower = ChangeFollower(self)
        self.change_follower.sig_read.connect(self._changes_read)

        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.count_label)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(view)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self.setFocusProxy(self.filter_edit)
        self.set_context(None)

    def resizeEvent(self, event) -> None:  # Qt override
        super().resizeEvent(event)
        self._fit_columns()

    def showEvent(self, event) -> None:  # Qt override
        super().showEvent(event)
        if self._detail_stale and self.detail.entity_id and not self.detail.isHidden():
            self._show_detail(self.detail.entity_id)  # it changed while the pane was hidden

    def _fit_columns(self) -> None:
        """In a narrow dock keep the name and the counts; the icon already tells the type."""
        width = self.width()  # the view's own size is not laid out yet during a resize
        self.list_view.setColumnHidden(COL_TYPE, width < 490)
        self.list_view.setColumnHidden(COL_COUNTRY, width < 380)

    def sizeHint(self) -> QSize:  # Qt override
        return QSize(460, 640)

    def minimumSizeHint(self) -> QSize:  # Qt override
        return QSize(300, 200)

    # -- case -------------------------------------------------------------------------------
    def set_context(self, context: CaseContext | None) -> None:
        super().set_context(context)
        self._pending_select = None
        self.filter_edit.blockSignals(True)
        self.filter_edit.clear()
        self.filter_edit.blockSignals(False)
        self._filter_timer.stop()
        self.detail_loader.cancel()
        self.change_follower.cancel()
        self.detail.show_detail(None)
        self.detail.hide()
        self.setEnabled(context is not None)
        self.list_model.set_case(context.case if context else None)
        self._update_count()

    @property
    def filter_pending(self) -> bool:
        return self._filter_timer.isActive()

    @property
    def loading(self) -> bool:
        """Something the person asked for is still being read (list, detail, a change)."""
        return (self.list_model.busy or self.filter_pending or self._pending_select is not None
                or self.detail_loader.pending is not None or self.change_follower.busy)

    def _apply_filter(self) -> None:
        self.list_model.set_filter(self.filter_edit.text())

    def _loaded(self) -> None:
        self._update_count()
        if self._pending_select:
            entity_id, self._pending_select = self._pending_select, None
            self.select_entity(entity_id)

    def _update_count(self, *_args) -> None:
        model = self.list_model
        if self.context is None:
            self.count_label.setText("")
        elif model.filter_text:
            n = model.total()
            self.count_label.setText(self.tr("1 match") if n == 1
                                     else self.tr("{n} matches").format(n=f"{n:,}"))
        else:
            n = model.total()
            self.count_label.setText(self.tr("1 entity") if n == 1
                                     else self.tr("{n} entities").format(n=f"{n:,}"))

    # -- selection ---------------------------------------------------------------------------
    def selected_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self.list_view.selectionModel().selectedRows()})
        return [i for i in (self.list_model.entity_id(r) for r in rows) if i]

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self._selecting:
            return
        ids = self.selected_ids()
        current = self.list_model.entity_id(self.list_view.currentIndex().row())
        if len(ids) == 1:
            self.sig_entity_selected.emit(ids[0])
            if self.detail.isVisible():
                self._show_detail(ids[0])
        elif len(ids) > 1:
            if current in ids:  # the one clicked last ends the list
                ids = [i for i in ids if i != current] + [current]
            self.sig_entities_selected.emit(ids)

    def select_entity(self, entity_id: str) -> None:
        self._select([entity_id])

    def select_entities(self, entity_ids: list[str]) -> None:
        self._select(list(entity_ids))

    def _select(self, entity_ids: list[str]) -> None:
        model = self.list_model
        if not entity_ids or self.context is None:
            return
        first = entity_ids[0]
        if model.busy or self.change_follower.busy:  # selected once the list is read
            self._pending_select = first
            return
        position = model.position_of(first)
        if position is None:
            if model.filter_text:  # not among the matches: show everything, then select
                self._pending_select = first
                self.filter_edit.blockSignals(True)
                self.filter_edit.clear()
                self.filter_edit.blockSignals(False)
                model.set_filter("")
            return
        if position >= model.rowCount():
            if position - model.rowCount() > FETCH_AT_ONCE:
                self._pending_select = first
                model.fetchMore(count=FETCH_AT_ONCE)
                QTimer.singleShot(0, lambda: self._continue_select(first))
                return
            model.fetch_until(position)
        self._selecting = True
        try:
            selection = self.list_view.selectionModel()
            flags = (QItemSelectionModel.SelectionFlag.Rows
                     | QItemSelectionModel.SelectionFlag.ClearAndSelect)
            index = model.index(position, COL_NAME)
            selection.setCurrentIndex(index, flags)
            for other in entity_ids[1:]:
                row = model.position_of(other)
                if row is not None and row < model.rowCount():
                    selection.select(model.index(row, COL_NAME),
                                     QItemSelectionModel.SelectionFlag.Rows
                                     | QItemSelectionModel.SelectionFlag.Select)
            self.list_view.scrollTo(index)
        finally:
            self._selecting = False
        if self.detail.isVisible() and len(entity_ids) == 1:
            self._show_detail(first)

    def _continue_select(self, entity_id: str) -> None:
        if self._pending_select != entity_id:
            return  # something else was selected meanwhile
        self._pending_select = None
        self._select([entity_id])

    # -- detail ---------------------------------------------------------------------------------
    def open_entity_detail(self, entity_id: str) -> None:
        if self.detail.isHidden():
            self.detail.show()
            height = max(self.splitter.height(), 400)
            self.splitter.setSizes([height * 2 // 5, height - height * 2 // 5])
        self._show_detail(entity_id)

    def _show_detail(self, entity_id: str | None, again: bool = False) -> None:
        """Show an entity's detail: its name at once, the rest when the worker has read
        it. ``again``: re-read the one shown (it changed)."""
        if self.context is None or entity_id is None:
            self.detail_loader.cancel()
            self.detail.show_detail(None)
            return
        again, self._detail_stale = again or self._detail_stale, False
        if not again and entity_id == self.detail.entity_id \
                and self.detail_loader.pending in (None, entity_id):
            return  # already shown, or on its way
        if entity_id != self.detail.entity_id:
            position = self.list_model.position_of(entity_id)
            row = None if position is None else self.list_model.index(position, COL_NAME).data(
                RowRole)
            if row is not None:
                self.detail.show_pending(row.id, row.caption, row.schema, row.role)
        self.detail.claims_model.me = self.context.case.author
        self.detail_loader.load(self.context.case, entity_id, self.context.case.author, again)

    def _detail_loaded(self, detail) -> None:
        self.detail.show_detail(detail)

    def _activated(self, index) -> None:
        entity_id = self.list_model.entity_id(index.row())
        if entity_id:
            self.open_entity_detail(entity_id)
            self.sig_entity_activated.emit(entity_id)

    def _navigate(self, entity_id: str) -> None:
        self.select_entity(entity_id)
        self.open_entity_detail(entity_id)
        self.sig_entity_selected.emit(entity_id)

    def _claim_clicked(self, claim_id: str, document_id: str, start: int, end: int) -> None:
        self.sig_claim_selected.emit(claim_id)
        self.sig_document_requested.emit(document_id, start, end)

    # -- changes ---------------------------------------------------------------------------------
    def on_changes(self, changes: Changes) -> None:
        """Follow an edit, an undo or a redo: what it touched is read on the worker."""
        if self.context is None:
            return
        if changes.everything:
            self.change_follower.cancel()
            self._reload_keeping_selection()
        elif changes.entities or changes.links:
            self.change_follower.follow(self.context.case, self.list_model.filter_text,
                                        changes)
        shown = self.detail.entity_id
        if shown and self.detail.isVisible():
            self._show_detail(shown, again=True)
        elif shown:  # read again when it is shown again
            self._detail_stale = True

    def _changes_read(self, affected: set[str], present: set[str], rows: list) -> None:
        model = self.list_model
        listed = {i for i in affected if model.position_of(i) is not None}
        if listed != present or (present and not rows):  # one came, went or left the filter
            self._reload_keeping_selection()
            return
        model.apply_rows(rows)
        if self._pending_select:
            entity_id, self._pending_select = self._pending_select, None
            self.select_entity(entity_id)

    def _reload_keeping_selection(self) -> None:
        ids = self.selected_ids()
        self._pending_select = self._pending_select or (ids[0] if ids else None)
        self.list_model.reload()

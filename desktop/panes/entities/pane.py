"""The entities pane: a filterable, sortable list of every entity, and its detail below.

The list stays quick on 100,000 entities (see ``model.py``); the filter waits for a
short pause in typing before asking the case. Edits (new, edit, merge, delete) go
through ``context.execute`` so that Ctrl+Z undoes them.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QPoint, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.core import Changes
from db.reads import entity_list as views
from db.services import entities as entity_service
from desktop.panes.base import Pane
from desktop.panes.entities.detail import EntityDetailWidget
from desktop.panes.entities.model import (
    COL_CLAIMS,
    COL_COUNTRY,
    COL_LINKS,
    COL_NAME,
    COL_TYPE,
    EntityListModel,
)
from desktop.shell.context import CaseContext

FILTER_DELAY_MS = 200
# Beyond this many rows to load, selecting an entity loads pages of this size on a timer
# (one page per event-loop turn) rather than all at once.
FETCH_AT_ONCE = 500


class EntitiesPane(Pane):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._selecting = False
        self._pending_select: str | None = None
        self._pending_detail = False
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
        self.detail.show_detail(None)
        self.detail.hide()
        self.setEnabled(context is not None)
        self.list_model.set_case(context.case if context else None)
        self._update_count()

    @property
    def filter_pending(self) -> bool:
        return self._filter_timer.isActive()

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
        if model.busy:
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

    def _show_detail(self, entity_id: str | None) -> None:
        if self.context is None or entity_id is None:
            self.detail.show_detail(None)
            return
        self.detail.claims_model.me = self.context.case.author
        self.detail.show_detail(self.context.case.read(views.entity_detail, entity_id,
                                                      self.context.case.author))

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
        if self.context is None:
            return
        model = self.list_model
        if changes.everything:
            self._reload_keeping_selection()
        else:
            affected, present = self.context.case.read(
                views.listed_after_change, model.filter_text, set(changes.entities),
                list(changes.links))
            listed = {i for i in affected if model.position_of(i) is not None}
            if listed != present:  # an entity came, went or left the filter
                self._reload_keeping_selection()
            else:
                model.refresh(affected)
        shown = self.detail.entity_id
        if shown and self.detail.isVisible():
            self._show_detail(shown)

    def _reload_keeping_selection(self) -> None:
        ids = self.selected_ids()
        self._pending_select = ids[0] if ids else None
        self.list_model.reload()

    # -- edits --------------------------------------------------------------------------------------
    def new_entity(self) -> None:
        if self.context is None:
            return
        from desktop.dialogs.entity_editor import EntityEditorDialog

        self.editor_dialog = EntityEditorDialog(self.context, parent=self)
        self.editor_dialog.accepted.connect(self._entity_saved)
        self.editor_dialog.open()

    def edit_entity(self, entity_id: str) -> None:
        if self.context is None:
            return
        from desktop.dialogs.entity_editor import EntityEditorDialog

        self.editor_dialog = EntityEditorDialog(self.context, entity_id, parent=self)
        self.editor_dialog.accepted.connect(self._entity_saved)
        self.editor_dialog.open()

    def _entity_saved(self) -> None:
        entity_id = self.editor_dialog.entity_id if self.editor_dialog else None
        if entity_id:
            self.select_entity(entity_id)
            self.sig_entity_selected.emit(entity_id)

    def merge_selected(self) -> None:
        ids = self.selected_ids()
        if self.context is None or len(ids) != 2:
            return
        from desktop.dialogs.merge_entities import MergeEntitiesDialog

        self.merge_dialog = MergeEntitiesDialog(self.context, ids[0], ids[1], self)
        self.merge_dialog.accepted.connect(self._merged)
        self.merge_dialog.open()

    def _merged(self) -> None:
        kept = self.merge_dialog.kept_id if self.merge_dialog else None
        if kept:
            self.select_entity(kept)
            self.sig_entity_selected.emit(kept)

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if self.context is None or not ids:
            return
        names = [self.list_model.data(self.list_model.index(self.list_model.position_of(i),
                                                            COL_NAME)) for i in ids]
        question = self.tr("Delete {names}? Its links and what supports them go too. "
                           "Undo brings them back.").format(names=", ".join(f"“{n}”" for n in names)) \
            if len(ids) == 1 else self.tr("Delete {n} entities with their links?").format(n=len(ids))
        answer = QMessageBox.question(self, self.tr("Delete Entity"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return

        def delete(tx) -> None:
            for entity_id in ids:
                entity_service.delete_entity(tx, entity_id)

        label = self.tr("Delete {name}").format(name=names[0]) if len(ids) == 1 \
            else self.tr("Delete {n} entities").format(n=len(ids))
        if self.context.execute(label, delete) is not None and self.detail.entity_id in ids:
            self.detail.show_detail(None)

    def _context_menu(self, point: QPoint) -> None:
        index = self.list_view.indexAt(point)
        if not index.isValid() or self.context is None:
            return
        if index.row() not in {i.row() for i in self.list_view.selectionModel().selectedRows()}:
            self.list_view.selectRow(index.row())
        menu = self.build_context_menu()
        menu.exec(self.list_view.viewport().mapToGlobal(point))

    def build_context_menu(self) -> QMenu:
        """The actions on the selected entities (also used by tests)."""
        ids = self.selected_ids()
        menu = QMenu(self)
        if not ids:
            return menu
        current = ids[-1]
        menu.addAction(self.tr("Open Detail"), lambda: self.open_entity_detail(current))
        menu.addAction(self.tr("Show Control Chain"), lambda: self.sig_show_chain.emit(current))
        paths = menu.addAction(self.tr("Find Connecting Paths"),
                               lambda: self.sig_find_paths.emit(ids[0], ids[1]))
        paths.setEnabled(len(ids) == 2)
        menu.addAction(self.tr("Print Evidence Summary…"),
                       lambda: self.sig_print_summary.emit(current))
        menu.addSeparator()
        menu.addAction(self.tr("Edit…"), lambda: self.edit_entity(current))
        merge = menu.addAction(self.tr("Merge…"), self.merge_selected)
        merge.setEnabled(len(ids) == 2)
        menu.addAction(self.tr("Delete…"), self.delete_selected)
        return menu

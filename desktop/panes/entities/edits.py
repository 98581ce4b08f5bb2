"""What the entities pane does to entities: new, edit, merge, delete, and its context menu.

Every edit goes through ``context.execute`` (or a dialog that does), so Ctrl+Z undoes it;
the pane follows the change like any other (``EntitiesPane.on_changes``).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu, QMessageBox

from db.services import entities as entity_service
from desktop.panes.entities.model import COL_NAME


class EntityEdits:
    """Mixed into ``EntitiesPane``: uses its context, list, detail and signals."""

    editor_dialog = None
    merge_dialog = None

    def new_entity(self) -> None:
        self.edit_entity(None)

    def edit_entity(self, entity_id: str | None) -> None:
        """Open the entity editor on ``entity_id`` (None: a new entity)."""
        if self.context is None:
            return
        from desktop.dialogs.entity_editor import EntityEditorDialog

        self.editor_dialog = EntityEditorDialog(self.context, entity_id, parent=self)
        self.editor_dialog.accepted.connect(self._entity_saved)
        self.editor_dialog.open()

    def _entity_saved(self) -> None:
        self._select_announced(self.editor_dialog.entity_id if self.editor_dialog else None)

    def _select_announced(self, entity_id: str | None) -> None:
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
        self._select_announced(self.merge_dialog.kept_id if self.merge_dialog else None)

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

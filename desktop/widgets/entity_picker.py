"""Choose an entity by typing part of its name: an editable combo fed by the case.

Completion asks the case for at most a few dozen matches as you type, so it stays quick
on a case of 100,000 entities. ``entity_id()`` is the chosen entity, or None.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QWidget

from db.reads import queries, records
from desktop.shell.context import CaseContext
from desktop.shell.icons import schema_icon

IdRole = Qt.ItemDataRole.UserRole + 1


class EntityPicker(QComboBox):
    sig_entity_changed = Signal(object)  # str | None

    def __init__(self, context: CaseContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self.lineEdit().setPlaceholderText(self.tr("Type a name…"))
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self._refill)
        self.lineEdit().textEdited.connect(lambda _t: self._timer.start())
        self.currentIndexChanged.connect(self._index_changed)
        self._fill("")

    def _fill(self, text: str) -> None:
        rows = self.context.case.read(queries.suggest_entities, text)
        self.blockSignals(True)
        self.clear()
        for entity_id, caption, schema, role in rows:
            self.addItem(schema_icon(schema, role), caption, entity_id)
            self.setItemData(self.count() - 1, f"{caption} [{schema}]",
                             Qt.ItemDataRole.ToolTipRole)
        self.setCurrentIndex(-1)
        self.lineEdit().setText(text)
        self.blockSignals(False)

    def _refill(self) -> None:
        text = self.lineEdit().text()
        self._fill(text)
        if self.count():
            self.showPopup()

    def _index_changed(self, _index: int) -> None:
        self.sig_entity_changed.emit(self.entity_id())

    def entity_id(self) -> str | None:
        index = self.currentIndex()
        if index < 0 or self.itemText(index) != self.lineEdit().text():
            return None
        return self.itemData(index)

    def set_entity(self, entity_id: str | None) -> None:
        if entity_id is None:
            self.setCurrentIndex(-1)
            self.lineEdit().clear()
            return
        entity = self.context.case.read(records.entity, entity_id)
        if entity is None:
            return
        caption, schema, role = entity.caption, entity.schema, entity.role
        index = self.findData(entity_id)
        if index < 0:
            self.addItem(schema_icon(schema, role), caption, entity_id)
            index = self.count() - 1
        self.setCurrentIndex(index)

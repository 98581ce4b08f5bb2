"""Ctrl+K: one box that searches entities, documents and claims."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QDialog, QLineEdit, QListView, QVBoxLayout, QWidget

from db.reads.search import Hit, search
from desktop.shell.context import CaseContext
from desktop.shell.icons import icon

_KIND_ICON = {"entity": "company", "document": "document", "claim": "claim"}
HitRole = Qt.ItemDataRole.UserRole + 1


class SearchResultModel(QAbstractListModel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.hits: list[Hit] = []

    def set_hits(self, hits: list[Hit]) -> None:
        self.beginResetModel()
        self.hits = hits
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        hit = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            kinds = {"entity": self.tr("Entity"), "document": self.tr("Document"),
                     "claim": self.tr("Claim")}
            detail = hit.snippet if hit.kind != "entity" else hit.snippet
            return f"{kinds[hit.kind]}: {hit.title}\n    {detail}"
        if role == Qt.ItemDataRole.DecorationRole:
            return icon(_KIND_ICON[hit.kind])
        if role == HitRole:
            return hit
        return None


class SearchDialog(QDialog):
    sig_entity_chosen = Signal(str)
    sig_document_chosen = Signal(str, int, int)
    sig_claim_chosen = Signal(str)

    def __init__(self, context: CaseContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("search_dialog")
        self.context = context
        self.setWindowTitle(self.tr("Search everything"))
        self.resize(640, 420)
        self.query = QLineEdit(self)
        self.query.setObjectName("search_query")
        self.query.setAccessibleName(self.tr("Search for"))
        self.query.setPlaceholderText(self.tr("Search entities, documents and claims…"))
        self.model = SearchResultModel(self)
        self.results = QListView(self)
        self.results.setObjectName("search_results")
        self.results.setAccessibleName(self.tr("Results"))
        self.results.setModel(self.model)
        self.results.setUniformItemSizes(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results)
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.run_search)
        self.query.textChanged.connect(lambda _text: self._timer.start())
        self.query.returnPressed.connect(self._choose_first)
        self.results.activated.connect(self._choose)

    def run_search(self) -> None:
        self.model.set_hits(self.context.case.read(search, self.query.text(), limit=30))

    def _choose_first(self) -> None:
        self._timer.stop()
        self.run_search()
        if self.model.rowCount():
            self._choose(self.model.index(0))

    def _choose(self, index: QModelIndex) -> None:
        hit: Hit = index.data(HitRole)
        if hit.kind == "entity":
            self.sig_entity_chosen.emit(hit.id)
        elif hit.kind == "document":
            self.sig_document_chosen.emit(hit.id, -1, -1)
        else:
            self.sig_claim_chosen.emit(hit.id)
        self.accept()

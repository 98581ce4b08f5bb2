"""Edit ▸ Review Possible Duplicates…: settle the pairs a merge left as "unsure".

Each row is their entity beside ours with the score and why they were matched. "Same —
merge" folds theirs into ours and records the judgement in one undoable command; "Not the
same" records that; "Still unsure" moves on. The list is ``db.reads.judgements``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.core import Changes
from db.reads.judgements import Pair, Side, pending_pairs
from db.services import entities as entity_service
from db.services import events as event_service
from desktop.shell.context import CaseContext

COL_THEIRS, COL_OURS, COL_SCORE, COL_WHY, COL_JUDGED = range(5)
PairRole = Qt.ItemDataRole.UserRole + 1
EntityIdRole = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


class PairsModel(QAbstractTableModel):
    """The pending pairs, one per row, their entity and ours side by side."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.pairs: list[Pair] = []

    def set_pairs(self, pairs: list[Pair]) -> None:
        self.beginResetModel()
        self.pairs = pairs
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.pairs)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Their entity"), self.tr("Our entity"), self.tr("Score"),
                    self.tr("Why / identifiers"), self.tr("Judged by"))[section]
        return None

    def _side_text(self, side: Side) -> str:
        where = ", ".join(c.upper() for c in side.countries)
        details = [side.schema] + ([where] if where else []) + [
            self.tr("1 link") if side.links == 1
            else self.tr("{n} links").format(n=side.links)]
        return f"{side.caption}\n{' · '.join(details)}"

    def _why(self, pair: Pair) -> str:
        lines = []
        note = (pair.note or "").split(": ", 1)[-1] if pair.note else ""
        if note:
            lines.append(note)
        shared = pair.shared_identifiers
        if shared:
            lines.append(self.tr("same ") + "; ".join(f"{p} {v}" for p, v in shared))
        for label, side in ((self.tr("theirs: {ids}"), pair.right),
                            (self.tr("ours: {ids}"), pair.left)):
            only = [f"{p} {v}" for p, v in side.identifiers if (p, v) not in shared]
            if only:
                lines.append(label.format(ids="; ".join(only)))
        return "\n".join(lines) or self.tr("similar names")

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        pair = self.pairs[index.row()]
        column = index.column()
        if role == PairRole:
            return pair
        if role == EntityIdRole:
            return pair.right.id if column == COL_THEIRS else pair.left.id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_THEIRS:
                return self._side_text(pair.right)
            if column == COL_OURS:
                return self._side_text(pair.left)
            if column == COL_SCORE:
                return "—" if pair.score is None else f"{pair.score:.2f}"
            if column == COL_WHY:
                return self._why(pair)
            return f"{pair.author or self.tr('unknown')}\n{pair.created_at[:10]}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_SCORE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_WHY:
            return pair.note
        return None


class JudgementsDialog(QDialog):
    sig_entity_chosen = Signal(str)

    def __init__(self, context: CaseContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Review Possible Duplicates"))
        self.resize(980, 420)
        intro = QLabel(self.tr("Pairs a merge left as “unsure”. Select a pair to see it in the "
                               "workspace, then decide. “Same — merge” keeps our entity and "
                               "adds theirs as an alias; Edit ▸ Undo takes it back."))
        intro.setWordWrap(True)
        self.model = PairsModel(self)
        self.view = QTableView()
        self.view.setObjectName("judgements_view")
        self.view.setAccessibleName(self.tr("Pairs left unsure"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        for column, mode in ((COL_THEIRS, QHeaderView.ResizeMode.Stretch),
                             (COL_OURS, QHeaderView.ResizeMode.Stretch),
                             (COL_SCORE, QHeaderView.ResizeMode.ResizeToContents),
                             (COL_WHY, QHeaderView.ResizeMode.Stretch),
                             (COL_JUDGED, QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(column, mode)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.view.clicked.connect(self._clicked)
        self.empty = QLabel(self.tr("No unsure matches to review."))
        self.empty.setObjectName("judgements_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        self.same_button = QPushButton(self.tr("Same — merge"))
        self.not_same_button = QPushButton(self.tr("Not the same"))
        self.unsure_button = QPushButton(self.tr("Still unsure"))
        self.close_button = QPushButton(self.tr("Close"))
        self.same_button.clicked.connect(self.mark_same)
        self.not_same_button.clicked.connect(self.mark_not_same)
        self.unsure_button.clicked.connect(self.next_pair)
        self.close_button.clicked.connect(self.accept)
        for button in (self.same_button, self.not_same_button, self.unsure_button):
            button.setAutoDefault(False)  # Enter must never merge by accident
        buttons = QHBoxLayout()
        for button in (self.same_button, self.not_same_button, self.unsure_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        context.sig_changed.connect(self._on_changes)
        self.refresh()

    # -- reading ---------------------------------------------------------------------------
    def refresh(self, row: int = 0) -> None:
        pairs = self.context.case.read(pending_pairs)
        self.model.set_pairs(pairs)
        self.stack.setCurrentWidget(self.view if pairs else self.empty)
        for button in (self.same_button, self.not_same_button, self.unsure_button):
            button.setEnabled(bool(pairs))
        if pairs:
            self.view.selectRow(min(row, len(pairs) - 1))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh(self._current_row())

    def _on_changes(self, changes: Changes) -> None:
        if not self.isVisible():  # a closed dialog re-reads when shown again
            return
        if changes.everything or changes.entities or changes.judgements or changes.links:
            self.refresh(self._current_row())

    def _current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else 0

    def current_pair(self) -> Pair | None:
        row = self.view.currentIndex().row()
        return self.model.pairs[row] if 0 <= row < len(self.model.pairs) else None

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.sig_entity_chosen.emit(self.model.pairs[current.row()].left.id)

    def _clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.sig_entity_chosen.emit(index.data(EntityIdRole))

    # -- deciding --------------------------------------------------------------------------
    def mark_same(self) -> None:
        pair = self.current_pair()
        if pair is None:
            return
        keep, other = pair.left.id, pair.right.id

        def merge(tx) -> str:
            entity_service.merge_entities(tx, keep, other)
            return event_service.judge(tx, keep, other, "same", score=pair.score,
                                       note=pair.note)

        label = self.tr("Merge “{theirs}” into “{ours}”").format(
            theirs=pair.right.caption, ours=pair.left.caption)
        self._decide(label, merge)

    def mark_not_same(self) -> None:
        pair = self.current_pair()
        if pair is None:
            return
        label = self.tr("Not the same: “{theirs}” / “{ours}”").format(
            theirs=pair.right.caption, ours=pair.left.caption)
        self._decide(label, lambda tx: event_service.judge(
            tx, pair.left.id, pair.right.id, "not_same", score=pair.score, note=pair.note))

    def _decide(self, label: str, operation) -> None:
        row = self._current_row()
        self.context.execute(label, operation)
        # sig_changed already refreshed; refresh again to be sure the row stays put.
        self.refresh(row)

    def next_pair(self) -> None:
        count = self.model.rowCount()
        if count:
            self.view.selectRow((self._current_row() + 1) % count)

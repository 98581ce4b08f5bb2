"""Review a merge before it happens: proposed matches and conflicts, side by side.

Each proposed match (their entity ≈ ours, with its score and reasons) gets a decision —
same, not same, unsure — edited in the table; only "same" folds their entity into ours,
and every decision is stored as a judgement. Conflicting property values and stakes are
listed with both sides: the merge keeps both, each naming where it came from.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.services.merge import MergePlan

DECISIONS = ("same", "not_same", "unsure")


class MatchTableModel(QAbstractTableModel):
    """Proposed matches; the Decision column is editable."""

    COLUMN_THEIRS, COLUMN_OURS, COLUMN_SCORE, COLUMN_REASONS, COLUMN_DECISION = range(5)

    def __init__(self, plan: MergePlan, decisions: dict[str, str],
                 parent: QObject | None = None):
        super().__init__(parent)
        # Items recognised by id (the same item, or one folded in an earlier merge) need no
        # review; every match found by comparing names and identifiers is listed.
        self.matches = [m for m in plan.matches
                        if not set(m.reasons) & {"same id", "merged before"}]
        self.decisions = dict(decisions)
        self.labels = {"same": self.tr("Same"), "not_same": self.tr("Not the same"),
                       "unsure": self.tr("Unsure")}

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.matches)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        match = self.matches[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.COLUMN_THEIRS:
                return match.other_caption
            if column == self.COLUMN_OURS:
                return match.our_caption
            if column == self.COLUMN_SCORE:
                kind = self.tr("sure") if match.category == "same" else self.tr("proposed")
                return f"{kind} {match.score:.2f}"
            if column == self.COLUMN_REASONS:
                return "; ".join(match.reasons)
            return self.labels[self.decisions[match.other_id]]
        if role == Qt.ItemDataRole.EditRole and column == self.COLUMN_DECISION:
            return self.decisions[match.other_id]
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.column() == self.COLUMN_DECISION:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: QModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (role != Qt.ItemDataRole.EditRole or index.column() != self.COLUMN_DECISION
                or value not in DECISIONS):
            return False
        self.decisions[self.matches[index.row()].other_id] = value
        self.dataChanged.emit(index, index)
        return True

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Their entity"), self.tr("Our entity"), self.tr("Match"),
                    self.tr("Why"), self.tr("Decision"))[section]
        return None


class ConflictTableModel(QAbstractTableModel):
    COLUMN_KIND, COLUMN_WHAT, COLUMN_OURS, COLUMN_THEIRS = range(4)

    def __init__(self, plan: MergePlan, parent: QObject | None = None):
        super().__init__(parent)
        self.conflicts = list(plan.conflicts)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.conflicts)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        conflict = self.conflicts[index.row()]
        return (self.tr("Property") if conflict.kind == "property" else self.tr("Link"),
                conflict.what, "; ".join(conflict.ours),
                "; ".join(conflict.theirs))[index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Kind"), self.tr("What"), self.tr("Ours"), self.tr("Theirs"))[section]
        return None


class DecisionDelegate(QStyledItemDelegate):
    """A combo box for the Decision column."""

    def createEditor(self, parent: QWidget, option: Any, index: QModelIndex) -> QWidget:
        combo = QComboBox(parent)
        combo.setAccessibleName(str(index.model().headerData(
            index.column(), Qt.Orientation.Horizontal)))  # "Decision"
        labels = index.model().labels
        for decision in DECISIONS:
            combo.addItem(labels[decision], decision)
        return combo

    def setEditorData(self, editor: QComboBox, index: QModelIndex) -> None:
        editor.setCurrentIndex(DECISIONS.index(index.data(Qt.ItemDataRole.EditRole)))

    def setModelData(self, editor: QComboBox, model: Any, index: QModelIndex) -> None:
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class MergeReviewDialog(QDialog):
    def __init__(self, plan: MergePlan, parent: QWidget | None = None):
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(self.tr("Merge {name}").format(name=plan.other_name))
        layout = QVBoxLayout(self)
        whose = plan.other_author or self.tr("a colleague")
        if plan.other_organisation:
            whose += f" ({plan.other_organisation})"
        sure = sum(1 for m in self.reviewed(plan) if m.category == "same")
        summary = QLabel(self.tr(
            "“{case}” by {whose}. {sure} of their entities are surely ours (an identifier "
            "agrees), {proposed} may be (names and context agree — decide below); {new} are "
            "new. Their claims on links we already have attach to our links; a different "
            "stake for the same link is kept as a dispute, not a second link. Everything "
            "names whose it was. The merge is one step you can undo.").format(
                case=plan.other_name, whose=whose, sure=sure,
                proposed=len(self.reviewed(plan)) - sure, new=plan.new.get("entities", 0)))
        summary.setObjectName("merge_summary")
        summary.setWordWrap(True)
        summary.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(summary)
        self.matches = MatchTableModel(plan, plan.default_decisions(), self)
        self.match_view = QTableView(self)
        self.match_view.setObjectName("merge_matches")
        self.match_view.setAccessibleName(self.tr("Proposed matches"))
        self.match_view.setModel(self.matches)
        self.match_view.setItemDelegateForColumn(MatchTableModel.COLUMN_DECISION,
                                                 DecisionDelegate(self.match_view))
        self.match_view.horizontalHeader().setSectionResizeMode(
            MatchTableModel.COLUMN_REASONS, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(QLabel(self.tr("Proposed matches")))
        layout.addWidget(self.match_view)
        self.conflicts = ConflictTableModel(plan, self)
        self.conflict_view = QTableView(self)
        self.conflict_view.setObjectName("merge_conflicts")
        self.conflict_view.setAccessibleName(self.tr("Conflicts"))
        self.conflict_view.setModel(self.conflicts)
        self.conflict_view.horizontalHeader().setStretchLastSection(True)
        for column, width in ((ConflictTableModel.COLUMN_KIND, 70),
                              (ConflictTableModel.COLUMN_WHAT, 260),
                              (ConflictTableModel.COLUMN_OURS, 300)):
            self.conflict_view.setColumnWidth(column, width)
        layout.addWidget(QLabel(self.tr("Conflicts (both sides are kept; differing stakes "
                                        "become a dispute to resolve)")))
        layout.addWidget(self.conflict_view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Merge"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.match_view.setColumnWidth(MatchTableModel.COLUMN_THEIRS, 170)
        self.match_view.setColumnWidth(MatchTableModel.COLUMN_OURS, 170)
        self.match_view.setColumnWidth(MatchTableModel.COLUMN_SCORE, 100)
        self.resize(980, 600)

    @staticmethod
    def reviewed(plan: MergePlan) -> list:
        return [m for m in plan.matches if not set(m.reasons) & {"same id", "merged before"}]

    def decisions(self) -> dict[str, str]:
        return dict(self.matches.decisions)

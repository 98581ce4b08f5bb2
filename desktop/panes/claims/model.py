"""Qt models of the claims pane: every claim with its grade and what it supports (loaded
lazily, sorted and filtered by SQL), and the links no claim supports yet (at most a few
thousand, sorted in Python, filtered by a proxy)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont

from db.reads import claim_page
from db.reads.claim_list import ClaimRow, LinkRow
from desktop.panes.paged_table import PagedTableModel
from desktop.shell.icons import origin_badge

IdRole = Qt.ItemDataRole.UserRole + 1
STATUS_COLORS = {"disputed": QColor("#e65100"), "refuted": QColor("#c62828"),
                 "corroborated": QColor("#2e7d32")}


class SortableRowsModel(QAbstractTableModel):
    """Rows held in a Python list, sorted in Python with one key per row.

    Sorting through QSortFilterProxyModel would call ``data`` twice per comparison —
    hundreds of thousands of Python calls on a large case; ``list.sort`` with a key is
    one call per row. The proxies below filter only and hand sorting to this model.
    """

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.rows: list = []
        self.haystacks: list[str] = []  # lower-case text of each row, for the text filter

    def haystack(self, row) -> str:
        raise NotImplementedError

    def sort_key(self, row, column: int):
        value = self.display(row, column)
        return value.casefold() if isinstance(value, str) else value

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.haystacks = [self.haystack(row) for row in self.rows]
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column < 0 or not self.rows:
            return
        self.layoutAboutToBeChanged.emit()
        order_of = sorted(range(len(self.rows)), key=lambda i: self.sort_key(self.rows[i], column),
                          reverse=order == Qt.SortOrder.DescendingOrder)
        moved = {old: new for new, old in enumerate(order_of)}
        self.rows = [self.rows[i] for i in order_of]
        self.haystacks = [self.haystacks[i] for i in order_of]
        for index in self.persistentIndexList():
            self.changePersistentIndex(index, self.index(moved[index.row()], index.column()))
        self.layoutChanged.emit()


class ClaimTableModel(PagedTableModel):
    """Every claim that passes the pane's filters, loaded a page at a time in SQL's order."""

    (COL_EXCERPT, COL_STATEMENT, COL_SOURCE, COL_RELIABILITY, COL_CREDIBILITY, COL_GRADE,
     COL_STATUS, COL_ABOUT, COL_DOCUMENT, COL_BY) = range(10)
    COLUMN_SORT = claim_page.SORT_KEYS
    DEFAULT_SORT = claim_page.SORT_DOCUMENT

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.rows: list[ClaimRow] = []
        self.filters = claim_page.ClaimFilter()
        self.me = ""  # who "you" is in hover texts

    def count_rows(self, case) -> int:
        return case.read(claim_page.claim_count)

    def id_reader(self):
        key, descending, filters = self.sort_key, self.descending, self.filters
        return lambda session: claim_page.ordered_claim_ids(session, key, descending, filters)

    def read_rows(self, case, ids: list[str]) -> list[ClaimRow]:
        return case.read(claim_page.claim_rows_by_id, ids)

    def set_filters(self, filters: claim_page.ClaimFilter) -> None:
        if filters != self.filters:
            self.filters = filters
            self.reload()

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 10

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Excerpt"), self.tr("Statement"), self.tr("Source"),
                    self.tr("Rel."), self.tr("Cred."), self.tr("Grade"), self.tr("Status"),
                    self.tr("Supports / contradicts"), self.tr("Document"), self.tr("By"))[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return {self.COL_RELIABILITY: self.tr("Reliability of the source (A–F)"),
                    self.COL_CREDIBILITY: self.tr("Credibility of the information (1–6)"),
                    self.COL_BY: self.tr("Who made the claim, and the case it came from")
                    }.get(section)
        return None

    def display(self, row: ClaimRow, column: int) -> Any:
        return (f"“{row.excerpt}”", row.statement, row.source or self.tr("unknown source"),
                row.reliability, row.credibility, row.grade, self.tr(row.status),
                "; ".join(row.about), row.document, row.provenance.badge())[column]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.COL_EXCERPT:
                return row.excerpt
            if column == self.COL_ABOUT:
                return "\n".join(row.about)
            if column == self.COL_BY:
                return row.provenance.text(self.me)
            return str(self.display(row, column))
        if role == Qt.ItemDataRole.DecorationRole and column == self.COL_BY:
            return origin_badge(row.provenance.key)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COL_STATUS:
            return STATUS_COLORS.get(row.status)
        if role == Qt.ItemDataRole.FontRole and column == self.COL_STATUS \
                and row.status == "refuted":
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
                self.COL_RELIABILITY, self.COL_CREDIBILITY, self.COL_GRADE):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == IdRole:
            return row.id
        return None


class RowsFilterProxy(QSortFilterProxyModel):
    """Filters a SortableRowsModel by words of text; sorting is the model's own."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.text = ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self.text = text.casefold().strip()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def text_matches(self, source_row: int) -> bool:
        haystack = self.sourceModel().haystacks[source_row]
        return all(word in haystack for word in self.text.split())

    def filterAcceptsRow(self, source_row: int, _parent: QModelIndex) -> bool:
        return not self.text or self.text_matches(source_row)


class UnsourcedLinksModel(SortableRowsModel):
    COL_RELATIONSHIP, COL_TYPE, COL_DATES, COL_SHARE = range(4)

    def haystack(self, row: LinkRow) -> str:
        return f"{row.label} {row.schema}".casefold()

    def display(self, row: LinkRow, column: int) -> str:
        return (row.label, row.schema, self._dates(row), self._share(row))[column]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Unsourced link"), self.tr("Type"), self.tr("Dates"),
                    self.tr("Share"))[section]
        return None

    def _dates(self, row: LinkRow) -> str:
        return row.stake.period_text()

    def _share(self, row: LinkRow) -> str:
        return row.stake.holding_text(row.schema, missing="")

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.display(row, index.column())
        if role == IdRole:
            return row.id
        return None

"""The Qt models behind Verify Case…: findings (what, where, since when) and signatures
(who signed which point of the history). Plain values in, tested without a window."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QWidget

from db.core import short_fingerprint
from db.core.signing import SignatureCheck
from db.verify.findings import Finding

COL_WHAT, COL_WHERE, COL_SINCE, COL_KIND = range(4)
SIG_SIGNER, SIG_KEY, SIG_ROW, SIG_REASON, SIG_WHEN, SIG_VERDICT = range(6)
FindingRole = Qt.ItemDataRole.UserRole + 1  # the Finding (or SignatureCheck) itself

_Index = QModelIndex | QPersistentModelIndex


def tr(text: str) -> str:
    return QCoreApplication.translate("VerifyCase", text)


def kind_label(kind: str) -> str:
    return {"state": tr("Row differs from its history"), "history": tr("Audit chain"),
            "custody": tr("Custody"), "derived": tr("Search index"),
            "document": tr("Document"), "integrity": tr("File integrity")}.get(kind, kind)


class _ListTableModel(QAbstractTableModel):
    """A read-only table over a list of plain values: one item per row, ``cell`` says
    what each column shows."""

    def headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.items: list[Any] = []

    def set_items(self, items: list[Any]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def cell(self, item: Any, column: int) -> str:
        raise NotImplementedError

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role == FindingRole:
            return item
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cell(item, index.column())
        return None


class FindingTableModel(_ListTableModel):
    """One finding per row: what is wrong, where (table, id, field), and after when (the
    time the history last recorded the row: a change behind the app's back came later)."""

    def headers(self) -> tuple[str, ...]:
        return (tr("What"), tr("Where"), tr("Changed after"), tr("Kind"))

    def set_findings(self, findings: list[Finding]) -> None:
        self.set_items(findings)

    def cell(self, finding: Finding, column: int) -> str:
        if column == COL_WHAT:
            return finding.problem
        if column == COL_WHERE:
            where = f"{finding.table} {finding.row_id}".strip()
            return f"{where} [{finding.field}]" if finding.field else where
        if column == COL_SINCE:
            return finding.since.replace("T", " ")[:16] if finding.since else ""
        return kind_label(finding.kind)


class SignatureTableModel(_ListTableModel):
    """Who signed which point of the history, with which key, and does it still hold."""

    def headers(self) -> tuple[str, ...]:
        return (tr("Signed by"), tr("Key"), tr("History up to row"), tr("On"), tr("When"),
                tr("Verdict"))

    def set_signatures(self, signatures: list[SignatureCheck]) -> None:
        self.set_items(signatures)

    def cell(self, signature: SignatureCheck, column: int) -> str:
        return (signature.signer, short_fingerprint(signature.fingerprint),
                str(signature.seq), signature.reason,
                signature.signed_at.replace("T", " ")[:16],
                tr("valid") if signature.problem is None else signature.problem)[column]

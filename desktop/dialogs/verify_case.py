"""File ▸ Verify Case…: what ``casefile check`` found, shown as tables a person can sort.

The check itself runs in the worker (``desktop.flows.verify``); this dialog only shows
its ``CheckReport``: a one-line verdict with the chain head, the findings (what, where,
since when) and who signed which point of the history.
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.verify.check import CheckReport
from desktop.dialogs.verify_models import (
    COL_WHAT,
    SIG_VERDICT,
    FindingTableModel,
    SignatureTableModel,
    tr,
)


def _table(model, stretch: int, name: str, parent: QWidget) -> QTableView:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the check's own order first
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


class VerifyCaseDialog(QDialog):
    def __init__(self, file_name: str, report: CheckReport, seconds: float,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("verify_case_dialog")
        self.setWindowTitle(tr("Verify Case — {file}").format(file=file_name))
        self.resize(980, 560)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("verify_verdict")
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)
        self.verdict.setWordWrap(True)
        self.verdict.setProperty("state", "verified" if report.ok else "problems")
        self.findings = FindingTableModel(self)
        self.findings.set_findings(report.findings)
        self.signatures = SignatureTableModel(self)
        self.signatures.set_signatures(report.signatures)
        self.findings_view = _table(self.findings, COL_WHAT, "verify_findings", self)
        self.findings_view.setAccessibleName(tr("Findings"))
        self.signatures_view = _table(self.signatures, SIG_VERDICT, "verify_signatures", self)
        self.signatures_view.setAccessibleName(tr("Signatures"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.verdict)
        layout.addWidget(QLabel(tr("Findings"), self))
        layout.addWidget(self.findings_view, 3)
        layout.addWidget(QLabel(tr("Signatures: who vouched for which point of the history"),
                                self))
        layout.addWidget(self.signatures_view, 1)
        layout.addWidget(buttons)
        self._say(report, seconds)

    def _say(self, report: CheckReport, seconds: float) -> None:
        if report.ok:
            head = tr("Every row matches its recorded history; document bytes, excerpts, "
                      "search index and signatures hold.")
        else:
            head = tr("{n} problems found: the case was changed outside the app, or its "
                      "history was cut or rewritten.").format(n=len(report.findings))
        details = tr("Audit rows replayed: {rows} · documents re-hashed: {docs} · chain "
                     "head: {head} · {seconds:.1f} s").format(
            rows=report.audit_rows, docs=report.documents_checked,
            head=report.head or tr("none"), seconds=seconds)
        self.verdict.setText(f"{head}\n{details}")

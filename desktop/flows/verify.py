"""File ▸ Verify Case…: ``casefile check`` in the worker, with progress and Cancel; the
findings in a dialog and the verdict on the status bar's badge."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, Qt

from db.core import Progress
from db.verify.check import CheckReport, check_case
from desktop.shell.shell import Shell
from desktop.shell.worker import run_task


def tr(text: str) -> str:
    return QCoreApplication.translate("VerifyCase", text)


def verify_case(shell: Shell) -> None:
    if shell.context is None:
        return
    case = shell.context.case
    started = time.perf_counter()

    def work(progress: Progress) -> CheckReport:
        return check_case(case, progress)

    def done(report: CheckReport) -> None:
        from desktop.dialogs.verify_case import VerifyCaseDialog

        shell.set_verification(report.ok, len(report.findings), report.head)
        dialog = VerifyCaseDialog(case.path.name, report, time.perf_counter() - started,
                                  shell.dialog_parent())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setModal(True)
        dialog.show()

    def failed(message: str) -> None:
        shell.show_warning(tr("Verify Case"), message)

    run_task(shell.dialog_parent(), tr("Verifying the case…"), work, done, failed,
             lambda: shell.show_status(tr("Verification cancelled"), 5000))

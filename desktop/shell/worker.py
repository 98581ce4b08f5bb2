"""Run long work off the GUI thread, with a progress dialog and Cancel.

``run_task`` hands a function to the thread pool; the function receives a
``db.core.progress.Progress`` whose ``step`` reports progress and raises ``Cancelled`` once
the person pressed Cancel. Result or error come back on the GUI thread. Pass ids, not ORM
objects, across threads: the function opens its own session.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from db.core import Cancelled, Progress

PROGRESS_CONTEXT = "Progress"  # where scripts/translations.py files progress.step() texts

log = logging.getLogger(__name__)


class TaskSignals(QObject):
    """Signals live on their own QObject: a QRunnable cannot carry them."""

    sig_progress = Signal(int, int, str)
    sig_finished = Signal(object)
    sig_failed = Signal(str)
    sig_cancelled = Signal()


class Task(QRunnable):
    def __init__(self, function: Callable[[Progress], Any], title: str = ""):
        super().__init__()
        self.function = function
        self.title = title
        self.signals = TaskSignals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @Slot()
    def run(self) -> None:
        progress = Progress(self.signals.sig_progress.emit, self._cancel.is_set)
        try:
            result = self.function(progress)
        except Cancelled:
            self.signals.sig_cancelled.emit()
        except Exception as error:  # the person reads one line; the log keeps the traceback
            log.exception("background task %r failed", self.title or self.function)
            self.signals.sig_failed.emit(_one_line(error))
        else:
            if self._cancel.is_set():
                self.signals.sig_cancelled.emit()
            else:
                self.signals.sig_finished.emit(result)


def _one_line(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__


_running: set[Task] = set()


def run_task(parent: QWidget | None, title: str, function: Callable[[Progress], Any],
             on_done: Callable[[Any], None], on_error: Callable[[str], None] | None = None,
             on_cancel: Callable[[], None] | None = None, show_progress: bool = True) -> Task:
    """Start ``function(progress)`` on the thread pool; callbacks run on the GUI thread."""
    task = Task(function, title)
    dialog: QProgressDialog | None = None
    if show_progress:
        dialog = QProgressDialog(title, parent.tr("Cancel") if parent else "Cancel", 0, 0,
                                 parent)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(task.cancel)

        def progress(done: int, total: int, text: str) -> None:
            dialog.setMaximum(max(total, 0))
            dialog.setValue(min(done, total) if total else 0)
            if text:  # db's step names ("Matching entities") are in the catalogue
                dialog.setLabelText(QCoreApplication.translate(PROGRESS_CONTEXT, text))

        task.signals.sig_progress.connect(progress)

    def finish() -> None:
        _running.discard(task)
        if dialog is not None:
            dialog.reset()
            dialog.close()
            dialog.deleteLater()

    def done(result: Any) -> None:
        finish()
        on_done(result)

    def failed(message: str) -> None:
        finish()
        if on_error is not None:
            on_error(message)

    def cancelled() -> None:
        finish()
        if on_cancel is not None:
            on_cancel()

    task.signals.sig_finished.connect(done, Qt.ConnectionType.QueuedConnection)
    task.signals.sig_failed.connect(failed, Qt.ConnectionType.QueuedConnection)
    task.signals.sig_cancelled.connect(cancelled, Qt.ConnectionType.QueuedConnection)
    _running.add(task)
    QThreadPool.globalInstance().start(task)
    return task

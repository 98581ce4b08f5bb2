"""The open case as the GUI sees it: the case file, its undo stack, the "as of" date.

Panes get the context, never each other. Every edit goes through ``execute`` (or
``push_done`` for a command already done in a worker), which puts it on the undo stack
and announces what changed with ``sig_changed`` so each pane refreshes only that.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QThread, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from db.core import CaseFile, CaseFileError, Changes, Command, EditConflict, Transaction


class UndoableCommand(QUndoCommand):
    """Adapts a Qt-free ``db.core.commands.Command`` to ``QUndoStack``."""

    def __init__(self, context: CaseContext, command: Command):
        super().__init__(command.label)
        self.context = context
        self.command = command

    def redo(self) -> None:
        if not self.command.done_once or getattr(self, "_pushed", False):
            self._apply(self.command.do)
            return
        # Pushing a command that was already done: QUndoStack calls redo() once.
        self._pushed = True
        self.context.sig_changed.emit(self.command.changes)

    def undo(self) -> None:
        self._apply(self.command.undo)

    def _apply(self, step: Callable[[CaseFile], Changes]) -> None:
        try:
            changes = step(self.context.case)
        except EditConflict as error:
            # Someone else changed these rows since (a team case): their work stands, and
            # this step leaves the stack rather than overwrite it.
            self.setObsolete(True)
            self.context.sig_error.emit(str(error))
            self.context.refresh_all()
            return
        self.context.sig_changed.emit(changes)


class CaseContext(QObject):
    sig_changed = Signal(object)  # db.core.changes.Changes
    sig_as_of_changed = Signal(object)  # datetime.date | None
    sig_error = Signal(str)  # one line for the person
    sig_notice = Signal(str)  # a passing note: "waiting for ann on lab-3 to finish …"
    sig_remote_change = Signal()  # another client committed (emitted from its listener)

    def __init__(self, case: CaseFile, parent: QObject | None = None):
        super().__init__(parent)
        self.case = case
        self.undo_stack = QUndoStack(self)
        self._as_of: date | None = None
        # Colleagues' commits (a team case) arrive on a listener thread; a burst of them
        # becomes one refresh on this thread.
        self._remote_refresh = QTimer(self)
        self._remote_refresh.setSingleShot(True)
        self._remote_refresh.setInterval(300)
        self._remote_refresh.timeout.connect(self.refresh_all)
        self.sig_remote_change.connect(self._remote_refresh.start)
        self._stop_watching = case.watch(self.sig_remote_change.emit)
        case.on_wait = self._waiting

    def _waiting(self, text: str) -> None:
        """Another process is writing the case: say so, and keep the window painting
        while this write waits its turn (a few hundred ms at a time)."""
        self.sig_notice.emit(text)
        if QThread.currentThread() is self.thread():
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def close(self) -> None:
        """Stop listening for colleagues and close the case."""
        self._stop_watching()
        self._remote_refresh.stop()
        self.case.close()

    # -- edits ---------------------------------------------------------------------------
    def execute(self, label: str, operation: Callable[[Transaction], Any]) -> Command | None:
        """Do an edit as an undoable command; on a refused edit emit sig_error, return None."""
        if self.case.read_only_reason is not None:  # a note, not a dialog per drag
            self.sig_notice.emit(QCoreApplication.translate(
                "CaseContext", "Read-only ({reason}): not changed").format(
                reason=self.case.read_only_reason))
            return None
        command = Command(label, operation)
        try:
            command.do(self.case)
        except (ValueError, LookupError, CaseFileError) as error:
            self.sig_error.emit(str(error))
            return None
        except EditConflict as error:  # a colleague changed it first: show theirs
            self.sig_error.emit(str(error))
            self.refresh_all()
            return None
        self.push_done(command)
        return command

    def push_done(self, command: Command) -> None:
        """Put a command that has already been done (e.g. in a worker) on the stack."""
        self.undo_stack.push(UndoableCommand(self, command))

    def refresh_all(self) -> None:
        changes = Changes(meta=True, everything=True)
        self.sig_changed.emit(changes)

    # -- the shared "as of" date -----------------------------------------------------------
    @property
    def as_of(self) -> date | None:
        return self._as_of

    def set_as_of(self, value: date | None) -> None:
        if value != self._as_of:
            self._as_of = value
            self.sig_as_of_changed.emit(value)

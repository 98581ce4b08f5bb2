"""Every user edit is a command: a label, ``do``, ``undo`` — Qt-free.

The first ``do`` runs the operation (a function of a ``Transaction`` calling services)
and keeps the row images it recorded; ``undo`` puts the before-images back and ``do``
again (redo) puts the after-images back, so a redo recreates exactly the same ids.
Undo and redo are themselves audited. ``desktop/`` adapts commands to ``QUndoStack``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from db.core.changes import Changes
from db.core.transaction import Record, Transaction, apply_records

if TYPE_CHECKING:
    from db.core.casefile import CaseFile


class Command:
    def __init__(self, label: str, operation: Callable[[Transaction], Any]):
        self.label = label
        self._operation = operation
        self._records: list[Record] | None = None
        self.result: Any = None
        self.changes = Changes()

    @property
    def done_once(self) -> bool:
        return self._records is not None

    def do(self, case: CaseFile) -> Changes:
        if self._records is None:
            with case.transaction(self.label) as tx:
                self.result = self._operation(tx)
            self._records = tx.records
            self.changes = tx.changes
            return self.changes
        return self._replay(case, reverse=False, prefix="Redo")

    def undo(self, case: CaseFile) -> Changes:
        if self._records is None:
            raise RuntimeError(f"cannot undo {self.label!r}: it was never done")
        return self._replay(case, reverse=True, prefix="Undo")

    def _replay(self, case: CaseFile, *, reverse: bool, prefix: str) -> Changes:
        with case.transaction(f"{prefix}: {self.label}") as tx:
            tx.records = apply_records(tx.session, self._records or [], reverse=reverse)
        return tx.changes


def run(case: CaseFile, label: str, operation: Callable[[Transaction], Any]) -> Command:
    """Do a one-off command (scripts, builders, tests) and return it, done."""
    command = Command(label, operation)
    command.do(case)
    return command

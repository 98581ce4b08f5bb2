"""What a flow may ask of the main window — and nothing more.

Flows (``desktop/flows``) take a ``Shell``, not the concrete ``MainWindow``: they parent
their dialogs to it, read the open case's context, say things in the status bar or in a
warning, open a case, and ask the coordinator to show something.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from db.core import CaseFile
    from desktop.shell.context import CaseContext
    from desktop.shell.coordinator import Coordinator


class Shell(Protocol):
    context: CaseContext | None
    coordinator: Coordinator

    def dialog_parent(self) -> QWidget:
        """The window dialogs and progress bars belong to."""

    def show_status(self, text: str, timeout_ms: int = 8000) -> None:
        """A short message in the status bar."""

    def show_warning(self, title: str, text: str) -> None:
        """A warning the person must acknowledge; ``text`` shows as plain text."""

    def set_case(self, case: CaseFile | None) -> None:
        """Make ``case`` the open case (closing the one before)."""

    def focus_pane(self, name: str) -> None:
        """Show and raise a pane by its name."""

    def set_verification(self, ok: bool, problems: int, head: str) -> None:
        """What Verify Case… found, for the status bar's badge."""

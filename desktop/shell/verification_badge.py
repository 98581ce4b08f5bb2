"""The status bar's custody badge: verified, not verified since the last change, or
problems found — so a person sees at a glance whether Verify Case… still vouches for
what is on screen. Its look is in the stylesheets (``QLabel#verification_badge``)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

UNCHECKED, VERIFIED, STALE, PROBLEMS = "unchecked", "verified", "stale", "problems"


class VerificationBadge(QLabel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("verification_badge")
        self.state = UNCHECKED
        self.reset()

    def _show(self, state: str, text: str, tip: str) -> None:
        self.state = state
        self.setText(text)
        self.setToolTip(tip)
        self.setProperty("state", state)
        self.style().unpolish(self)  # re-read the stylesheet for the new state
        self.style().polish(self)

    def reset(self) -> None:
        self._show(UNCHECKED, self.tr("Not verified"),
                   self.tr("File ▸ Verify Case… checks every row against its history"))

    def set_result(self, ok: bool, problems: int, head: str) -> None:
        if ok:
            self._show(VERIFIED, self.tr("✓ Verified"),
                       self.tr("Verified at chain head {head}").format(head=head))
        else:
            self._show(PROBLEMS, self.tr("⚠ Problems found ({n})").format(n=problems),
                       self.tr("File ▸ Verify Case… lists them"))

    def mark_changed(self) -> None:
        if self.state == VERIFIED:
            self._show(STALE, self.tr("Not verified since last change"),
                       self.tr("The case changed after it was verified"))

"""Progress and cancellation for long work, without Qt.

Long functions in ``db/`` (imports, merges, reports of big cases) take an optional
``Progress``; they call ``progress.step(done, total, text)`` now and then, which raises
``Cancelled`` once the person pressed Cancel. Because every such function writes inside
one transaction, a cancel rolls everything back: no half-done change is left behind.
"""

from __future__ import annotations

from collections.abc import Callable


class Cancelled(Exception):
    """The person cancelled; the work's transaction rolls back."""


class Progress:
    def __init__(self, report: Callable[[int, int, str], None] | None = None,
                 is_cancelled: Callable[[], bool] | None = None):
        self._report = report
        self._is_cancelled = is_cancelled

    def step(self, done: int, total: int, text: str = "") -> None:
        if self._is_cancelled is not None and self._is_cancelled():
            raise Cancelled()
        if self._report is not None:
            self._report(done, total, text)


NO_PROGRESS = Progress()

"""A GUI-block watchdog for tests: late ticks counted, not timed.

Start it before driving the widgets, stop it after, then assert ``watchdog.late == 0``
(and ``watchdog.ticks`` above a few, so it really watched). A slow or loaded machine only
makes such a test slower: a tick is late only when the GUI thread itself was busy.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QElapsedTimer, QTimer

LATE_MS = 100


class Watchdog:
    """Ticks every 20 ms on the GUI thread; a gap over ``LATE_MS`` is a late tick.

    A late tick is a GUI block when the GUI thread itself was busy for at least half of
    ``LATE_MS`` in the gap (its own CPU time, read on the tick): on a machine shared with
    other work the scheduler alone can delay a tick past 100 ms while the GUI thread
    does almost nothing; those are counted apart (``waits``).
    """

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.timer = QTimer(interval=20)
        self.timer.timeout.connect(self._tick)
        self.late = 0
        self.waits = 0
        self.ticks = 0
        self._last = 0
        self._busy = 0.0

    def _tick(self) -> None:
        now, busy = self.clock.elapsed(), time.thread_time() * 1000
        if now - self._last > LATE_MS:
            if busy - self._busy >= LATE_MS / 2:
                self.late += 1
            else:
                self.waits += 1
        self.ticks += 1
        self._last, self._busy = now, busy

    def start(self) -> None:
        self.clock.start()
        self._last, self._busy = 0, time.thread_time() * 1000
        self.timer.start()

    def stop(self) -> None:
        self._tick()
        self.timer.stop()

    def report(self) -> str:
        """What an assertion on ``late`` says when it fails."""
        return (f"{self.late} GUI blocks over {LATE_MS} ms "
                f"(and {self.waits} late ticks the GUI thread was idle for)")

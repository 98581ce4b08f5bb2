"""Python's cyclic collector held off while an analysis builds big structures.

A chain allocates a few objects per link and keeps them, and frees no cycles; yet every
700 allocations the collector runs, and its full passes walk every object alive — two
thirds of the time of a 20,000-hop chain, in pauses that hold every thread, the GUI's
included. Reference counting still frees whatever is dropped.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_pause_lock = threading.Lock()
_pauses = 0


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection inside the block; nested and concurrent blocks (worker
    threads) share one pause, and the collector resumes as it was before the first."""
    global _pauses
    with _pause_lock:
        _pauses += 1
        if _pauses == 1:
            _resume[0] = gc.isenabled()
            gc.disable()
    try:
        yield
    finally:
        with _pause_lock:
            _pauses -= 1
            if _pauses == 0 and _resume[0]:
                gc.enable()


_resume = [False]  # whether the collector ran before the first pause began

"""Tab and Shift+Tab through the items of a picture (the timeline's events, the network's
nodes): the next one in the picture's own order, or none past either end — then the
widget lets Qt move the focus on, so the keyboard is never trapped in a picture."""

from __future__ import annotations

from collections.abc import Hashable, Sequence


def tab_step(order: Sequence[Hashable], current: Hashable | None,
             direction: int) -> Hashable | None:
    """The item after (``direction`` 1) or before (-1) ``current`` in ``order``; the first or
    last when ``current`` is not in it; None past either end."""
    if current in order:
        position = list(order).index(current) + direction
    else:
        position = 0 if direction > 0 else len(order) - 1
    return order[position] if 0 <= position < len(order) else None

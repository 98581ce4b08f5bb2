"""Put timeline items in lanes so that no two bars or labels overlap.

Each item occupies, on the time axis, its bar (or marker) and its label, whichever ends
later; the label's width is measured in pixels and turned into time at the plot's scale.
Greedy first-fit in order of start: the classic interval-partitioning that uses as few
lanes as the overlaps allow. The plot packs events and relationships separately, so
events sit in the top lanes and relationships below them.
"""

from __future__ import annotations

from collections.abc import Sequence


def pack_lanes(extents: Sequence[tuple[float, float]], gap: float = 0.0) -> list[int]:
    """Lane index for each (start, end) extent, in the given order; first fit."""
    lane_ends: list[float] = []
    lanes: list[int] = []
    for start, end in extents:
        for lane, lane_end in enumerate(lane_ends):
            if lane_end + gap <= start:
                lane_ends[lane] = end
                lanes.append(lane)
                break
        else:
            lane_ends.append(end)
            lanes.append(len(lane_ends) - 1)
    return lanes

"""The timeline's items turned into what the plot draws, on the worker thread.

Parsing partial dates, turning days into axis positions and wording the labels cost about
a tenth of a millisecond per item: 50 ms for 500 items, on every change. So the pane's
background read does it too, right after reading the items, and the GUI thread only
measures the labels, packs the lanes and hands the layer its arrays. Only plain values
here (and ``QCoreApplication.translate``, which is thread-safe).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QCoreApplication

from db.partial_date import PartialDate
from db.reads.timeline import EVENT, TimelineItem
from desktop.panes.timeline.model import full_label

LINK_SCHEMAS = ("Ownership", "Control", "Sanction")  # colour 1, 2, 3; other links 4


def to_x(day: date) -> float:
    return float(calendar.timegm(day.timetuple()))


def to_day(x: float) -> date:
    return datetime.fromtimestamp(x, tz=UTC).date()


def latest(partial: str | None) -> date | None:
    parsed = PartialDate.parse(partial)
    return parsed.latest() if parsed else None


def span(item: TimelineItem, last: date) -> tuple[float, float]:
    """Where an item is drawn on the time axis: (start, end) in x."""
    start = item.start_day or item.end_day
    if item.kind == EVENT:
        end = item.end_day or latest(item.start) or start
    else:
        end = item.end_day or last
    return to_x(start), to_x(end + timedelta(days=1))


def certain_from(item: TimelineItem, start: float, end: float) -> float:
    """Where a link is surely in force: after the whole of a partial start date."""
    if item.kind != EVENT and item.start is not None and item.start_day is not None:
        return max(min(to_x(latest(item.start) + timedelta(days=1)), end), start)
    return start


def colour_index(item: TimelineItem) -> int:
    if item.kind == EVENT:
        return 0
    return LINK_SCHEMAS.index(item.schema) + 1 if item.schema in LINK_SCHEMAS else 4


@dataclass(frozen=True)
class PreparedItem:
    item: TimelineItem
    text: str  # its label as drawn
    start: float
    certain: float
    end: float
    colour: int
    sort_key: tuple  # events before links, then by day, label and id


@dataclass(frozen=True)
class PreparedTimeline:
    items: tuple[PreparedItem, ...]  # the dated items only
    first: date
    last: date


def prepare(items: list[TimelineItem], first: date, last: date) -> PreparedTimeline:
    unsourced = QCoreApplication.translate("TimelinePlot", "UNSOURCED")
    prepared = []
    for item in items:
        if not item.dated:
            continue
        start, end = span(item, last)
        label = full_label(item)
        text = label + " · " + unsourced if item.kind != EVENT and item.unsourced else label
        prepared.append(PreparedItem(
            item, text, start, certain_from(item, start, end), end, colour_index(item),
            (item.kind != EVENT, item.start_day or item.end_day, label, item.id)))
    return PreparedTimeline(tuple(prepared), first, last)

"""What one timeline load reads, as a plain function the worker thread can run.

Returns plain values only (items, the case's date range, the selected entity's name), so
the result crosses from the worker to the GUI thread safely.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from db.core.casefile import CaseFile
from db.models import Entity
from db.reads.timeline import TimelineItem, date_range, timeline_items

ITEM_LIMIT = 500  # events and links each; more is unreadable on one axis


@dataclass(frozen=True)
class TimelineLoad:
    items: list[TimelineItem]
    bounds: tuple[date, date] | None
    name: str | None  # caption of the selected entity


def load_timeline(case: CaseFile, whole: bool, selected: str | None) -> TimelineLoad:
    with case.session() as session:
        items: list[TimelineItem] = []
        if whole or selected:
            items = timeline_items(session, None if whole else selected, limit=ITEM_LIMIT)
        name = None
        if selected:
            entity = session.get(Entity, selected)
            name = entity.caption if entity is not None else None
        return TimelineLoad(items, date_range(session), name)

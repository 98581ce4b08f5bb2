"""What the timeline pane draws: events and dated links, each with the days it may cover.

Dates are partial ("2022", "2023-09"); the timeline places an item from the earliest day
its start may stand for to the latest day its end may stand for, and keeps the original
text so the label can say "2022" rather than pretend to know "2022-01-01". Events
without a date are returned too (``start_day`` None): the pane lists them apart, marked
"date not stated", because an undated event is still evidence. Links without any date
are left out: they belong to the network, not to a time axis.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from db.models import ClaimTarget, Entity, Event, EventEntity, Link
from db.partial_date import PartialDate, in_force
from db.reads.provenance import provenance_of
from db.wording import Stake

EVENT = "event"
LINK = "link"
# Links and events up to which the timeline and the chain's date range are read on the GUI
# thread (a few ms); at 12,000 links reading and drawing them took ~50 ms at open, beside
# every other pane's loading — past this they are read on the worker.
SMALL_CASE_ROWS = 2_000


@dataclass(frozen=True)
class TimelineItem:
    """One event or link on the time axis (plain values, safe across threads)."""

    kind: str  # EVENT or LINK
    id: str
    title: str  # event title; for a link, empty (the pane words it from the parts)
    start: str | None  # partial date text as recorded
    end: str | None
    entity_ids: tuple[str, ...]  # event: its entities; link: (source, target)
    schema: str | None = None  # link schema
    source_name: str | None = None
    target_name: str | None = None
    stake: Stake = Stake()  # a link's share, value and dates
    unsourced: bool = False
    provenance: str = ""  # "by Anna K., added 2026-12-01" / "from Anna K.'s 'Kama notes' …"

    @property
    def start_day(self) -> date | None:
        """First day the item may begin (None: undated)."""
        parsed = PartialDate.parse(self.start)
        return parsed.earliest() if parsed else None

    @property
    def end_day(self) -> date | None:
        """Last day the item may end (None: open-ended, or a one-off event)."""
        parsed = PartialDate.parse(self.end)
        return parsed.latest() if parsed else None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def in_force(self, as_of: date | None) -> bool:
        """A link in force on the date; an event that has happened by then."""
        if as_of is None:
            return True
        if self.kind == LINK:
            return in_force(self.start, self.end, as_of)
        start = self.start_day
        return start is None or start <= as_of


def timeline_items(session: Session, entity_id: str | None = None,
                   limit: int | None = None) -> list[TimelineItem]:
    """Events (dated or not) and dated links, of one entity or (None) of the whole case.

    Sorted by start day (undated last), then kind and title, so the order is stable.
    ``limit`` caps how many events and how many links are read (a huge case's whole
    timeline is unreadable anyway; the pane says it was cut).
    """
    items = _events(session, entity_id, limit) + _links(session, entity_id, limit)
    return sorted(items, key=_order)


def count_items(session: Session) -> int:
    """How many items the whole-case timeline would hold (events and dated links)."""
    events = session.scalar(select(func.count(Event.id))) or 0
    links = session.scalar(select(func.count(Link.id)).where(
        or_(Link.start_date.is_not(None), Link.end_date.is_not(None)))) or 0
    return events + links


def is_small_case(session: Session, limit: int = SMALL_CASE_ROWS) -> bool:
    """Whether the case has at most ``limit`` links and events: then a full scan of them
    (counting, the date range) takes a few milliseconds and may run on the GUI thread.
    Answered without scanning a big case (LIMIT stops early)."""
    for column in (Link.id, Event.id):
        capped = select(column).limit(limit + 1).subquery()
        if (session.scalar(select(func.count()).select_from(capped)) or 0) > limit:
            return False
    return True


def pane_size(session: Session, whole_case_limit: int) -> tuple[bool, bool]:
    """(a small case?, does the whole case fit on one axis?) for the timeline pane."""
    small = is_small_case(session)
    return small, small and count_items(session) <= whole_case_limit


def date_range(session: Session, margin_days: int = 365) -> tuple[date, date] | None:
    """Earliest and latest day of any event or link date, widened by a margin; None if none.

    One scan of each table (link dates are not indexed): call it off the GUI thread on a
    case that ``is_small_case`` says is big.
    """
    days: list[date] = []
    for model, columns in ((Event, (Event.date, Event.end_date)),
                           (Link, (Link.start_date, Link.end_date))):
        row = session.execute(select(*(f(c) for c in columns for f in (func.min, func.max)))
                              .select_from(model)).one()
        for position, value in enumerate(row):
            if value is not None:
                parsed = PartialDate.parse(value)
                days.append(parsed.earliest() if position % 2 == 0 else parsed.latest())
    if not days:
        return None
    margin = timedelta(days=margin_days)
    return min(days) - margin, max(days) + margin


# -- helpers --------------------------------------------------------------------------------
def _events(session: Session, entity_id: str | None, limit: int | None) -> list[TimelineItem]:
    query = select(Event).order_by(Event.date, Event.id).limit(limit)
    if entity_id is not None:
        query = query.where(Event.id.in_(
            select(EventEntity.event_id).where(EventEntity.entity_id == entity_id)))
    events = list(session.scalars(query))
    members: dict[str, list[str]] = {}
    if events:
        rows = session.execute(
            select(EventEntity.event_id, EventEntity.entity_id)
            .join(Entity, Entity.id == EventEntity.entity_id)
            .where(EventEntity.event_id.in_([e.id for e in events]))
            .order_by(Entity.caption, Entity.id))
        for event_id, member in rows:
            members.setdefault(event_id, []).append(member)
    return [TimelineItem(EVENT, e.id, e.title, e.date, e.end_date,
                         tuple(members.get(e.id, ())),
                         provenance=provenance_of(session, e.created_by, e.origin,
                                                  e.created_at).text())
            for e in events]


def _links(session: Session, entity_id: str | None, limit: int | None) -> list[TimelineItem]:
    query = (select(Link).where(or_(Link.start_date.is_not(None), Link.end_date.is_not(None)))
             .order_by(Link.start_date, Link.id).limit(limit))
    if entity_id is not None:
        query = query.where(or_(Link.source_id == entity_id, Link.target_id == entity_id))
    links = list(session.scalars(query))
    if not links:
        return []
    ids = [link.id for link in links]
    supported = set(session.scalars(select(ClaimTarget.link_id).where(
        ClaimTarget.link_id.in_(ids), ClaimTarget.stance == "supports")))
    ends = {x for link in links for x in (link.source_id, link.target_id)}
    names = dict(session.execute(
        select(Entity.id, Entity.caption).where(Entity.id.in_(ends))).all())
    return [TimelineItem(LINK, link.id, "", link.start_date, link.end_date,
                         (link.source_id, link.target_id), link.schema,
                         names.get(link.source_id, link.source_id),
                         names.get(link.target_id, link.target_id),
                         Stake.of(link), link.id not in supported,
                         provenance_of(session, link.created_by, link.origin,
                                       link.created_at).text())
            for link in links]


def _order(item: TimelineItem) -> tuple:
    start = item.start_day or item.end_day
    return (start is None, start or date.min, item.kind != EVENT,
            item.title or item.source_name or "", item.id)

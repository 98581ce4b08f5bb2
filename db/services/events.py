"""Dated events for the timeline, and judgements between entities."""

from __future__ import annotations

from db.core.transaction import Transaction
from db.models import Entity, Event, EventEntity, Judgement
from db.partial_date import normalise
from db.schemata import JUDGEMENTS


def create_event(tx: Transaction, title: str, date: str | None, *,
                 end_date: str | None = None, description: str | None = None,
                 entity_ids: list[str] = (), event_id: str | None = None,
                 origin: str | None = None) -> str:
    if not title.strip():
        raise ValueError("an event needs a title")
    event = Event(title=title.strip(), date=normalise(date), end_date=normalise(end_date), description=description,
                  created_by=tx.author, origin=origin)
    if event_id:
        event.id = event_id
    tx.add(event)
    for entity_id in dict.fromkeys(entity_ids):
        if tx.session.get(Entity, entity_id) is None:
            raise LookupError(f"no entity with id {entity_id}")
        tx.add(EventEntity(event_id=event.id, entity_id=entity_id))
    return event.id


def delete_event(tx: Transaction, event_id: str) -> str:
    event = tx.session.get(Event, event_id)
    if event is None:
        raise LookupError(f"no event with id {event_id}")
    tx.delete(event)
    return event_id


def judge(tx: Transaction, left_id: str, right_id: str, decision: str, *,
          score: float | None = None, note: str | None = None) -> str:
    """Record that two entities are the same, not the same, or that we are unsure."""
    if decision not in JUDGEMENTS:
        raise ValueError(f"a judgement is one of {', '.join(JUDGEMENTS)}")
    judgement = Judgement(left_id=left_id, right_id=right_id, decision=decision, score=score,
                          note=note, author=tx.author)
    tx.add(judgement)
    return judgement.id

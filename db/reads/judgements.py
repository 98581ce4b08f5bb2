"""The "decide later" pile: entity pairs whose latest judgement is still "unsure".

A merge of a colleague's case stores a judgement for every match it found; the ones the
investigator left as "unsure" wait here until someone says same or not the same. Only
the latest judgement of an unordered pair counts, and pairs where either entity has gone
(merged away or deleted) drop out.
"""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import text
from sqlalchemy.orm import Session

from db.core import seam
from db.models import Entity
from db.reads.entity_list import entity_rows
from db.schemata import IDENTIFIER_PROPERTIES


class Side(NamedTuple):
    id: str
    caption: str
    schema: str
    countries: tuple[str, ...]
    identifiers: tuple[tuple[str, str], ...]  # (property, value)
    links: int


class Pair(NamedTuple):
    judgement_id: str
    left: Side  # ours: the entity that was in this case first (db/merge.py's left_id)
    right: Side  # theirs: the colleague's entity
    score: float | None
    note: str | None
    author: str | None
    created_at: str

    @property
    def shared_identifiers(self) -> tuple[tuple[str, str], ...]:
        """Identifiers both sides carry with the same value."""
        theirs = set(self.right.identifiers)
        return tuple(i for i in self.left.identifiers if i in theirs)


def _judgements_sql(session: Session):
    order = seam.of(session).insertion_order("judgements")
    return text("SELECT id, left_id, right_id, decision, score, note, author, created_at "
                f"FROM judgements ORDER BY created_at, {order}")


def _side(entity: Entity, links: int) -> Side:
    identifiers = tuple((prop, value) for prop in IDENTIFIER_PROPERTIES
                        for value in entity.values(prop))
    return Side(entity.id, entity.caption, entity.schema, tuple(entity.values("country")),
                identifiers, links)


def pending_pairs(session: Session) -> list[Pair]:
    """Pairs whose latest judgement is "unsure" and whose two entities still exist.

    Sorted by score, highest first (pairs without a score last), then by our caption.
    """
    latest: dict[frozenset[str], tuple] = {}
    for row in session.execute(_judgements_sql(session)):
        if row.left_id == row.right_id:
            continue
        latest[frozenset((row.left_id, row.right_id))] = row
    unsure = [row for row in latest.values() if row.decision == "unsure"]
    ids = list({i for row in unsure for i in (row.left_id, row.right_id)})
    entities: dict[str, Entity] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        entities.update((e.id, e) for e in session.query(Entity).filter(Entity.id.in_(chunk)))
    links = {r.id: r.links for r in entity_rows(session, list(entities))}
    pairs = [Pair(row.id, _side(entities[row.left_id], links.get(row.left_id, 0)),
                  _side(entities[row.right_id], links.get(row.right_id, 0)),
                  row.score, row.note, row.author, row.created_at)
             for row in unsure if row.left_id in entities and row.right_id in entities]
    pairs.sort(key=lambda p: (p.score is None, -(p.score or 0.0), p.left.caption.casefold()))
    return pairs

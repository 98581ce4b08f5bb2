"""What the network pane draws: nodes and edges of a neighbourhood or of the whole case.

Every query walks links by ``source_id``/``target_id`` (both indexed) in chunks, so a
neighbourhood in a case of a million links reads only the links it shows. Edges carry
the flags the drawing needs — sourced (some claim supports it) and disputed (a claim
contradicts it, or a supporting claim is itself disputed or refuted) — and nodes carry
the position the investigator saved. Links out of force on the "as of" date are left
out. Plain values only: the result crosses threads (layouts run in a worker).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Claim, ClaimTarget, Entity, Link, NodePosition
from db.partial_date import in_force
from db.wording import Stake

CHUNK = 500  # ids per IN (...) list
MAX_NEIGHBOURHOOD = 400  # nodes: beyond it the next ring is not added
MAX_WHOLE_CASE = 5_000  # nodes drawn for "whole case"; the best connected first


@dataclass(frozen=True)
class NodeRow:
    id: str
    caption: str
    schema: str
    role: str | None
    x: float | None = None  # saved position, None when never placed
    y: float | None = None
    pinned: bool = False


@dataclass(frozen=True)
class EdgeRow:
    id: str
    schema: str
    source_id: str
    target_id: str
    role: str | None
    stake: Stake
    sourced: bool
    disputed: bool


@dataclass
class NetworkData:
    nodes: dict[str, NodeRow] = field(default_factory=dict)
    edges: dict[str, EdgeRow] = field(default_factory=dict)
    total_nodes: int = 0  # how many there were before a cap
    truncated: bool = False  # a cap left nodes out

    def merge(self, other: NetworkData) -> NetworkData:
        self.nodes.update(other.nodes)
        self.edges.update(other.edges)
        self.truncated = self.truncated or other.truncated
        self.total_nodes = len(self.nodes)
        return self


def _chunks(ids: Iterable[str]) -> Iterator[list[str]]:
    batch: list[str] = []
    for value in ids:
        batch.append(value)
        if len(batch) == CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


def _incident(session: Session, entity_ids: Iterable[str], as_of: date | None) -> list[Link]:
    """Links touching any of the entities, in force on ``as_of``, each once."""
    found: dict[str, Link] = {}
    ids = list(entity_ids)
    for column in (Link.source_id, Link.target_id):
        for batch in _chunks(ids):
            for link in session.scalars(select(Link).where(column.in_(batch))):
                if in_force(link.start_date, link.end_date, as_of):
                    found[link.id] = link
    return list(found.values())


def _links_among(session: Session, entity_ids: set[str], as_of: date | None) -> list[Link]:
    found: list[Link] = []
    for batch in _chunks(entity_ids):
        for link in session.scalars(select(Link).where(Link.source_id.in_(batch))):
            if link.target_id in entity_ids and in_force(link.start_date, link.end_date, as_of):
                found.append(link)
    return found


def evidence_flags(session: Session, link_ids: Iterable[str]) -> dict[str, tuple[bool, bool]]:
    """link id → (sourced, disputed)."""
    flags: dict[str, tuple[bool, bool]] = {}
    for batch in _chunks(link_ids):
        rows = session.execute(
            select(ClaimTarget.link_id, ClaimTarget.stance, Claim.status)
            .join(Claim, Claim.id == ClaimTarget.claim_id)
            .where(ClaimTarget.link_id.in_(batch)))
        for link_id, stance, status in rows:
            sourced, disputed = flags.get(link_id, (False, False))
            if stance == "supports":
                sourced = True
                disputed = disputed or status in ("disputed", "refuted")
            else:
                disputed = True
            flags[link_id] = (sourced, disputed)
    return flags


def _edges(session: Session, links: list[Link]) -> dict[str, EdgeRow]:
    flags = evidence_flags(session, (link.id for link in links))
    return {link.id: EdgeRow(link.id, link.schema, link.source_id, link.target_id, link.role,
                             Stake.of(link), *flags.get(link.id, (False, False)))
            for link in links}


def _nodes(session: Session, entity_ids: Iterable[str]) -> dict[str, NodeRow]:
    ids = list(dict.fromkeys(entity_ids))
    positions: dict[str, NodePosition] = {}
    rows: dict[str, NodeRow] = {}
    for batch in _chunks(ids):
        for position in session.scalars(select(NodePosition)
                                        .where(NodePosition.entity_id.in_(batch))):
            positions[position.entity_id] = position
        for entity_id, caption, schema, role in session.execute(
                select(Entity.id, Entity.caption, Entity.schema, Entity.role)
                .where(Entity.id.in_(batch))):
            place = positions.get(entity_id)
            rows[entity_id] = NodeRow(entity_id, caption, schema, role,
                                      place.x if place else None, place.y if place else None,
                                      bool(place.pinned) if place else False)
    return {i: rows[i] for i in ids if i in rows}


def subgraph(session: Session, entity_ids: Iterable[str], *,
             as_of: date | None = None) -> NetworkData:
    """The given entities (those that exist) and every link among them."""
    nodes = _nodes(session, entity_ids)
    edges = _edges(session, _links_among(session, set(nodes), as_of))
    return NetworkData(nodes, edges, len(nodes))


def neighbourhood(session: Session, entity_ids: Iterable[str], depth: int = 1, *,
                  as_of: date | None = None,
                  max_nodes: int = MAX_NEIGHBOURHOOD) -> NetworkData:
    """The entities, their neighbours up to ``depth`` links away, and the links among them.

    A ring that would take the drawing past ``max_nodes`` is not added (``truncated``).
    """
    shown = [e for e in dict.fromkeys(entity_ids)]
    seen = set(shown)
    frontier = list(shown)
    truncated = False
    for level in range(max(depth, 0)):
        if not frontier:
            break
        ring: list[str] = []
        for link in _incident(session, frontier, as_of):
            for other in (link.source_id, link.target_id):
                if other not in seen:
                    seen.add(other)
                    ring.append(other)
        if len(shown) + len(ring) > max_nodes:
            truncated = True
            if level == 0:  # a hub: show as much of its first ring as fits
                shown += ring[:max(max_nodes - len(shown), 0)]
            break
        shown += ring
        frontier = ring
    data = subgraph(session, shown, as_of=as_of)
    data.truncated = truncated
    return data


def whole_case(session: Session, *, as_of: date | None = None,
               max_nodes: int = MAX_WHOLE_CASE) -> NetworkData:
    """Every entity and link — or, above ``max_nodes``, the best connected entities."""
    total = session.scalar(select(func.count()).select_from(Entity)) or 0
    if total <= max_nodes:
        ids = list(session.scalars(select(Entity.id).order_by(Entity.caption)))
    else:
        degree = (select(func.count()).select_from(Link)
                  .where(Link.source_id == Entity.id).scalar_subquery()
                  + select(func.count()).select_from(Link)
                  .where(Link.target_id == Entity.id).scalar_subquery())
        ids = list(session.scalars(select(Entity.id).order_by(degree.desc(), Entity.caption)
                                   .limit(max_nodes)))
    data = subgraph(session, ids, as_of=as_of)
    data.total_nodes = total
    data.truncated = total > max_nodes
    return data


def count_entities(session: Session, cap: int) -> int:
    """How many entities the case has, counting no further than ``cap`` (cheap on big cases)."""
    capped = select(Entity.id).limit(cap).subquery()
    return session.scalar(select(func.count()).select_from(capped)) or 0

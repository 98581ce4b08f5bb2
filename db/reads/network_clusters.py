"""The whole case in groups: what the network shows when a case is too big to draw entity
by entity (a mosaic of 100,000 dots reads as nothing).

Entities linked together form ownership groups (connected components of the link graph,
as of the chosen date). A group bigger than ``MAX_GROUP`` is cut into neighbourhoods
grown breadth-first from its best-connected entities, so each part is a hub and what
hangs off it. Each group is named after its best-connected entity and carries its size;
links between groups are counted. Entities with no link at all share one group. Plain
values only: computed in a worker, handed to the GUI thread.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from sqlalchemy.orm import Session

from db.core import seam
from db.partial_date import in_force

MAX_GROUP = 300  # entities in one group at most (but for the group of unlinked ones)
MAX_GROUPS = 400  # groups drawn; smaller ones beyond join the last group
MIN_GROUP = 12  # entities: a smaller piece of a big component joins its best-linked group
LOOSE = "group:loose"


@dataclass
class Group:
    id: str
    members: list[str]  # best connected first
    caption: str  # of its best-connected entity
    schema: str
    role: str | None

    @property
    def size(self) -> int:
        return len(self.members)


@dataclass
class Clustered:
    groups: dict[str, Group]
    group_of: dict[str, str]  # entity id → group id
    links: dict[tuple[str, str], int]  # (group, group) → links between them
    entity_count: int
    link_count: int
    as_of: date | None = None
    expanded: list[str] = field(default_factory=list)  # groups drawn entity by entity
    positions: dict[str, tuple[float, float]] = field(default_factory=dict)  # of groups


def cluster_case(session: Session, as_of: date | None = None) -> Clustered:
    """Every entity of the case in a group; every link in force counted."""
    fetch = seam.of(session).fetch_rows  # plain rows: 100,000 ORM rows cost seconds
    entities = fetch(session, "SELECT id, caption, schema, role FROM entities", {})
    index = {row[0]: i for i, row in enumerate(entities)}
    rows = fetch(session, "SELECT source_id, target_id, start_date, end_date FROM links", {})
    if as_of is not None:
        rows = [r for r in rows if in_force(r[2], r[3], as_of)]
    missing = len(entities)  # a link to an entity that is gone points here, then dropped
    ends = np.array([(index.get(r[0], missing), index.get(r[1], missing)) for r in rows],
                    dtype=np.int64).reshape(-1, 2)
    ends = ends[(ends[:, 0] != ends[:, 1]) & (ends < missing).all(axis=1)]
    count = len(entities)
    degree = np.bincount(ends.reshape(-1), minlength=count)
    neighbours: list[list[int]] = [[] for _ in range(count)]
    for a, b in ends.tolist():
        neighbours[a].append(b)
        neighbours[b].append(a)
    part = np.full(count, -1, dtype=np.int64)
    parts: list[list[int]] = []
    loose: list[int] = []
    for seed in np.argsort(-degree, kind="stable"):
        if part[seed] >= 0:
            continue
        if degree[seed] == 0:
            loose.append(int(seed))
            continue
        parts.append(_grow(int(seed), neighbours, part, len(parts)))
    parts = _absorb_crumbs(parts, part, neighbours)
    parts.sort(key=len, reverse=True)
    kept, rest = parts[:MAX_GROUPS], [n for p in parts[MAX_GROUPS:] for n in p]
    groups: dict[str, Group] = {}
    group_of: dict[str, str] = {}

    def add(group_id: str, rows: list[int], caption: str | None = None) -> None:
        rows = sorted(rows, key=lambda r: -degree[r])
        top = entities[rows[0]]
        groups[group_id] = Group(group_id, [entities[r][0] for r in rows],
                                 caption or top[1], top[2], top[3])
        for r in rows:
            group_of[entities[r][0]] = group_id

    for number, rows in enumerate(kept):
        add(f"group:{number}", rows)
    if loose or rest:
        add(LOOSE, loose + rest, None)
    names = list(groups)
    number_of = {name: n for n, name in enumerate(names)}
    group_row = np.array([number_of[group_of[row[0]]] for row in entities], dtype=np.int64)
    first, second = group_row[ends[:, 0]], group_row[ends[:, 1]]
    between = first != second
    low = np.minimum(first[between], second[between])
    high = np.maximum(first[between], second[between])
    keys, counts = np.unique(low * len(names) + high, return_counts=True)
    links = {(names[k // len(names)], names[k % len(names)]): int(c)
             for k, c in zip(keys.tolist(), counts.tolist(), strict=True)}
    return Clustered(groups, group_of, links, count, len(ends), as_of)


def _absorb_crumbs(parts: list[list[int]], part: np.ndarray,
                   neighbours: list[list[int]]) -> list[list[int]]:
    """Growing capped groups leaves crumbs (a few entities whose neighbours were all taken):
    each joins the group it has most links to, so the picture is groups, not dust."""
    for number in sorted(range(len(parts)), key=lambda n: len(parts[n])):
        members = parts[number]
        if not members or len(members) >= MIN_GROUP:
            continue
        links: dict[int, int] = {}
        for node in members:
            for other in neighbours[node]:
                if part[other] != number:
                    links[int(part[other])] = links.get(int(part[other]), 0) + 1
        if not links:
            continue
        target = max(links, key=links.__getitem__)
        parts[target].extend(members)
        part[members] = target
        parts[number] = []
    return [p for p in parts if p]


def _grow(seed: int, neighbours: list[list[int]], part: np.ndarray, number: int) -> list[int]:
    """Up to ``MAX_GROUP`` not yet grouped entities reached breadth-first from ``seed``."""
    members = [seed]
    part[seed] = number
    queue = deque([seed])
    while queue and len(members) < MAX_GROUP:
        node = queue.popleft()
        for other in neighbours[node]:
            if part[other] < 0:
                part[other] = number
                members.append(other)
                queue.append(other)
                if len(members) >= MAX_GROUP:
                    break
    return members

"""The whole case in groups: what the network shows when a case is too big to draw entity
by entity (a mosaic of 100,000 dots reads as nothing).

Entities linked together form ownership groups (connected components of the link graph,
as of the chosen date). A group bigger than ``MAX_GROUP`` is cut into neighbourhoods of
its best-connected entities (each entity goes to the nearest of them, breadth first), so
each part is a hub and what hangs off it; a part still too big is cut again the same way.
Each group is named after its best-connected entity and carries its size; links between
groups are counted, and each group keeps its strongest few links to others (400 groups
joined by 40,000 group links is a hairball again). Entities with no link at all share one
group. All of it is array work (numpy, SciPy's connected components): a 100,000-entity
case groups in about a second, in a worker, creating few Python objects — a burst of
them makes the collector stop every thread, the GUI's too. Plain values only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from sqlalchemy.orm import Session

from db.core import seam
from db.partial_date import in_force

MAX_GROUP = 300  # entities in one group at most (but for the group of unlinked ones) …
PART_SIZE = 150  # … a too-big group is cut around one hub for about this many entities
# (both grow on a case so big that MAX_GROUPS groups of these sizes would not hold it)
CUT_ROUNDS = 6  # cuts of a still too-big part at most
MAX_GROUPS = 400  # groups drawn; smaller ones beyond join the last group
MIN_GROUP = 12  # entities: a smaller piece of a big component joins its best-linked group
LINKS_KEPT = 3  # each group's strongest links to other groups drawn
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
    links: dict[tuple[str, str], int]  # (group, group) → links between them (strongest)
    entity_count: int
    link_count: int
    as_of: date | None = None
    expanded: list[str] = field(default_factory=list)  # groups drawn entity by entity
    positions: dict[str, tuple[float, float]] = field(default_factory=dict)  # of groups
    group_link_count: int = 0  # pairs of groups with links between them, drawn or not


def cluster_case(session: Session, as_of: date | None = None) -> Clustered:
    """Every entity of the case in a group; every link in force counted."""
    fetch = seam.of(session).fetch_rows  # plain rows: 100,000 ORM rows cost seconds
    entities = fetch(session, "SELECT id, caption, schema, role FROM entities", {})
    count = len(entities)
    ends = _link_ends(fetch(session, "SELECT source_id, target_id, start_date, end_date "
                                     "FROM links", {}), entities, as_of)
    degree = np.bincount(ends.reshape(-1), minlength=count)[:count]
    linked = int((degree > 0).sum())
    part_size = max(PART_SIZE, -(-linked // int(MAX_GROUPS * 0.75)))
    label = _parts(count, ends, degree, part_size, max(MAX_GROUP, 2 * part_size))
    label = _absorb_crumbs(label, ends)
    loose = degree == 0
    numbers, sizes = np.unique(label[~loose], return_counts=True)
    by_size = numbers[np.argsort(-sizes, kind="stable")][:MAX_GROUPS]
    last = len(by_size)  # the group of the unlinked and of what is beyond MAX_GROUPS
    rank = np.full(int(label.max(initial=0)) + 1, last, dtype=np.int64)
    rank[by_size] = np.arange(last)
    group = np.where(loose, last, rank[label])
    names = [f"group:{n}" for n in range(last)]
    if (group == last).any():
        names.append(LOOSE)
    groups, group_of = _groups(entities, group, degree, names)
    links, pairs = _group_links(group, ends, names)
    return Clustered(groups, group_of, links, count, len(ends), as_of, group_link_count=pairs)


def _link_ends(rows: list[tuple], entities: list[tuple], as_of: date | None) -> np.ndarray:
    """Rows of entity numbers (source, target) of the links in force, loops and links to
    entities that are gone left out."""
    if as_of is not None:
        rows = [r for r in rows if in_force(r[2], r[3], as_of)]
    index = {row[0]: i for i, row in enumerate(entities)}
    missing = len(entities)
    sources = np.fromiter((index.get(r[0], missing) for r in rows), np.int64, len(rows))
    targets = np.fromiter((index.get(r[1], missing) for r in rows), np.int64, len(rows))
    ends = np.stack([sources, targets], axis=1)
    return ends[(sources != targets) & (sources < missing) & (targets < missing)]


def _neighbours(count: int, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The undirected graph as compressed rows: node i's neighbours are
    ``others[start[i]:start[i + 1]]``."""
    both = np.concatenate([ends, ends[:, ::-1]])
    order = np.argsort(both[:, 0], kind="stable")
    start = np.zeros(count + 1, dtype=np.int64)
    np.cumsum(np.bincount(both[:, 0], minlength=count), out=start[1:])
    return start, both[order, 1]


def _parts(count: int, ends: np.ndarray, degree: np.ndarray, part_size: int,
           max_group: int) -> np.ndarray:
    """A part number per entity: connected components, the too-big ones cut around hubs."""
    graph = coo_matrix((np.ones(len(ends), dtype=np.int8), (ends[:, 0], ends[:, 1])),
                       shape=(count, count))
    _, label = connected_components(graph, directed=False)
    label = label.astype(np.int64)
    for _ in range(CUT_ROUNDS):
        sizes = np.bincount(label)
        big = sizes > max_group
        if not big[label].any():
            break
        inside = ends[(label[ends[:, 0]] == label[ends[:, 1]]) & big[label[ends[:, 0]]]]
        label = _cut(label, sizes, big, inside, degree, part_size)
    return label


def _cut(label: np.ndarray, sizes: np.ndarray, big: np.ndarray, inside: np.ndarray,
         degree: np.ndarray, part_size: int) -> np.ndarray:
    """Each too-big part cut around its best-connected entities (one per ``part_size``):
    every member goes to the hub it is fewest links from — all hubs grow breadth first
    at once, along links inside the part."""
    count = len(label)
    members = np.flatnonzero(big[label])
    # By part, best connected first; equals in a scrambled order, so the hubs of a part
    # whose entities are all alike (a long chain) are spread along it, not side by side.
    scrambled = (members * 2654435761) % 4294967291
    order = members[np.lexsort((scrambled, -degree[members], label[members]))]
    part_of = label[order]
    first = np.searchsorted(part_of, part_of)  # where each one's part starts in ``order``
    wanted = np.ceil(sizes / part_size).astype(np.int64)
    hubs = order[np.arange(len(order)) - first < wanted[part_of]]
    new = np.full(count, -1, dtype=np.int64)
    new[hubs] = np.arange(len(hubs))
    start, others = _neighbours(count, inside)
    frontier = hubs
    while len(frontier):
        counts = start[frontier + 1] - start[frontier]
        offsets = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
        reached = others[np.repeat(start[frontier], counts) + offsets]
        came_from = np.repeat(frontier, counts)
        fresh = new[reached] < 0
        reached, came_from = reached[fresh], came_from[fresh]
        reached, where = np.unique(reached, return_index=True)  # the first claim wins
        new[reached] = new[came_from[where]]
        frontier = reached
    result = label.copy()
    cut = members[new[members] >= 0]
    result[cut] = int(label.max()) + 1 + new[cut]
    return result


def _absorb_crumbs(label: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Cutting leaves crumbs (a few entities whose hub was far): each part smaller than
    ``MIN_GROUP`` with links to other parts joins the part it has most links to, so the
    picture is groups, not dust."""
    sizes = np.bincount(label)
    a, b = label[ends[:, 0]], label[ends[:, 1]]
    across = a != b
    a, b = np.concatenate([a[across], b[across]]), np.concatenate([b[across], a[across]])
    small = sizes[a] < MIN_GROUP
    if not small.any():
        return label
    a, b = a[small], b[small]
    pairs, counts = np.unique(a * len(sizes) + b, return_counts=True)
    crumb, other = pairs // len(sizes), pairs % len(sizes)
    order = np.lexsort((-counts, crumb))  # per crumb, its best-linked part first
    crumb, other = crumb[order], other[order]
    first = np.r_[True, crumb[1:] != crumb[:-1]]
    target = np.arange(len(sizes))
    target[crumb[first]] = other[first]
    # a crumb joining a crumb that joins back: the pair stays together
    loop = target[target] == np.arange(len(sizes))
    target = np.where(loop & (target != np.arange(len(sizes))),
                      np.minimum(target, np.arange(len(sizes))), target)
    for _ in range(4):  # a crumb joining a crumb that joins a group: all join the group
        target = target[target]
    return target[label]


def _groups(entities: list[tuple], group: np.ndarray, degree: np.ndarray,
            names: list[str]) -> tuple[dict[str, Group], dict[str, str]]:
    """Each group with its members best connected first, named after the first."""
    order = np.lexsort((-degree, group))
    bounds = np.searchsorted(group[order], np.arange(len(names) + 1))
    groups: dict[str, Group] = {}
    group_of: dict[str, str] = {}
    for number, name in enumerate(names):
        rows = order[bounds[number]:bounds[number + 1]].tolist()
        if not rows:
            continue
        top = entities[rows[0]]
        member_ids = [entities[r][0] for r in rows]
        groups[name] = Group(name, member_ids, top[1], top[2], top[3])
        group_of.update(dict.fromkeys(member_ids, name))
    return groups, group_of


def _group_links(group: np.ndarray, ends: np.ndarray,
                 names: list[str]) -> tuple[dict[tuple[str, str], int], int]:
    """Links between groups, counted; each group's ``LINKS_KEPT`` strongest are kept."""
    first, second = group[ends[:, 0]], group[ends[:, 1]]
    between = first != second
    low = np.minimum(first[between], second[between])
    high = np.maximum(first[between], second[between])
    keys, counts = np.unique(low * len(names) + high, return_counts=True)
    low, high = keys // len(names), keys % len(names)
    kept = np.zeros(len(keys), dtype=bool)
    for side in (low, high):  # per group, its strongest links first
        order = np.lexsort((-counts, side))
        start = np.searchsorted(side[order], side[order])
        kept[order[np.arange(len(order)) - start < LINKS_KEPT]] = True
    links = {(names[a], names[b]): int(c) for a, b, c in
             zip(low[kept].tolist(), high[kept].tolist(), counts[kept].tolist(), strict=True)}
    return links, len(keys)

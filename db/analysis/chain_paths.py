"""The listed paths of a control chain: found when asked, one owner at a time, bounded.

A chain's shares come from one linear solve; its *paths* are another matter. An owner in
a big circular group has more simple paths to the entity than anyone can read (their
number grows exponentially), and even the first few cost a search. So the paths of an
owner are searched only when something asks for them (a pane row is expanded, a report
prints them), by ``simple_paths``: a depth-first search that tries the successor nearest
the entity first, capped at ``limit`` paths and a step budget, and — when the caller
gives one — at a deadline or a cancel flag, in which case the answer is partial and says
so (``PathList.stopped``). Asking for the owners one by one costs what is looked at:
along a 20,000-hop chain the top owner's one path is found in 20,000 steps, and nobody
pays for the paths of the owners below it.

How many paths an owner has in all is counted exactly where the region below it has no
cycle (one pass over the graph, ``ChainPaths.count``), so a listing can say "and 1,234
more"; through a circular group the count is unknown ("and more").
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from db.analysis.collector import collector_paused
from db.analysis.shares import strong_components

COUNT_CAP = 10**9  # counts stop here: "more than a billion" says all there is to say
_CHECK_EVERY = 2048  # search steps between looks at the clock and the cancel flag


@dataclass(frozen=True)
class PathList:
    """Up to ``limit`` paths of one owner, shortest first.

    ``truncated``: more paths exist (or may exist) than are listed. ``count``: how many
    simple paths there are in all, when countable (no cycle below the owner; at most
    ``COUNT_CAP``), else None. ``stopped``: the search was cut short by its deadline or a
    cancel — a partial answer.
    """

    paths: list[list[str]]
    truncated: bool
    count: int | None = None
    stopped: bool = False

    @property
    def more(self) -> int | None:
        """How many paths are not listed; None when unknown."""
        if self.count is None:
            return None
        return max(self.count - len(self.paths), 0)

    def top(self, k: int) -> PathList:
        """The first ``k`` paths (the shortest), the rest counted in ``more``."""
        if len(self.paths) <= k:
            return self
        return PathList(self.paths[:k], True, self.count, self.stopped)


NOT_SEARCHED = PathList([], True, None, stopped=True)  # an owner the time bound left out


def path_budget(limit: int, distance: dict[str, int]) -> int:
    """Steps one owner's path search may take: enough for ``limit`` paths in a big graph."""
    return 200 * limit + 10 * len(distance)


def simple_paths(successors: dict[str, list[str]], distance: dict[str, int], source: str,
                 target: str, limit: int, budget: int | None = None
                 ) -> tuple[list[list[str]], bool]:
    """Up to ``limit`` simple paths source → target, shortest first; (paths, truncated).

    A depth-first search that always tries the successor nearest the target first
    (``distance``: hops to the target), so the first path is a shortest one and each
    further one costs a few steps — never an unbounded enumeration. Paths stop at the
    target (they do not run through it and back). ``budget`` caps the search's steps
    (default ``path_budget``).
    """
    found, truncated, _ = search_paths(successors, distance, source, target, limit, budget)
    return found, truncated


def search_paths(successors: dict[str, list[str]], distance: dict[str, int], source: str,
                 target: str, limit: int, budget: int | None = None,
                 deadline: float | None = None,
                 cancelled: Callable[[], bool] | None = None
                 ) -> tuple[list[list[str]], bool, bool]:
    """``simple_paths`` that may also stop at ``deadline`` (``time.monotonic``) or when
    ``cancelled()``; (paths, truncated, stopped)."""
    found: list[list[str]] = []
    path = [source]
    on_path = {source}
    stack = [iter(successors.get(source, ()))]
    budget = path_budget(limit, distance) if budget is None else budget
    watched = deadline is not None or cancelled is not None
    check = _CHECK_EVERY
    while stack and budget > 0:
        budget -= 1
        if watched:
            check -= 1
            if check == 0:
                check = _CHECK_EVERY
                if ((deadline is not None and time.monotonic() > deadline)
                        or (cancelled is not None and cancelled())):
                    found.sort(key=len)
                    return found, True, True
        step = next(stack[-1], None)
        if step is None:
            stack.pop()
            on_path.discard(path.pop())
            continue
        if step == target:
            if len(found) == limit:
                found.sort(key=len)
                return found, True, False
            found.append(path + [target])
        elif step not in on_path and step in distance:
            path.append(step)
            on_path.add(step)
            stack.append(iter(successors.get(step, ())))
    found.sort(key=len)
    return found, bool(stack), False


def hops_to(pairs: list[tuple[str, str]], target: str) -> dict[str, int]:
    """Fewest links from each node down to ``target`` (breadth-first, owned → owners)."""
    owners_of: dict[str, list[str]] = {}
    for source, owned in pairs:
        owners_of.setdefault(owned, []).append(source)
    distance = {target: 0}
    frontier = [target]
    while frontier:
        following = []
        for node in frontier:
            for owner in owners_of.get(node, ()):
                if owner not in distance:
                    distance[owner] = distance[node] + 1
                    following.append(owner)
        frontier = following
    return distance


class ChainPaths:
    """The paths of every owner of one entity, searched on demand and remembered.

    ``graph``: owner → the entities it holds or controls (the chain's links). Nothing is
    searched until ``listing`` is called; the distances and the order in which a search
    tries successors are worked out on the first call.
    """

    def __init__(self, graph: dict[str, set[str]], target: str, limit: int):
        self.target = target
        self.limit = limit
        self._graph = graph
        self._successors: dict[str, list[str]] | None = None
        self._distance: dict[str, int] = {}
        self._listed: dict[str, PathList] = {}
        self._counts: dict[str, int | None] | None = None
        self._lock = threading.Lock()

    def _prepare(self) -> None:
        with self._lock:  # searches may run on several worker threads at once
            if self._successors is None:
                self._prepare_now()

    def _prepare_now(self) -> None:
        pairs = [(source, owned) for source, held in self._graph.items() for owned in held]
        self._distance = distance = hops_to(pairs, self.target)
        self._successors = {node: sorted(held, key=lambda n: (distance.get(n, 0), n))
                            for node, held in self._graph.items()}

    def listing(self, owner: str, deadline: float | None = None,
                cancelled: Callable[[], bool] | None = None) -> PathList:
        """The owner's paths; partial (``stopped``) when the deadline or cancel hit first."""
        known = self._listed.get(owner)
        if known is not None:
            return known
        with collector_paused():
            return self._search(owner, deadline, cancelled)

    def _search(self, owner: str, deadline: float | None,
                cancelled: Callable[[], bool] | None) -> PathList:
        self._prepare()
        assert self._successors is not None
        found, truncated, stopped = search_paths(
            self._successors, self._distance, owner, self.target, self.limit,
            deadline=deadline, cancelled=cancelled)
        if stopped:
            count = None
        else:  # all paths found are all there are, unless the search was cut off
            count = self.count(owner) if truncated else len(found)
        listing = PathList(found, truncated, count, stopped)
        if not stopped:
            self._listed[owner] = listing
        return listing

    def listed(self, owner: str) -> PathList | None:
        """The owner's paths if already searched (no search here)."""
        return self._listed.get(owner)

    def count(self, owner: str) -> int | None:
        """Simple paths owner → entity in all (capped at ``COUNT_CAP``); None through a
        cycle. Counted for every node at once on the first call, over the condensation."""
        self._prepare()
        with self._lock:
            if self._counts is None:
                self._counts = self._count_all()
        return self._counts.get(owner)

    def _count_all(self) -> dict[str, int | None]:
        assert self._successors is not None
        target, distance = self.target, self._distance
        inner = {node: [s for s in held if s != target and s != node and s in distance]
                 for node, held in self._successors.items()
                 if node != target and node in distance}
        counts: dict[str, int | None] = {}
        for component in strong_components(inner, inner):
            if len(component) > 1:  # a circular group: simple paths are not countable
                counts.update(dict.fromkeys(component))
                continue
            node = component[0]
            total: int | None = 1 if target in self._graph.get(node, ()) else 0
            for step in inner[node]:
                below = counts[step]
                if below is None:
                    total = None
                    break
                total += below
            counts[node] = None if total is None else min(total, COUNT_CAP)
        return counts

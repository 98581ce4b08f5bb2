"""The arithmetic of ownership and control over a small graph, free of any database.

Shares here are fractions (0–1) on directed edges owner → owned. Two questions:

* effective ownership — the sum over all walks from an owner to the entity of the
  product of the shares: E = A + A² + A³ … = A(I−A)⁻¹ (the Leontief form). It equals
  the sum over paths when there is no cycle and stays finite for cross-holdings. It is
  solved one strongly connected component at a time, nearest the entity first, so a
  cycle costs a small dense solve and the acyclic rest is one pass.
* control — X controls Y when X alone, or together with the entities X controls, holds
  more than half of Y, or when an explicit control edge says so. Because control held
  through one company adds to the shares counted in the next, it is a fixpoint,
  computed per owner by propagating outwards from it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import networkx as nx
import numpy as np

MAJORITY = 0.5
_EPSILON = 1e-12


def walk_sums(edges: Iterable[tuple[str, str, tuple[float, ...]]], target: str
              ) -> dict[str, tuple[float, ...]]:
    """Effective share (fraction) of every node in ``target``: walk sum of edge products.

    ``edges`` are (owner, owned, shares): one share per scenario (say the minimum and the
    maximum), all solved in the same pass; parallel edges add up. Nodes absent from the
    result have no walk to the target. A circular holding in which the walk sum
    diverges (say two companies each owning all of the other) gives ``inf`` there.
    """
    weights: dict[tuple[str, str], np.ndarray] = {}
    width = 0
    for source, owned, shares in edges:
        width = len(shares)
        vector = np.asarray(shares, dtype=float)
        if (source, owned) in weights:
            weights[source, owned] = weights[source, owned] + vector
        else:
            weights[source, owned] = vector
    graph = nx.DiGraph()
    graph.add_node(target)
    graph.add_edges_from(weights)
    held: dict[str, list[tuple[str, np.ndarray]]] = defaultdict(list)
    for (source, owned), vector in weights.items():
        held[source].append((owned, vector))
    condensed = nx.condensation(graph)
    members = condensed.graph["mapping"]  # node -> component number
    value: dict[str, np.ndarray] = {}
    # Reverse topological order: every component after all the components it owns.
    for component in reversed(list(nx.topological_sort(condensed))):
        nodes = list(condensed.nodes[component]["members"])
        if len(nodes) == 1 and (nodes[0], nodes[0]) not in weights:
            total = np.zeros(width)
            for owned, vector in held.get(nodes[0], ()):
                total = total + vector * ((owned == target) + value[owned])
            value[nodes[0]] = total
            continue
        index = {node: i for i, node in enumerate(nodes)}
        rhs = np.zeros((len(nodes), width))
        inner = np.zeros((width, len(nodes), len(nodes)))
        for node in nodes:
            i = index[node]
            for owned, vector in held.get(node, ()):
                if owned == target:
                    rhs[i] += vector
                if members[owned] == component:
                    inner[:, i, index[owned]] += vector
                else:
                    rhs[i] += vector * value[owned]
        solved = np.column_stack([_solve(inner[k], rhs[:, k]) for k in range(width)])
        value.update(zip(nodes, solved, strict=True))
    return {node: tuple(float(x) for x in vector) for node, vector in value.items()
            if np.any(vector > 0)}


def _solve(inner: np.ndarray, rhs: np.ndarray) -> np.ndarray:
    """x = rhs + inner·x for one strongly connected component."""
    diverged = np.full(len(rhs), np.inf)
    if not np.all(np.isfinite(rhs)):
        return diverged
    try:
        solution = np.linalg.solve(np.eye(len(rhs)) - inner, rhs)
    except np.linalg.LinAlgError:
        return diverged
    # A walk sum of non-negative terms is never negative: a negative solution means the
    # series diverges (spectral radius >= 1), i.e. the holdings add up to more than all.
    if np.any(solution < -_EPSILON) or not np.all(np.isfinite(solution)):
        return diverged
    return np.maximum(solution, 0.0)


def simple_paths(successors: dict[str, list[str]], distance: dict[str, int], source: str,
                 target: str, limit: int) -> tuple[list[list[str]], bool]:
    """Up to ``limit`` simple paths source → target, shortest first; (paths, truncated).

    A depth-first search that always tries the successor nearest the target first
    (``distance``: hops to the target), so the first path is a shortest one and each
    further one costs a few steps — never an unbounded enumeration. Paths stop at the
    target (they do not run through it and back).
    """
    found: list[list[str]] = []
    path = [source]
    on_path = {source}
    stack = [iter(successors.get(source, ()))]
    budget = 200 * limit + 10 * len(distance)
    while stack and budget > 0:
        budget -= 1
        step = next(stack[-1], None)
        if step is None:
            stack.pop()
            on_path.discard(path.pop())
            continue
        if step == target:
            if len(found) == limit:
                found.sort(key=len)
                return found, True
            found.append(path + [target])
        elif step not in on_path and step in distance:
            path.append(step)
            on_path.add(step)
            stack.append(iter(successors.get(step, ())))
    found.sort(key=len)
    return found, bool(stack)


def reaching(edges: Iterable[tuple[str, str]], starts: Iterable[str]) -> set[str]:
    """The starts and every node with a directed path to one of them."""
    owners_of: dict[str, list[str]] = defaultdict(list)
    for source, owned in edges:
        owners_of[owned].append(source)
    seen = set(starts)
    stack = list(seen)
    while stack:
        for owner in owners_of.get(stack.pop(), ()):
            if owner not in seen:
                seen.add(owner)
                stack.append(owner)
    return seen


def controlled_sets(holdings: Iterable[tuple[str, str, float]],
                    control_edges: Iterable[tuple[str, str]],
                    owners: Iterable[str]) -> dict[str, set[str]]:
    """owner → the set of entities it controls (itself excluded).

    ``holdings`` are (owner, owned, share) with the share's certain lower bound: control
    is claimed only when it is certain, so a range counts its minimum and an unknown
    share counts as nothing. ``control_edges`` are explicit (controller, controlled).
    """
    held_by: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for source, owned, share in holdings:
        if share > 0:
            held_by[source].append((owned, share))
    commands: dict[str, set[str]] = defaultdict(set)
    for controller, controlled in control_edges:
        commands[controller].add(controlled)
    result: dict[str, set[str]] = {}
    for owner in owners:
        group = {owner}
        held: dict[str, float] = defaultdict(float)
        queue = [owner]
        while queue:
            member = queue.pop()
            newly: list[str] = []
            for owned in commands.get(member, ()):
                if owned not in group:
                    newly.append(owned)
            for owned, share in held_by.get(member, ()):
                if owned in group:
                    continue
                held[owned] += share
                if held[owned] > MAJORITY + _EPSILON:
                    newly.append(owned)
            for owned in newly:
                if owned not in group:
                    group.add(owned)
                    queue.append(owned)
        group.discard(owner)
        result[owner] = group
    return result

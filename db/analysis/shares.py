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


def walk_sums(edges: Iterable[tuple[str, str, float]], target: str) -> dict[str, float]:
    """Effective share (fraction) of every node in ``target``: walk sum of edge products.

    ``edges`` are (owner, owned, share); parallel edges add up. Nodes absent from the
    result have no positive walk to the target. A circular holding in which the walk sum
    diverges (say two companies each owning all of the other) gives ``inf`` there.
    """
    weights: dict[tuple[str, str], float] = defaultdict(float)
    for source, owned, share in edges:
        if share > 0:
            weights[source, owned] += share
    graph = nx.DiGraph()
    graph.add_node(target)
    graph.add_weighted_edges_from((s, o, w) for (s, o), w in weights.items())
    condensed = nx.condensation(graph)
    members = condensed.graph["mapping"]  # node -> component number
    value: dict[str, float] = {}
    # Reverse topological order: every component after all the components it owns.
    for component in reversed(list(nx.topological_sort(condensed))):
        nodes = list(condensed.nodes[component]["members"])
        index = {node: i for i, node in enumerate(nodes)}
        rhs = np.zeros(len(nodes))
        inner = np.zeros((len(nodes), len(nodes)))
        for node in nodes:
            i = index[node]
            for owned, data in graph[node].items():
                share = data["weight"]
                if owned == target:
                    rhs[i] += share
                if members[owned] == component:
                    inner[i, index[owned]] += share
                else:
                    rhs[i] += share * value[owned]
        value.update(zip(nodes, _solve(inner, rhs), strict=True))
    return {node: x for node, x in value.items() if x > 0}


def _solve(inner: np.ndarray, rhs: np.ndarray) -> list[float]:
    """x = rhs + inner·x for one component (x = rhs when it has no cycle)."""
    if not inner.any():
        return [float(x) for x in rhs]
    if not np.all(np.isfinite(rhs)):
        return [float("inf")] * len(rhs)
    try:
        solution = np.linalg.solve(np.eye(len(rhs)) - inner, rhs)
    except np.linalg.LinAlgError:
        return [float("inf")] * len(rhs)
    # A walk sum of non-negative terms is never negative: a negative solution means the
    # series diverges (spectral radius >= 1), i.e. the holdings add up to more than all.
    if np.any(solution < -_EPSILON) or not np.all(np.isfinite(solution)):
        return [float("inf")] * len(rhs)
    return [max(0.0, float(x)) for x in solution]


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

"""The arithmetic of ownership and control over a small graph, free of any database.

Shares here are fractions (0–1) on directed edges owner → owned. Two questions:

* effective ownership — the sum over all walks from an owner to the entity of the
  product of the shares: E = A + A² + A³ … = A(I−A)⁻¹ (the Leontief form). It equals
  the sum over paths when there is no cycle and stays finite for cross-holdings. It is
  solved one strongly connected component at a time, nearest the entity first, so a
  cycle costs a small dense solve and the acyclic rest is one pass over plain floats.
* control — X controls Y when X alone, or together with the entities X controls, holds
  more than half of Y, or when an explicit control edge says so. Because control held
  through one company adds to the shares counted in the next, it is a fixpoint,
  computed per owner by propagating outwards from it.

Also here: the listed paths of every owner (``owner_paths``), the same answers as a
bounded depth-first search from each owner (``simple_paths``) at a fraction of the cost.
"""

from __future__ import annotations

import operator
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping

import numpy as np

MAJORITY = 0.5
_EPSILON = 1e-12


def strong_components(successors: Mapping[str, Iterable[str]], nodes: Iterable[str]
                      ) -> list[list[str]]:
    """Strongly connected components (Tarjan, iterative), every one after those it reaches.

    So processing them in the returned order sees a component only once everything
    below it (nearer the entity, for owner → owned edges) is done.
    """
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    result: list[list[str]] = []
    for root in nodes:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(successors.get(root, ())))]
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(successors.get(child, ()))))
                    break
                if child in on_stack and index[child] < low[node]:
                    low[node] = index[child]
            else:
                work.pop()
                if work and low[node] < low[work[-1][0]]:
                    low[work[-1][0]] = low[node]
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    result.append(component)
    return result


def refined(coarse: list[list[str]] | None, successors: Mapping[str, Iterable[str]],
            nodes: Iterable[str]) -> Iterator[list[str]]:
    """``strong_components`` of a graph, reusing those of a graph containing it.

    ``coarse`` are the components, in ``strong_components`` order, of a supergraph with
    every node of this one (say all the chain's links, for the links with a known share):
    a lone node stays alone, a group is split up on its own edges. None: compute afresh.
    """
    if coarse is None:
        yield from strong_components(successors, nodes)
        return
    for component in coarse:
        if len(component) == 1:
            yield component
            continue
        members = set(component)
        inside = {node: [m for m in successors.get(node, ()) if m in members]
                  for node in component}
        yield from strong_components(inside, component)


def walk_sums(edges: Iterable[tuple[str, str, tuple[float, ...]]], target: str,
              components: list[list[str]] | None = None) -> dict[str, tuple[float, ...]]:
    """Effective share (fraction) of every node in ``target``: walk sum of edge products.

    ``edges`` are (owner, owned, shares): one share per scenario (say the minimum and the
    maximum), all solved in the same pass; parallel edges add up. Nodes absent from the
    result have no walk to the target. A circular holding in which the walk sum
    diverges (say two companies each owning all of the other) gives ``inf`` there.
    ``components``: see ``refined``.

    An owner outside any cycle is one multiply-add per holding over what it holds
    (value(o) = Σ share × ([owned is the target] + value(owned)), in plain floats); only
    a circular group is solved densely (``_solve``, the Leontief inverse on the group).
    """
    weights: dict[tuple[str, str], tuple[float, ...]] = {}
    for source, owned, shares in edges:
        vector = tuple(map(float, shares))
        if (source, owned) in weights:
            vector = tuple(map(operator.add, weights[source, owned], vector))
        weights[source, owned] = vector
    width = len(next(iter(weights.values()))) if weights else 0
    held: dict[str, list[tuple[str, tuple[float, ...]]]] = defaultdict(list)
    for (source, owned), vector in weights.items():
        held[source].append((owned, vector))
    successors = {node: [owned for owned, _ in holdings] for node, holdings in held.items()}
    # One pass per scenario over plain floats; circular groups solved for all at once.
    value: list[dict[str, float]] = [{} for _ in range(width)]
    for nodes in refined(components, successors, [target, *held]):
        node = nodes[0]
        if len(nodes) > 1 or (node, node) in weights:
            solved = _solve_component(sorted(nodes), held, value, target, width)
            for member, vector in solved.items():
                for k in range(width):
                    value[k][member] = vector[k]
            continue
        holdings = held.get(node, ())
        for k, scenario in enumerate(value):
            total = 0.0
            for owned, vector in holdings:
                factor = scenario[owned]
                total += vector[k] * (1.0 + factor if owned == target else factor)
            scenario[node] = total
    result: dict[str, tuple[float, ...]] = {}
    for node in value[0] if value else ():
        vector = tuple(scenario[node] for scenario in value)
        if any(x > 0 for x in vector):
            result[node] = vector
    return result


def _solve_component(nodes: list[str], held: dict[str, list[tuple[str, tuple[float, ...]]]],
                     value: list[dict[str, float]], target: str, width: int
                     ) -> dict[str, tuple[float, ...]]:
    """Walk sums of the members of one circular group, given everything below it."""
    index = {node: i for i, node in enumerate(nodes)}
    rhs = np.zeros((len(nodes), width))
    inner = np.zeros((width, len(nodes), len(nodes)))
    for node in nodes:
        i = index[node]
        for owned, shares in held.get(node, ()):
            vector = np.asarray(shares)
            if owned == target:
                rhs[i] += vector
            if owned in index:
                inner[:, i, index[owned]] += vector
            else:
                rhs[i] += vector * np.array([scenario[owned] for scenario in value])
    solved = np.column_stack([_solve(inner[k], rhs[:, k]) for k in range(width)])
    return {node: tuple(float(x) for x in row) for node, row in zip(nodes, solved, strict=True)}


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
                 target: str, limit: int, budget: int | None = None
                 ) -> tuple[list[list[str]], bool]:
    """Up to ``limit`` simple paths source → target, shortest first; (paths, truncated).

    A depth-first search that always tries the successor nearest the target first
    (``distance``: hops to the target), so the first path is a shortest one and each
    further one costs a few steps — never an unbounded enumeration. Paths stop at the
    target (they do not run through it and back). ``budget`` caps the search's steps
    (default ``path_budget``). ``owner_paths`` gives the same answer for many sources.
    """
    found: list[list[str]] = []
    path = [source]
    on_path = {source}
    stack = [iter(successors.get(source, ()))]
    budget = path_budget(limit, distance) if budget is None else budget
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


def path_budget(limit: int, distance: dict[str, int]) -> int:
    """Steps one owner's path search may take: enough for ``limit`` paths in a big graph."""
    return 200 * limit + 10 * len(distance)


class _Run:
    """The search run from one node: steps it takes (capped at budget + 1), and the first
    paths it finds (node … target), each with the step it is found at."""

    __slots__ = ("at", "paths", "steps")

    def __init__(self) -> None:
        self.steps = 0
        self.at: list[int] = []
        self.paths: list[list[str]] = []


def owner_paths(successors: dict[str, list[str]], distance: dict[str, int],
                sources: Iterable[str], target: str, limit: int, budget: int | None = None,
                components: list[list[str]] | None = None
                ) -> dict[str, tuple[list[list[str]], bool]]:
    """``simple_paths`` for every source at once, with exactly its answers.

    ``simple_paths`` is a depth-first search; run from each of a thousand owners of a deep
    entity it walks the same lower chain a thousand times. But the search below a node
    that is in no cycle cannot depend on how it was reached (no node above it is
    reachable from it), so its run — the paths it finds, in order, and the steps it
    takes — is computed once, nearest the target first, and spliced into the run of
    every node above it with its step numbers shifted. Only inside a circular group is
    the search really walked, splicing the runs of the nodes it leaves the group for.
    Step counts are kept (up to the budget) so that the budget cuts off exactly the
    paths ``simple_paths`` would not reach. ``components``: see ``refined``.
    """
    budget = path_budget(limit, distance) if budget is None else budget
    sources = list(sources)

    def onward(node: str) -> list[str]:  # the steps a search may take from the node
        return [s for s in successors.get(node, ()) if s != target and s in distance]

    if components is None:
        inner = {node: onward(node) for node in [*successors, *sources]}
        order: Iterable[list[str]] = strong_components(inner, inner)
    else:  # only the circular groups need their own edges
        inner = {node: onward(node) for group in components if len(group) > 1
                 for node in group}
        order = refined(components, inner, ())
    runs: dict[str, _Run] = {}
    for component in order:
        node = component[0]
        if len(component) == 1 and not (node != target and node in distance
                                         and node in successors.get(node, ())):
            runs[node] = _merged_run(node, successors, distance, target, limit, budget, runs)
        else:
            members = set(component)
            for node in component:
                runs[node] = _walked_run(node, members, successors, distance, target,
                                         limit, budget, runs)
    result: dict[str, tuple[list[list[str]], bool]] = {}
    for source in sources:
        run = runs[source]
        found = run.paths[:limit]  # each run's path lists are its own: no copy needed
        found.sort(key=len)
        result[source] = found, len(run.paths) > limit or run.steps > budget
    return result


def _merged_run(node: str, successors: dict[str, list[str]], distance: dict[str, int],
                target: str, limit: int, budget: int, runs: dict[str, _Run]) -> _Run:
    """The run from a node in no cycle: its successors' runs one after the other."""
    run = _Run()
    steps = 0
    head = [node]
    for step in successors.get(node, ()):
        if steps >= budget or len(run.paths) > limit:
            run.steps = budget + 1
            return run
        steps += 1
        if step == target:
            run.at.append(steps)
            run.paths.append([node, target])
        elif step in distance:
            steps = _splice(steps, head, runs[step], run, limit, budget)
    # The last step finds no successor left and backs out.
    run.steps = budget + 1 if steps >= budget or len(run.paths) > limit else steps + 1
    return run


def _walked_run(root: str, members: set[str], successors: dict[str, list[str]],
                distance: dict[str, int], target: str, limit: int, budget: int,
                runs: dict[str, _Run]) -> _Run:
    """The run from a node of a circular group: ``simple_paths`` inside the group."""
    run = _Run()
    steps = 0
    path = [root]
    on_path = {root}
    stack = [iter(successors.get(root, ()))]
    while stack:
        if steps >= budget or len(run.paths) > limit:
            run.steps = budget + 1
            return run
        steps += 1
        step = next(stack[-1], None)
        if step is None:
            stack.pop()
            on_path.discard(path.pop())
        elif step == target:
            run.at.append(steps)
            run.paths.append([*path, target])
        elif step not in on_path and step in distance:
            if step in members:
                path.append(step)
                on_path.add(step)
                stack.append(iter(successors.get(step, ())))
            else:
                steps = _splice(steps, path, runs[step], run, limit, budget)
    run.steps = steps
    return run


def _splice(steps: int, head: list[str], sub: _Run, run: _Run, limit: int,
            budget: int) -> int:
    """Append a sub-run's paths after ``head`` from step ``steps`` on; the steps after it."""
    # The sub-run's paths found within the budget (its steps are increasing), up to the
    # one past the limit that tells the search to stop.
    count = min(bisect_right(sub.at, budget - steps), limit + 1 - len(run.paths))
    if count > 0:
        run.at.extend([steps + offset for offset in sub.at[:count]])
        run.paths.extend([head + tail for tail in sub.paths[:count]])
    return steps + sub.steps


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
    # Control spreads from a first step: a majority held alone, or a control edge. An
    # owner with neither controls nothing (most owners of a big chain): skip its search.
    held_by: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for source, owned, share in holdings:
        if share > 0:
            held_by[source].append((owned, share))
    commands: dict[str, set[str]] = defaultdict(set)
    for controller, controlled in control_edges:
        commands[controller].add(controlled)
    starters = set(commands)
    for source, held in held_by.items():
        alone: dict[str, float] = {}
        for owned, share in held:
            alone[owned] = alone.get(owned, 0.0) + share
        for owned, total in alone.items():
            if total > MAJORITY + _EPSILON and owned != source:
                starters.add(source)
                break
    result: dict[str, set[str]] = {}
    for owner in owners:
        if owner not in starters:
            result[owner] = set()
            continue
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

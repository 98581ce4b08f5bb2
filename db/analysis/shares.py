"""The arithmetic of ownership and control over a graph, free of any database.

Shares here are fractions (0–1) on directed edges owner → owned. Two questions:

* effective ownership — the sum over all walks from an owner to the entity of the
  product of the shares: E = A + A² + A³ … = A(I−A)⁻¹ (the Leontief form). It equals
  the sum over paths when there is no cycle and stays finite for cross-holdings. It is
  solved one strongly connected component at a time, nearest the entity first: the
  acyclic rest is one pass over plain floats, a small circular group a dense solve, and a
  big one (a registry's tangle of cross-holdings, tens of thousands of companies) a
  sparse one (``_solve_sparse``) — so the cost follows the links, never the square of a
  group's size.
* control — X controls Y when X alone, or together with the entities X controls, holds
  more than half of Y, or when an explicit control edge says so. Because control held
  through one company adds to the shares counted in the next, it is a fixpoint,
  computed per owner by propagating outwards from it.

The paths listed for each owner are searched on demand: see ``chain_paths``.
"""

from __future__ import annotations

import operator
import warnings
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping

import numpy as np
from scipy import sparse
from scipy.sparse import linalg as sparse_linalg

from db.core.progress import Cancelled

MAJORITY = 0.5
_EPSILON = 1e-12
DENSE_UP_TO = 300  # members; a bigger circular group is solved sparsely
_SERIES_TERMS = 2000  # terms of A·b, A²·b … summed before a Krylov solve takes over
_TAIL = 1e-15  # the series stops when what is left is below this share of the total


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
              components: list[list[str]] | None = None, *,
              dense_up_to: int = DENSE_UP_TO,
              cancelled: Callable[[], bool] | None = None) -> dict[str, tuple[float, ...]]:
    """Effective share (fraction) of every node in ``target``: walk sum of edge products.

    ``edges`` are (owner, owned, shares): one share per scenario (say the minimum and the
    maximum), all solved in the same pass; parallel edges add up. Nodes absent from the
    result have no walk to the target. A circular holding in which the walk sum
    diverges (say two companies each owning all of the other) gives ``inf`` there.
    ``components``: see ``refined``. A circular group of more than ``dense_up_to``
    members is solved sparsely; ``cancelled()`` is asked now and then during such a
    solve (raises ``Cancelled``).

    An owner outside any cycle is one multiply-add per holding over what it holds
    (value(o) = Σ share × ([owned is the target] + value(owned)), in plain floats); only
    a circular group is solved as a linear system (the Leontief inverse on the group).
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
            solved = _solve_component(sorted(nodes), held, value, target, width,
                                      dense_up_to, cancelled)
            for k, scenario in enumerate(value):
                scenario.update(zip(solved[0], solved[1][k], strict=True))
            continue
        holdings = held.get(node, ())
        if width == 2:  # minimum and maximum, as chains ask: one pass for both
            low_value, high_value = value
            low = high = 0.0
            for owned, (low_share, high_share) in holdings:
                if owned == target:
                    low += low_share * (1.0 + low_value[owned])
                    high += high_share * (1.0 + high_value[owned])
                else:
                    low += low_share * low_value[owned]
                    high += high_share * high_value[owned]
            low_value[node] = low
            high_value[node] = high
            continue
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
                     value: list[dict[str, float]], target: str, width: int,
                     dense_up_to: int, cancelled: Callable[[], bool] | None
                     ) -> tuple[list[str], list[list[float]]]:
    """Walk sums of the members of one circular group, given everything below it:
    (members, one list of values per scenario)."""
    index = {node: i for i, node in enumerate(nodes)}
    rhs = [[0.0] * len(nodes) for _ in range(width)]
    rows: list[int] = []
    columns: list[int] = []
    inner_shares: list[tuple[float, ...]] = []
    for node in nodes:
        i = index[node]
        for owned, shares in held.get(node, ()):
            if owned == target:
                for k in range(width):
                    rhs[k][i] += shares[k]
            j = index.get(owned)
            if j is not None:
                rows.append(i)
                columns.append(j)
                inner_shares.append(shares)
            else:
                for k in range(width):
                    rhs[k][i] += shares[k] * value[k][owned]
    size = len(nodes)
    weights = np.array(inner_shares, dtype=float).reshape(len(inner_shares), width)
    solved = []
    for k in range(width):
        if size <= dense_up_to:
            inner = np.zeros((size, size))
            inner[rows, columns] = weights[:, k]
            solution = _solve(inner, np.array(rhs[k]))
        else:
            inner_sparse = sparse.csr_matrix((weights[:, k], (rows, columns)),
                                             shape=(size, size))
            solution = _solve_sparse(inner_sparse, np.array(rhs[k]), cancelled)
        solved.append(solution.tolist())
    return nodes, solved


def _solve(inner: np.ndarray, rhs: np.ndarray) -> np.ndarray:
    """x = rhs + inner·x for one strongly connected component."""
    diverged = np.full(len(rhs), np.inf)
    if not np.all(np.isfinite(rhs)):
        return diverged
    try:
        solution = np.linalg.solve(np.eye(len(rhs)) - inner, rhs)
    except np.linalg.LinAlgError:
        return diverged
    return _checked(solution)


def _checked(solution: np.ndarray) -> np.ndarray:
    # A walk sum of non-negative terms is never negative: a negative solution means the
    # series diverges (spectral radius >= 1), i.e. the holdings add up to more than all.
    if np.any(solution < -_EPSILON) or not np.all(np.isfinite(solution)):
        return np.full(len(solution), np.inf)
    return np.maximum(solution, 0.0)


def _solve_sparse(inner: sparse.csr_matrix, rhs: np.ndarray,
                  cancelled: Callable[[], bool] | None) -> np.ndarray:
    """x = rhs + inner·x for a big strongly connected component, in O(links) per step.

    A direct sparse factorisation fills in catastrophically on the tangle a registry's
    cross-holdings make (a 33,800-company group: a minute in SuperLU). The walk sum
    itself is a series of non-negative terms, rhs + A·rhs + A²·rhs …, whose terms shrink
    by the spectral radius ρ of the group each step: summed until what is left (bounded
    by term·r/(1−r), r the largest recent ratio of terms) is below ``_TAIL`` of the
    total. Terms that stop shrinking over long stretches mean ρ >= 1: the walk sum
    diverges, as the dense solve's sign test says. A series too slow to finish goes to
    a Krylov solve.
    """
    diverged = np.full(len(rhs), np.inf)
    if not np.all(np.isfinite(rhs)):
        return diverged
    total = rhs.copy()
    term = rhs
    sizes = [float(term.max()) if len(term) else 0.0]
    for step in range(1, _SERIES_TERMS + 1):
        if sizes[-1] == 0.0:
            return total
        if cancelled is not None and step % 64 == 0 and cancelled():
            raise Cancelled()
        term = inner @ term
        total += term
        sizes.append(float(term.max()))
        if step >= 8:
            ratio = max(b / a for a, b in zip(sizes[-9:-1], sizes[-8:], strict=True))
            if ratio < 1.0 and sizes[-1] * ratio / (1.0 - ratio) <= _TAIL * float(total.max()):
                return total
        if step >= 256 and sizes[-1] >= sizes[-129] >= sizes[-257]:
            return diverged  # terms no longer shrinking over long stretches: ρ >= 1
    return _solve_krylov(inner, rhs, total)


def _solve_krylov(inner: sparse.csr_matrix, rhs: np.ndarray, start: np.ndarray) -> np.ndarray:
    """The slow-series fallback: LGMRES from the partial sum, checked by its residual;
    a direct solve when even that does not settle."""
    system = (sparse.identity(inner.shape[0], format="csr") - inner).tocsr()
    scale = 1.0 + float(np.abs(rhs).max())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        solution, info = sparse_linalg.lgmres(system, rhs, x0=start, rtol=1e-14, atol=0.0,
                                              maxiter=2000)
        if info != 0 or np.abs(system @ solution - rhs).max() > 1e-12 * scale:
            try:
                solution = sparse_linalg.spsolve(system.tocsc(), rhs)
            except (RuntimeError, ValueError):
                return np.full(len(rhs), np.inf)
    return _checked(np.asarray(solution, dtype=float))


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
    held_by, commands, starters = control_index(holdings, control_edges)
    return {owner: control_group(owner, held_by, commands) if owner in starters else set()
            for owner in owners}


def control_index(holdings: Iterable[tuple[str, str, float]],
                  control_edges: Iterable[tuple[str, str]]
                  ) -> tuple[dict[str, list[tuple[str, float]]], dict[str, set[str]], set[str]]:
    """(owner → its holdings with a share, controller → what it controls by a control
    link, the starters): see ``controlled_sets``."""
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
    return held_by, commands, starters


def control_group(owner: str, held_by: Mapping[str, list[tuple[str, float]]],
                  commands: Mapping[str, set[str]]) -> set[str]:
    """What ``owner`` controls: the fixpoint of majorities held by it and its group."""
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
    return group

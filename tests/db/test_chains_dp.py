"""The fast chain arithmetic gives exactly the answers of the plain definitions.

``walk_sums`` solves the acyclic part by one pass over a topological order, small
circular groups densely and big ones sparsely; ``ChainPaths`` searches an owner's paths
when asked; ``controlled_sets`` skips owners that cannot start a chain of control. Each
is checked on seeded random graphs (with cycles) against the definition: the dense
Leontief inverse, ``simple_paths`` per owner, the full per-owner control search.
"""

from __future__ import annotations

import random
from collections import defaultdict, deque

import networkx as nx
import numpy as np
import pytest

from db.analysis import control_chains
from db.analysis.chain_paths import ChainPaths, simple_paths
from db.analysis.shares import (
    MAJORITY,
    controlled_sets,
    strong_components,
    walk_sums,
)
from db.core.casefile import CaseFile
from db.core.commands import run
from db.services import entities as E
from db.services import links as L

# Service-level: each test runs on a case file and on a team case (PostgreSQL).
pytestmark = pytest.mark.backends("sqlite", "postgresql")

SEEDS = range(60)


def random_holdings(rng: random.Random, size: int, cyclic: bool
                    ) -> list[tuple[str, str, float]]:
    """(owner, owned, fraction) with at most 95% of any entity held, so walk sums converge."""
    nodes = [f"n{i}" for i in range(size)]
    room = dict.fromkeys(nodes, 0.95)
    edges = []
    for _ in range(rng.randint(size, 3 * size)):
        a, b = rng.sample(nodes, 2)
        if not cyclic and a < b:
            a, b = b, a  # owners have higher numbers: acyclic
        share = round(rng.uniform(0.0, room[b]), 3)
        room[b] -= share
        edges.append((a, b, share))
    if cyclic and rng.random() < 0.3:
        node = rng.choice(nodes)
        share = round(rng.uniform(0.0, room[node]), 3)
        edges.append((node, node, share))  # an entity holding its own shares
    return edges


def leontief(edges: list[tuple[str, str, tuple[float, ...]]], target: str, scenario: int
             ) -> dict[str, float]:
    """Entry (o, target) of A + A² + … = (I − A)⁻¹ − I over the whole graph, densely."""
    nodes = sorted({n for s, t, _ in edges for n in (s, t)} | {target})
    index = {n: i for i, n in enumerate(nodes)}
    matrix = np.zeros((len(nodes), len(nodes)))
    for source, owned, shares in edges:
        matrix[index[source], index[owned]] += shares[scenario]
    walks = np.linalg.inv(np.eye(len(nodes)) - matrix) - np.eye(len(nodes))
    return {n: float(walks[index[n], index[target]]) for n in nodes}


@pytest.mark.parametrize("cyclic", [False, True])
def test_walk_sums_equal_the_dense_leontief_inverse(cyclic):
    for seed in SEEDS:
        rng = random.Random(seed)
        holdings = random_holdings(rng, rng.randint(2, 14), cyclic)
        edges = [(s, t, (share, share * 1.05)) for s, t, share in holdings]  # sums stay < 1
        target = holdings[0][1]
        graph: dict[str, set[str]] = defaultdict(set)
        for source, owned, _ in edges:
            graph[source].add(owned)
            graph[owned]
        for components in (None, strong_components(graph, graph)):
            result = walk_sums(edges, target, components)
            for scenario in (0, 1):
                expected = leontief(edges, target, scenario)
                for node, value in expected.items():
                    got = result.get(node, (0.0, 0.0))[scenario]
                    assert got == pytest.approx(value, abs=1e-9), (seed, node, scenario)
                    assert (node in result) == (max(result.get(node, (0.0, 0.0))) > 0)


def test_walk_sums_acyclic_chain_exact_values():
    result = walk_sums([("P", "H", (0.5, 0.5)), ("H", "T", (0.6, 0.7)),
                        ("P", "T", (0.1, 0.1)), ("X", "P", (0.0, 0.0))], "T")
    assert result == {"H": (0.6, 0.7), "P": (0.5 * 0.6 + 0.1, 0.5 * 0.7 + 0.1)}


def test_walk_sums_diverging_cycle_is_infinite():
    edges = [("A", "B", (1.0,)), ("B", "A", (1.0,)), ("A", "T", (0.5,))]
    for dense_up_to in (300, 1):
        result = walk_sums(edges, "T", dense_up_to=dense_up_to)
        assert result == {"A": (float("inf"),), "B": (float("inf"),)}


def random_digraph(rng: random.Random) -> tuple[dict[str, list[str]], dict[str, int], str]:
    """successors (sorted nearest the target first), hops to the target, the target."""
    nodes = [f"n{i}" for i in range(rng.randint(2, 12))]
    edges = set()
    for _ in range(rng.randint(1, 3 * len(nodes))):
        a, b = rng.choice(nodes), rng.choice(nodes)
        edges.add((a, b) if rng.random() < 0.8 else (b, a))
    target = nodes[0]
    successors: dict[str, list[str]] = {n: [] for n in nodes}
    owners_of: dict[str, list[str]] = {n: [] for n in nodes}
    for a, b in edges:
        successors[a].append(b)
        owners_of[b].append(a)
    distance = {target: 0}
    queue = deque([target])
    while queue:
        node = queue.popleft()
        for owner in owners_of[node]:
            if owner not in distance:
                distance[owner] = distance[node] + 1
                queue.append(owner)
    for node in successors:
        successors[node].sort(key=lambda n: (distance.get(n, 0), n))
    return successors, distance, target


def test_chain_paths_list_what_simple_paths_finds_from_each_owner():
    compared = truncated = 0
    for seed in range(400):
        rng = random.Random(seed)
        successors, distance, target = random_digraph(rng)
        limit = rng.randint(1, 4)
        listing = ChainPaths({n: set(s) for n, s in successors.items()}, target, limit)
        for source in successors:
            if source == target or source not in distance:
                continue
            expected = simple_paths(successors, distance, source, target, limit)
            got = listing.listing(source)
            assert (got.paths, got.truncated, got.stopped) == (*expected, False), (seed, source)
            compared += 1
            truncated += expected[1]
    assert truncated > 100 and compared > 900  # the limit bites


def test_chain_paths_count_every_simple_path_where_no_cycle_is_below():
    counted = uncountable = 0
    for seed in range(200):
        successors, distance, target = random_digraph(random.Random(seed))
        listing = ChainPaths({n: set(s) for n, s in successors.items()}, target, 2)
        graph = nx.DiGraph([(a, b) for a, owned in successors.items() for b in owned
                            if a != target])  # paths stop at the target
        for source in successors:
            if source == target or source not in distance:
                continue
            below = (nx.descendants(graph, source) | {source}) & distance.keys()
            cyclic = any(len(c) > 1 for c in nx.strongly_connected_components(
                graph.subgraph(below - {target})))
            got = listing.listing(source)
            expected = sum(1 for _ in nx.all_simple_paths(graph, source, target))
            if cyclic and got.truncated:  # paths through a cycle are not counted
                assert got.count is None and got.more is None
                uncountable += 1
            else:  # counted below, or all found by the search
                assert got.count == expected, (seed, source)
                assert got.more == expected - len(got.paths)
                assert got.truncated == (got.more > 0)
                counted += 1
    assert counted > 150 and uncountable > 50


def test_a_search_past_its_deadline_is_partial_and_says_so():
    # A complete graph of 12 companies has billions of paths: the step budget is large.
    nodes = [f"c{i}" for i in range(12)]
    graph = {a: {b for b in nodes if b != a} | {"T"} for a in nodes} | {"T": set()}
    listing = ChainPaths(graph, "T", limit=10**6)
    stopped = listing.listing("c0", deadline=0.0)
    assert stopped.stopped and stopped.truncated and stopped.count is None
    assert listing.listed("c0") is None  # a partial answer is not remembered
    cancelled = listing.listing("c0", cancelled=lambda: True)
    assert cancelled.stopped


def test_a_long_chain_lists_one_path_per_owner_on_demand():
    hops = 3000
    graph = {f"n{i}": {f"n{i - 1}"} for i in range(1, hops + 1)} | {"n0": set()}
    listing = ChainPaths(graph, "n0", 10)
    top = listing.listing(f"n{hops}")
    assert top.paths == [[f"n{i}" for i in range(hops, -1, -1)]]
    assert (top.truncated, top.count, top.more, top.stopped) == (False, 1, 0, False)
    assert listing.listed("n1") is None  # nobody asked for the others


@pytest.mark.parametrize("cyclic", [False, True])
def test_walk_sums_solved_sparsely_equal_the_dense_leontief_inverse(cyclic):
    """Every circular group through the sparse series (``dense_up_to=1``)."""
    for seed in SEEDS:
        rng = random.Random(1000 + seed)
        holdings = random_holdings(rng, rng.randint(2, 40), cyclic)
        edges = [(s, t, (share, share * 1.05)) for s, t, share in holdings]
        target = holdings[0][1]
        result = walk_sums(edges, target, dense_up_to=1)
        for scenario in (0, 1):
            for node, value in leontief(edges, target, scenario).items():
                got = result.get(node, (0.0, 0.0))[scenario]
                assert got == pytest.approx(value, abs=1e-9), (seed, node, scenario)


def test_walk_sums_diverging_groups_are_infinite_both_ways():
    """Holdings adding up to more than all: dense and sparse solves agree on ``inf``."""
    diverging = 0
    for seed in SEEDS:
        rng = random.Random(2000 + seed)
        nodes = [f"n{i}" for i in range(rng.randint(2, 8))]
        edges = [(a, b, (rng.uniform(0.2, 1.0),)) for a in nodes for b in nodes
                 if a != b and rng.random() < 0.5]
        edges.append((nodes[0], "T", (0.5,)))
        dense = walk_sums(edges, "T")
        sparse = walk_sums(edges, "T", dense_up_to=1)
        assert dense.keys() == sparse.keys()
        for node, (value,) in dense.items():
            if value == float("inf"):
                assert sparse[node] == (float("inf"),), (seed, node)
                diverging += 1
            else:
                assert sparse[node][0] == pytest.approx(value, rel=1e-9, abs=1e-9)
    assert diverging > 20


def test_strong_components_match_networkx_and_come_nearest_first():
    for seed in range(100):
        successors, _, _ = random_digraph(random.Random(seed))
        components = strong_components(successors, successors)
        graph = nx.DiGraph([(a, b) for a, owned in successors.items() for b in owned])
        graph.add_nodes_from(successors)
        assert ({frozenset(c) for c in components}
                == {frozenset(c) for c in nx.strongly_connected_components(graph)})
        position = {n: i for i, c in enumerate(components) for n in c}
        for a, owned in successors.items():
            assert all(position[b] <= position[a] for b in owned)


def control_by_definition(holdings, control_edges, owners):
    """The per-owner control search with no shortcut."""
    held_by = defaultdict(list)
    for source, owned, share in holdings:
        if share > 0:
            held_by[source].append((owned, share))
    commands = defaultdict(set)
    for controller, controlled in control_edges:
        commands[controller].add(controlled)
    result = {}
    for owner in owners:
        group, held, queue = {owner}, defaultdict(float), [owner]
        while queue:
            member = queue.pop()
            newly = [o for o in commands.get(member, ()) if o not in group]
            for owned, share in held_by.get(member, ()):
                if owned not in group:
                    held[owned] += share
                    if held[owned] > MAJORITY + 1e-12:
                        newly.append(owned)
            for owned in newly:
                if owned not in group:
                    group.add(owned)
                    queue.append(owned)
        group.discard(owner)
        result[owner] = group
    return result


def test_controlled_sets_equal_the_full_search():
    some_control = 0
    for seed in SEEDS:
        rng = random.Random(seed)
        holdings = random_holdings(rng, rng.randint(2, 14), cyclic=True)
        nodes = sorted({n for s, t, _ in holdings for n in (s, t)})
        control_edges = [tuple(rng.sample(nodes, 2)) for _ in range(rng.randint(0, 2))]
        expected = control_by_definition(holdings, control_edges, nodes)
        assert controlled_sets(holdings, control_edges, nodes) == expected
        some_control += any(expected.values())
    assert some_control > 20


@pytest.fixture
def case(tmp_path):
    case = CaseFile.create(tmp_path / "dp.casefile", author="tester")
    yield case
    case.close()


def test_control_chains_on_a_random_case_match_the_definitions(case):
    rng = random.Random(11)
    holdings = random_holdings(rng, 12, cyclic=True)
    holdings = [(s, t, share) for s, t, share in holdings if s != t]  # no self-links
    ids: dict[str, str] = {}

    def operation(tx):
        for number in range(12):
            ids[f"n{number}"] = E.create_entity(tx, "Company", f"n{number}")
        for source, owned, share in holdings:
            L.create_link(tx, "Ownership", ids[source], ids[owned], share=share * 100)

    run(case, "build", operation)
    target = holdings[0][1]
    with case.session() as session:
        result = control_chains(session, ids[target])
    name = {v: k for k, v in ids.items()}
    edges = [(s, t, (share,)) for s, t, share in holdings]
    expected = leontief(edges, target, 0)
    successors, distance = _graph([(ids[s], ids[t]) for s, t, _ in holdings], ids[target])
    assert len(result.owners) == len(distance) - 1
    for owner in result.owners:
        assert owner.effective_share == pytest.approx(
            min(expected[name[owner.id]] * 100, 100.0), abs=1e-6)
        assert (owner.paths, owner.paths_truncated) == simple_paths(
            successors, distance, owner.id, ids[target], 10)


def _graph(pairs, target):
    """successors sorted nearest the target first (then by id), and hops to the target."""
    graph = nx.DiGraph(pairs)
    distance = dict(nx.single_target_shortest_path_length(graph, target))
    return ({n: sorted(graph.successors(n), key=lambda m: (distance.get(m, 0), m))
             for n in graph}, distance)


def test_links_between_lists_every_link_of_a_hop_in_step_order(case):
    ids = {}

    def operation(tx):
        for key in ("P", "H", "T"):
            ids[key] = E.create_entity(tx, "Company", key)
        ids["a"] = L.create_link(tx, "Ownership", ids["P"], ids["H"], share=30)
        ids["b"] = L.create_link(tx, "Ownership", ids["P"], ids["H"], share=25)
        ids["c"] = L.create_link(tx, "Control", ids["P"], ids["H"])
        ids["d"] = L.create_link(tx, "Ownership", ids["H"], ids["T"], share=100)

    run(case, "build", operation)
    with case.session() as session:
        result = control_chains(session, ids["T"])
    hop = result.links_between(ids["P"], ids["H"])
    assert [s.link_id for s in hop] == sorted([ids["a"], ids["b"], ids["c"]])
    assert [s.link_id for s in result.links_between(ids["H"], ids["T"])] == [ids["d"]]
    assert result.links_between(ids["H"], ids["P"]) == []
    p = {o.name: o for o in result.owners}["P"]
    # beside the stakes, the control link adds control but no share: 30% + 25% held
    assert (p.effective_share, p.controls, p.paths) == (55.0, True, [[ids["P"], ids["H"], ids["T"]]])
    del result.steps[ids["d"]]  # the index follows the steps
    assert result.links_between(ids["H"], ids["T"]) == []


def test_control_summary_answers_as_the_full_search():
    """Who controls the target and who is controlled, with the one-holding shortcut."""
    from db.analysis.control import control_summary

    shortcuts = 0
    for seed in SEEDS:
        rng = random.Random(3000 + seed)
        holdings = random_holdings(rng, rng.randint(2, 14), cyclic=rng.random() < 0.5)
        nodes = sorted({n for s, t, _ in holdings for n in (s, t)})
        # Chains of majorities ending in the target, so the shortcut is taken.
        for _ in range(rng.randint(0, 3)):
            top = f"m{rng.randint(0, 99)}"
            holdings.append((top, rng.choice(nodes), rng.choice([0.4, 0.6, 0.9])))
            nodes.append(top)
        nodes = sorted(set(nodes))
        control_edges = [tuple(rng.sample(nodes, 2)) for _ in range(rng.randint(0, 2))]
        target = holdings[0][1]
        graph = {n: set() for n in nodes}
        for source, owned, _ in holdings:
            graph[source].add(owned)
        for source, owned in control_edges:
            graph[source].add(owned)
        expected = control_by_definition(holdings, control_edges, nodes)
        controllers, controlled = control_summary(holdings, control_edges,
                                                  strong_components(graph, graph), target)
        assert controllers == {n for n, group in expected.items() if target in group}, seed
        assert controlled == set().union(*expected.values()), seed
        shortcuts += any(len(graph[n]) == 1 for n in nodes)
    assert shortcuts > 20


def test_control_along_a_long_chain_of_majorities():
    from db.analysis.control import control_summary

    hops = 5000
    holdings = [(f"n{i}", f"n{i - 1}", 0.6) for i in range(1, hops + 1)]
    graph = {f"n{i}": {f"n{i - 1}"} for i in range(1, hops + 1)} | {"n0": set()}
    controllers, controlled = control_summary(holdings, [], strong_components(graph, graph),
                                              "n0")
    assert controllers == set(graph) - {"n0"}
    assert controlled == set(graph) - {f"n{hops}"}


def test_chain_json_searches_paths_only_for_its_time(case):
    ids = {}

    def operation(tx):
        for key in ("P", "H", "T"):
            ids[key] = E.create_entity(tx, "Company", key)
        L.create_link(tx, "Ownership", ids["P"], ids["H"], share=60)
        L.create_link(tx, "Ownership", ids["H"], ids["T"], share=100)

    run(case, "build", operation)
    with case.session() as session:
        result = control_chains(session, ids["T"])
    out_of_time = result.to_json(paths_seconds=0.0)["owners"]
    assert [(o["paths"], o["paths_truncated"], o["paths_search_stopped"], o["paths_count"])
            for o in out_of_time] == [([], True, True, None)] * 2
    owners = {o["name"]: o for o in result.to_json()["owners"]}
    assert owners["P"]["paths"] == [[ids["P"], ids["H"], ids["T"]]]
    assert (owners["P"]["paths_count"], owners["P"]["paths_search_stopped"]) == (1, False)


def test_chain_load_searches_the_first_paths_and_stops_when_cancelled(case):
    from db.core.progress import Cancelled, Progress
    from db.reads.chain_load import load_chain, owner_paths

    ids = {}

    def operation(tx):
        for key in ("P", "A", "B", "T"):
            ids[key] = E.create_entity(tx, "Company", key)
        L.create_link(tx, "Ownership", ids["P"], ids["A"], share=60)
        L.create_link(tx, "Ownership", ids["P"], ids["B"], share=60)
        L.create_link(tx, "Ownership", ids["A"], ids["T"], share=30)
        L.create_link(tx, "Ownership", ids["B"], ids["T"], share=30)

    run(case, "build", operation)
    data = load_chain(case, ids["T"], None)
    p = next(o for o in data.result.owners if o.id == ids["P"])
    assert p.chain_paths.listed(p.id) is not None  # searched up front: a small chain
    listing = owner_paths(data, ids["P"])
    assert (len(listing.paths), listing.count, listing.truncated) == (2, 2, False)
    assert data.name(ids["T"]) == "T" and data.name("nobody") == "nobody"
    with pytest.raises(Cancelled):
        load_chain(case, ids["T"], None, Progress(is_cancelled=lambda: True))

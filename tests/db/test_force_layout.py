"""The force layout: the same graph and seed give the same picture; known nodes keep
their places when the graph grows (what the network pane relies on for refreshes and "as
of" moves)."""

from __future__ import annotations

import random

import pytest

from db.analysis.force_layout import force_positions


def ownership_graph(count: int, seed: int = 1) -> tuple[list[str], list[tuple[str, str]]]:
    """Layers of owners above companies, each owned by one or two of the layer above."""
    rng = random.Random(seed)
    nodes = [f"n{i}" for i in range(count)]
    width = 12
    edges = [(nodes[(i // width - 1) * width + rng.randrange(width)], nodes[i])
             for i in range(width, count) for _ in range(rng.choice((1, 2)))]
    return nodes, list(dict.fromkeys(edges))


def test_same_seed_same_positions_other_seed_other_positions():
    nodes, edges = ownership_graph(300)
    first = force_positions(nodes, edges, seed=3)
    assert force_positions(nodes, edges, seed=3) == first
    assert force_positions(list(nodes), list(edges), seed=3) == first  # fresh lists too
    other = force_positions(nodes, edges, seed=4)
    assert other != first and set(other) == set(first)


def test_known_nodes_keep_their_places_when_the_graph_grows():
    nodes, edges = ownership_graph(120)
    placed = force_positions(nodes, edges, seed=3)
    grown = nodes + ["new owner", "new company"]
    more = edges + [("new owner", "n5"), ("n5", "new company")]
    again = force_positions(grown, more, initial=placed, fixed=placed, seed=3)
    assert {n: again[n] for n in nodes} == placed
    x, y = placed["n5"]
    for new in ("new owner", "new company"):  # beside the neighbour they hang off
        assert again[new][0] == pytest.approx(x, abs=3) and again[new][1] == pytest.approx(y, abs=3)

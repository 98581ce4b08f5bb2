"""The layered layout puts owners above what they own, with exact layers (Qt-free)."""

from __future__ import annotations

from db.analysis.layered_layout import layered_positions, layers


def test_chain_layers_by_longest_path():
    # top → a → b → target, and top → target directly: target sits below b, not below top.
    edges = [("top", "a"), ("a", "b"), ("b", "target"), ("top", "target")]
    assert layers(["target", "b", "a", "top"], edges) == {
        "target": 3, "b": 2, "a": 1, "top": 0}


def test_two_owners_and_an_isolated_node():
    edges = [("p1", "kama"), ("renera", "kama"), ("p1", "renera")]
    assert layers(["kama", "renera", "p1", "alone"], edges) == {
        "kama": 2, "renera": 1, "p1": 0, "alone": 0}


def test_cycle_shares_a_layer_and_its_owner_is_above():
    edges = [("x", "y"), ("y", "x"), ("top", "x"), ("y", "z")]
    assert layers(["x", "y", "z", "top"], edges) == {"top": 0, "x": 1, "y": 1, "z": 2}


def test_unknown_nodes_and_self_loops_are_ignored():
    assert layers(["a", "b"], [("a", "b"), ("b", "b"), ("ghost", "a")]) == {"a": 0, "b": 1}


def test_positions_owners_above_and_rows_centred():
    edges = [("r", "k"), ("p", "k")]
    positions = layered_positions(["k", "r", "p", "loose"], edges, layer_gap=10,
                                  node_gap=4)
    assert positions["k"] == (0.0, 10.0)
    assert sorted([positions["r"], positions["p"]]) == [(-2.0, 0.0), (2.0, 0.0)]
    assert positions["loose"] == (0.0, 20.0)  # a row of its own below the chain


def test_barycentre_ordering_removes_a_crossing():
    # a owns c, b owns d; listing c, d in the wrong order must be untangled.
    edges = [("a", "d"), ("b", "c")]
    positions = layered_positions(["a", "b", "c", "d"], edges)
    assert positions["a"][1] == positions["b"][1] == 0.0
    assert positions["c"][1] == positions["d"][1] == 1.0
    assert (positions["a"][0] < positions["b"][0]) == (positions["d"][0] < positions["c"][0])


def test_empty():
    assert layers([], []) == {}
    assert layered_positions([], []) == {}


def test_bottom_alignment_puts_each_owner_just_above_what_it_owns():
    # Person → Rosatom → Kama and Renera → Kama: Renera sits right above Kama.
    edges = [("person", "rosatom"), ("rosatom", "kama"), ("renera", "kama")]
    nodes = ["kama", "rosatom", "renera", "person"]
    assert layers(nodes, edges) == {"person": 0, "rosatom": 1, "renera": 0, "kama": 2}
    assert layers(nodes, edges, align="bottom") == {
        "person": 0, "rosatom": 1, "renera": 1, "kama": 2}

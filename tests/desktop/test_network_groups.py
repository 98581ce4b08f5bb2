"""A whole case too big to draw entity by entity is drawn in groups: named, counted,
opened on demand, and an entity found by name is opened and centred."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    from bench.bench_entity_list import generate

    return generate(tmp_path_factory.mktemp("big") / "generated.casefile", 3_000, 6_000)


def test_big_whole_case_in_named_groups_opened_on_demand(make_window, qtbot, generated,
                                                         artifacts):
    window = make_window(generated, panes=("network", "entities"))
    pane = window.panes["network"]
    with qtbot.waitSignal(pane.sig_drawn, timeout=60000):
        pane.whole_case_action.trigger()
    clusters = pane.drawing.clusters
    assert clusters is not None and clusters.entity_count == 3_000
    groups = [n for n in pane.canvas.nodes if n.startswith("group:")]
    assert 5 <= len(groups) <= 400
    assert sum(clusters.groups[g].size for g in groups) == 3_000
    assert pane.banner.text().startswith("Whole case: 3,000 entities")
    window.grab().save(str(artifacts / "network_groups.png"))
    # Groups are named after their best-connected entity, with their size; the names
    # that fit are shown.
    shown = pane.canvas.label_layer.shown
    assert len(shown) >= min(len(groups), 8)
    assert set(shown) <= {pane.canvas.nodes[g].caption for g in groups}
    biggest = max(groups, key=lambda g: clusters.groups[g].size)
    # A double-click opens a group: its entities are drawn where it stood.
    point = pane.canvas.scene_point(biggest)
    viewport, left, none = pane.canvas.viewport(), Qt.MouseButton.LeftButton, \
        Qt.KeyboardModifier.NoModifier
    with qtbot.waitSignal(pane.sig_drawn, timeout=30000):
        # What a real double-click delivers: press, release, double-click, release.
        QTest.mouseClick(viewport, left, none, point)
        QTest.mouseDClick(viewport, left, none, point)
        QTest.mouseRelease(viewport, left, none, point)
    assert biggest not in pane.canvas.nodes
    members = clusters.groups[biggest].members
    assert set(members[:50]) <= set(pane.canvas.nodes)
    # Search-to-focus: an entity in a closed group is found, opened, selected, centred.
    closed = next(g for g in groups if g != biggest and clusters.groups[g].size > 3)
    target = clusters.groups[closed].members[0]
    name = pane.canvas.nodes[closed].caption
    pane.find.setText(name)
    with qtbot.waitSignal(pane.sig_drawn, timeout=30000):
        QTest.keyClick(pane.find, Qt.Key.Key_Return)
    assert pane.selected == [target] or pane.canvas.nodes[pane.selected[0]].caption == name
    assert pane.canvas.viewbox.viewRect().contains(pane.canvas.nodes[pane.selected[0]].pos())
    window.grab().save(str(artifacts / "network_groups_focus.png"))

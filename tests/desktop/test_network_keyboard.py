"""The network driven from the keyboard alone: Tab through the nodes (most connected
first), Enter selects, Shift+Enter opens, arrows and +/- move and zoom — and a screen
reader is told which node the keyboard is on."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.dialogs.keyboard_shortcuts import shortcut_rows
from desktop.panes.network.keyboard import KEYS

SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def pane(make_window, sample, qtbot):
    window = make_window(sample, panes=("network",), size=(1300, 850))
    pane = window.panes["network"]
    qtbot.waitUntil(lambda: len(pane.canvas.nodes) == 16, timeout=10_000)
    window.activateWindow()
    pane.canvas.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is pane.canvas)
    return pane


def test_tab_visits_every_node_most_connected_first_then_leaves(qtbot, pane, artifacts):
    canvas = pane.canvas
    graph = canvas.graph
    seen = []
    for _ in range(len(graph.ids)):
        qtbot.keyClick(canvas, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is canvas  # the keyboard stays in the picture
        seen.append(canvas.keys.current)
    assert seen == [graph.ids[row] for row in graph.rank]
    assert sorted(seen) == sorted(graph.ids)
    degrees = [int(graph.degree[graph.index[node]]) for node in seen]
    assert degrees == sorted(degrees, reverse=True)
    qtbot.keyClick(canvas, Qt.Key.Key_Tab)  # past the last node: on to the next widget
    assert canvas.keys.current is None and QApplication.focusWidget() is not canvas
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Tab)
    qtbot.keyClick(canvas, Qt.Key.Key_Tab)
    qtbot.keyClick(canvas, Qt.Key.Key_Backtab)
    assert canvas.keys.current == seen[0]
    assert canvas.accessibleDescription().startswith(canvas.nodes[seen[0]].caption)
    canvas.grab().save(str(artifacts / "network_keyboard_ring.png"))


def test_enter_selects_and_shift_enter_opens(qtbot, pane, sample):
    canvas, ids = pane.canvas, sample.ids
    canvas.keys.set_current(ids["kama"])
    qtbot.keyClick(canvas, Qt.Key.Key_Return)
    assert pane.selected == [ids["kama"]] and canvas.nodes[ids["kama"]].selected
    assert canvas.accessibleDescription() == "JSC Kama · selected"
    with qtbot.waitSignal(pane.sig_drawn, timeout=10_000):
        qtbot.keyClick(canvas, Qt.Key.Key_Return, SHIFT)  # open: its neighbours, as a
    assert ids["kama"] in pane.expanded  # double-click does
    assert canvas.keys.current == ids["kama"]  # still on it in the new drawing


def test_arrows_pan_and_plus_minus_zoom(qtbot, pane):
    canvas = pane.canvas
    before = canvas.viewbox.viewRect()
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    moved = canvas.viewbox.viewRect()
    assert moved.left() == pytest.approx(before.left() + before.width() * 0.1)
    assert moved.top() == pytest.approx(before.top())
    qtbot.keyClick(canvas, Qt.Key.Key_Down)
    assert canvas.viewbox.viewRect().top() == pytest.approx(before.top() + before.height() * 0.1)
    width = canvas.viewbox.viewRect().width()
    qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    assert canvas.viewbox.viewRect().width() == pytest.approx(width / 1.25)
    qtbot.keyClick(canvas, Qt.Key.Key_Minus)
    assert canvas.viewbox.viewRect().width() == pytest.approx(width)


def test_the_keys_are_listed_in_help(qapp):
    rows = shortcut_rows()
    for keys, what in KEYS:
        assert (f"Network: {what}", keys) in rows

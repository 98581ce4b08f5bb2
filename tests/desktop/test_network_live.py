"""The network and the timeline stay live: edits, undo/redo, the "as of" date and a theme
switch show at once, and what was placed stays where it was."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from db.services.entities import create_entity


@pytest.fixture
def window(make_window, sample, qtbot):
    window = make_window()
    QApplication.processEvents()  # the docks take their first-run sizes: the layout packs
    # the graph to the network dock's shape
    with qtbot.waitSignal(window.panes["network"].sig_drawn, timeout=10000):
        window.set_case(sample)  # the sample is small: it opens on the whole case
    return window


def test_whole_case_follows_new_entities_undo_and_redo(window, qtbot, sample):
    pane = window.panes["network"]
    context = window.context
    assert len(pane.canvas.nodes) == 16
    holder = {}
    with qtbot.waitSignal(pane.sig_drawn, timeout=5000):
        context.execute("New entity", lambda tx: holder.setdefault(
            "new", create_entity(tx, "Company", "Lonely Holding")))
    assert len(pane.canvas.nodes) == 17 and holder["new"] in pane.canvas.nodes
    with qtbot.waitSignal(pane.sig_drawn, timeout=5000):
        context.undo_stack.undo()
    assert len(pane.canvas.nodes) == 16 and holder["new"] not in pane.canvas.nodes
    with qtbot.waitSignal(pane.sig_drawn, timeout=5000):
        context.undo_stack.redo()
    assert holder["new"] in pane.canvas.nodes


def test_moving_the_as_of_date_keeps_everyone_in_place(window, qtbot, sample, artifacts):
    ids = sample.ids
    pane = window.panes["network"]
    before = {i: (n.pos().x(), n.pos().y()) for i, n in pane.canvas.nodes.items()}
    with qtbot.waitSignal(pane.sig_drawn, timeout=5000):
        window.context.set_as_of(date(2021, 6, 30))
    # Rosatom's control of Enertech is not in force yet: the link goes, nobody moves.
    assert ids["link:control"] not in pane.canvas.edges
    after = {i: (n.pos().x(), n.pos().y()) for i, n in pane.canvas.nodes.items()}
    assert after == {i: before[i] for i in after}
    with qtbot.waitSignal(pane.sig_drawn, timeout=5000):
        window.context.set_as_of(None)
    assert ids["link:control"] in pane.canvas.edges
    assert {i: (n.pos().x(), n.pos().y()) for i, n in pane.canvas.nodes.items()} == before


def test_every_name_shows_at_the_default_size_without_overlap(window, qtbot, sample,
                                                               artifacts):
    pane = window.panes["network"]
    QApplication.processEvents()
    pane.canvas.grab()
    layer = pane.canvas.label_layer
    pane.canvas.grab().save(str(artifacts / "network_default_size.png"))
    assert sorted(layer.shown) == sorted(n.caption for n in pane.canvas.nodes.values())
    boxes = layer.boxes
    assert not [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:] if a.intersects(b)]
    view = pane.canvas.viewport().rect()
    assert all(view.contains(box.toRect()) for box in boxes)


def _lightness(image, x: int, y: int) -> int:
    return QColor(image.pixel(x, y)).lightness()


def test_theme_switch_repaints_network_and_timeline_live(window, qtbot, sample, artifacts):
    from desktop.shell import settings
    from desktop.shell.theme import apply_theme

    app = QApplication.instance()
    palette, sheet, style = app.palette(), app.styleSheet(), app.style().name()
    pane, timeline = window.panes["network"], window.panes["timeline"]
    try:
        settings.THEME.set("dark")
        apply_theme(app)
        QApplication.processEvents()
        image = pane.canvas.grab().toImage()
        assert _lightness(image, 5, 5) < 60  # a dark background
        # Edges are drawn in the text colour: light on dark. Some pixels are much lighter
        # than the background (edges, names).
        light = sum(1 for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)
                    if _lightness(image, x, y) > 150)
        assert light > 200
        window.grab().save(str(artifacts / "network_dark.png"))
        plot = timeline.plot.grab().toImage()
        assert _lightness(plot, 5, 5) < 60
        settings.THEME.set("light")
        apply_theme(app)
        QApplication.processEvents()
        assert _lightness(pane.canvas.grab().toImage(), 5, 5) > 200
        assert _lightness(timeline.plot.grab().toImage(), 5, 5) > 200
    finally:
        settings.THEME.set("system")
        app.setPalette(palette)
        app.setStyleSheet(sheet)
        app.setStyle(style)


def test_zoomed_in_edges_carry_their_shares_and_arrows(window, qtbot, sample):
    ids = sample.ids
    pane = window.panes["network"]
    with qtbot.waitSignal(pane.sig_drawn, timeout=5000):
        window.coordinator.show_chain(ids["kama"])
    pane.canvas.centre_on(ids["kama"], zoom_to=900.0)
    pane.canvas.grab()
    shown = pane.canvas.label_layer.edge_labels_shown
    assert "owns · share unknown · 6.2 bn RUB · since 2022" in shown
    # Zoomed far out, edges give up their labels before names do.
    pane.canvas.viewbox.setRange(pane.canvas.graph_rect().adjusted(-2e5, -2e5, 2e5, 2e5),
                                 padding=0)
    pane.canvas.grab()
    assert pane.canvas.label_layer.edge_labels_shown == []
    assert "JSC Kama" in pane.canvas.label_layer.shown

"""The network canvas keeps a big graph's edges and nodes as a picture while the view only
pans: a pan draws nothing anew yet shows the nodes where they now are; a state change, a
zoom that rests or an export draws afresh."""

from __future__ import annotations

import re

import numpy as np
from PySide6.QtCore import QPoint, QRectF
from PySide6.QtGui import QColor

from desktop.panes.network.canvas import GraphCanvas
from desktop.panes.network.drawn import EdgeSpec, NodeSpec
from desktop.shell.icons import icon_path

RED = QColor("#c62828")


def big_canvas(qtbot, count: int = 1_200) -> GraphCanvas:
    """``count`` nodes on a grid, each linked to the next: enough to be cached."""
    canvas = GraphCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(900, 600)
    canvas.show()
    side = int(np.ceil(np.sqrt(count)))
    nodes = [NodeSpec(f"n{i}", f"Company {i}", "", icon_path("company"), RED,
                      (float(i % side) * 300.0, float(i // side) * 300.0))
             for i in range(count)]
    edges = [EdgeSpec(f"e{i}", f"n{i}", f"n{i + 1}", "owns", True, False)
             for i in range(count - 1)]
    canvas.set_graph(nodes, edges)
    canvas.viewbox.setRange(QRectF(0, 0, 3000, 2000), padding=0)
    return canvas


def colour_at(canvas: GraphCanvas, node_id: str) -> QColor:
    image = canvas.viewport().grab().toImage()
    point = canvas.scene_point(node_id)
    return image.pixelColor(point.x(), point.y())


def test_a_pan_moves_the_picture_and_draws_nothing_anew(qtbot):
    canvas = big_canvas(qtbot)
    layer = canvas.picture_layer
    assert colour_at(canvas, "n108") == RED
    rendered = layer.rendered
    assert rendered >= 1
    canvas.viewbox.setRange(QRectF(150, 150, 3000, 2000), padding=0)  # a small pan
    assert colour_at(canvas, "n108") == RED  # the node is drawn where it now is
    assert colour_at(canvas, "n36") == RED
    assert layer.rendered == rendered
    canvas.graph.nodes["n108"].set_state(selected=True)  # a selection: a ring over the
    image = canvas.viewport().grab().toImage()  # same picture, nothing drawn anew
    assert layer.rendered == rendered
    ring = canvas.scene_point("n108") - QPoint(0, int(canvas.node_layer.radius) + 6)  # top
    assert image.pixelColor(ring) == canvas.palette().highlight().color()
    canvas.graph.edges["e108"].set_state(highlighted=True)  # an edge mark: drawn afresh
    canvas.viewport().grab()
    assert layer.rendered == rendered + 1


def test_a_far_pan_or_a_rested_zoom_draws_afresh(qtbot):
    canvas = big_canvas(qtbot)
    layer = canvas.picture_layer
    canvas.viewport().grab()
    rendered = layer.rendered
    canvas.viewbox.setRange(QRectF(3000, 2000, 3000, 2000), padding=0)  # beyond the margin
    assert colour_at(canvas, "n365") == RED
    assert layer.rendered == rendered + 1
    canvas.viewbox.setRange(QRectF(3300, 2200, 2500, 1666), padding=0)  # a wheel step in
    canvas.viewport().grab()
    assert layer.scaled == 1 and layer.rendered == rendered + 1  # shown scaled at first
    qtbot.waitUntil(lambda: layer.rendered == rendered + 2, timeout=3000)  # then sharp


def test_an_export_draws_lines_not_the_picture(qtbot, tmp_path):
    canvas = big_canvas(qtbot)
    canvas.viewport().grab()
    path = tmp_path / "network.svg"
    assert canvas.export_svg(str(path))
    text = path.read_text()
    widths = [float(w) for w in re.findall(r'<image [^>]*width="([0-9.]+)"', text)]
    assert "<path" in text and widths and max(widths) < 50  # dots, not one big bitmap


def test_parallel_links_fan_out_to_both_sides():
    from desktop.panes.network.drawn import PARALLEL_BEND, _bends

    # a→b, a→b, b→a (the other way: its sideways push is mirrored), a→c alone
    bends = _bends(np.array([0, 0, 1, 0]), np.array([1, 1, 0, 2]))
    assert bends.tolist() == [-PARALLEL_BEND, 0.0, -PARALLEL_BEND, 0.0]

"""Benchmark: the network pane's drawing and layouts, each against a floor in the same run.

Frames: a graph of N nodes and 3N edges (clustered positions, as a layout gives them) is
set once on the pane's ``GraphCanvas`` (edges, nodes and labels as three batched layers)
and, separately, on a bare pyqtgraph ``ScatterPlotItem`` of the same points — the floor:
pyqtgraph's own fastest way to show the points alone, no edges or names. Each then paints
the same views offscreen, the widget grabbed to an image per frame, in three runs:
- pan: a drag across the fitted view and across a 4x zoom, 2% of the width a frame
  (the canvas moves its cached picture of edges and nodes; labels are placed afresh);
- zoom: wheel steps of 1.2x in, then out (the cached picture is shown scaled until the
  wheel rests — the "sharp" column is the redraw that follows, a cold frame);
- cold: fit, zoomed in 4x and 16x at three places, panned — each frame drawn from
  nothing (the cache dropped first): what a jump to a new view costs.
The median and worst frame times are printed with their ratio to the floor (its median
over the same views). 33 ms a frame is 30 frames per second. The fitted and a 4x view of
each size are saved to tests/artifacts/network_frames_<N>[_4x].png — look at them.

Layouts: ``db.analysis.force_layout.force_positions`` (rustworkx, by component) against
networkx ``spring_layout`` (same iterations) on the same ownership-like graphs, and the
layered layout against networkx ``topological_generations``.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_network.py [--sizes 1000 10000 50000]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402
import pyqtgraph as pg  # noqa: E402
from PySide6.QtCore import QRectF  # noqa: E402
from PySide6.QtGui import QColor  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from db.analysis.force_layout import force_positions  # noqa: E402
from db.analysis.layered_layout import layered_positions  # noqa: E402
from desktop.panes.network.canvas import GraphCanvas  # noqa: E402
from desktop.panes.network.drawn import EdgeSpec, NodeSpec  # noqa: E402
from desktop.shell.icons import icon_path  # noqa: E402

SIZE = (1200, 800)
ARTIFACTS = Path(__file__).resolve().parents[1] / "tests" / "artifacts"
COLOURS = ["#1565c0", "#c62828", "#2e7d32", "#6a1b9a", "#00838f"]


def clustered_graph(count: int, seed: int = 1):
    """Positions in clusters of ~50 (what a force layout of a case looks like) and 3 edges
    a node, mostly inside a cluster."""
    rng = np.random.default_rng(seed)
    clusters = max(1, count // 50)
    centres = rng.uniform(0, 220 * np.sqrt(count) * 1.5, size=(clusters, 2))
    member = rng.integers(0, clusters, size=count)
    pos = centres[member] + rng.normal(0, 220 * 3, size=(count, 2))
    order = np.argsort(member, kind="stable")
    edges = []
    for _ in range(3):
        near = np.clip(np.arange(count) + rng.integers(-25, 25, size=count), 0, count - 1)
        far = rng.integers(0, count, size=count)
        other = np.where(rng.random(count) < 0.9, order[near], far)
        edges += [(int(a), int(b)) for a, b in zip(order, other, strict=True) if a != b]
    return pos, edges


def views(rect: QRectF) -> list[QRectF]:
    """Fit, then zoomed in 4x and 16x at a few places, then panned across."""
    result = [rect]
    for zoom in (4, 16):
        for fx, fy in ((0.5, 0.5), (0.3, 0.6), (0.7, 0.4)):
            part = QRectF(0, 0, rect.width() / zoom, rect.height() / zoom)
            part.moveCenter(rect.topLeft() + QRectF(0, 0, rect.width() * fx,
                                                    rect.height() * fy).bottomRight())
            result.append(part)
    return result + panned(rect, 4, 0.05, 0.03)


def panned(rect: QRectF, steps: int, dx: float, dy: float) -> list[QRectF]:
    """``rect`` moved ``steps`` times by ``dx`` of its width and ``dy`` of its height."""
    return [rect.translated(rect.width() * dx * step, rect.height() * dy * step)
            for step in range(steps)]


def pan_views(rect: QRectF) -> list[QRectF]:
    """A drag across the fitted view, then across a 4x zoom: 2% of the width a frame."""
    result = []
    for zoom in (1, 4):
        part = QRectF(0, 0, rect.width() / zoom, rect.height() / zoom)
        part.moveCenter(rect.center())
        result += panned(part, 15, 0.02, 0.01)
    return result


def zoom_views(rect: QRectF) -> list[QRectF]:
    """Wheel steps of 1.2x towards a point off the centre, then back out."""
    result = []
    anchor = rect.topLeft() + QRectF(0, 0, rect.width() * 0.4,
                                     rect.height() * 0.55).bottomRight()
    factors = [1.2 ** k for k in range(10)] + [1.2 ** k for k in range(9, -1, -1)]
    for factor in factors:
        part = QRectF(0, 0, rect.width() / factor, rect.height() / factor)
        part.moveCenter(anchor)
        result.append(part)
    return result


def frame_times(app: QApplication, widget, box, rects: list[QRectF],
                before=lambda: None) -> list[float]:
    times = []
    for rect in rects:
        box.setRange(rect, padding=0)
        app.processEvents()
        before()
        start = time.perf_counter()
        widget.grab()
        times.append(time.perf_counter() - start)
    return times


def canvas_frames(app, pos, edges) -> tuple[float, dict[str, list[float]], QRectF, int]:
    canvas = GraphCanvas()
    canvas.resize(*SIZE)
    canvas.show()
    app.processEvents()
    icon = icon_path("company")
    nodes = [NodeSpec(f"n{i}", f"Company {i}", "", icon, QColor(COLOURS[i % len(COLOURS)]),
                      (float(x), float(y))) for i, (x, y) in enumerate(pos)]
    links = [EdgeSpec(f"e{k}", f"n{a}", f"n{b}", "owns · 50% · since 2022", k % 7 != 0,
                      k % 31 == 0) for k, (a, b) in enumerate(edges)]
    start = time.perf_counter()
    canvas.set_graph(nodes, links)
    canvas.fit()
    canvas.grab()
    first = time.perf_counter() - start
    rect = canvas.viewbox.viewRect()
    layer = canvas.picture_layer
    ARTIFACTS.mkdir(exist_ok=True)
    canvas.grab().save(str(ARTIFACTS / f"network_frames_{len(nodes)}.png"))
    canvas.viewbox.setRange(views(rect)[1], padding=0)
    app.processEvents()
    canvas.grab().save(str(ARTIFACTS / f"network_frames_{len(nodes)}_4x.png"))

    def cold() -> None:
        layer.forget()
        layer._last_paint = 0.0  # not part of an interaction: no scaled picture

    runs = {"pan": frame_times(app, canvas, canvas.viewbox, pan_views(rect)),
            "zoom": frame_times(app, canvas, canvas.viewbox, zoom_views(rect)),
            "cold": frame_times(app, canvas, canvas.viewbox, views(rect), cold)}
    scaled = layer.scaled
    canvas.close()
    return first, runs, rect, scaled


def scatter_frames(app, pos, rects: list[QRectF]) -> list[float]:
    view = pg.GraphicsView()
    box = pg.ViewBox(lockAspect=True, invertY=True)
    view.setCentralItem(box)
    view.resize(*SIZE)
    view.show()
    brushes = [pg.mkBrush(COLOURS[i % len(COLOURS)]) for i in range(len(pos))]
    box.addItem(pg.ScatterPlotItem(pos=pos, size=10, pxMode=True, pen=None, brush=brushes))
    app.processEvents()
    times = frame_times(app, view, box, rects)
    view.close()
    return times


def ownership_graph(count: int, seed: int = 1) -> tuple[list[str], list[tuple[str, str]]]:
    """Layers of owners above companies; each node owned by 1–2 nodes of the layer above."""
    rng = random.Random(seed)
    nodes = [f"n{i}" for i in range(count)]
    width = max(10, int(count ** 0.5) * 3)
    edges = []
    for i in range(width, count):
        layer_start = (i // width - 1) * width
        for _ in range(rng.choice((1, 2))):
            edges.append((nodes[layer_start + rng.randrange(width)], nodes[i]))
    return nodes, list(dict.fromkeys(edges))


def timed(function) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--layout-sizes", type=int, nargs="+", default=[500, 1000, 2000])
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    print(f"frames of a {SIZE[0]}x{SIZE[1]} view, offscreen: the pane's canvas vs a bare "
          "pg.ScatterPlotItem of the same points (the floor); median / worst ms, fps of "
          "the median")
    print(f"{'nodes':>7} {'edges':>7} | {'first':>6} | {'pan':>13} {'fps':>4} | "
          f"{'zoom':>13} {'fps':>4} | {'cold':>13} | {'floor':>5} | pan/floor cold/floor")
    for count in args.sizes:
        pos, edges = clustered_graph(count)
        first, runs, rect, _scaled = canvas_frames(app, pos, edges)
        floor = statistics.median(scatter_frames(app, pos, pan_views(rect) + zoom_views(rect)
                                                 + views(rect)))
        cells = []
        for name in ("pan", "zoom", "cold"):
            times = runs[name]
            median = statistics.median(times)
            cell = f"{median * 1000:>5.0f} /{max(times) * 1000:>5.0f}ms"
            cells.append(cell if name == "cold" else f"{cell} {1 / median:>4.0f}")
        print(f"{count:>7} {len(edges):>7} | {first * 1000:>4.0f}ms | {cells[0]} | {cells[1]} | "
              f"{cells[2]} | {floor * 1000:>3.0f}ms | "
              f"{statistics.median(runs['pan']) / floor:>9.1f} "
              f"{statistics.median(runs['cold']) / floor:>10.1f}")
    print()
    print(f"{'nodes':>7} {'edges':>7} | {'rustworkx':>9} {'networkx':>9} {'ratio':>6} | "
          f"{'layered':>8} {'generations':>11}")
    for count in args.layout_sizes:
        nodes, edges = ownership_graph(count)
        ours = timed(lambda n=nodes, e=edges: force_positions(n, e))
        graph = nx.Graph(edges)
        graph.add_nodes_from(nodes)
        theirs = timed(lambda g=graph: nx.spring_layout(g, iterations=50, seed=7))
        layered = timed(lambda n=nodes, e=edges: layered_positions(n, e))
        directed = nx.DiGraph(edges)
        directed.add_nodes_from(nodes)
        generations = timed(lambda g=directed: list(nx.topological_generations(g)))
        print(f"{count:>7} {len(edges):>7} | {ours * 1000:>7.0f}ms {theirs * 1000:>7.0f}ms "
              f"{ours / theirs:>6.2f} | {layered * 1000:>6.0f}ms {generations * 1000:>9.0f}ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: drawing and laying out the network pane's graphs, against baselines.

For graphs of N nodes (a random ownership-like graph, ~1.5 links per node) it times,
offscreen, in the same run:
  * draw — the pane's ``GraphCanvas`` (one item per node and edge, labels, arrows):
    set the data, fit, render to an image; baseline: a bare ``pg.GraphItem`` with the same
    positions and adjacency rendered to an image of the same size;
  * layered layout (``db.analysis.layered_layout.layered_positions``, with crossing
    reduction); baseline: networkx ``topological_generations`` (layers only, no order);
  * force layout (``force_layout.force_positions``) — absolute time, reported only.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_network.py [--sizes 1000 10000]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402
import pyqtgraph as pg  # noqa: E402
from PySide6.QtGui import QColor  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from db.analysis.force_layout import force_positions  # noqa: E402
from db.analysis.layered_layout import layered_positions  # noqa: E402
from desktop.panes.network.canvas import GraphCanvas  # noqa: E402
from desktop.shell.icons import icon_path  # noqa: E402

SIZE = (1200, 800)


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


def timed(function, repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def draw_canvas(app: QApplication, nodes, edges, positions,
                overview: bool) -> float:
    canvas = GraphCanvas()
    canvas.resize(*SIZE)
    canvas.show()
    app.processEvents()
    colour, icon = QColor("#1565c0"), icon_path("company")

    def run() -> None:
        canvas.clear_graph()
        if overview:
            canvas.set_overview([(n, colour, positions[n]) for n in nodes],
                                [(a, b, True, False) for a, b in edges])
        else:
            for node in nodes:
                canvas.add_node(node, f"Company {node}", "", icon, colour, positions[node])
            canvas.add_edges([(f"{a}>{b}", a, b, "owns · 50% · since 2022", True, False)
                              for a, b in edges])
        canvas.fit()
        canvas.grab().toImage()

    elapsed = timed(run)
    canvas.close()
    return elapsed


def draw_graph_item(app: QApplication, nodes, edges, positions) -> float:
    view = pg.GraphicsLayoutWidget()
    view.resize(*SIZE)
    view.show()
    box = view.addViewBox(lockAspect=True, invertY=True)
    item = pg.GraphItem()
    box.addItem(item)
    app.processEvents()
    index = {n: i for i, n in enumerate(nodes)}
    pos = np.array([positions[n] for n in nodes], dtype=float)
    adjacency = np.array([(index[a], index[b]) for a, b in edges], dtype=int)

    def run() -> None:
        item.setData(pos=pos, adj=adjacency, size=12, symbol="s", pxMode=True,
                     symbolBrush="#1565c0")
        box.autoRange()
        view.grab().toImage()

    elapsed = timed(run)
    view.close()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--force-sizes", type=int, nargs="+", default=[400, 1000, 2000])
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    print("draw = set data + fit + render a 1200x800 image offscreen; items: one item per\n"
          "node/edge with labels and arrows (the pane up to 500 nodes); overview: the\n"
          "pane's drawing above 500 nodes; baseline: a bare pg.GraphItem.")
    print(f"{'nodes':>7} {'edges':>7} | {'layered':>9} {'generations':>11} {'ratio':>6} | "
          f"{'items':>8} {'overview':>8} {'GraphItem':>9} {'items/base':>10} "
          f"{'overview/base':>13}")
    for count in args.sizes:
        nodes, edges = ownership_graph(count)
        layered = timed(lambda n=nodes, e=edges: layered_positions(
            n, e, layer_gap=230, node_gap=300))
        graph = nx.DiGraph(edges)
        graph.add_nodes_from(nodes)
        generations = timed(lambda g=graph: [
            (n, layer) for layer, gen in enumerate(nx.topological_generations(g)) for n in gen])
        positions = layered_positions(nodes, edges, layer_gap=230, node_gap=300)
        items = draw_canvas(app, nodes, edges, positions, overview=False)
        overview = draw_canvas(app, nodes, edges, positions, overview=True)
        baseline = draw_graph_item(app, nodes, edges, positions)
        print(f"{count:>7} {len(edges):>7} | {layered * 1000:>7.0f}ms {generations * 1000:>9.0f}ms "
              f"{layered / generations:>6.1f} | {items * 1000:>6.0f}ms {overview * 1000:>6.0f}ms "
              f"{baseline * 1000:>7.0f}ms {items / baseline:>10.1f} {overview / baseline:>13.1f}")
    print()
    print(f"{'nodes':>7} | force layout (networkx below 500 nodes, blocked numpy FR above)")
    for count in args.force_sizes:
        nodes, edges = ownership_graph(count)
        elapsed = timed(lambda n=nodes, e=edges: force_positions(n, e))
        print(f"{count:>7} | {elapsed * 1000:>8.0f}ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())

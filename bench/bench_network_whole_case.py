"""Benchmark: the network's whole-case view of a big case, drawn in groups.

For generated cases (the entity-list bench's generator: random companies, people and
links, ~2.5 links an entity) it times, offscreen, in the real main window with the network
pane: "Whole case" pressed → the groups drawn (clustering and group layout run in the
worker), and opening the biggest group; the baseline is the same two steps on a 1,000-
entity case, which is drawn entity by entity. Screenshots go to tests/artifacts/
(network_whole_case_<N>.png) — look at them.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_network_whole_case.py [--sizes 10000 100000]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from bench.bench_entity_list import _spin, generate  # noqa: E402
from desktop.shell.main_window import MainWindow  # noqa: E402

ARTIFACTS = ROOT / "tests" / "artifacts"


def measure(app: QApplication, case, name: str) -> tuple[float, float, int]:
    window = MainWindow(panes=None)
    window.resize(1500, 950)
    window.show()
    window.set_case(case)
    pane = window.panes["network"]
    drawn = []
    pane.sig_drawn.connect(lambda: drawn.append(time.perf_counter()))
    _spin(app, lambda: True)
    start = time.perf_counter()
    pane.whole_case_action.trigger()
    _spin(app, lambda: drawn, 600)
    whole = drawn[-1] - start
    window.grab().save(str(ARTIFACTS / f"network_whole_case_{name}.png"))
    groups = pane.drawing.clusters.groups if pane.drawing.clusters else {}
    opened = 0.0
    if groups:
        biggest = max(groups.values(), key=lambda g: g.size).id
        count = len(drawn)
        start = time.perf_counter()
        pane.expand(biggest)
        _spin(app, lambda: len(drawn) > count, 600)
        opened = drawn[-1] - start
        window.grab().save(str(ARTIFACTS / f"network_whole_case_{name}_opened.png"))
    window.set_case(None)
    window.close()
    return whole, opened, len(groups)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    ARTIFACTS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        base = generate(Path(folder) / "base.casefile", 1_000, 2_500)
        base_whole, _, _ = measure(app, base, "1000")
        print(f"{'entities':>9} {'links':>8} | {'whole case':>10} {'groups':>6} "
              f"{'open group':>10} | {'baseline 1k':>11} {'ratio':>6}")
        for size in args.sizes:
            started = time.monotonic()
            case = generate(Path(folder) / f"case{size}.casefile", size, int(size * 2.5))
            print(f"(generated {size:,} entities in {time.monotonic() - started:.0f} s)")
            whole, opened, groups = measure(app, case, str(size))
            print(f"{size:>9,} {int(size * 2.5):>8,} | {whole * 1000:>8.0f}ms {groups:>6} "
                  f"{opened * 1000:>8.0f}ms | {base_whole * 1000:>9.0f}ms "
                  f"{whole / base_whole:>6.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

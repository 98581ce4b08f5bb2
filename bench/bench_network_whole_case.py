"""Benchmark: the network's whole-case view of a big case, drawn in groups.

For generated cases (the entity-list bench's generator: random companies, people and
links, ~2.5 links an entity) it times, offscreen, in the real main window with the network
pane alone (so it fills the window): an entity selected, then "Whole case" pressed → the
groups drawn (clustering and group layout run in the worker), opening the biggest group,
and "Whole case" released → back to the selection's neighbourhood. For the two presses it
also prints how long the GUI thread did not answer (a 5 ms heartbeat: the GUI thread's
own CPU in its busiest gap / the longest gap, which adds what a loaded machine adds; the
goal is under 100 ms). The baseline is the whole case of a 1,000-entity case, drawn
entity by entity. Screenshots go to tests/artifacts/ (network_whole_case_<N>.png, …
_opened.png) — look at them.

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
from sqlalchemy import select  # noqa: E402

from bench.bench_entity_list import Heartbeat, _spin, generate  # noqa: E402
from db.models import Link  # noqa: E402
from db.reads.network_clusters import LOOSE  # noqa: E402
from desktop.panes import PANES  # noqa: E402
from desktop.shell.main_window import MainWindow  # noqa: E402

ARTIFACTS = ROOT / "tests" / "artifacts"


def measure(app: QApplication, case, name: str) -> dict[str, float]:
    window = MainWindow(panes=tuple(spec for spec in PANES if spec.name == "network"))
    window.resize(1500, 950)
    window.show()
    window.set_case(case)
    pane = window.panes["network"]
    drawn = []
    pane.sig_drawn.connect(lambda: drawn.append(time.perf_counter()))
    with case.session() as session:
        entity = session.scalars(select(Link.source_id).limit(1)).first()
    window.coordinator.entity_selected(entity)
    _spin(app, lambda: drawn, 600)
    heartbeat = Heartbeat()
    figures: dict[str, float] = {}

    def step(name: str, action) -> None:
        count = len(drawn)
        heartbeat.start()
        start = time.perf_counter()
        action()
        _spin(app, lambda: len(drawn) > count, 600)
        figures[name] = drawn[-1] - start
        busiest, longest = heartbeat.stop()
        figures[name + " cpu"], figures[name + " gap"] = busiest / 1000, longest / 1000

    step("whole", pane.whole_case_action.trigger)
    pane.grab().save(str(ARTIFACTS / f"network_whole_case_{name}.png"))
    groups = pane.drawing.clusters.groups if pane.drawing.clusters else {}
    figures["groups"] = len(groups)
    if groups:
        biggest = max((g for g in groups.values() if g.id != LOOSE), key=lambda g: g.size)
        step("open", lambda: pane.expand(biggest.id))
        pane.grab().save(str(ARTIFACTS / f"network_whole_case_{name}_opened.png"))
    step("back", pane.whole_case_action.trigger)
    window.set_case(None)
    window.close()
    return figures


def _block(got: dict[str, float], step: str) -> str:
    return f"{got[step + ' cpu'] * 1000:>4.0f}/{got[step + ' gap'] * 1000:>4.0f}ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    ARTIFACTS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        base = generate(Path(folder) / "base.casefile", 1_000, 2_500)
        base = measure(app, base, "1000")["whole"]
        print(f"{'entities':>9} {'links':>8} | {'whole case':>10} {'cpu/gap':>11} {'groups':>6} | "
              f"{'open group':>10} | {'back':>6} {'cpu/gap':>11} | {'baseline 1k':>11} "
              f"{'ratio':>6}")
        for size in args.sizes:
            started = time.monotonic()
            case = generate(Path(folder) / f"case{size}.casefile", size, int(size * 2.5))
            print(f"(generated {size:,} entities in {time.monotonic() - started:.0f} s)")
            got = measure(app, case, str(size))
            print(f"{size:>9,} {int(size * 2.5):>8,} | {got['whole'] * 1000:>8.0f}ms "
                  f"{_block(got, 'whole')} {got['groups']:>6.0f} | "
                  f"{got.get('open', 0) * 1000:>8.0f}ms | {got['back'] * 1000:>4.0f}ms "
                  f"{_block(got, 'back')} | {base * 1000:>9.0f}ms {got['whole'] / base:>6.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: opening a case to an interactive main window, 100k case vs an empty case.

Builds ``bench_entity_list.py``'s 100,000-entity / 250,000-link case plus ``--documents``
documents (bulk rows sharing one blob), and an empty case. In one offscreen process, with
one real main window (all panes), each round opens each case (``CaseFile.open`` +
``MainWindow.set_case``) and waits until the window is usable: every pane's background
load finished, the entity list and documents list hold their first page, and the window
painted once (``grab``). Printed: median and best wall time of each, their ratio (the goal
is 1.5x), and the longest GUI-thread block (a 5 ms heartbeat) during the large open.
``--profile`` prints the top of a cProfile of the GUI thread during one large open.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_open_window.py
        [--case big.casefile] [--documents 40000] [--rounds 3] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_entity_list import Heartbeat, _spin, generate  # noqa: E402

from db.core.casefile import CaseFile  # noqa: E402
from db.models import Document, new_id  # noqa: E402
from db.services import evidence  # noqa: E402

NOW = "2026-11-01T00:00:00+00:00"


def add_documents(case: CaseFile, count: int) -> None:
    data = b"generated document"
    sha = hashlib.sha256(data).hexdigest()
    rows = [{"id": new_id(), "title": f"Report {number:06d} on holdings",
             "published": f"{2000 + number % 25}-{1 + number % 12:02d}",
             "file_name": f"report-{number}.txt", "mime_type": "text/plain",
             "sha256": sha, "size": len(data), "text": "generated document",
             "created_at": NOW} for number in range(count)]
    with case.transaction("Generate documents") as tx:
        evidence.add_document(tx, "first.txt", data, text="generated document")  # the blob
        tx.bulk_insert(Document, rows)


def _ready(window) -> bool:
    from PySide6.QtCore import QThreadPool

    if QThreadPool.globalInstance().activeThreadCount():
        return False
    entities = window.panes.get("entities")
    if entities is not None and entities.list_model.busy:
        return False
    documents = window.panes.get("documents")
    if documents is not None and (getattr(documents.model, "busy", False)
                                  or getattr(documents, "opening", False)):
        return False
    claims = window.panes.get("claims")  # its first page comes a turn after its ids
    return claims is None or not getattr(claims, "busy", False)


def open_once(app, window, path: Path, beat: Heartbeat | None = None,
              profile: cProfile.Profile | None = None) -> tuple[float, float]:
    """(seconds to the first paint of the window on the case, seconds to every pane
    loaded and painted again)."""
    if beat:
        beat.start()
    started = time.perf_counter()
    if profile:
        profile.enable()
    case = CaseFile.open(path)
    window.set_case(case)
    window.grab()  # the first paint: the window answers, lists fill as their reads end
    painted = time.perf_counter() - started
    _spin(app, lambda: _ready(window), settle_s=0)
    window.grab()  # painted with everything loaded
    if profile:
        profile.disable()
    loaded = time.perf_counter() - started
    if beat:
        beat.stop()
    window.set_case(None)
    _spin(app, lambda: _ready(window), settle_s=0)
    return painted, loaded


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", type=Path, help="reuse (or keep) the large case here")
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--links", type=int, default=250_000)
    parser.add_argument("--documents", type=int, default=40_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from desktop.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        big = args.case or Path(folder) / "big.casefile"
        if not big.exists():
            started = time.monotonic()
            case = generate(big, args.entities, args.links)
            add_documents(case, args.documents)
            case.close()
            print(f"generated {args.entities} entities, {args.links} links, "
                  f"{args.documents} documents in {time.monotonic() - started:.0f} s")
        empty = Path(folder) / "empty.casefile"
        CaseFile.create(empty, name="Empty", author="bench").close()
        window = MainWindow()
        window.resize(1500, 950)
        window.show()
        _spin(app, lambda: True, settle_s=0)
        open_once(app, window, empty)  # warm imports and caches once
        beat = Heartbeat()  # the longest gap and the GUI thread's CPU in its busiest
        large, small, blocks = [], [], []
        for _ in range(args.rounds):
            small.append(open_once(app, window, empty))
            large.append(open_once(app, window, big, beat))
            blocks.append((beat.longest, beat.busiest))
        if args.profile:
            profile = cProfile.Profile()
            open_once(app, window, big, profile=profile)
            pstats.Stats(profile).sort_stats("cumulative").print_stats(35)
        window.close()
    for number, what in enumerate(("first paint", "all panes loaded")):
        empty_s = [times[number] for times in small]
        large_s = [times[number] for times in large]
        print(f"{what}: empty case median {statistics.median(empty_s) * 1000:.0f} ms "
              f"(best {min(empty_s) * 1000:.0f}), large case median "
              f"{statistics.median(large_s) * 1000:.0f} ms (best {min(large_s) * 1000:.0f}): "
              f"{statistics.median(large_s) / statistics.median(empty_s):.2f}x median, "
              f"{min(large_s) / min(empty_s):.2f}x best (goal 1.5x)")
    print("longest gap between 5 ms ticks opening the large case / the GUI thread's own "
          "CPU time in its busiest gap: "
          + ", ".join(f"{gap:.0f}/{busy:.0f}" for gap, busy in blocks) + " ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""How long the entities pane blocks the GUI thread on a 100,000-entity case.

Generates (``tests/generated_case.py``) a case of 100,000 entities and 250,000 links,
then, in an offscreen main window, does what a person does: open the case, scroll the
list to the bottom, type four filters and clear them, sort by links, click an entity,
double-click the most linked one to open its detail, click another and back, rename it,
Edit ▸ Undo, Edit ▸ Redo. For each step a 5 ms heartbeat records the GUI thread's own CPU
time in its busiest stretch between two ticks (the block the pane causes) and the longest
gap (wall time: on a loaded machine other processes add to it). The same steps on a
100-entity case, in the same run, give the baseline and the ratio.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_entity_list.py [--entities N]
        [--case big.casefile] [--all-panes] [--profile N] [--no-gc-freeze]

``--all-panes`` builds every pane (each follows the selection and the changes), not the
entities pane alone; ``--profile N`` prints, per step, the N functions the GUI thread
spent most CPU in (cProfile with a thread-CPU clock, so waiting costs nothing).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from db.core.casefile import CaseFile  # noqa: E402
from tests.generated_case import generate  # noqa: E402

BUDGET_MS = 100.0


class Heartbeat:
    """A 5 ms timer on the GUI thread: for each gap between its ticks, how long it was
    (wall) and how much CPU the GUI thread itself used in it (``time.thread_time``).

    The CPU figure is the block this pane causes; the wall figure adds what the scheduler
    of a loaded machine adds (other processes running while the GUI thread waits)."""

    def __init__(self) -> None:
        from PySide6.QtCore import QElapsedTimer, QTimer

        self.clock = QElapsedTimer()
        self.timer = QTimer(interval=5)
        self.timer.timeout.connect(self._tick)
        self.longest = self.busiest = 0.0
        self._last, self._cpu = 0, 0.0

    def _tick(self) -> None:
        now, cpu = self.clock.elapsed(), time.thread_time() * 1000
        self.longest = max(self.longest, now - self._last)
        self.busiest = max(self.busiest, cpu - self._cpu)
        self._last, self._cpu = now, cpu

    def start(self) -> None:
        self.longest = self.busiest = 0.0
        self.clock.start()
        self._last, self._cpu = 0, time.thread_time() * 1000
        self.timer.start()

    def stop(self) -> tuple[float, float]:
        """(the GUI thread's CPU in its busiest gap, the longest gap), in ms."""
        self._tick()
        self.timer.stop()
        return self.busiest, self.longest


def _spin(app, until, timeout_s: float = 120.0, settle_s: float = 0.4) -> None:
    """Run the event loop until ``until()`` holds, then ``settle_s`` more (what a step
    schedules for later — a deferred page, the status counts — belongs to the step)."""
    from PySide6.QtCore import QEventLoop

    deadline = time.monotonic() + timeout_s
    while not until():
        # Block until the next event (the 5 ms heartbeat guarantees one), no busy loop.
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        if time.monotonic() > deadline:
            raise TimeoutError("step did not finish")
    settled = time.monotonic() + settle_s
    while time.monotonic() < settled:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)


def _most_linked(case: CaseFile) -> str:
    from sqlalchemy import text

    return case.read(lambda session: session.scalar(text(
        "SELECT id FROM (SELECT source_id AS id FROM links UNION ALL "
        "SELECT target_id FROM links) GROUP BY id ORDER BY count(*) DESC LIMIT 1")))


class Steps:
    """Drives the main window as a person would and measures each step."""

    def __init__(self, case: CaseFile, panes: tuple[str, ...] | None, profile: bool):
        from PySide6.QtWidgets import QApplication

        from desktop.panes import PANES
        from desktop.shell.main_window import MainWindow

        self.app = QApplication.instance() or QApplication([])
        chosen = None if panes is None else tuple(s for s in PANES if s.name in panes)
        self.window = MainWindow(panes=chosen)
        self.window.resize(1400, 900)
        self.window.show()
        self.case = case
        self.pane = self.window.panes["entities"]
        self.beat = Heartbeat()
        self.results: dict[str, tuple[float, float]] = {}
        self.profiles: dict[str, object] = {}
        self.profile = profile

    def step(self, name: str, action, until=lambda: True, settle_s: float = 0.4) -> None:
        import cProfile

        profiler = cProfile.Profile(time.thread_time) if self.profile else None
        self.beat.start()
        if profiler:
            profiler.enable()  # this thread only: the GUI thread's own time
        action()
        _spin(self.app, until, settle_s=settle_s)
        if profiler:
            profiler.disable()
            self.profiles[name] = profiler
        self.results[name] = self.beat.stop()

    def idle(self) -> bool:
        model = self.pane.list_model
        return not model.busy and not self.pane.filter_pending and not getattr(
            self.pane, "loading", False)

    def run(self) -> dict[str, tuple[float, float]]:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        from db.services import entities as entity_service
        from desktop.panes.entities.model import COL_LINKS

        pane, window = self.pane, self.window
        view, model = pane.list_view, pane.list_model
        self.step("open case", lambda: window.set_case(self.case),
                  lambda: model.rowCount() > 0 and self.idle(), settle_s=0.6)

        def scroll() -> None:
            bar = view.verticalScrollBar()
            while model.canFetchMore() or bar.value() != bar.maximum():
                view.scrollToBottom()
                self.app.processEvents()

        self.step("scroll to bottom", scroll)
        for text in ("ka", "zenmir", "country:cy", "Holding", ""):
            self.step(f"filter {text!r}" if text else "filter cleared",
                      lambda text=text: pane.filter_edit.setText(text), self.idle,
                      settle_s=0.5)
        self.step("sort by links", lambda: view.sortByColumn(
            COL_LINKS, Qt.SortOrder.DescendingOrder), self.idle, settle_s=0.5)
        target = _most_linked(self.case)
        assert model.entity_id(0) == target, "sorting by links puts the most linked first"

        def click(row: int, double: bool = False) -> None:
            rect = view.visualRect(model.index(row, 0))
            point = rect.center()
            # QTest's double click reads as one only after a click on the same row
            QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
            if double:
                QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)

        detail = pane.detail
        self.step("select an entity", lambda: click(1), self.idle)
        self.step("open its detail (most linked)", lambda: click(0, double=True),
                  lambda: detail.entity_id == target and self.idle())
        other = model.entity_id(1)
        self.step("select another, detail open", lambda: click(1),
                  lambda: detail.entity_id == other and self.idle())
        self.step("back to the most linked", lambda: click(0),
                  lambda: detail.entity_id == target and self.idle())
        old = detail.title.text()
        context = window.context
        self.step("rename it", lambda: context.execute("Rename", lambda tx: (
            entity_service.edit_entity(tx, target, name=old + " renamed"))),
            lambda: detail.title.text() == old + " renamed" and self.idle())
        from desktop.shell.actions import ActionId

        self.step("undo", window.actions[ActionId.UNDO].trigger,
                  lambda: detail.title.text() == old and self.idle())
        self.step("redo", window.actions[ActionId.REDO].trigger,
                  lambda: detail.title.text() == old + " renamed" and self.idle())
        window.set_case(None)
        window.close()
        from PySide6.QtCore import QThreadPool

        QThreadPool.globalInstance().waitForDone()  # panes' reads still running
        self.app.processEvents()
        return self.results


def _print_profiles(profiles: dict[str, object], top: int) -> None:
    import pstats

    for name, profiler in profiles.items():
        print(f"\n== {name}: the GUI thread's CPU by function (cumulative) ==")
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(r"/(db|desktop)/", top)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--links", type=int, default=250_000)
    parser.add_argument("--case", type=Path, help="reuse (or keep) the large case here")
    parser.add_argument("--all-panes", action="store_true",
                        help="the whole main window (every pane follows the selection and "
                             "the changes), not the entities pane alone")
    parser.add_argument("--profile", type=int, metavar="N", default=0,
                        help="also profile each step on the large case (GUI thread's CPU) "
                             "and print its N costliest functions")
    parser.add_argument("--no-gc-freeze", action="store_true",
                        help="leave the collector as it is (the app gc.freeze()s after "
                             "start-up, desktop/shell/app.py)")
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    import desktop.shell.main_window  # noqa: F401 - import everything first, then freeze

    QApplication.instance() or QApplication([])
    if not args.no_gc_freeze:
        import gc

        gc.freeze()
    panes = None if args.all_panes else ("entities",)
    with tempfile.TemporaryDirectory() as folder:
        started = time.monotonic()
        if args.case and args.case.exists():
            big = CaseFile.open(args.case)
            print(f"reusing {args.case}")
        else:
            big = generate(args.case or Path(folder) / "big.casefile", args.entities,
                           args.links)
            print(f"generated {args.entities} entities, {args.links} links in "
                  f"{time.monotonic() - started:.1f} s")
        small = generate(Path(folder) / "small.casefile", 100, 250)
        baseline = Steps(small, panes, profile=False).run()
        large = Steps(big, panes, profile=bool(args.profile))
        measured = large.run()
    print(f"\n{'panes: every one' if args.all_panes else 'the entities pane'} in the main "
          f"window; GUI thread's CPU in its busiest stretch (longest wall gap); "
          f"budget {BUDGET_MS:.0f} ms")
    print(f"{'step':<34} {'100 entities':>16} {args.entities:>12,} entities  ratio")
    failed = False
    for step, (cpu, wall) in measured.items():
        base_cpu, base_wall = baseline[step]
        ok = cpu <= BUDGET_MS
        failed |= not ok
        print(f"{step:<34} {base_cpu:>5.0f} ({base_wall:>4.0f}) ms {cpu:>9.0f} ({wall:>4.0f}) ms"
              f"  {cpu / max(base_cpu, 1.0):>5.1f}x  {'ok' if ok else 'OVER'}")
    if args.profile:
        _print_profiles(large.profiles, args.profile)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

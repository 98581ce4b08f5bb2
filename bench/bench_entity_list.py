"""How long the entities pane blocks the GUI thread on a 100,000-entity case.

Generates a case of 100,000 entities and 250,000 links (Core bulk inserts through
``tx.bulk_insert``), then, in an offscreen QApplication, measures the longest single
stretch the GUI thread is busy while the EntitiesPane opens the case, scrolls its list
to the bottom (fetchMore as the view asks for rows) and applies filters. A 5 ms QTimer
heartbeat records the largest gap between its ticks; a gap is the time the event loop
could not run. The same steps on a 100-entity case give the baseline.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_entity_list.py [--entities N]
        [--case big.casefile] [--gc-freeze]

Finding (2026-11, this 2-core machine): every step's own work stays near 20–60 ms, but a
full garbage collection of the objects the imports create (PySide6, SQLAlchemy …)
takes 80–130 ms wherever it happens to land. ``gc.freeze()`` once the app has started
makes full collections skip them (``--gc-freeze`` shows the effect).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from db.core.casefile import CaseFile  # noqa: E402
from db.models import Claim, ClaimTarget, Entity, Link, new_id  # noqa: E402
from db.services import evidence  # noqa: E402

BUDGET_MS = 100.0
_SYLLABLES = ("ka", "ro", "me", "tra", "sol", "vin", "dor", "zen", "bal", "mir", "tek",
              "lum", "nor", "pax", "gal", "sev", "ur", "an", "os", "it")
_SUFFIXES = ("LLC", "JSC", "Ltd", "Holding", "Group", "GmbH", "AG", "SA", "Trust", "")
_COUNTRIES = ("ru", "kr", "tr", "cy", "ae", "gb", "de", "kz", "cn", "us")
_SCHEMATA = ("Company", "Company", "Company", "Person", "Organization", "LegalEntity",
             "Asset", "PublicBody")


def _name(rng: random.Random, schema: str) -> str:
    word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
    if schema == "Person":
        last = "".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize()
        return f"{word} {last}"
    suffix = rng.choice(_SUFFIXES)
    return f"{word} {suffix}".strip()


def generate(path: Path, entities: int, links: int, seed: int = 7) -> CaseFile:
    """A case of ``entities`` entities and ``links`` links, plus a few claims."""
    rng = random.Random(seed)
    case = CaseFile.create(path, name=f"Generated {entities}", author="bench")
    entity_rows = []
    for _ in range(entities):
        schema = rng.choice(_SCHEMATA)
        name = _name(rng, schema)
        props = {"name": [name], "country": [rng.choice(_COUNTRIES)]}
        if rng.random() < 0.3:
            props["alias"] = [_name(rng, schema)]
        if rng.random() < 0.5:
            props["registrationNumber"] = [str(rng.randrange(10**9, 10**10))]
        entity_rows.append({"id": new_id(), "schema": schema, "caption": name, "role": None,
                            "properties": props, "created_by": "bench",
                            "created_at": "2026-11-01T00:00:00+00:00",
                            "updated_at": "2026-11-01T00:00:00+00:00"})
    ids = [row["id"] for row in entity_rows]
    link_rows = []
    for _ in range(links):
        source, target = rng.sample(ids, 2)
        owned = rng.random() < 0.6
        share = round(rng.uniform(1, 100), 1) if owned and rng.random() < 0.7 else None
        link_rows.append({"id": new_id(), "schema": "Ownership" if owned else "UnknownLink",
                          "source_id": source, "target_id": target,
                          "start_date": str(rng.randint(1995, 2024)), "share_min": share,
                          "share_max": share, "properties": {}, "created_by": "bench",
                          "created_at": "2026-11-01T00:00:00+00:00"})
    with case.transaction("Generate bench case") as tx:
        tx.bulk_insert(Entity, entity_rows)
        tx.bulk_insert(Link, link_rows)
        source = evidence.create_source(tx, "Bench registry", reliability="B")
        document = evidence.add_document(tx, "registry.txt", b"x" * 2000, text="x" * 2000,
                                         source_id=source)
        claims, targets = [], []
        for number, link in enumerate(link_rows[:5000]):
            claim_id = new_id()
            claims.append({"id": claim_id, "document_id": document, "excerpt": "x" * 20,
                           "span_start": number % 1000, "span_end": number % 1000 + 20,
                           "statement": "", "credibility": 2, "status": "unverified",
                           "created_at": "2026-11-01T00:00:00+00:00"})
            targets.append({"id": new_id(), "claim_id": claim_id, "stance": "supports",
                            "link_id": link["id"]})
        tx.bulk_insert(Claim, claims)
        tx.bulk_insert(ClaimTarget, targets)
    return case


class Heartbeat:
    """Records the longest time between ticks of a 5 ms timer (the GUI thread's block)."""

    def __init__(self) -> None:
        from PySide6.QtCore import QElapsedTimer, QTimer

        self.clock = QElapsedTimer()
        self.timer = QTimer(interval=5)
        self.timer.timeout.connect(self._tick)
        self.longest = 0.0
        self._last = 0

    def _tick(self) -> None:
        now = self.clock.elapsed()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def start(self) -> None:
        self.longest = 0.0
        self.clock.start()
        self._last = 0
        self.timer.start()

    def stop(self) -> float:
        self._tick()
        self.timer.stop()
        return self.longest


def _spin(app, until, timeout_s: float = 120.0) -> None:
    deadline = time.monotonic() + timeout_s
    from PySide6.QtCore import QEventLoop

    while not until():
        # Block until the next event (the 5 ms heartbeat guarantees one), no busy loop.
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        if time.monotonic() > deadline:
            raise TimeoutError("step did not finish")


def measure(case: CaseFile) -> dict[str, float]:
    """Longest GUI-thread block (ms) for each step on ``case``."""
    from PySide6.QtWidgets import QApplication

    from desktop.panes.entities import EntitiesPane
    from desktop.shell.context import CaseContext

    app = QApplication.instance() or QApplication([])
    pane = EntitiesPane()
    pane.resize(900, 700)
    pane.show()
    context = CaseContext(case)
    beat = Heartbeat()
    results: dict[str, float] = {}
    view, model = pane.list_view, pane.list_model

    beat.start()
    stamp = time.monotonic()
    pane.set_context(context)
    _spin(app, lambda: model.rowCount() > 0 and not model.busy and time.monotonic() - stamp > 0.2)
    results["open case"] = beat.stop()

    beat.start()
    bar = view.verticalScrollBar()
    steps = 0
    while True:
        view.scrollToBottom()
        app.processEvents()
        if not model.canFetchMore() and bar.value() == bar.maximum():
            break
        steps += 1
    results[f"scroll to bottom ({model.rowCount()} rows, {steps} steps)"] = beat.stop()

    for text in ("ka", "zenmir", "country:cy", "Holding"):
        beat.start()
        stamp = time.monotonic()
        pane.filter_edit.setText(text)
        _spin(app, lambda stamp=stamp: not model.busy and not pane.filter_pending
              and time.monotonic() - stamp > 0.5)
        results[f"filter {text!r} ({model.rowCount()} rows)"] = beat.stop()
    pane.set_context(None)
    pane.close()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--links", type=int, default=250_000)
    parser.add_argument("--case", type=Path, help="reuse (or keep) the large case here")
    parser.add_argument("--gc-freeze", action="store_true",
                        help="gc.freeze() before measuring, as an app could after start-up: "
                             "full collections then skip the objects of the imports")
    args = parser.parse_args()
    if args.gc_freeze:
        import gc

        from PySide6.QtWidgets import QApplication

        import desktop.panes.entities  # noqa: F401 - import everything first, then freeze

        QApplication.instance() or QApplication([])
        gc.freeze()
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
        baseline = measure(small)
        measured = measure(big)
        print(f"{'step':<48} {'baseline':>9} {'large':>9}  budget {BUDGET_MS:.0f} ms"
              f"{'  (gc frozen)' if args.gc_freeze else ''}")
        failed = False
        for (step, large), base in zip(measured.items(), baseline.values(), strict=True):
            ok = large <= BUDGET_MS
            failed |= not ok
            print(f"{step:<48} {base:>7.0f}ms {large:>7.0f}ms  {'ok' if ok else 'OVER'}")
        big.close()
        small.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

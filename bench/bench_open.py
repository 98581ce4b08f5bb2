"""Benchmark: what opening a case costs as the file grows, against reading all of it.

Opening checks the header, compares the schema with our migrations' and takes the lock;
it no longer runs ``PRAGMA quick_check`` (which reads every page) — that is left to
``casefile check``. This builds a case with N MB of document bytes and prints, measured in
the same run on the same file: ``CaseFile.open`` + ``close``, the quick_check the open
used to run, and a bare ``sqlite3.connect`` + one query (the floor).

    .venv/bin/python bench/bench_open.py [--megabytes 200] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from db.core.casefile import CaseFile  # noqa: E402
from db.core.commands import run  # noqa: E402
from db.core.schema_guard import reference_schema  # noqa: E402
from db.core.seam import sqlite as sqlite_seam  # noqa: E402
from db.services import evidence  # noqa: E402


def build(path: Path, megabytes: int) -> None:
    case = CaseFile.create(path, name="Bench", author="bench")

    def fill(tx):
        for index in range(megabytes):
            evidence.add_document(tx, f"scan-{index}.bin", os.urandom(1 << 20),
                                  text=f"scan {index}", mime_type="application/octet-stream")

    run(case, "fill", fill)
    case.close()


def timed(function, runs: int) -> float:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.casefile"
        build(path, args.megabytes)
        reference_schema("0003")  # once per process, as in the app; timed apart below
        size = path.stat().st_size / 1e6

        def bare():
            connection = sqlite3.connect(path)
            connection.execute("SELECT count(*) FROM case_meta").fetchone()
            connection.close()

        open_s = timed(lambda: CaseFile.open(path).close(), args.runs)
        quick_s = timed(lambda: sqlite_seam.quick_check(path), args.runs)
        bare_s = timed(bare, args.runs)
        reference_schema.cache_clear()
        reference_s = timed(lambda: (reference_schema.cache_clear(), reference_schema("0003")),
                            args.runs)
    print(f"case file: {size:.0f} MB")
    print(f"open + close:                {open_s * 1000:8.1f} ms")
    print(f"quick_check (old open cost): {quick_s * 1000:8.1f} ms   "
          f"open is {quick_s / open_s:.1f}x cheaper than the quick_check alone")
    print(f"bare sqlite3 connect+query:  {bare_s * 1000:8.1f} ms   "
          f"open is {open_s / bare_s:.1f}x the floor")
    print(f"reference schema (once per process): {reference_s * 1000:.1f} ms")


if __name__ == "__main__":
    main()

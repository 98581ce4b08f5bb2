"""Benchmark: what verifiable bulk audit costs an FtM import, and how long ``check`` takes.

    .venv/bin/python bench/bench_custody.py [--count 1000000] [--keep DIR]

Generates ``--count`` FtM entities (as ``bench_import.py`` does) and, in the same run:

- *ids only*: the import with the audit as it was before (each bulk row's id, nothing a
  replay could verify the row's content against) — the baseline;
- *digests*: the import as it is (each row's id and a 64-bit digest of its columns);
- *check*: ``check_case`` of the imported case (replay + compare every row, re-hash,
  search index, custody), with the number of progress reports it made and the longest
  gap between two (how long Cancel may take to answer in the GUI).

Prints the times and the ratios digests / ids only and check / import.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_import import generate  # noqa: E402
from db.core import transaction  # noqa: E402
from db.core.casefile import CaseFile  # noqa: E402
from db.core.progress import Progress  # noqa: E402
from db.core.row_images import key_columns, table_of  # noqa: E402
from db.formats.batch import write_batch  # noqa: E402
from db.formats.ftm import read_ftm_bytes  # noqa: E402
from db.verify.check import check_case  # noqa: E402


def ids_only(table_name: str, rows: list[dict]) -> dict:
    """The audit image of a bulk insert before digests: ids alone."""
    keys = key_columns(table_of(table_name))
    return {"inserted": ["/".join(str(row[k]) for k in keys) for row in rows]}


AUDIT_SECONDS: list[float] = []  # time spent in Transaction.write_audit, per import
_write_audit = transaction.Transaction.write_audit


def _timed_write_audit(self, *args, **kwargs):
    start = time.perf_counter()
    try:
        return _write_audit(self, *args, **kwargs)
    finally:
        AUDIT_SECONDS[-1] += time.perf_counter() - start


transaction.Transaction.write_audit = _timed_write_audit


def timed_import(path: Path, data: bytes) -> float:
    AUDIT_SECONDS.append(0.0)
    case = CaseFile.create(path, name="Custody benchmark", author="bench")
    start = time.perf_counter()
    write_batch(case, read_ftm_bytes(data, "entities.ijson"))
    elapsed = time.perf_counter() - start
    case.engine.dispose()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="folder to keep the files in")
    parser.add_argument("--repeat", type=int, default=2, help="import pairs, alternated")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench_custody_"))
    folder.mkdir(parents=True, exist_ok=True)
    data = generate(args.count)

    real = transaction.bulk_image
    baselines, ours_runs = [], []
    for run in range(args.repeat):  # alternated, the best of each: the machine is noisy
        for path in (folder / "ids-only.casefile", folder / "digests.casefile"):
            path.unlink(missing_ok=True)
        transaction.bulk_image = ids_only
        try:
            baselines.append(timed_import(folder / "ids-only.casefile", data))
        finally:
            transaction.bulk_image = real
        ours_runs.append(timed_import(folder / "digests.casefile", data))
        print(f"run {run + 1}: ids only {baselines[-1]:.2f} s (audit {AUDIT_SECONDS[-2]:.2f} s),"
              f" digests {ours_runs[-1]:.2f} s (audit {AUDIT_SECONDS[-1]:.2f} s)")
    baseline, ours = min(baselines), min(ours_runs)

    reports: list[float] = []
    case = CaseFile.open(folder / "digests.casefile")
    start = time.perf_counter()
    report = check_case(case, Progress(lambda done, total, text: reports.append(
        time.perf_counter())))
    checked = time.perf_counter() - start
    marks = [start, *reports, start + checked]
    longest = max(later - earlier for earlier, later in zip(marks, marks[1:], strict=False))
    case.engine.dispose()
    assert report.ok, [str(f) for f in report.findings[:5]]

    n = args.count
    print(f"entities:                          {n:,}")
    print(f"import, audit of ids only (before): {baseline:8.2f} s  (best of {args.repeat})")
    print(f"import, audit with row digests:     {ours:8.2f} s  (best of {args.repeat})")
    print(f"ratio digests / ids only:           {ours / baseline:8.2f}x")
    print(f"check of the imported case:         {checked:8.2f} s  "
          f"({len(reports):,} progress reports, longest gap {longest:.2f} s: how long "
          f"Cancel may wait; ok={report.ok})")
    print(f"ratio check / import:               {checked / ours:8.2f}x")
    print(f"files in {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

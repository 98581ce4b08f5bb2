"""Benchmark: merging a colleague's case vs importing the same data (issue 18 asks for
merge within 1.5× of import).

    .venv/bin/python bench/bench_merge.py [--count 20000] [--overlap 0.5]

Generates ``--count`` FtM entities (Company/Person, name, country, registration number)
and as many Ownership links. In the same run:

- *import*: the FtM file into a fresh case (``db.formats.import_file``) — the baseline;
- *merge*: a case built by that same import, merged into another fresh case that already
  holds ``--overlap`` of the entities under other ids, spelt differently (so matching by
  registration number, blocking and fuzzy names all do real work): plan + apply, one
  transaction, as File ▸ Merge does.

Prints both times, the merge's ratio to the import, and what the merge matched.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from db.core.casefile import CaseFile  # noqa: E402
from db.formats import import_file  # noqa: E402
from db.services.merge import apply_merge, plan_merge  # noqa: E402


def generate(count: int, prefix: str = "e", share: float = 1.0, spelt=str) -> str:
    lines = []
    for number in range(int(count * share)):
        schema = "Person" if number % 3 == 0 else "Company"
        lines.append(json.dumps({
            "id": f"{prefix}{number:08d}", "schema": schema,
            "properties": {"name": [spelt(f"Entity number {number}")],
                           "country": ["ru" if number % 2 else "kr"],
                           "registrationNumber": [str(1_000_000 + number)]}}))
    if share == 1.0:
        for number in range(1, count):
            lines.append(json.dumps({
                "id": f"{prefix}l{number:08d}", "schema": "Ownership",
                "properties": {"owner": [f"{prefix}{number - 1:08d}"],
                               "asset": [f"{prefix}{number:08d}"], "percentage": ["51"]}}))
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--overlap", type=float, default=0.5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-merge-"))
    theirs_file = folder / "theirs.ijson"
    theirs_file.write_text(generate(args.count), encoding="utf-8")
    ours_file = folder / "ours.ijson"
    ours_file.write_text(generate(args.count, "o", args.overlap, str.upper), encoding="utf-8")

    baseline = CaseFile.create(folder / "baseline.casefile", author="bench")
    start = time.perf_counter()
    import_file(baseline, theirs_file, "ftm")
    imported = time.perf_counter() - start
    baseline.close()

    theirs = CaseFile.create(folder / "theirs.casefile", name="Theirs", author="colleague")
    import_file(theirs, theirs_file, "ftm")
    theirs.close()
    ours = CaseFile.create(folder / "ours.casefile", name="Ours", author="bench")
    import_file(ours, ours_file, "ftm")
    start = time.perf_counter()
    plan = plan_merge(ours, folder / "theirs.casefile")
    planned = time.perf_counter() - start
    command = apply_merge(ours, plan)
    command.do(ours)
    merged = time.perf_counter() - start
    ours.close()
    sure = sum(1 for m in plan.matches if m.category == "same")
    print(f"{args.count:,} entities + {args.count - 1:,} links; our case holds "
          f"{int(args.count * args.overlap):,} of them under other ids")
    print(f"import into a fresh case: {imported:6.2f} s (baseline)")
    print(f"merge (plan {planned:.2f} s + apply): {merged:6.2f} s = "
          f"{merged / imported:.2f}× the import")
    print(f"matched {len(plan.matches):,} ({sure:,} sure by registration number); added "
          f"{command.result.get('entities', 0):,} entities, "
          f"{command.result.get('links', 0):,} links")


if __name__ == "__main__":
    main()

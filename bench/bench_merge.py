"""Benchmark: merging a colleague's case vs importing the same data (issue 18 asks for
merge within 1.5× of import).

    .venv/bin/python bench/bench_merge.py [--count 20000] [--overlap 0.5]

Generates ``--count`` FtM entities (Company/Person, name, country, registration number)
and as many Ownership links. In the same run:

- *import*: the FtM file into a fresh case (``db.formats.import_file``, the streaming
  import) — the baseline; and the whole-file path (``read_ftm`` + ``write_batch``) beside it;
- *merge*: a case built by that same import, merged into another fresh case that already
  holds ``--overlap`` of the entities under other ids, spelt differently (so matching by
  registration number, blocking and fuzzy names all do real work): plan + apply, one
  transaction, as File ▸ Merge does.

Prints wall and CPU time (best of ``--rounds``; the machine is shared, so CPU time is the
steadier figure), the merge's ratio to the import, and what the merge matched.
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
from db.formats.batch import write_batch  # noqa: E402
from db.formats.ftm import read_ftm  # noqa: E402
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


def _timed(work) -> tuple[float, float, object]:
    """(wall, CPU, result): CPU time (user + system) is what an idle machine would see."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def one_round(folder: Path, theirs_file: Path, ours_file: Path, number: int) -> dict:
    baseline = CaseFile.create(folder / f"baseline{number}.casefile", author="bench")
    imported = _timed(lambda: import_file(baseline, theirs_file, "ftm"))
    baseline.close()
    whole_case = CaseFile.create(folder / f"whole{number}.casefile", author="bench")
    whole = _timed(lambda: write_batch(whole_case, read_ftm(theirs_file)))
    whole_case.close()
    ours = CaseFile.create(folder / f"ours{number}.casefile", name="Ours", author="bench")
    import_file(ours, ours_file, "ftm")
    planned = _timed(lambda: plan_merge(ours, folder / "theirs.casefile"))
    plan = planned[2]
    command = apply_merge(ours, plan)
    applied = _timed(lambda: command.do(ours))
    ours.close()
    return {"import": imported[:2], "whole import": whole[:2], "plan": planned[:2], "apply": applied[:2],
            "merge": (planned[0] + applied[0], planned[1] + applied[1]),
            "plan_obj": plan, "command": command}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--overlap", type=float, default=0.5)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-merge-"))
    theirs_file = folder / "theirs.ijson"
    theirs_file.write_text(generate(args.count), encoding="utf-8")
    ours_file = folder / "ours.ijson"
    ours_file.write_text(generate(args.count, "o", args.overlap, str.upper), encoding="utf-8")
    theirs = CaseFile.create(folder / "theirs.casefile", name="Theirs", author="colleague")
    import_file(theirs, theirs_file, "ftm")
    theirs.close()

    rounds = [one_round(folder, theirs_file, ours_file, n) for n in range(args.rounds)]
    best = {key: (min(r[key][0] for r in rounds), min(r[key][1] for r in rounds))
            for key in ("import", "whole import", "plan", "apply", "merge")}
    ratios = sorted(r["merge"][1] / r["import"][1] for r in rounds)
    plan, command = rounds[-1]["plan_obj"], rounds[-1]["command"]
    sure = sum(1 for m in plan.matches if m.category == "same")
    print(f"{args.count:,} entities + {args.count - 1:,} links; our case holds "
          f"{int(args.count * args.overlap):,} of them under other ids; best of {args.rounds}")
    for key in ("import", "whole import", "plan", "apply", "merge"):
        print(f"{key:12} wall {best[key][0]:6.2f} s  cpu {best[key][1]:6.2f} s")
    print(f"merge / import: cpu {best['merge'][1] / best['import'][1]:.2f}x (best of each), "
          f"wall {best['merge'][0] / best['import'][0]:.2f}x; per round cpu "
          + ", ".join(f"{r:.2f}x" for r in ratios))
    print(f"merge / whole-file import (read_ftm + write_batch, what the GUI preview uses): "
          f"cpu {best['merge'][1] / best['whole import'][1]:.2f}x")
    print(f"matched {len(plan.matches):,} ({sure:,} sure by registration number); added "
          f"{command.result.get('entities', 0):,} entities, "
          f"{command.result.get('links', 0):,} links")


if __name__ == "__main__":
    main()

"""Fuzz every importer with mutated real files; count what is not a clean refusal.

    PYTHONPATH=. .venv/bin/python scripts/fuzz_importers.py --inputs 100000 [--seed 1]

Each input is a mutation of a real file (tests/fuzzing.py says how), read by its
importer and, when the read succeeds, written to a scratch case and undone. The only
acceptable outcomes are "added" and "refused" (a ``FormatError``, case unchanged);
anything else is printed with its format, input number and exception, and counted.
Exit status 1 when any input was unexpected. The suite runs the same machinery with a
few dozen inputs per importer (tests/db/test_import_fuzz.py).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from db.core import CaseFile  # noqa: E402
from tests.fuzzing import Importers, import_or_refuse  # noqa: E402

FORMATS = ("ftm", "bods", "csv", "graphml")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=100_000, help="inputs in total")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--start", type=int, default=0,
                        help="number of the first input (to split a run over processes)")
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--show", type=int, default=5, help="tracebacks printed per place")
    args = parser.parse_args()
    formats = args.formats.split(",")
    importers = Importers()
    outcomes: Counter[tuple[str, str]] = Counter()
    places: Counter[str] = Counter()
    started = time.monotonic()
    scratch = "/dev/shm" if Path("/dev/shm").is_dir() else None  # no fsync cost per input
    with tempfile.TemporaryDirectory(dir=scratch) as folder:
        # the data folder (log, custody of each case's audit head) beside the scratch
        # cases: it is written at every commit
        os.environ["CASEFILE_DATA_HOME"] = str(Path(folder) / "data")
        case = None
        for number in range(args.start, args.start + args.inputs):
            if number % 250 == 0 or case is None:  # a fresh case now and then: digests stay cheap
                if case is not None:
                    case.engine.dispose()
                    for old in Path(folder).glob("fuzz*.casefile*"):
                        old.unlink()
                path = Path(folder) / f"fuzz{number}.casefile"
                case = CaseFile.create(path, name="Fuzz", author="fuzz")
            fmt = formats[number % len(formats)]
            rng = random.Random(f"{args.seed}:{number}")
            data, extra = importers.make(fmt, rng)

            def unexpected(error: BaseException, fmt: str = fmt, number: int = number) -> None:
                frame = traceback.extract_tb(error.__traceback__)[-1:] or [None]
                place = f"{type(error).__name__} at {frame[0].filename}:{frame[0].lineno}" \
                    if frame[0] else type(error).__name__
                places[place] += 1
                if places[place] <= args.show:
                    print(f"UNEXPECTED {fmt} input {number} (seed {args.seed}): "
                          f"{type(error).__name__}: {str(error)[:300]}")
                    traceback.print_exception(error, limit=-4, file=sys.stdout)

            outcome = import_or_refuse(case, fmt, data, extra, Path(folder), unexpected)
            outcomes[(fmt, outcome)] += 1
            if (number + 1 - args.start) % 5000 == 0:
                print(f"{number + 1 - args.start:,} inputs, {sum(places.values())} unexpected, "
                      f"{time.monotonic() - started:.0f} s", flush=True)
        case.engine.dispose()
    print(f"\n{args.inputs:,} inputs in {time.monotonic() - started:.0f} s")
    for fmt in formats:
        print(f"  {fmt:8} " + ", ".join(f"{what} {outcomes[(fmt, what)]:,}"
                                        for what in ("added", "refused", "unexpected")))
    print(f"unexpected exceptions: {sum(places.values())} at {len(places)} place(s)")
    for place, count in places.most_common():
        print(f"  {count:6} × {place}")
    return 1 if places else 0


if __name__ == "__main__":
    sys.exit(main())

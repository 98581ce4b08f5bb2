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

FORMATS = ("ftm", "bods", "csv", "graphml", "gexf")


class Session:
    """One run: the scratch cases, the outcomes, the places of unexpected exceptions."""

    def __init__(self, folder: Path, seed: int, show: int):
        self.folder, self.seed, self.show = folder, seed, show
        self.importers = Importers()
        self.outcomes: Counter[tuple[str, str]] = Counter()
        self.places: Counter[str] = Counter()
        self.case = None

    def fresh_case(self, number: int) -> None:
        if self.case is not None:
            self.case.engine.dispose()
            for old in self.folder.glob("fuzz*.casefile*"):
                old.unlink()
        self.case = CaseFile.create(self.folder / f"fuzz{number}.casefile", name="Fuzz",
                                    author="fuzz")

    def run(self, fmt: str, number: int) -> None:
        if number % 250 == 0 or self.case is None:  # a fresh case now and then: cheap digests
            self.fresh_case(number)
        data, extra = self.importers.make(fmt, random.Random(f"{self.seed}:{number}"))

        def unexpected(error: BaseException) -> None:
            frame = traceback.extract_tb(error.__traceback__)[-1:] or [None]
            place = f"{type(error).__name__} at {frame[0].filename}:{frame[0].lineno}" \
                if frame[0] else type(error).__name__
            self.places[place] += 1
            if self.places[place] <= self.show:
                print(f"UNEXPECTED {fmt} input {number} (seed {self.seed}): "
                      f"{type(error).__name__}: {str(error)[:300]}")
                traceback.print_exception(error, limit=-4, file=sys.stdout)

        outcome = import_or_refuse(self.case, fmt, data, extra, self.folder, unexpected)
        self.outcomes[(fmt, outcome)] += 1


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
    started = time.monotonic()
    done = 0
    scratch = "/dev/shm" if Path("/dev/shm").is_dir() else None  # no fsync cost per input
    with tempfile.TemporaryDirectory(dir=scratch) as folder:
        # the data folder (log, custody of each case's audit head) beside the scratch
        # cases: it is written at every commit
        os.environ["CASEFILE_DATA_HOME"] = str(Path(folder) / "data")
        session = Session(Path(folder), args.seed, args.show)
        try:
            for number in range(args.start, args.start + args.inputs):
                session.run(formats[number % len(formats)], number)
                done += 1
                if done % 1000 == 0:
                    print(f"{done:,} inputs, {sum(session.places.values())} unexpected, "
                          f"{time.monotonic() - started:.0f} s", flush=True)
        except KeyboardInterrupt:  # stopped early (Ctrl-C, SIGINT): report what ran
            print("interrupted", flush=True)
        if session.case is not None:
            session.case.engine.dispose()
    print(f"\n{done:,} inputs (numbers {args.start}–{args.start + done - 1}, seed {args.seed}) "
          f"in {time.monotonic() - started:.0f} s")
    for fmt in formats:
        print(f"  {fmt:8} " + ", ".join(f"{what} {session.outcomes[(fmt, what)]:,}"
                                        for what in ("added", "refused", "unexpected")))
    places = session.places
    print(f"unexpected exceptions: {sum(places.values())} at {len(places)} place(s)")
    for place, count in places.most_common():
        print(f"  {count:6} × {place}")
    return 1 if places else 0


if __name__ == "__main__":
    sys.exit(main())

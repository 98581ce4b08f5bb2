"""Benchmark: what parsing in a limited child process costs, per document.

Every document is read in a child (``db.extract.isolated``) so a hostile file cannot
hurt the app. This measures, in the same run, extracting the same files in-process
(``extract``, the baseline) and through the child (``extract_safely``): a one-page
text file, a 1-page and a 50-page PDF (word boxes included). Prints the ratio and the
fixed cost per file. Run: .venv/bin/python bench/bench_intake.py [--repeat N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    from db.extract import extract, extract_safely
    from tests.pdf_making import text_pdf

    line = "Renera is wholly owned by Rosatom State Corporation since 2021, per the registry."
    files = {
        "note.txt (1 KB)": ("note.txt", (line + "\n").encode() * 12),
        "1-page PDF": ("one.pdf", text_pdf([[line] * 30])),
        "50-page PDF": ("fifty.pdf", text_pdf([[line] * 30] * 50)),
    }
    print(f"{'file':<18} {'in-process':>11} {'isolated':>10} {'ratio':>6} {'overhead':>9}")
    for label, (name, data) in files.items():
        timings = []
        for function in (extract, extract_safely):
            best = float("inf")
            for _ in range(args.repeat):
                start = time.perf_counter()
                function(name, data)
                best = min(best, time.perf_counter() - start)
            timings.append(best)
        base, isolated = timings
        print(f"{label:<18} {base * 1000:>9.1f}ms {isolated * 1000:>8.1f}ms "
              f"{isolated / base:>5.1f}× {(isolated - base) * 1000:>7.1f}ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())

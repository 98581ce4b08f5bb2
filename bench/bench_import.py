"""Benchmark: FtM import throughput vs a raw ``sqlite3.executemany`` of the same rows.

    .venv/bin/python bench/bench_import.py [--count 1000000] [--keep DIR]

Generates ``--count`` FtM entities (Company/Person with name, country, registration
number), imports them into a fresh case through ``db.formats`` (parse, one transaction,
bulk inserts, FTS triggers, audit) and, in the same run, inserts the same rows with a
raw ``executemany`` into a plain table of a fresh SQLite file. Prints both times and the
ratio.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from db.casefile import CaseFile  # noqa: E402
from db.formats.batch import write_batch  # noqa: E402
from db.formats.ftm import read_ftm_bytes  # noqa: E402


def generate(count: int) -> bytes:
    lines = []
    for number in range(count):
        schema = "Person" if number % 3 == 0 else "Company"
        lines.append(json.dumps({
            "id": f"e{number:08d}", "schema": schema,
            "properties": {"name": [f"Entity number {number}"], "country": ["ru" if number % 2 else "kr"],
                           "registrationNumber": [str(1_000_000 + number)]}}))
    return ("\n".join(lines) + "\n").encode("utf-8")


def raw_executemany(rows: list[tuple], folder: Path) -> float:
    path = folder / "raw.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("CREATE TABLE entities (id TEXT PRIMARY KEY, schema TEXT, caption TEXT, "
                       "properties TEXT, origin TEXT, created_at TEXT)")
    start = time.perf_counter()
    with connection:
        connection.executemany("INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?)", rows)
    elapsed = time.perf_counter() - start
    connection.close()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="folder to keep the files in")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench_import_"))
    folder.mkdir(parents=True, exist_ok=True)
    data = generate(args.count)
    (folder / "entities.ijson").write_bytes(data)

    case = CaseFile.create(folder / "bench.casefile", name="Import benchmark", author="bench")
    start = time.perf_counter()
    batch = read_ftm_bytes(data, "entities.ijson")
    parsed = time.perf_counter() - start
    write_batch(case, batch)
    ours = time.perf_counter() - start
    case.close()

    rows = [(r["id"], r["schema"], r["caption"], json.dumps(r["properties"]), r["origin"],
             r["created_at"]) for r in batch.entities]
    raw = raw_executemany(rows, folder)
    # The raw baseline gets the rows already built; time building them from JSON too.
    start = time.perf_counter()
    rebuilt = [(o["id"], o["schema"], o["properties"]["name"][0], json.dumps(o["properties"]),
                "entities.ijson", "") for o in map(json.loads, data.splitlines())]
    raw_parse = time.perf_counter() - start
    del rebuilt
    print(f"entities:                         {args.count:,}")
    print(f"FtM import (parse + write):       {ours:8.2f} s  ({args.count / ours:,.0f}/s; "
          f"parse {parsed:.2f} s, write {ours - parsed:.2f} s)")
    print(f"raw sqlite3.executemany:          {raw:8.2f} s  ({args.count / raw:,.0f}/s)")
    print(f"raw json.loads + executemany:     {raw + raw_parse:8.2f} s")
    print(f"ratio import / executemany:       {ours / raw:8.1f}x")
    print(f"ratio import / (parse + execute): {ours / (raw + raw_parse):8.1f}x")
    print(f"files in {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

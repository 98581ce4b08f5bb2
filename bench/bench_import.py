"""Benchmark: FtM import throughput vs raw ``sqlite3.executemany`` of the same rows.

    .venv/bin/python bench/bench_import.py [--count 1000000] [--keep DIR]

Generates ``--count`` FtM entities (Company/Person with name, country, registration
number), imports them into a fresh case through ``db.formats`` (parse, one transaction,
bulk inserts, FTS index, audit, undo snapshot) and, in the same run, three baselines:

- *plain*: ``executemany`` of the rows into a plain 6-column table (no indexes);
- *fair*: ``executemany`` of the same 9-column rows into a table created from the
  case's own ``entities`` DDL and indexes, in a fresh SQLite file with the case's
  pragmas (WAL, foreign keys), one transaction — what a bare insert of these rows costs;
- *FTS*: ``executemany`` of the same searchable names into the case's FTS5 table, in a
  fresh file — the cost of "searchable afterwards" on its own;
- *parse*: ``json.loads`` of every line (garbage collector paused), the pure-Python
  floor for reading the file.

Prints the times and the import's ratio to each (and to parse + fair), and checks that
the imported entities are searchable and audited.
"""

from __future__ import annotations

import argparse
import gc
import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from db.core.casefile import CaseFile  # noqa: E402
from db.core.seam.sqlite_bulk import entity_names  # noqa: E402 - the same text the app indexes
from db.formats.batch import write_batch  # noqa: E402
from db.formats.ftm import read_ftm_bytes  # noqa: E402

COLUMNS = ("id", "schema", "caption", "role", "properties", "origin", "created_by",
           "created_at", "updated_at")


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
    """The plain baseline: 6 columns, primary key only, no secondary indexes."""
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


def fair_executemany(rows: list[tuple], case_path: Path, folder: Path) -> float:
    """The fair baseline: the case's ``entities`` table and indexes, the case's pragmas."""
    source = sqlite3.connect(case_path)
    ddl = [sql for (sql,) in source.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name = 'entities' "
        "AND type IN ('table', 'index') AND sql IS NOT NULL ORDER BY type DESC")]
    source.close()
    connection = sqlite3.connect(folder / "fair.sqlite")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA foreign_keys = ON")
    for sql in ddl:
        connection.execute(sql)
    connection.commit()
    start = time.perf_counter()
    with connection:
        connection.executemany(f"INSERT INTO entities ({', '.join(COLUMNS)}) "
                               f"VALUES ({', '.join('?' * len(COLUMNS))})", rows)
    elapsed = time.perf_counter() - start
    connection.close()
    return elapsed


def fts_executemany(names: list[tuple], case_path: Path, folder: Path) -> float:
    """The cost of the search guarantee alone: the same names into the case's FTS5 table."""
    source = sqlite3.connect(case_path)
    (ddl,) = source.execute("SELECT sql FROM sqlite_master WHERE name = 'entity_fts'").fetchone()
    source.close()
    connection = sqlite3.connect(folder / "fts.sqlite")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute(ddl)
    connection.commit()
    start = time.perf_counter()
    with connection:
        connection.executemany("INSERT INTO entity_fts(rowid, entity_id, names) "
                               "VALUES (?, ?, ?)", names)
    elapsed = time.perf_counter() - start
    connection.close()
    return elapsed


def parse_only(data: bytes) -> float:
    """The floor: decode, split, ``json.loads`` each line — with the garbage collector
    paused, as the importer pauses it (with it running this takes about 3x longer)."""
    gc.disable()
    start = time.perf_counter()
    parsed = [json.loads(line) for line in data.decode("utf-8").splitlines() if line]
    elapsed = time.perf_counter() - start
    gc.enable()
    del parsed
    return elapsed


def check(case_path: Path, count: int) -> str:
    connection = sqlite3.connect(case_path)
    stored = connection.execute("SELECT count(*) FROM entities").fetchone()[0]
    found = connection.execute("SELECT count(*) FROM entity_fts WHERE entity_fts MATCH "
                               "'\"number\"'").fetchone()[0]
    audit = connection.execute("SELECT count(*) FROM audit_log WHERE object_type = 'entities' "
                               "AND object_id = ?", (f"bulk:{count}",)).fetchone()[0]
    connection.close()
    assert stored == found == count, (stored, found, count)
    return f"{stored:,} stored, {found:,} found by full-text search, {audit} bulk audit row"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="folder to keep the files in")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench_import_"))
    folder.mkdir(parents=True, exist_ok=True)
    data = generate(args.count)
    (folder / "entities.ijson").write_bytes(data)

    case_path = folder / "bench.casefile"
    case = CaseFile.create(case_path, name="Import benchmark", author="bench")
    start = time.perf_counter()
    batch = read_ftm_bytes(data, "entities.ijson")
    parsed = time.perf_counter() - start
    write_batch(case, batch)
    ours = time.perf_counter() - start
    case.close()
    checked = check(case_path, args.count)

    rows = [tuple(json.dumps(r[c], ensure_ascii=False) if c == "properties" else r[c]
                  for c in COLUMNS) for r in batch.entities]
    names = [(number, r["id"], entity_names(r)) for number, r in enumerate(batch.entities, 1)]
    del batch
    fts = fts_executemany(names, case_path, folder)
    del names
    fair = fair_executemany(rows, case_path, folder)
    plain = raw_executemany([(r[0], r[1], r[2], r[4], r[5], r[7]) for r in rows], folder)
    del rows
    parse = parse_only(data)
    n = args.count
    print(f"entities:                              {n:,}")
    print(f"FtM import (parse + write):            {ours:8.2f} s  ({n / ours:,.0f}/s; "
          f"parse {parsed:.2f} s, write {ours - parsed:.2f} s)")
    print(f"plain executemany (6 cols, pk only):   {plain:8.2f} s  ({n / plain:,.0f}/s)")
    print(f"fair executemany (entities DDL+index): {fair:8.2f} s  ({n / fair:,.0f}/s)")
    print(f"FTS5 executemany of the same names:    {fts:8.2f} s")
    print(f"parse only (json.loads per line):      {parse:8.2f} s")
    print(f"ratio import / plain executemany:      {ours / plain:8.1f}x")
    print(f"ratio import / fair executemany:       {ours / fair:8.1f}x")
    print(f"ratio import / (parse + fair):         {ours / (parse + fair):8.1f}x")
    print(f"ratio import / (parse + fair + FTS):   {ours / (parse + fair + fts):8.1f}x")
    print(f"ratio write / fair executemany:        {(ours - parsed) / fair:8.1f}x")
    print(f"ratio write / (fair + FTS):            {(ours - parsed) / (fair + fts):8.1f}x")
    print(f"ratio parse / parse only:              {parsed / parse:8.1f}x")
    print(f"checks: {checked}")
    print(f"files in {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

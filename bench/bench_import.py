"""Benchmark: FtM import time and peak memory vs a raw ``sqlite3`` load of the same rows.

    .venv/bin/python bench/bench_import.py [--count 1000000] [--rounds 1] [--whole] [--keep DIR]

Generates ``--count`` FtM entities (Company/Person with name, country, registration
number) as JSON lines, then runs each of these in a fresh child process (so each peak
resident set size, ``ru_maxrss``, is its own), ``--rounds`` times, interleaved:

- *import*: ``db.formats.import_file`` into a fresh case — the streaming import (two
  passes over the file, chunked writes, FTS index, audit digests, undo rows spooled);
- *whole* (with ``--whole``): the whole-file path the GUI previews, ``read_ftm`` then
  ``write_batch`` — what the import did before it streamed;
- *raw load*: the baseline — read the file, ``json.loads`` each line into the 9-column
  row of ``entities`` (properties serialised), all rows in one list, then
  ``executemany`` into a table made from the case's own ``entities`` DDL and indexes,
  case pragmas (WAL), one transaction;
- *raw stream*: the same, the rows handed to ``executemany`` from a generator (never all
  in memory): the floor for memory.

Prints wall and CPU time (user + system, what an idle machine would see) and peak RSS of
each, best of the rounds, and the ratios import / raw load. The children's baseline RSS
(the interpreter with the app imported) is printed too.
"""

from __future__ import annotations

import argparse
import json
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

COLUMNS = ("id", "schema", "caption", "role", "properties", "origin", "created_by",
           "created_at", "updated_at")


def generate(count: int, path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for number in range(count):
            schema = "Person" if number % 3 == 0 else "Company"
            out.write(json.dumps({
                "id": f"e{number:08d}", "schema": schema,
                "properties": {"name": [f"Entity number {number}"],
                               "country": ["ru" if number % 2 else "kr"],
                               "registrationNumber": [str(1_000_000 + number)]}}) + "\n")


# -- the phases, each run in its own process ---------------------------------------------
def _import(source: Path, folder: Path) -> str:
    from db.core.casefile import CaseFile
    from db.formats import import_file

    case = CaseFile.create(folder / "import.casefile", name="Import benchmark", author="bench")
    result = import_file(case, source, "ftm")
    case.close()
    return _check(folder / "import.casefile", result.added["entities"])


def _whole(source: Path, folder: Path) -> str:
    from db.core.casefile import CaseFile
    from db.formats.batch import write_batch
    from db.formats.ftm import read_ftm

    case = CaseFile.create(folder / "whole.casefile", name="Import benchmark", author="bench")
    write_batch(case, read_ftm(source))
    case.close()
    return _check(folder / "whole.casefile", None)


def _rows(source: Path):
    now = "2026-12-07T00:00:00+00:00"
    with source.open("rb") as lines:
        for line in lines:
            item = json.loads(line)
            props = item["properties"]
            yield (item["id"], item["schema"], props["name"][0], None,
                   json.dumps(props, ensure_ascii=False), source.name, "bench", now, now)


def _raw(source: Path, folder: Path, streamed: bool) -> str:
    from db.core.casefile import CaseFile

    template = folder / "template.casefile"
    if not template.exists():
        CaseFile.create(template, name="DDL", author="bench").close()
    source_db = sqlite3.connect(template)
    ddl = [sql for (sql,) in source_db.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name = 'entities' "
        "AND type IN ('table', 'index') AND sql IS NOT NULL ORDER BY type DESC")]
    source_db.close()
    target = folder / f"raw-{'stream' if streamed else 'list'}.sqlite"
    target.unlink(missing_ok=True)
    connection = sqlite3.connect(target)
    connection.execute("PRAGMA journal_mode = WAL")
    for sql in ddl:
        connection.execute(sql)
    connection.commit()
    rows = _rows(source) if streamed else list(_rows(source))
    with connection:
        connection.executemany(f"INSERT INTO entities ({', '.join(COLUMNS)}) "
                               f"VALUES ({', '.join('?' * len(COLUMNS))})", rows)
    del rows
    (count,) = connection.execute("SELECT count(*) FROM entities").fetchone()
    connection.close()
    return f"{count:,} rows"


def _idle(_source: Path, _folder: Path) -> str:
    import db.formats.ftm_stream  # noqa: F401 - the app's modules, loaded as the import loads them

    return "interpreter with the app's modules"


def _check(case_path: Path, added: int | None) -> str:
    connection = sqlite3.connect(case_path)
    stored = connection.execute("SELECT count(*) FROM entities").fetchone()[0]
    found = connection.execute("SELECT count(*) FROM entity_fts WHERE entity_fts MATCH "
                               "'\"number\"'").fetchone()[0]
    audit = connection.execute("SELECT count(*) FROM audit_log WHERE object_type = 'entities' "
                               "AND object_id LIKE 'bulk:%'").fetchone()[0]
    connection.close()
    assert stored == found and (added is None or added == stored), (stored, found, added)
    return f"{stored:,} stored, {found:,} found by full-text search, {audit} bulk audit rows"


PHASES = {"import": _import, "whole": _whole, "raw-list": lambda s, f: _raw(s, f, False),
          "raw-stream": lambda s, f: _raw(s, f, True), "idle": _idle}


def run_phase(phase: str, source: Path, folder: Path) -> None:
    """In the child: run one phase and print its figures as JSON."""
    start, cpu = time.perf_counter(), time.process_time()
    note = PHASES[phase](source, folder)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"wall": time.perf_counter() - start, "cpu": time.process_time() - cpu,
                      "peak_mb": usage.ru_maxrss / 1024, "note": note}))


def measure(phase: str, source: Path, folder: Path) -> dict:
    output = subprocess.run([sys.executable, __file__, "--phase", phase, "--file", str(source),
                             "--keep", str(folder)], check=True, capture_output=True,
                            text=True, cwd=ROOT).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--whole", action="store_true", help="also the whole-file path")
    parser.add_argument("--keep", type=Path, help="folder to keep the files in")
    parser.add_argument("--phase", choices=PHASES, help=argparse.SUPPRESS)
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench_import_"))
    folder.mkdir(parents=True, exist_ok=True)
    if args.phase:
        run_phase(args.phase, args.file, folder)
        return 0
    source = folder / "entities.ijson"
    generate(args.count, source)
    phases = ["idle", "raw-list", "raw-stream", "import"] + (["whole"] if args.whole else [])
    best: dict[str, dict] = {}
    for _round in range(args.rounds):
        for phase in phases:
            (folder / f"{phase}.casefile").unlink(missing_ok=True)
            figures = measure(phase, source, folder)
            kept = best.setdefault(phase, figures)
            for key in ("wall", "cpu", "peak_mb"):
                kept[key] = min(kept[key], figures[key])
    size = source.stat().st_size / 1024 ** 2
    print(f"{args.count:,} FtM entities, {size:,.0f} MB of JSON lines; best of {args.rounds}")
    for phase in phases:
        f = best[phase]
        print(f"{phase:11} wall {f['wall']:7.2f} s  cpu {f['cpu']:7.2f} s  "
              f"peak {f['peak_mb']:7.0f} MB  ({f['note']})")
    raw, imported = best["raw-list"], best["import"]
    print(f"import / raw load:   peak {imported['peak_mb'] / raw['peak_mb']:.2f}x, "
          f"cpu {imported['cpu'] / raw['cpu']:.2f}x, wall {imported['wall'] / raw['wall']:.2f}x")
    print(f"import / raw stream: peak {imported['peak_mb'] / best['raw-stream']['peak_mb']:.2f}x")
    if args.whole:
        whole = best["whole"]
        print(f"whole-file path / raw load: peak {whole['peak_mb'] / raw['peak_mb']:.2f}x, "
              f"cpu {whole['cpu'] / raw['cpu']:.2f}x")
    print(f"files in {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

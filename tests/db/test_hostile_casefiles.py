"""A corpus of hostile case files, each with what must happen when it is opened.

Every file is either refused with one line (naming what is wrong) or opened safely; never
a traceback, a hang (an alarm fails the test), code from the file run, or a changed file:
its SHA-256 is the same afterwards and nothing (-wal, -shm, lock, backup) is left beside
it. Files are made from one small real case by raw SQLite, as an adversary would.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
from collections.abc import Callable
from pathlib import Path

import pytest

from db.core import migrate
from db.core.casefile import CaseFile, CaseFileError
from db.core.commands import run
from db.core.seam import sqlite as sqlite_seam
from db.reads import queries
from db.reads.search import search
from db.services import entities
from db.services import evidence as X
from tests.db.hostile_files import execute_sql

HOSTILE_NAMES = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
                 "Evil\u202egnp.exe", "=HYPERLINK(\"http://x\")", "\u200f\u202bRTL\u202c"]


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    """A small, closed, honest case: entities, a document with a claim."""
    path = tmp_path_factory.mktemp("base") / "base.casefile"
    case = CaseFile.create(path, name="Base", author="tester")

    def fill(tx):
        for index in range(120):
            entities.create_entity(tx, "Company", f"Company {index}")
        document = X.add_document(tx, "note.txt", b"Renera owns a stake in JSC Kama.")
        X.create_claim_for_excerpt(tx, document, "Renera owns a stake")

    run(case, "fill", fill)
    case.close()
    return path


@pytest.fixture(autouse=True)
def no_hang():
    """A hostile file that makes anything wait fails the test instead of the suite."""
    def hung(_signum, _frame):
        raise TimeoutError("hung on a hostile case file")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def _copy(base: Path, folder: Path, name: str = "hostile.casefile") -> Path:
    path = folder / name
    shutil.copyfile(base, path)
    return path


def _garble(path: Path, first_page: int, last_page: int | None = None) -> None:
    data = bytearray(path.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    end = len(data) if last_page is None else (last_page + 1) * size
    for offset in range(first_page * size + (100 if first_page == 0 else 0), end, 7):
        data[offset] = 0xA5
    path.write_bytes(bytes(data))


def _truncate(base: Path, folder: Path, keep: Callable[[int], int]) -> Path:
    path = _copy(base, folder)
    data = path.read_bytes()
    path.write_bytes(data[:keep(len(data))])
    return path


# -- the makers: each returns the hostile file ------------------------------------------------
def zero_bytes(base, folder):
    path = folder / "zero.casefile"
    path.write_bytes(b"")
    return path


def text_renamed(base, folder):
    path = folder / "notes.casefile"
    path.write_text("Meeting notes, not a case.\n" * 100)
    return path


def fake_header(base, folder):
    path = folder / "fake.casefile"
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(4000))
    return path


def header_only(base, folder):
    return _truncate(base, folder, lambda n: 60)


def one_page(base, folder):
    return _truncate(base, folder, lambda n: 4096)


def half(base, folder):
    return _truncate(base, folder, lambda n: n // 2)


def one_byte_short(base, folder):
    return _truncate(base, folder, lambda n: n - 1)


def garbled_schema_pages(base, folder):
    path = _copy(base, folder)
    _garble(path, 1)
    return path


def garbled_first_page(base, folder):
    path = _copy(base, folder)
    _garble(path, 0, 0)
    return path


def foreign_sqlite(base, folder):
    path = folder / "foreign.casefile"
    execute_sql(path, "CREATE TABLE t (x)", "INSERT INTO t VALUES (1)")
    return path


def _planted(name: str, *statements: str) -> Callable[[Path, Path], Path]:
    """A maker: a copy of the honest case with ``statements`` run on it by raw SQLite."""
    def make(base: Path, folder: Path) -> Path:
        path = _copy(base, folder)
        execute_sql(path, *statements)
        return path

    make.__name__ = name
    return make


wrong_application_id = _planted("wrong_application_id", "PRAGMA application_id = 1234")
newer_schema = _planted("newer_schema",
                        f"PRAGMA user_version = {migrate.SCHEMA_VERSION + 5}")
unknown_schema_zero = _planted("unknown_schema_zero", "PRAGMA user_version = 0")
planted_trigger = _planted(
    "planted_trigger",
    "CREATE TRIGGER wipe AFTER INSERT ON audit_log BEGIN DELETE FROM claims; END")
view_with_load_extension = _planted(
    "view_with_load_extension",
    "CREATE VIEW helper AS SELECT load_extension('/tmp/evil.so') AS x")
extra_table = _planted("extra_table", "CREATE TABLE notes (x TEXT)")
extra_index = _planted("extra_index", "CREATE INDEX ix_sneaky ON entities (updated_at)")
altered_table = _planted("altered_table", "ALTER TABLE sources ADD COLUMN remark TEXT")
generated_column = _planted(
    "generated_column",
    "ALTER TABLE sources ADD COLUMN g TEXT GENERATED ALWAYS AS (upper(name)) VIRTUAL")
replaced_trigger = _planted(
    "replaced_trigger", "DROP TRIGGER entities_fts_ai",
    "CREATE TRIGGER entities_fts_ai AFTER INSERT ON entities BEGIN DELETE FROM claims; END")
missing_index = _planted("missing_index", "DROP INDEX ix_entities_caption")
table_replaced_by_view = _planted(
    "table_replaced_by_view", "DROP TABLE node_positions",
    "CREATE VIEW node_positions AS SELECT load_extension('/tmp/evil.so') AS entity_id")
forged_revision = _planted("forged_revision",
                           "UPDATE alembic_version SET version_num = '9999'")
altered_fts_shadow = _planted(
    "altered_fts_shadow", "PRAGMA writable_schema = ON",
    "UPDATE sqlite_master SET sql = 'CREATE TABLE ''entity_fts_config''(k, v)' "
    "WHERE name = 'entity_fts_config'")
hundred_megabyte_field = _planted(
    "hundred_megabyte_field",
    "INSERT INTO case_meta(key, value) VALUES ('notes', hex(zeroblob(50000000)))")
corrupt_fts_shadow_rows = _planted(
    "corrupt_fts_shadow_rows",
    "UPDATE entity_fts_data SET block = x'" + "ff" * 40 + "' WHERE id > 1")


def older_schema_with_trigger(base, folder):
    path = folder / "old.casefile"
    engine = CaseFile._engine(path, create=True)
    with engine.begin() as connection:
        migrate.upgrade(connection, "0001")
        sqlite_seam.mark_case_file(connection, 1)
    engine.dispose()
    execute_sql(path, "CREATE TRIGGER wipe AFTER INSERT ON audit_log BEGIN DELETE FROM claims; END")
    return path


def wal_from_another_case(base, folder):
    """Another case's -wal (same schema, same page size), copied beside ours: SQLite
    itself would fold it in, its pages over ours."""
    other = CaseFile.create(folder / "other.casefile", name="Other", author="mallory")
    run(other, "fill", lambda tx: [entities.create_entity(tx, "Person", f"P {n}")
                                   for n in range(40)])
    raw = other.engine.raw_connection()
    raw.execute("PRAGMA wal_autocheckpoint = 0")  # keep its last write in the -wal:
    raw.execute("SELECT count(*) FROM entities").fetchall()  # an open reader keeps it
    ours = _copy(base, folder)
    run(other, "more", lambda tx: entities.create_entity(tx, "Person", "Last"))
    shutil.copyfile(folder / "other.casefile-wal", folder / "hostile.casefile-wal")
    raw.close()
    other.engine.dispose()
    for leftover in folder.glob("other.casefile*"):
        leftover.unlink()
    return ours


def garbage_wal(base, folder):
    path = _copy(base, folder)
    path.with_name(path.name + "-wal").write_bytes(os.urandom(10000))
    return path


def symlink_loop(base, folder):
    (folder / "a.casefile").symlink_to(folder / "b.casefile")
    (folder / "b.casefile").symlink_to(folder / "a.casefile")
    return folder / "a.casefile"


def dangling_symlink(base, folder):
    (folder / "gone.casefile").symlink_to(folder / "nowhere.casefile")
    return folder / "gone.casefile"


def symlink_to_device(base, folder):
    (folder / "zero.casefile").symlink_to("/dev/zero")
    return folder / "zero.casefile"


def fifo(base, folder):
    path = folder / "pipe.casefile"
    os.mkfifo(path)
    return path


def folder_named_like_a_case(base, folder):
    path = folder / "folder.casefile"
    path.mkdir()
    return path


# -- files that open safely ---------------------------------------------------------------------
def symlink_to_case(base, folder):
    target = _copy(base, folder, "real.casefile")
    (folder / "link.casefile").symlink_to(target)
    return folder / "link.casefile"


def hostile_names(base, folder):
    path = _copy(base, folder)
    case = CaseFile.open(path)
    run(case, "names", lambda tx: [entities.create_entity(tx, "Person", name)
                                   for name in HOSTILE_NAMES])
    case.close()
    return path


def dot_dot_file_names(base, folder):
    path = _copy(base, folder)
    case = CaseFile.open(path)
    run(case, "docs", lambda tx: [
        X.add_document(tx, name, f"text of {index}".encode())
        for index, name in enumerate(["../../../etc/passwd", "..\\..\\boot.ini",
                                      "/etc/shadow", "a/../../b.txt"])])
    case.close()
    return path


def garbled_data_pages(base, folder):
    """The last pages (rows, not schema) garbled: a cheap open cannot see it; a read does."""
    path = _copy(base, folder)
    _garble(path, 75, 99)  # past the schema (pages 1-65), over the entities' rows
    return path


REFUSED = [
    (zero_bytes, "is empty"),
    (text_renamed, "not an SQLite database"),
    (fake_header, "not a Case File Explorer case file"),
    (header_only, "not an SQLite database"),
    (one_page, "truncated"),
    (half, "truncated"),
    (one_byte_short, "truncated"),
    (garbled_schema_pages, "damaged"),
    (garbled_first_page, "damaged"),
    (foreign_sqlite, "not a Case File Explorer case file"),
    (wrong_application_id, "not a Case File Explorer case file"),
    (newer_schema, "newer version"),
    (unknown_schema_zero, "unknown schema version 0"),
    (planted_trigger, "trigger 'wipe'"),
    (view_with_load_extension, "view 'helper'"),
    (extra_table, "table 'notes'"),
    (extra_index, "index 'ix_sneaky'"),
    (altered_table, "table 'sources' was altered"),
    (generated_column, "table 'sources' was altered"),
    (replaced_trigger, "trigger 'entities_fts_ai' was altered"),
    (missing_index, "index 'ix_entities_caption' is missing"),
    (table_replaced_by_view, "view 'node_positions'"),
    (forged_revision, "records revision '9999'"),
    (altered_fts_shadow, "table 'entity_fts_config' was altered"),
    (older_schema_with_trigger, "trigger 'wipe'"),
    (wal_from_another_case, "does not belong to it"),
    (symlink_loop, "leads nowhere"),
    (dangling_symlink, "leads nowhere"),
    (symlink_to_device, "not a regular file"),
    (fifo, "not a regular file"),
    (folder_named_like_a_case, "is a folder"),
]


def _digest(path: Path) -> str | None:
    if not path.is_file() or path.stat().st_size > 0 and not os.access(path, os.R_OK):
        return None
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _state(folder: Path) -> dict[str, str | None]:
    return {p.name: _digest(p) if not p.is_symlink() else "link" for p in folder.iterdir()}


@pytest.mark.parametrize(("make", "message"), REFUSED, ids=[m.__name__ for m, _ in REFUSED])
def test_hostile_file_is_refused_in_one_line_and_left_as_it_was(tmp_path, base, make, message):
    path = make(base, tmp_path)
    before = _state(tmp_path)
    with pytest.raises(CaseFileError) as raised:
        CaseFile.open(path)
    text = str(raised.value)
    assert message in text
    assert "\n" not in text and "Traceback" not in text and len(text) < 300
    assert _state(tmp_path) == before  # same bytes, no -wal/-shm/lock/backup beside it


def _reads(case: CaseFile) -> None:
    case.meta()
    case.read(queries.counts)
    case.read(search, "Company")


OPENS = [symlink_to_case, hostile_names, dot_dot_file_names, hundred_megabyte_field,
         garbage_wal]


@pytest.mark.parametrize("make", OPENS, ids=[m.__name__ for m in OPENS])
def test_harmless_oddities_open_and_read_without_changing_the_file(tmp_path, base, make):
    path = make(base, tmp_path)
    before = {name: digest for name, digest in _state(tmp_path).items()
              if not name.endswith("-wal")}
    case = CaseFile.open(path)
    _reads(case)
    case.close()
    assert {name: digest for name, digest in _state(tmp_path).items()} == before


def test_hostile_names_come_back_exactly_as_stored(tmp_path, base):
    case = CaseFile.open(hostile_names(base, tmp_path))
    names = {hit.title for name in ("script", "Evil", "HYPERLINK", "RTL")
             for hit in case.read(search, name)}
    case.close()
    assert {"<script>alert(1)</script>", "Evil\u202egnp.exe"} <= names


DAMAGED_ON_READ = [corrupt_fts_shadow_rows, garbled_data_pages]


@pytest.mark.parametrize("make", DAMAGED_ON_READ, ids=[m.__name__ for m in DAMAGED_ON_READ])
def test_damage_the_cheap_open_cannot_see_is_one_line_when_read(tmp_path, base, make):
    path = make(base, tmp_path)
    before = _state(tmp_path)
    try:
        case = CaseFile.open(path)
    except CaseFileError as refused:  # the damage reached the schema: refused is fine too
        assert "damaged" in str(refused) and "\n" not in str(refused)
    else:
        with pytest.raises(CaseFileError, match="is damaged|could not be read") as raised:
            for query in ("Company", "Renera", "Kama", "Company 1*"):
                case.read(search, query)
            case.read(lambda session: [queries.counts(session)] + [
                queries.find_entities(session, f"Company {n}") for n in range(120)])
        assert "\n" not in str(raised.value)
        case.close()
    assert _state(tmp_path) == before


def test_corpus_is_large_enough():
    assert len(REFUSED) + len(OPENS) + len(DAMAGED_ON_READ) >= 30

"""Opening, creating and refusing case files; migrations with a backup."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from db.core import migrate
from db.core.casefile import CaseFile, CaseFileError
from db.core.commands import run
from db.core.seam import sqlite as sqlite_seam
from db.services import entities


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_case_is_marked_wal_and_has_foreign_keys(tmp_path):
    case = CaseFile.create(tmp_path / "a.casefile", name="Alpha", author="ann")
    with case.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA application_id").scalar() == \
            sqlite_seam.APPLICATION_ID
        assert connection.exec_driver_sql("PRAGMA user_version").scalar() == \
            migrate.SCHEMA_VERSION
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert case.meta()["name"] == "Alpha"
    assert case.meta()["author"] == "ann"
    case.close()
    assert not (tmp_path / "a.casefile-wal").exists() or \
        (tmp_path / "a.casefile-wal").stat().st_size == 0


def test_create_refuses_existing_file_and_wrong_suffix(tmp_path):
    existing = tmp_path / "x.casefile"
    existing.write_text("keep me")
    with pytest.raises(CaseFileError, match="already exists"):
        CaseFile.create(existing)
    assert existing.read_text() == "keep me"
    with pytest.raises(CaseFileError, match="must end in .casefile"):
        CaseFile.create(tmp_path / "x.sqlite")


def _text_file(tmp_path: Path) -> Path:
    path = tmp_path / "notes.casefile"
    path.write_text("This is a text file, not a case.\n" * 20)
    return path


def _foreign_sqlite(tmp_path: Path) -> Path:
    path = tmp_path / "foreign.casefile"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE t (x)")
    connection.execute("INSERT INTO t VALUES (1)")
    connection.commit()
    connection.close()
    return path


def _closed_case(tmp_path: Path, name: str) -> Path:
    case = CaseFile.create(tmp_path / name, name="Victim")
    run(case, "add", lambda tx: [entities.create_entity(tx, "Company", f"Company {i}")
                                 for i in range(300)])
    case.close()
    return tmp_path / name


def _truncated(tmp_path: Path) -> Path:
    path = _closed_case(tmp_path, "truncated.casefile")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _corrupt(tmp_path: Path) -> Path:
    path = _closed_case(tmp_path, "corrupt.casefile")
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    # Overwrite the middle pages (not the header) with garbage.
    for offset in range(page_size * 2, len(data) - page_size, 7):
        data[offset] = 0xA5
    path.write_bytes(bytes(data))
    return path


def _newer(tmp_path: Path) -> Path:
    path = _closed_case(tmp_path, "newer.casefile")
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {migrate.SCHEMA_VERSION + 5}")
    connection.commit()
    connection.close()
    return path


def _empty(tmp_path: Path) -> Path:
    path = tmp_path / "empty.casefile"
    path.write_bytes(b"")
    return path


@pytest.mark.parametrize(("make", "message"), [
    (_text_file, "not an SQLite database"),
    (_foreign_sqlite, "not a Case File Explorer case file"),
    (_truncated, "truncated"),
    (_corrupt, "damaged"),
    (_newer, "newer version"),
    (_empty, "empty"),
])
def test_bad_files_are_refused_unchanged(tmp_path, make, message):
    path = make(tmp_path)
    before = digest(path)
    siblings = set(tmp_path.iterdir())
    with pytest.raises(CaseFileError) as raised:
        CaseFile.open(path)
    text = str(raised.value)
    assert message in text
    assert "\n" not in text and "Traceback" not in text
    assert digest(path) == before
    assert set(tmp_path.iterdir()) == siblings  # no -wal, -shm or backup left behind


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(CaseFileError, match="no such file"):
        CaseFile.open(tmp_path / "nope.casefile")
    with pytest.raises(CaseFileError, match="folder"):
        CaseFile.open(tmp_path)


def _make_schema1_file(path: Path) -> None:
    """A case file as version 1 of the app wrote it (migrations up to 0001 only)."""
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        migrate.upgrade(connection, "0001")
        sqlite_seam.mark_case_file(connection, migrate.SCHEMA_VERSIONS["0001"])
        connection.exec_driver_sql(
            "INSERT INTO case_meta(key, value) VALUES ('name', 'Old case')")
        connection.exec_driver_sql(
            "INSERT INTO entities(id, schema, caption, properties, created_at, updated_at) "
            "VALUES ('e1', 'Company', 'Old Company', '{\"name\": [\"Old Company\"]}', "
            "'2025-01-01', '2025-01-01')")
    engine.dispose()


def test_older_case_is_backed_up_then_migrated(tmp_path):
    path = tmp_path / "old.casefile"
    _make_schema1_file(path)
    original = path.read_bytes()
    case = CaseFile.open(path)
    assert case.backup_path is not None and case.backup_path.exists()
    assert case.backup_path.read_bytes() == original
    assert "schema1-backup" in case.backup_path.name
    with case.engine.connect() as connection:
        assert migrate.current_revision(connection) == migrate.HEAD_REVISION
        assert connection.exec_driver_sql("PRAGMA user_version").scalar() == \
            migrate.SCHEMA_VERSION
        # The new table exists and old entities were indexed for search.
        assert connection.exec_driver_sql("SELECT count(*) FROM node_positions").scalar() == 0
        hits = connection.exec_driver_sql(
            "SELECT entity_id FROM entity_fts WHERE entity_fts MATCH 'old'").fetchall()
    assert hits == [("e1",)]
    assert case.name == "Old case"
    case.close()
    # Opening again does not back up again.
    again = CaseFile.open(path)
    assert again.backup_path is None
    again.close()


def test_backup_is_openable_as_a_case(tmp_path):
    path = tmp_path / "old.casefile"
    _make_schema1_file(path)
    case = CaseFile.open(path)
    backup = tmp_path / "copy-of-backup.casefile"
    shutil.copy2(case.backup_path, backup)
    case.close()
    reopened = CaseFile.open(backup)
    assert reopened.name == "Old case"
    reopened.close()


def test_migrated_schema_matches_models(tmp_path):
    """Alembic's migrations produce exactly the tables the models describe."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from db.models import Base

    case = CaseFile.create(tmp_path / "m.casefile")
    with case.engine.connect() as connection:
        context = MigrationContext.configure(connection)
        differences = [d for d in compare_metadata(context, Base.metadata)
                       if not (isinstance(d, tuple) and "fts" in str(d[1]))]
    # FTS5 virtual tables and their shadow tables belong to the SQLite seam, not the models.
    differences = [d for d in differences
                   if not (d[0] == "remove_table" and d[1].name.split("_")[0] in
                           ("document", "entity", "claim") and "fts" in d[1].name)]
    # documents.parent_id was added with ALTER TABLE (a table copy would drop the FTS
    # triggers); SQLAlchemy's reflection misses ON DELETE on such an inline REFERENCES,
    # so the same key shows as removed and added. SQLite itself has it right:
    with case.engine.connect() as connection:
        keys = connection.exec_driver_sql("PRAGMA foreign_key_list(documents)").fetchall()
    assert ("documents", "parent_id", "id", "SET NULL") in [(k[2], k[3], k[4], k[6])
                                                         for k in keys]
    differences = [d for d in differences if not (
        d[0] in ("remove_fk", "add_fk") and d[1].table.name == "documents"
        and [c.name for c in d[1].columns] == ["parent_id"])]
    assert differences == []
    case.close()


def test_schema2_case_gains_the_new_tables_and_keeps_search_and_rows(tmp_path):
    """An 0002 file (the first release) upgrades in place: rows, full-text triggers and the
    new columns' defaults all hold."""
    path = tmp_path / "v2.casefile"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        migrate.upgrade(connection, "0002")
        sqlite_seam.mark_case_file(connection, migrate.SCHEMA_VERSIONS["0002"])
        connection.exec_driver_sql(
            "INSERT INTO entities(id, schema, caption, properties, created_at, updated_at) "
            "VALUES ('e1', 'Company', 'Old Company', '{}', '2025-01-01', '2025-01-01')")
    engine.dispose()
    case = CaseFile.open(path)
    with case.engine.connect() as connection:
        assert connection.exec_driver_sql(
            "SELECT row_version FROM entities WHERE id = 'e1'").scalar() == 1
        tables = {r[0] for r in connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"origins", "signatures", "document_pages"} <= tables
        triggers = {r[0] for r in connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert "documents_fts_ai" in triggers
    from db.reads.search import search

    assert [h.title for h in case.read(search, "Old")] == ["Old Company"]
    case.close()

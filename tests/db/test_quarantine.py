"""The quarantine copy: every row of a refused case, none of its foreign objects."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from db.core.casefile import CaseFile, CaseFileError
from db.core.commands import run
from db.core.quarantine import quarantine_copy
from db.reads import documents, queries
from db.reads.search import search
from db.services import evidence as X
from db.verify.check import check_case
from tests.db.hostile_files import execute_sql

PLANTS = {
    "trigger": "CREATE TRIGGER wipe AFTER INSERT ON audit_log BEGIN DELETE FROM claims; END",
    "view": "CREATE VIEW helper AS SELECT load_extension('/tmp/evil.so') AS x",
    "table": "CREATE TABLE notes (x TEXT)",
    "index": "CREATE INDEX ix_sneaky ON entities (updated_at)",
}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def hostile(sample, tmp_path) -> tuple[Path, dict]:
    counts = sample.read(queries.counts)
    sample.close()
    path = tmp_path / "hostile.casefile"
    shutil.copyfile(sample.path, path)
    execute_sql(path, *PLANTS.values())
    return path, counts


def test_clean_copy_keeps_every_row_and_drops_what_we_never_made(hostile, tmp_path):
    path, counts = hostile
    before = digest(path)
    report = quarantine_copy(path, tmp_path / "clean.casefile", author="ann")
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clean.casefile", "hostile.casefile",
                                                         "sample.casefile"]
    assert len(report.left_out) == 4
    assert any("trigger 'wipe'" in line for line in report.left_out)
    assert report.rows_left_out == {}
    clean = CaseFile.open(tmp_path / "clean.casefile")
    assert clean.read(queries.counts) == counts
    assert [hit.title for hit in clean.read(search, "Enertech")][:1] == ["Enertech"]
    check = check_case(clean)
    assert check.ok, check  # audit chain intact, documents re-hash, excerpts in place
    assert clean.meta()["quarantined_from"] == "hostile.casefile"
    assert "trigger 'wipe'" in clean.meta()["quarantine_left_out"]
    clean.close()


def test_altered_table_keeps_the_columns_we_know(new_case, tmp_path):
    run(new_case, "add", lambda tx: X.create_source(tx, "Kommersant", reliability="B"))
    new_case.close()
    path = new_case.path
    execute_sql(path, "ALTER TABLE sources ADD COLUMN remark TEXT DEFAULT 'x'")
    report = quarantine_copy(path, tmp_path / "clean.casefile")
    assert report.left_out == ["its table 'sources' was altered"]
    assert report.rows_left_out == {}
    clean = CaseFile.open(tmp_path / "clean.casefile")
    assert [row[1] for row in clean.read(documents.sources)] == ["Kommersant"]
    clean.close()


def test_refusals_of_the_quarantine_itself(hostile, tmp_path):
    path, _ = hostile
    (tmp_path / "exists.casefile").write_text("keep")
    for target, message in [(tmp_path / "exists.casefile", "already exists"),
                            (tmp_path / "clean.sqlite", "must end in .casefile"),
                            (path, "already exists")]:
        with pytest.raises(CaseFileError, match=message):
            quarantine_copy(path, target)
    notes = tmp_path / "notes.casefile"
    notes.write_text("not a case")
    with pytest.raises(CaseFileError, match="not an SQLite database"):
        quarantine_copy(notes, tmp_path / "clean.casefile")
    assert not (tmp_path / "clean.casefile").exists()

"""The headless commands on hostile and shared case files: one-line refusals, the
quarantine copy, read-only media, and two processes writing one case at once."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from cli.main import main
from db.core.casefile import CaseFile
from db.reads import queries
from db.reads.search import search
from db.sample.build import build_sample
from db.verify.check import check_case

ROOT = Path(__file__).resolve().parents[2]
TRIGGER = "CREATE TRIGGER wipe AFTER INSERT ON audit_log BEGIN DELETE FROM claims; END"


@pytest.fixture
def sample_path(tmp_path) -> Path:
    path = tmp_path / "sample.casefile"
    build_sample(path).close()
    return path


def _plant(path: Path, statement: str) -> None:
    connection = sqlite3.connect(path)
    connection.execute(statement)
    connection.commit()
    connection.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("command", [["check"], ["search", "Kama"], ["chains", "JSC Kama"],
                                     ["export", "{out}", "--format", "ftm"]])
def test_planted_trigger_is_refused_by_every_command_in_one_line(sample_path, tmp_path,
                                                                 capsys, command):
    _plant(sample_path, TRIGGER)
    before = digest(sample_path)
    argv = [part.format(out=tmp_path / "out.ftm") for part in command]
    assert main([argv[0], str(sample_path), *argv[1:]]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "trigger 'wipe' that Case File Explorer does not create" in err
    assert "check --quarantine" in err
    assert digest(sample_path) == before


def test_check_quarantine_writes_a_clean_copy(sample_path, tmp_path, capsys):
    _plant(sample_path, "CREATE VIEW helper AS SELECT load_extension('/tmp/evil.so') AS x")
    before = digest(sample_path)
    clean = tmp_path / "clean.casefile"
    assert main(["check", "--quarantine", str(sample_path), str(clean)]) == 0
    out = capsys.readouterr().out
    assert "left out: it has a view 'helper'" in out
    assert digest(sample_path) == before
    assert main(["check", str(clean)]) == 0
    assert main(["check", "--quarantine", str(sample_path)]) == 1
    assert "needs the clean copy's name" in capsys.readouterr().err


def test_read_commands_work_on_a_read_only_case(sample_path, tmp_path, capsys):
    sample_path.chmod(0o444)
    before = digest(sample_path)
    assert main(["search", str(sample_path), "Kommersant"]) == 0
    captured = capsys.readouterr()
    assert "Kommersant" in captured.out
    assert "opened read-only: the file is read-only" in captured.err
    feed = tmp_path / "one.ftm.json"
    feed.write_text(json.dumps({"id": "x1", "schema": "Company",
                                "properties": {"name": ["Acme"]}}) + "\n")
    assert main(["import", str(sample_path), str(feed), "--format", "ftm"]) == 1
    err = capsys.readouterr().err
    assert "is open read-only (the file is read-only); nothing was changed" in err
    assert digest(sample_path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one.ftm.json", "sample.casefile"]


WRITER = """
import sys
from db.core.casefile import CaseFile
from db.core.commands import run
from db.services import entities

case = CaseFile.open(sys.argv[1], author="ann")
print("open", flush=True)
sys.stdin.readline()

def edit(tx):
    entities.create_entity(tx, "Company", "Written by the GUI")
    print("writing", flush=True)
    sys.stdin.readline()  # holds the write lock until told to commit

run(case, "An edit in the GUI", edit)
print("committed", flush=True)
sys.stdin.readline()
case.close()
print("closed", flush=True)
"""


def test_two_processes_writing_one_case_lose_nothing(sample_path, tmp_path):
    """One process (as the GUI) is mid-write; an import started meanwhile is told who has
    the case, waits for the write lock, then writes — no error, nothing lost."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    feed = tmp_path / "feed.ftm.json"
    feed.write_text("".join(json.dumps({"id": f"imp{n}", "schema": "Company",
                                        "properties": {"name": [f"Imported {n}"]}}) + "\n"
                            for n in range(5)))
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(sample_path)], env=env,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "open"
        writer.stdin.write("go\n")
        writer.stdin.flush()
        assert writer.stdout.readline().strip() == "writing"
        importer = subprocess.Popen(
            [sys.executable, "-m", "cli.main", "import", str(sample_path), str(feed),
             "--format", "ftm"], env=env, cwd=ROOT, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True)
        told = []
        for line in importer.stderr:  # blocks until the importer says something
            told.append(line)
            if "waiting for" in line:
                break
        assert any("is in use by ann on" in line and "since" in line for line in told)
        assert "waiting for ann on" in told[-1]
        writer.stdin.write("commit\n")
        writer.stdin.flush()
        assert writer.stdout.readline().strip() == "committed"
        out, err = importer.communicate(timeout=120)
        assert importer.returncode == 0, err
        assert "locked" not in err and "Traceback" not in err
        writer.stdin.write("close\n")
        writer.stdin.flush()
        assert writer.stdout.readline().strip() == "closed"
        assert writer.wait(timeout=60) == 0
    finally:
        if writer.poll() is None:
            writer.kill()
    case = CaseFile.open(sample_path)
    titles = {hit.title for query in ("Written", "Imported")
              for hit in case.read(search, query)}
    assert "Written by the GUI" in titles
    assert {f"Imported {n}" for n in range(5)} <= titles
    assert case.read(queries.counts).entities >= 6
    assert check_case(case).ok
    case.close()


def test_new_into_a_read_only_folder_is_one_line(tmp_path, capsys):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        assert main(["new", str(folder / "x.casefile")]) == 1
    finally:
        folder.chmod(0o755)
    assert capsys.readouterr().err == ("casefile: cannot create x.casefile: "
                                       "its folder is read-only\n")
    assert list(folder.iterdir()) == []


def test_damage_a_cheap_open_cannot_see_is_one_line_and_check_lists_it(sample_path, capsys):
    data = bytearray(sample_path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    pages = len(data) // page
    for offset in range((pages - 4) * page, len(data), 7):  # the last rows, not the schema
        data[offset] = 0xA5
    sample_path.write_bytes(bytes(data))
    code = main(["search", str(sample_path), "Kama"])
    err = capsys.readouterr().err
    if code:  # the garbled pages held rows the search read
        assert err.count("\n") == 1 and "is damaged" in err and "Traceback" not in err
    assert main(["check", str(sample_path)]) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith("sample.casefile: PROBLEMS FOUND")
    assert "SQLite integrity:" in captured.out and "Traceback" not in captured.err

"""Files and media as they are: read-only files and folders, cases in use by someone
else (and stale locks), interrupted creation, failed migrations."""

from __future__ import annotations

import hashlib
import json
import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from db.core import migrate
from db.core.case_lock import lock_path, read_holder
from db.core.casefile import CaseFile, CaseFileError, CaseInUseError
from db.core.commands import run
from db.core.seam import sqlite as sqlite_seam
from db.reads import queries
from db.services import entities

ROOT = Path(__file__).resolve().parents[2]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def read_only_folder(tmp_path, make_closed_case):
    folder = tmp_path / "media"
    folder.mkdir()
    path = make_closed_case(folder)
    folder.chmod(0o555)
    yield path
    folder.chmod(0o755)


def _assert_read_only(path: Path, reason: str) -> None:
    before, siblings = digest(path), sorted(path.parent.iterdir())
    case = CaseFile.open(path)
    assert case.read_only and case.read_only_reason == reason
    assert case.read(queries.counts).entities == 1
    with pytest.raises(CaseFileError, match="open read-only .*nothing was changed"):
        run(case, "add", lambda tx: entities.create_entity(tx, "Company", "Nope"))
    case.close()
    assert digest(path) == before
    assert sorted(path.parent.iterdir()) == siblings  # no -wal, -shm or lock made


def test_read_only_file_opens_read_only(closed_case):
    closed_case.chmod(0o444)
    _assert_read_only(closed_case, "the file is read-only")


def test_read_only_folder_opens_read_only(read_only_folder):
    _assert_read_only(read_only_folder, "its folder is read-only")


def test_asked_read_only_never_writes(closed_case):
    case = CaseFile.open(closed_case, read_only=True)
    assert case.read_only_reason == "opened read-only"
    assert not lock_path(closed_case).exists()
    case.close()


def _schema1_file(path: Path) -> None:
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        migrate.upgrade(connection, "0001")
        sqlite_seam.mark_case_file(connection, 1)
    engine.dispose()


def test_old_read_only_case_is_refused_without_a_backup(tmp_path):
    path = tmp_path / "old.casefile"
    _schema1_file(path)
    path.chmod(0o444)
    with pytest.raises(CaseFileError, match="older version .*copy it to a writable folder"):
        CaseFile.open(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.casefile"]


def test_failed_migration_takes_its_backup_along(tmp_path, monkeypatch):
    path = tmp_path / "old.casefile"
    _schema1_file(path)
    before = digest(path)
    real = migrate.upgrade

    def failing(connection, revision="head"):
        if revision == "head":
            real(connection, "0002")  # half-way, then the disk fills up
            raise OSError("disk full\nwhile writing page 7")
        real(connection, revision)

    monkeypatch.setattr(migrate, "upgrade", failing)
    for _attempt in range(2):  # every attempt explains; none leaves a backup behind
        with pytest.raises(CaseFileError) as raised:
            CaseFile.open(path)
        assert str(raised.value) == ("cannot upgrade old.casefile from schema 1: disk full; "
                                     "the file was left as it was")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.casefile"]
    assert digest(path) == before


def _write_lock(case_path: Path, **fields) -> None:
    holder = {"user": "bob", "host": socket.gethostname(), "pid": os.getppid(),
              "since": "2026-12-07T14:02:00+00:00", **fields}
    lock_path(case_path).write_text(json.dumps(holder))


def test_a_case_open_elsewhere_is_reported_in_use(closed_case):
    _write_lock(closed_case)
    with pytest.raises(CaseInUseError) as raised:
        CaseFile.open(closed_case)
    assert str(raised.value) == (f"shared.casefile is in use by bob on {socket.gethostname()} "
                                 f"since 2026-12-07 14:02 UTC")
    assert raised.value.holder.user == "bob"
    viewer = CaseFile.open(closed_case, read_only=True)  # what the person is offered
    assert viewer.read(queries.counts).entities == 1
    viewer.close()
    shared = CaseFile.open(closed_case, shared=True)  # the CLI: writes wait their turn
    assert shared.in_use_by is not None and shared.in_use_by.user == "bob"
    run(shared, "add", lambda tx: entities.create_entity(tx, "Company", "Beta"))
    shared.close()
    assert read_holder(closed_case).user == "bob"  # their lock is theirs to remove


def test_a_lock_from_another_host_is_believed(closed_case):
    _write_lock(closed_case, host="lab-3.example.org", pid=1)
    with pytest.raises(CaseInUseError, match="in use by bob on lab-3.example.org"):
        CaseFile.open(closed_case)


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@pytest.mark.parametrize("lock", ["dead process", "garbled"])
def test_stale_lock_is_taken_over(closed_case, lock):
    if lock == "garbled":
        lock_path(closed_case).write_text("{not json")
    else:
        _write_lock(closed_case, pid=_dead_pid())
    case = CaseFile.open(closed_case, author="ann")
    holder = read_holder(closed_case)
    assert (holder.user, holder.pid) == ("ann", os.getpid())
    case.close()
    assert not lock_path(closed_case).exists()


def test_lock_names_who_and_goes_on_close(closed_case):
    case = CaseFile.open(closed_case, author="ann")
    holder = read_holder(closed_case)
    assert (holder.user, holder.host, holder.pid) == ("ann", socket.gethostname(),
                                                       os.getpid())
    again = CaseFile.open(closed_case)  # the same process may open it twice
    again.close()
    assert lock_path(closed_case).exists()
    case.close()
    assert not lock_path(closed_case).exists()


KILLED_NEW = """
import os, signal, sys
from db.core.casefile import CaseFile
real = CaseFile._build.__func__
def build(cls, path, *args):
    real(cls, path, *args)
    os.kill(os.getpid(), signal.SIGKILL)  # killed after the schema, before the rename
CaseFile._build = classmethod(build)
CaseFile.create(sys.argv[1])
"""


def test_killed_new_leaves_nothing_that_blocks_a_rerun(tmp_path):
    target = tmp_path / "n.casefile"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    killed = subprocess.run([sys.executable, "-c", KILLED_NEW, str(target)], env=env,
                            check=False)
    assert killed.returncode == -9
    assert not target.exists()
    case = CaseFile.create(target, name="N")
    assert case.name == "N"
    case.close()
    assert stat.S_ISREG(target.stat().st_mode)


def test_new_never_replaces_a_file_that_appeared(tmp_path, monkeypatch):
    target = tmp_path / "n.casefile"
    real = CaseFile._build.__func__

    def build(cls, path, *args):
        real(cls, path, *args)
        target.write_text("someone else's")

    monkeypatch.setattr(CaseFile, "_build", classmethod(build))
    with pytest.raises(CaseFileError, match="already exists"):
        CaseFile.create(target)
    assert target.read_text() == "someone else's"
    assert [p.name for p in tmp_path.iterdir()] == ["n.casefile"]

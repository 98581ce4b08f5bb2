"""Open, create and guard a case file: one SQLite file that is the whole case.

Anything that is not one of our case files — a text file, someone else's SQLite
database, a truncated or corrupt case, a case from a newer version — is refused with a
one-line ``CaseFileError`` *before* anything is written, so the file stays byte-for-byte
as it was. An older case is copied to a backup beside it, then migrated.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import create_engine, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from db import APP_VERSION
from db.core import migrate, signing
from db.core.seam import sqlite as sqlite_seam
from db.core.transaction import Transaction
from db.models import CaseMeta, new_id, utc_now

SUFFIX = ".casefile"
T = TypeVar("T")


class CaseFileError(Exception):
    """A case file cannot be opened or written; the message is one plain line."""


def default_author() -> str:
    """Who writes when nobody is named: the saved identity (Preferences, first run),
    else the operating system's login."""
    from db.core.identity import author_name

    return author_name()


def refusal(path: Path) -> str | None:
    """Why ``path`` cannot be opened as a case file, or None. Reads only."""
    name = path.name
    if not path.exists():
        return f"{name}: no such file"
    if path.is_dir():
        return f"{name} is a folder, not a case file"
    size = path.stat().st_size
    if size == 0:
        return f"{name} is empty, not a case file"
    header = sqlite_seam.read_header(path)
    if header is None:
        return f"{name} is not a case file (it is not an SQLite database)"
    if header.application_id != sqlite_seam.APPLICATION_ID:
        return f"{name} is an SQLite database, but not a Case File Explorer case file"
    if header.user_version > migrate.SCHEMA_VERSION:
        return (f"{name} was written by a newer version of Case File Explorer "
                f"(schema {header.user_version}; this version reads up to "
                f"{migrate.SCHEMA_VERSION}) — please update the app")
    wal = path.with_name(name + "-wal")
    if not wal.exists() and header.page_count * header.page_size > size:
        return f"{name} is damaged: the file is truncated"
    problem = sqlite_seam.quick_check(path)
    if problem:
        return f"{name} is damaged: {problem}"
    return None


def write_meta(tx: Transaction, values: dict[str, str]) -> None:
    """Set case metadata (name, author, marking …) within a transaction."""
    for key, value in values.items():
        row = tx.session.get(CaseMeta, key)
        if row is None:
            tx.add(CaseMeta(key=key, value=str(value)))
        elif row.value != str(value):
            tx.update(row, value=str(value))


class CaseFile:
    """An open case: the engine, who is working on it, and transactions over it."""

    def __init__(self, path: Path, engine: Engine, author: str):
        self.path = path
        self.engine = engine
        self.author = author
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.backup_path: Path | None = None
        self.committed = False  # this session changed the case: sign its head on close

    # -- opening --------------------------------------------------------------------------
    @staticmethod
    def _engine(path: Path) -> Engine:
        engine = create_engine(f"sqlite:///{path}", poolclass=NullPool)
        sqlite_seam.install_pragmas(engine)
        return engine

    @classmethod
    def create(cls, path: str | Path, name: str | None = None,
               author: str | None = None, marking: str = "CONFIDENTIAL") -> CaseFile:
        path = Path(path)
        if path.exists():
            raise CaseFileError(f"{path.name} already exists; choose another name")
        if path.suffix != SUFFIX:
            raise CaseFileError(f"{path.name}: a case file's name must end in {SUFFIX}")
        if not path.parent.exists():
            raise CaseFileError(f"{path.parent}: no such folder")
        author = author or default_author()
        engine = cls._engine(path)
        try:
            with engine.begin() as connection:
                sqlite_seam.enable_wal(connection)
                migrate.upgrade(connection)
                sqlite_seam.mark_case_file(connection, migrate.SCHEMA_VERSION)
        except Exception as error:
            engine.dispose()
            path.unlink(missing_ok=True)
            raise CaseFileError(f"cannot create {path.name}: {error}") from error
        case = cls(path, engine, author)
        now = utc_now()
        case.set_meta({"case_id": new_id(), "name": name or path.stem, "author": author,
                       "created": now, "marking": marking, "app_version": APP_VERSION},
                      label="Create case")
        return case

    @classmethod
    def open(cls, path: str | Path, author: str | None = None) -> CaseFile:
        path = Path(path)
        problem = refusal(path)
        if problem:
            raise CaseFileError(problem)
        header = sqlite_seam.read_header(path)
        assert header is not None
        engine = cls._engine(path)
        case = cls(path, engine, author or default_author())
        try:
            with engine.connect() as connection:
                revision = migrate.current_revision(connection)
            if revision not in migrate.known_revisions():
                raise CaseFileError(f"{path.name} has an unknown schema revision "
                                    f"{revision!r}; it may come from a newer version")
            if revision != migrate.HEAD_REVISION:
                case.backup_path = case._backup(header.user_version)
                with engine.begin() as connection:
                    migrate.upgrade(connection)
                    sqlite_seam.mark_case_file(connection, migrate.SCHEMA_VERSION)
            with engine.begin() as connection:
                sqlite_seam.enable_wal(connection)
        except CaseFileError:
            engine.dispose()
            raise
        except Exception as error:
            engine.dispose()
            raise CaseFileError(f"cannot open {path.name}: {error}") from error
        return case

    def _backup(self, version: int) -> Path:
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        backup = self.path.with_name(f"{self.path.stem}.schema{version}-backup-{stamp}{SUFFIX}")
        shutil.copy2(self.path, backup)
        return backup

    def close(self) -> None:
        if self.committed:
            signing.sign_quietly(self, "close")
        # Checkpoint so the -wal file is folded back and the case is one file again.
        with self.engine.connect() as connection:
            sqlite_seam.checkpoint(connection)
        self.engine.dispose()

    # -- sessions and writes -------------------------------------------------------------
    @contextmanager
    def session(self) -> Iterator[Session]:
        """A short read session."""
        with self._sessions() as session:
            yield session

    def read(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """``function(session, *args, **kwargs)`` in a short read session of its own.

        How ``desktop/`` and ``cli/`` read: they call a ``db.reads`` function through
        this and never hold a session (or an ORM object) themselves.
        """
        with self._sessions() as session:
            return function(session, *args, **kwargs)

    @contextmanager
    def transaction(self, label: str) -> Iterator[Transaction]:
        """One write: commits with its audit rows, or rolls back entirely."""
        with self._sessions() as session, session.begin():
            tx = Transaction(session, self.author, label)
            yield tx
            tx.write_audit()
        if tx.head is not None:
            self.committed = True
            signing.remember_commit(self, tx.head)

    # -- metadata --------------------------------------------------------------------------
    def meta(self) -> dict[str, str]:
        with self.session() as session:
            return {row.key: row.value for row in session.scalars(select(CaseMeta))}

    def set_meta(self, values: dict[str, str], label: str = "Edit case details") -> None:
        with self.transaction(label) as tx:
            write_meta(tx, values)

    @property
    def name(self) -> str:
        return self.meta().get("name", self.path.stem)

    def file_sha256(self) -> str:
        """SHA-256 of the case file as it is on disk, after folding the WAL back in."""
        with self.engine.connect() as connection:
            sqlite_seam.checkpoint(connection)
        digest = hashlib.sha256()
        with open(self.path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()

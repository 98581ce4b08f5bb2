"""Open, create and guard a case file: one SQLite file that is the whole case.

Anything that is not one of our case files — a text file, someone else's SQLite
database, a truncated or corrupt case, a case from a newer version, a case whose schema
holds objects our migrations never made — is refused with a one-line ``CaseFileError``
*before* anything is written, so the file stays byte-for-byte as it was (``admission``).
An older case is copied to a backup beside it, then migrated; if that fails, the backup
goes again. A case that cannot be written where it is (read-only file, folder or medium)
opens read-only; one that another process has open for writing is ``CaseInUseError``
unless opened ``shared``, in which case our writes wait for theirs.
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
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from db import APP_VERSION
from db.core import case_lock, migrate, signing
from db.core.admission import open_refusal, read_only_reason, refusal, writable
from db.core.case_lock import LockHolder
from db.core.errors import CaseFileError
from db.core.placing import put_in_place, temporary_beside
from db.core.seam import sqlite as sqlite_seam
from db.core.transaction import Transaction
from db.models import CaseMeta, new_id, utc_now

SUFFIX = ".casefile"
T = TypeVar("T")


# How long a write waits for another process's write before giving up.
WRITE_PATIENCE_S = 600.0


class CaseInUseError(CaseFileError):
    """Another process has the case open for writing; ``holder`` says who, where, since."""

    def __init__(self, message: str, holder: LockHolder):
        super().__init__(message)
        self.holder = holder


def default_author() -> str:
    """Who writes when nobody is named: the saved identity (Preferences, first run),
    else the operating system's login."""
    from db.core.identity import author_name

    return author_name()


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

    def __init__(self, path: Path, engine: Engine, author: str,
                 read_only_reason: str | None = None):
        self.path = path
        self.engine = engine
        self.author = author
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.backup_path: Path | None = None
        # Why this case cannot be changed (read-only file/folder/medium, or asked so).
        self.read_only_reason = read_only_reason
        # Who else has it open for writing, when opened ``shared`` alongside them.
        self.in_use_by: LockHolder | None = None
        self._holds_lock = False
        # Told "waiting for … to finish writing" while a write waits for another one;
        # may raise (e.g. ``Cancelled``) to give up. Called every quarter second.
        self.on_wait: Callable[[str], None] = lambda _text: None
        self.write_patience_s = WRITE_PATIENCE_S
        self.committed = False  # this session changed the case: sign its head on close

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    # -- opening --------------------------------------------------------------------------
    @staticmethod
    def _engine(path: Path, *, read_only: bool = False, create: bool = False) -> Engine:
        immutable = read_only and not path.with_name(path.name + "-wal").exists()

        def connect():
            return sqlite_seam.connect(path, read_only=read_only, immutable=immutable,
                                       create=create)

        engine = create_engine("sqlite://", creator=connect, poolclass=NullPool)
        sqlite_seam.install_pragmas(engine)
        return engine

    @classmethod
    def create(cls, path: str | Path, name: str | None = None,
               author: str | None = None, marking: str = "CONFIDENTIAL") -> CaseFile:
        """A new case, built in a temporary file beside ``path`` and then put in place, so
        an interrupted run leaves nothing that blocks the next one."""
        path = Path(path)
        if path.exists() or path.is_symlink():
            raise CaseFileError(f"{path.name} already exists; choose another name")
        if path.suffix != SUFFIX:
            raise CaseFileError(f"{path.name}: a case file's name must end in {SUFFIX}")
        if not path.parent.is_dir():
            raise CaseFileError(f"{path.parent}: no such folder")
        if not writable(path.parent):
            raise CaseFileError(f"cannot create {path.name}: its folder is read-only")
        author = author or default_author()
        temporary = temporary_beside(path)
        try:
            cls._build(temporary, name or path.stem, author, marking)
            put_in_place(temporary, path)
        except Exception as error:
            for leftover in (temporary, *sqlite_seam.companions(temporary)):
                leftover.unlink(missing_ok=True)
            if isinstance(error, CaseFileError):
                raise
            raise CaseFileError(f"cannot create {path.name}: {error}") from error
        return cls.open(path, author=author)

    @classmethod
    def _build(cls, path: Path, name: str, author: str, marking: str) -> None:
        engine = cls._engine(path, create=True)
        try:
            with engine.begin() as connection:
                sqlite_seam.enable_wal(connection)
                migrate.upgrade(connection)
                sqlite_seam.mark_case_file(connection, migrate.SCHEMA_VERSION)
        finally:
            engine.dispose()
        case = cls(path, cls._engine(path), author)
        try:
            case.set_meta({"case_id": new_id(), "name": name, "author": author,
                           "created": utc_now(), "marking": marking,
                           "app_version": APP_VERSION}, label="Create case")
            case.committed = False  # building is not a session to sign; the open case is
        finally:
            case.close()

    @classmethod
    def open(cls, path: str | Path, author: str | None = None, *, read_only: bool = False,
             shared: bool = False) -> CaseFile:
        """Open a case for use, or raise ``CaseFileError`` (one line) leaving it untouched.

        ``read_only`` opens it for reading only; ``shared`` opens it for writing even
        when another process has it open so (``in_use_by`` says who; writes wait).
        """
        given = Path(path)
        problem = refusal(given)
        if problem:
            raise CaseFileError(problem)
        path = given.resolve()
        header = sqlite_seam.read_header(path)
        assert header is not None
        author = author or default_author()
        reason = "opened read-only" if read_only else read_only_reason(path)
        # A live writer's -wal is theirs, mid-use: only a leftover one is checked.
        holder = case_lock.current_holder(path)
        problem = open_refusal(path, header.user_version, writer_alive=holder is not None)
        if problem:
            raise CaseFileError(problem)
        if reason is None and holder is None:
            try:
                case_lock.acquire(path, author)
            except case_lock.CaseInUse as busy:
                holder = busy.holder
            except OSError:
                reason = "its folder does not accept the lock file"
        if holder is not None and reason is None and not shared:
            raise CaseInUseError(f"{path.name} is {holder.describe()}", holder)
        case = cls(path, cls._engine(path, read_only=reason is not None), author, reason)
        case.in_use_by = holder
        case._holds_lock = reason is None and holder is None
        try:
            if header.user_version != migrate.SCHEMA_VERSION:
                if reason is not None:
                    raise CaseFileError(
                        f"{path.name} is from an older version (schema "
                        f"{header.user_version}) and {reason}; copy it to a writable "
                        f"folder to upgrade it")
                case._upgrade(header.user_version)
            if reason is None:
                with case.engine.begin() as connection:
                    sqlite_seam.enable_wal(connection)
        except CaseFileError:
            case._let_go()
            raise
        except Exception as error:
            case._let_go()
            raise CaseFileError(f"cannot open {path.name}: "
                                f"{str(error).splitlines()[0]}") from error
        return case

    def _upgrade(self, version: int) -> None:
        """Back up, then migrate; a failed migration rolls back and takes its backup along."""
        self.backup_path = self._backup(version)
        try:
            with self.engine.begin() as connection:
                # One transaction for all of it: the driver would otherwise commit each
                # CREATE/ALTER on its own and a failure would leave a half-migrated file.
                sqlite_seam.begin_write(connection, lambda _s: None, self.write_patience_s)
                migrate.upgrade(connection)
                sqlite_seam.mark_case_file(connection, migrate.SCHEMA_VERSION)
        except Exception as error:
            self.backup_path.unlink(missing_ok=True)
            self.backup_path = None
            first = (str(error).strip().splitlines() or [type(error).__name__])[0]
            raise CaseFileError(f"cannot upgrade {self.path.name} from schema {version}: "
                                f"{first}; the file was left as it was") from error

    def _backup(self, version: int) -> Path:
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        backup = self.path.with_name(f"{self.path.stem}.schema{version}-backup-{stamp}{SUFFIX}")
        shutil.copy2(self.path, backup)
        return backup

    def _let_go(self) -> None:
        self.engine.dispose()
        if self._holds_lock:
            case_lock.release(self.path)
            self._holds_lock = False

    def close(self) -> None:
        if self.committed:
            signing.sign_quietly(self, "close")
        # Checkpoint so the -wal file is folded back and the case is one file again.
        if not self.read_only:
            try:
                with self.engine.connect() as connection:
                    sqlite_seam.checkpoint(connection)
            except Exception:  # another process still writing: it checkpoints later
                pass
        self._let_go()

    # -- sessions and writes -------------------------------------------------------------
    @contextmanager
    def session(self) -> Iterator[Session]:
        """A short read session."""
        with self._sessions() as session:
            try:
                yield session
            except DBAPIError as error:
                self._raise_if_damaged(error)
                raise
            except MemoryError as error:
                raise self._out_of_memory() from error

    def read(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """``function(session, *args, **kwargs)`` in a short read session of its own.

        How ``desktop/`` and ``cli/`` read: they call a ``db.reads`` function through
        this and never hold a session (or an ORM object) themselves.
        """
        with self._sessions() as session:
            try:
                return function(session, *args, **kwargs)
            except DBAPIError as error:
                self._raise_if_damaged(error)
                raise
            except MemoryError as error:
                raise self._out_of_memory() from error

    def _out_of_memory(self) -> CaseFileError:
        # SQLite answers a garbled length in a page (a full-text index block, say) with
        # "out of memory", which the driver turns into MemoryError.
        return CaseFileError(f"{self.path.name} could not be read: SQLite ran out of memory "
                             f"(a damaged page or index, or a huge value); 'casefile check' "
                             f"tells more")

    def _raise_if_damaged(self, error: DBAPIError) -> None:
        """A read that meets a damaged page says so in one line (opening does not read
        every page; ``casefile check`` does)."""
        problem = sqlite_seam.damage(error)
        if problem is not None:
            raise CaseFileError(f"{self.path.name} is damaged ({problem}); "
                                f"'casefile check' tells more") from error

    @contextmanager
    def transaction(self, label: str) -> Iterator[Transaction]:
        """One write: commits with its audit rows, or rolls back entirely.

        It first takes SQLite's write lock, waiting (and saying so through ``on_wait``)
        while another process writes, so "database is locked" never reaches a person.
        """
        with self.write_session() as session:
            tx = Transaction(session, self.author, label)
            yield tx
            tx.write_audit()
        if tx.head is not None:
            self.committed = True
            signing.remember_commit(self, tx.head)

    @contextmanager
    def write_session(self) -> Iterator[Session]:
        """A session holding SQLite's write lock (taken first, waiting for any other
        writer), committed at the end. Edits use ``transaction``; this is for what is
        recorded beside the audit chain, not in it (signatures)."""
        if self.read_only_reason is not None:
            raise CaseFileError(f"{self.path.name} is open read-only "
                                f"({self.read_only_reason}); nothing was changed")
        with self._sessions() as session, session.begin():
            self._begin_write(session)
            try:
                yield session
            except DBAPIError as error:
                self._raise_if_damaged(error)
                raise

    def _begin_write(self, session: Session) -> None:
        if session.get_bind().dialect.name != "sqlite":
            return  # a team case: PostgreSQL's row locks and row versions do this there
        who = (f"{self.in_use_by.user} on {self.in_use_by.host}" if self.in_use_by
               else "another program")

        def waiting(seconds: float) -> None:
            self.on_wait(f"waiting for {who} to finish writing {self.path.name} "
                         f"({seconds:.0f} s)…")

        try:
            sqlite_seam.begin_write(session.connection(), waiting, self.write_patience_s)
        except sqlite_seam.WriterBusy as busy:
            raise CaseFileError(f"{self.path.name} is still being written by {who} "
                                f"({busy}); nothing was changed") from None

    def watch(self, on_change: Callable[[], None]) -> Callable[[], None]:
        """Be told of other writers' commits; a case file on this computer has none to tell
        (a team case does: ``db.core.team``). Answers the function that stops watching."""
        return lambda: None

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
        if not self.read_only:
            with self.engine.connect() as connection:
                sqlite_seam.checkpoint(connection)
        digest = hashlib.sha256()
        with open(self.path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()


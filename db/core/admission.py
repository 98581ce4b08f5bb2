"""What is let in: the cheap checks a file passes before anything opens it for use.

Each check reads, never writes: the path (missing, a folder, a FIFO, a dangling or looping
symbolic link), the 100-byte SQLite header (ours? which schema version? truncated?), a
-wal file left beside it by a crash or copied from another case, and the schema itself
(``schema_guard``). Reading the whole file (``PRAGMA quick_check``) is left to
``casefile check``; it is not paid on every open.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path

from db.core import migrate
from db.core.schema_guard import REVISIONS_BY_VERSION, schema_refusal
from db.core.seam import sqlite as sqlite_seam
from db.core.seam.sqlite_schema import case_identity


def refusal(path: Path) -> str | None:
    """Why ``path`` is not a case file we can open, judged from its header; or None."""
    name = path.name
    try:
        if path.is_symlink() and not path.exists():
            return f"{name} is a symbolic link that leads nowhere (missing target or a loop)"
        if not path.exists():
            return f"{name}: no such file"
        if path.is_dir():
            return f"{name} is a folder, not a case file"
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return f"{name} is not a regular file (a device, pipe or socket), not a case file"
        if info.st_size == 0:
            return f"{name} is empty, not a case file"
        header = sqlite_seam.read_header(path)
    except PermissionError:
        return f"{name} cannot be read: permission denied"
    except (OSError, RuntimeError) as error:
        return f"{name} cannot be read: {getattr(error, 'strerror', None) or error}"
    if header is None:
        return f"{name} is not a case file (it is not an SQLite database)"
    if header.application_id != sqlite_seam.APPLICATION_ID:
        return f"{name} is an SQLite database, but not a Case File Explorer case file"
    if header.user_version > migrate.SCHEMA_VERSION:
        return (f"{name} was written by a newer version of Case File Explorer "
                f"(schema {header.user_version}; this version reads up to "
                f"{migrate.SCHEMA_VERSION}) — please update the app")
    if header.user_version not in REVISIONS_BY_VERSION:
        return f"{name} has an unknown schema version {header.user_version}"
    wal = path.with_name(name + "-wal")
    if not wal.exists() and header.page_count * header.page_size > info.st_size:
        return f"{name} is damaged: the file is truncated"
    return None


def writable(path: Path) -> bool:
    # The mode bits too: root may write anything, but a chmod 444 file means "keep".
    try:
        return os.access(path, os.W_OK) and bool(path.stat().st_mode & 0o222)
    except OSError:
        return False


def read_only_reason(path: Path) -> str | None:
    """Why the case can only be read where it is (file or folder not writable), or None."""
    if not writable(path):
        return "the file is read-only"
    if not writable(path.parent):
        return "its folder is read-only"
    return None


def leftover_wal_refusal(path: Path, schema_version: int) -> str | None:
    """A -wal file nobody is writing: the case after a crash, or someone else's.

    SQLite would fold it into the case on the first write, whatever it holds, so it is
    checked first — on copies in a temporary folder, leaving both files untouched.
    """
    wal = path.with_name(path.name + "-wal")
    try:
        if not wal.exists() or wal.stat().st_size == 0:
            return None
    except OSError:
        return None
    with tempfile.TemporaryDirectory(prefix="casefile-wal-") as folder:
        copy = Path(folder) / path.name
        shutil.copyfile(path, copy)
        shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
        problem = sqlite_seam.quick_check(copy) or schema_refusal(copy, schema_version)
        if problem is None and case_identity(copy) != case_identity(path, ignore_wal=True):
            problem = "it records another case's identity"
    if problem is None:
        return None
    return (f"{wal.name} beside {path.name} does not belong to it or is damaged "
            f"({problem.splitlines()[0]}); move it away to open the case as last saved")


def open_refusal(path: Path, schema_version: int, writer_alive: bool) -> str | None:
    """The schema and -wal checks, after ``refusal`` passed."""
    problem = None if writer_alive else leftover_wal_refusal(path, schema_version)
    return problem or schema_refusal(path, schema_version)

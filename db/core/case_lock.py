"""Who has a case open for writing: a small lock file beside it, ``NAME.casefile-lock``.

SQLite's own locks last one transaction and say nothing about *who*; this one lasts as
long as the case is open for writing and names the user, host, process and time, so a
second person is told "in use by ann on lab-3 since 14:02 UTC" and offered a read-only
view. A lock left by a process that died on this host is stale and taken over; a lock
from another host cannot be checked and is believed. Created atomically (written to a
temporary file, then hard-linked into place), so a half-written lock is never read.
"""

from __future__ import annotations

import json
import os
import socket
import tempfile
import threading
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

_held: dict[Path, int] = {}  # lock files this process holds → how many opens share it
_guard = threading.Lock()


@dataclass(frozen=True)
class LockHolder:
    user: str
    host: str
    pid: int
    since: str  # ISO 8601, UTC

    def describe(self) -> str:
        try:
            when = datetime.fromisoformat(self.since).strftime("%Y-%m-%d %H:%M UTC")
        except ValueError:
            when = "an unknown time"
        return f"in use by {self.user} on {self.host} since {when}"

    @property
    def is_this_process(self) -> bool:
        return self.host == socket.gethostname() and self.pid == os.getpid()

    @property
    def is_stale(self) -> bool:
        """Left by a process on this host that no longer runs."""
        return self.host == socket.gethostname() and not _process_alive(self.pid)


class CaseInUse(Exception):
    """Someone else has the case open for writing."""

    def __init__(self, holder: LockHolder):
        super().__init__(holder.describe())
        self.holder = holder


def lock_path(case_path: Path) -> Path:
    return case_path.with_name(case_path.name + "-lock")


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, someone else's
        return True
    return True


def read_holder(case_path: Path) -> LockHolder | None:
    """The recorded holder, or None when unlocked; an unreadable lock counts as stale."""
    try:
        data = json.loads(lock_path(case_path).read_text(encoding="utf-8"))
        return LockHolder(str(data["user"]), str(data["host"]), int(data["pid"]),
                          str(data["since"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return LockHolder("someone", "an unknown host", -1, "")


def current_holder(case_path: Path) -> LockHolder | None:
    """A live holder other than this process, or None."""
    holder = read_holder(case_path)
    if holder is None or holder.is_this_process or holder.is_stale or holder.pid < 0:
        return None
    return holder


def acquire(case_path: Path, user: str) -> None:
    """Record this process as the case's writer; ``CaseInUse`` if someone else is."""
    path = lock_path(case_path)
    with _guard:
        if path in _held:
            _held[path] += 1
            return
        mine = LockHolder(user, socket.gethostname(), os.getpid(),
                          datetime.now(UTC).isoformat(timespec="seconds"))
        for _attempt in range(3):
            if _create(path, mine):
                _held[path] = 1
                return
            holder = read_holder(case_path)
            if holder is not None and not (holder.is_stale or holder.pid < 0
                                           or holder.is_this_process):
                raise CaseInUse(holder)
            path.unlink(missing_ok=True)  # stale: its process is gone
        raise CaseInUse(read_holder(case_path) or mine)


def _create(path: Path, holder: LockHolder) -> bool:
    """Put the lock in place atomically; False when a lock is already there."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(asdict(holder), stream)
        os.link(temporary, path)
        return True
    except FileExistsError:
        return False
    finally:
        os.unlink(temporary)


def release(case_path: Path) -> None:
    path = lock_path(case_path)
    with _guard:
        count = _held.get(path, 0)
        if count > 1:
            _held[path] = count - 1
            return
        _held.pop(path, None)
        if count and (holder := read_holder(case_path)) and holder.is_this_process:
            path.unlink(missing_ok=True)

"""The append-only, hash-chained audit log: write a row, verify the chain.

Each row's hash covers the previous row's hash and everything the row says, so editing,
deleting or reordering any row breaks the chain at that point and ``verify_chain``
names it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import AuditEntry, canonical_json, utc_now

GENESIS = "0" * 64


def entry_hash(prev_hash: str, at: str, author: str | None, action: str, object_type: str,
               object_id: str, before: Any, after: Any) -> str:
    payload = canonical_json([prev_hash, at, author, action, object_type, object_id,
                              before, after])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def last_hash(session: Session) -> str:
    value = session.scalar(select(AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1))
    return value or GENESIS


class AuditWriter:
    """Appends rows to the log within one transaction, keeping the chain's tip."""

    def __init__(self, session: Session, author: str | None):
        self.session = session
        self.author = author
        self.tip = last_hash(session)
        self.last: AuditEntry | None = None

    def write(self, action: str, object_type: str, object_id: str, before: Any,
              after: Any) -> None:
        at = utc_now()
        digest = entry_hash(self.tip, at, self.author, action, object_type, object_id,
                            before, after)
        self.last = AuditEntry(at=at, author=self.author, action=action,
                               object_type=object_type, object_id=object_id,
                               before=before, after=after, prev_hash=self.tip, hash=digest)
        self.session.add(self.last)
        self.tip = digest


@dataclass(frozen=True)
class ChainProblem:
    seq: int
    reason: str

    def __str__(self) -> str:
        return f"audit row {self.seq}: {self.reason}"


class ChainVerifier:
    """Feed audit rows in ``seq`` order; each answer lists what does not hold at that row.

    One pass serves both ``verify_chain`` and the replay of ``casefile check``, so a
    large log is read and decoded once.
    """

    def __init__(self) -> None:
        self.previous = GENESIS
        self.expected_seq: int | None = None

    def feed(self, row: AuditEntry) -> list[ChainProblem]:
        problems: list[ChainProblem] = []
        if self.expected_seq is not None and row.seq != self.expected_seq:
            problems.append(ChainProblem(
                row.seq, f"rows missing before it (expected {self.expected_seq})"))
        self.expected_seq = row.seq + 1
        if row.prev_hash != self.previous:
            problems.append(ChainProblem(row.seq, "does not follow the previous row"))
        digest = entry_hash(row.prev_hash, row.at, row.author, row.action, row.object_type,
                            row.object_id, row.before, row.after)
        if digest != row.hash:
            problems.append(ChainProblem(row.seq, "content altered (hash mismatch)"))
        self.previous = row.hash
        return problems


def verify_chain(session: Session) -> list[ChainProblem]:
    """Every row whose hash or link to its predecessor does not hold."""
    verifier = ChainVerifier()
    problems: list[ChainProblem] = []
    for row in session.scalars(select(AuditEntry).order_by(AuditEntry.seq)):
        problems += verifier.feed(row)
    return problems

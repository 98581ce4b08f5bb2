"""Reading the two cases of a merge: plain rows, each case read once per merge.

The plan reads every table of both cases as plain dicts (``seam.plain_rows``: straight
from the driver, no ORM objects). ``apply_merge`` takes the same rows back instead of
reading again: the other case's while its file is unchanged (size and time), ours while
our audit chain still ends at the row it ended at when the plan read it — every write
goes through the audit, so an unchanged head is an unchanged case.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.core import seam
from db.core.casefile import CaseFile
from db.models import (
    AuditEntry,
    Claim,
    ClaimTarget,
    Document,
    Entity,
    Event,
    EventEntity,
    Judgement,
    Link,
    NodePosition,
    Origin,
    Source,
)

TABLES = (Entity, Link, Source, Document, Claim, ClaimTarget, Event, EventEntity, Judgement,
          NodePosition)
Rows = dict[str, list[dict[str, Any]]]


def rows_of(session: Session, model: type) -> list[dict[str, Any]]:
    return seam.of(session).plain_rows(session.connection(), model.__table__)


def read_session(session: Session) -> Rows:
    return {model.__tablename__: rows_of(session, model) for model in (*TABLES, Origin)}


def read_case(case: CaseFile) -> Rows:
    with case.session() as session:
        return read_session(session)


def audit_head(session: Session) -> tuple[int, str] | None:
    """The last audit row (seq, hash): what any write to the case would change."""
    row = session.execute(select(AuditEntry.seq, AuditEntry.hash)
                          .order_by(AuditEntry.seq.desc()).limit(1)).first()
    return (row.seq, row.hash) if row is not None else None


def read_ours(case: CaseFile) -> tuple[tuple[int, str] | None, Rows]:
    """Our rows and the head they were read at (the head first: a write that lands while
    the rows are read makes the head look old, so they are read again, never trusted)."""
    with case.session() as session:
        head = audit_head(session)
        return head, read_session(session)


def file_stamp(path: Path) -> tuple[int, int]:
    state = Path(path).stat()
    return (state.st_mtime_ns, state.st_size)


def row_key(table: str, row: dict[str, Any]) -> Any:
    if table == "event_entities":
        return (row["event_id"], row["entity_id"])
    if table == "node_positions":
        return row["entity_id"]
    return row["id"]

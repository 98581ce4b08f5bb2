"""Two people editing one row: detected, named, never silently overwritten.

Entities, links and claims carry a ``row_version`` that the ORM raises by one on every
update and checks in the UPDATE's WHERE clause (``version_id_col``), so a write based on
a row someone else changed in the meantime fails instead of overwriting it. An editor
that showed a row for a while passes the version it showed as ``expected_version``; the
row's current version must still be that one. Either way the person reads who changed it
and when (from the audit log), and that reloading shows their change.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.engine import Engine

from db.models import AuditEntry

_KINDS = {"entities": "entity", "links": "link", "claims": "claim"}


class EditConflict(Exception):
    """Someone else changed the row since it was read; the message is one plain line."""


def conflict(engine: Engine, table: str, row_id: str) -> EditConflict:
    """The conflict on ``table``'s row ``row_id``, naming its last writer if known (read on
    a connection of its own: the writing transaction may have failed)."""
    with engine.connect() as connection:
        last = connection.execute(
            select(AuditEntry.author, AuditEntry.at)
            .where(AuditEntry.object_type == table, AuditEntry.object_id == row_id)
            .order_by(AuditEntry.seq.desc()).limit(1)).first()
    who = f" by {last.author} at {last.at}" if last and last.author else ""
    kind = _KINDS.get(table, "row")
    return EditConflict(f"this {kind} was changed{who} since you opened it; your edit was "
                        "not saved — reload to see their change, then edit again")

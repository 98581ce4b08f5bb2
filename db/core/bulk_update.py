"""Many rows updated in one statement, each only if it is still as it was read.

A merge folds thousands of a colleague's entities into ours; updating them one ORM flush
at a time (and auditing each with two full images) cost more than the rest of the merge.
``update_rows`` writes them with one executemany UPDATE (``seam.update_rows``). Rows that carry a
``row_version`` are updated only where the version is still the one read — the check the
ORM makes for a single edit (``db.core.conflicts``) — and the version is raised with the
rest of the row; if any row was changed meanwhile, nothing is kept: the caller's
transaction is refused with the same one-line conflict a single edit gets.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, select, tuple_
from sqlalchemy.orm import Session

from db.core import seam
from db.core.conflicts import conflict
from db.core.row_images import digester, key_columns, row_key


def update_rows(session: Session, table: Table, befores: list[dict[str, Any]],
                afters: list[dict[str, Any]]) -> None:
    """Put each of ``afters`` in place of the row ``befores`` holds at the same index."""
    if not afters:
        return
    keys = key_columns(table)
    versioned = "row_version" in table.c
    columns = [name for name in afters[0] if name in table.c and name not in keys]
    where = [(k, [before[k] for before in befores]) for k in keys]
    if versioned:
        where.append(("row_version", [before.get("row_version") for before in befores]))
    changed = seam.of(session).update_rows(session.connection(), table, afters, columns,
                                           where)
    if changed != len(afters):
        _find_conflict(session, table, afters, keys)


def _find_conflict(session: Session, table: Table, afters: list[dict[str, Any]],
                   keys: list[str]) -> None:
    """Which row did not take its update (changed by someone since it was read)? Every
    row that did now holds its after-image; the first that does not is the conflict."""
    columns = sorted(name for name in afters[0] if name in table.c)
    digest = digester(table, columns)
    key = tuple_(*(table.c[k] for k in keys)) if len(keys) > 1 else table.c[keys[0]]
    for start in range(0, len(afters), 500):
        chunk = afters[start:start + 500]
        values = [tuple(r[k] for k in keys) if len(keys) > 1 else r[keys[0]] for r in chunk]
        found = {row_key(table, row): digest(row) for row in (
            dict(r._mapping) for r in session.connection().execute(
                select(table).where(key.in_(values))))}
        for row in chunk:
            object_id = row_key(table, row)
            if found.get(object_id) != digest(row):
                raise conflict(session.get_bind(), table.name, object_id)

"""One write, one transaction: every row it touches is recorded for audit and undo.

Services change the case only through a ``Transaction``: ``add``, ``update``,
``delete`` and ``bulk_insert``. Each records the row's before- and after-image; at
commit the images become hash-chained audit rows, and the same images let a command
undo and redo the write exactly — including rows removed by cascade.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete as sql_delete
from sqlalchemy import insert, inspect, select
from sqlalchemy import update as sql_update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from db.core import seam
from db.core.audit import AuditWriter
from db.core.bulk_update import update_rows
from db.core.changes import Changes
from db.core.conflicts import conflict
from db.core.row_images import bulk_image, bulk_update_image, key_columns, table_of
from db.models import Base, Blob

# A bulk change larger than this is announced as "reload everything", not id by id.
BULK_LISTED = 5000

# Tables whose rows are never recorded with their full content (bytes).
_CONTENT_TABLES = {"blobs"}


def model_for(table_name: str) -> type[Base]:
    for mapper in Base.registry.mappers:
        if mapper.local_table.name == table_name:
            return mapper.class_
    raise KeyError(table_name)


def snapshot(obj: Base) -> dict[str, Any]:
    """The row as plain JSON-able values, keyed by column name."""
    mapper = inspect(obj).mapper
    return {column.key: getattr(obj, attr.key)
            for attr in mapper.column_attrs for column in attr.columns}


def _primary_key(table_name: str, row: dict[str, Any]) -> dict[str, Any]:
    table = Base.metadata.tables[table_name]
    return {column.name: row[column.name] for column in table.primary_key.columns}


def _object_id(table_name: str, row: dict[str, Any]) -> str:
    return "/".join(str(v) for v in _primary_key(table_name, row).values())


@dataclass
class Record:
    """One row changed: (None, after) inserted, (before, None) deleted, else updated.

    A bulk record holds many inserted rows at once (imports, merges): a list, or, from an
    import that streams, the chunk's keys (``db.core.row_spool.RowsInCase``). ``image``
    is its audit image (``row_images.bulk_image``) when the writer computed it already,
    chunk by chunk; the audit then uses it and lets it go.
    """

    table: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    bulk: Sequence[dict[str, Any]] | None = None
    bulk_removed: bool = False
    image: dict[str, Any] | None = None
    # A bulk update: ``bulk`` holds the rows after, ``bulk_before`` the same rows before.
    bulk_before: list[dict[str, Any]] | None = None


class Transaction:
    def __init__(self, session: Session, author: str | None, label: str):
        self.session = session
        self.author = author
        self.label = label
        self.records: list[Record] = []
        # The audit chain's head after this transaction's rows: (seq, hash), once written.
        self.head: tuple[int, str] | None = None

    # -- writes ---------------------------------------------------------------------
    def add(self, obj: Base) -> Base:
        self.session.add(obj)
        self.session.flush()
        self.records.append(Record(obj.__tablename__, None, snapshot(obj)))
        return obj

    def update(self, obj: Base, expected_version: int | None = None, **values: Any) -> Base:
        """Change ``obj``'s columns. A versioned row (entities, links, claims) shown to
        someone at ``expected_version`` must still be at it (``db.core.conflicts``)."""
        before = snapshot(obj)
        current = before.get("row_version")
        if expected_version is not None and current is not None and current != expected_version:
            raise conflict(self.session.get_bind(), obj.__tablename__,
                           _object_id(obj.__tablename__, before))
        for key, value in values.items():
            setattr(obj, key, value)
        try:
            self.session.flush()
        except StaleDataError:
            raise conflict(self.session.get_bind(), obj.__tablename__,
                           _object_id(obj.__tablename__, before)) from None
        after = snapshot(obj)
        if after != before:
            self.records.append(Record(obj.__tablename__, before, after))
        return obj

    def delete(self, obj: Base) -> None:
        """Delete a row and, first, everything the schema would cascade to."""
        self._cascade(obj.__tablename__, snapshot(obj))
        before = snapshot(obj)
        self.session.delete(obj)
        self.session.flush()
        self.records.append(Record(obj.__tablename__, before, None))

    def bulk_insert(self, model: type[Base], rows: list[dict[str, Any]]) -> None:
        """Insert many rows and record them as one change.

        Rows that all carry the same columns, every column with a Python-side default
        among them, go straight through the driver (``seam.insert_rows``; new entities'
        search text indexed from memory), about three times cheaper than Core's per-row
        bind processing; any other batch through a Core insert, defaults applied."""
        if not rows:
            return
        table = model.__table__
        if _uniform(table, rows):
            bulk, connection = seam.of(self.session), self.session.connection()
            if table.name == "entities" and len(rows) > 1000:
                with bulk.indexed_entity_rows(connection, rows):
                    bulk.insert_rows(connection, table, rows)
            else:
                bulk.insert_rows(connection, table, rows)
        else:
            self.session.execute(insert(table), rows)
        self.records.append(Record(model.__tablename__, None, None, bulk=rows))

    def bulk_update(self, model: type[Base], befores: list[dict[str, Any]],
                    afters: list[dict[str, Any]]) -> None:
        """Replace many rows (full before- and after-images, as plain dicts) with one
        statement, each only if still as read, and record them as one change: audited by
        digests as a bulk insert is, undone and redone exactly (``db.core.bulk_update``).
        """
        if not afters:
            return
        update_rows(self.session, model.__table__, befores, afters)
        self.records.append(Record(model.__tablename__, None, None, bulk=afters,
                                   bulk_before=befores))

    def add_blob(self, sha256: str, data: bytes) -> None:
        """Store original bytes once per content; blobs are never deleted by undo."""
        if self.session.get(Blob, sha256) is None:
            self.session.add(Blob(sha256=sha256, data=data))
            self.session.flush()
            self.records.append(Record("blobs", None, {"sha256": sha256, "size": len(data)}))

    def _cascade(self, table_name: str, row: dict[str, Any]) -> None:
        for table in Base.metadata.sorted_tables:
            for fk in table.foreign_keys:
                if fk.column.table.name != table_name:
                    continue
                value = row[fk.column.name]
                model = model_for(table.name)
                children = self.session.scalars(
                    select(model).where(fk.parent == value)).all()
                for child in children:
                    if fk.ondelete == "CASCADE":
                        self.delete(child)
                    elif fk.ondelete == "SET NULL":
                        self.update(child, **{fk.parent.key: None})
                    else:
                        raise ValueError(
                            f"cannot delete: {table.name} still refers to it")

    # -- results ----------------------------------------------------------------------
    @property
    def changes(self) -> Changes:
        changes = Changes()
        for record in self.records:
            if record.bulk is not None and len(record.bulk) > BULK_LISTED:
                # Listing a million ids costs seconds and no pane refreshes row by row
                # after an import that size: ask for a reload instead.
                changes.everything = True
                continue
            for row in record.bulk or ():
                changes.note_row(record.table, row)
            changes.note_row(record.table, record.before)
            changes.note_row(record.table, record.after)
        return changes

    def write_audit(self, action: str | None = None) -> None:
        """Chain one audit row per record; ``head`` becomes the last row's (seq, hash).

        A bulk record keeps each row's key and a digest of its columns (see
        ``row_images.bulk_image``): what ``casefile check`` replays to verify every row an
        import or merge wrote, without storing a second copy of a million rows.
        """
        writer = AuditWriter(self.session, self.author)
        for record in self.records:
            action_text = action or self.label
            if record.bulk is not None:
                if record.bulk_before is not None:
                    image = bulk_update_image(record.table, record.bulk_before, record.bulk)
                elif record.bulk_removed:
                    table = table_of(record.table)
                    names = key_columns(table)
                    image = {"deleted": ["/".join(str(r[n]) for n in names)
                                         for r in record.bulk]}
                elif record.image is not None:
                    image, record.image = record.image, None  # written once, then let go
                else:
                    image = bulk_image(record.table, record.bulk)
                writer.write(action_text, record.table, f"bulk:{len(record.bulk)}", None,
                             image)
                continue
            object_id = _object_id(record.table, record.after or record.before or {})
            writer.write(action_text, record.table, object_id, record.before, record.after)
        if writer.last is not None:
            self.session.flush()
            self.head = (writer.last.seq, writer.last.hash)


def _uniform(table: Any, rows: list[dict[str, Any]]) -> bool:
    """Whether every row has the same keys, including each column a Python default fills."""
    keys = rows[0].keys()
    needed = {c.name for c in table.columns if c.default is not None}
    return needed <= keys and all(row.keys() == keys for row in rows)


def apply_records(session: Session, records: list[Record], *, reverse: bool) -> list[Record]:
    """Undo (reverse=True) or redo recorded changes with Core statements.

    Returns the records describing what this application itself changed, for the audit.
    """
    applied: list[Record] = []
    for record in (reversed(records) if reverse else records):
        if record.table in _CONTENT_TABLES:
            continue  # bytes stay; a document row is what makes them part of the case
        table = Base.metadata.tables[record.table]
        if record.bulk_before is not None:
            old, new = ((list(record.bulk), record.bulk_before) if reverse
                        else (record.bulk_before, list(record.bulk)))
            update_rows(session, table, old, new)
            applied.append(Record(record.table, None, None, bulk=new, bulk_before=old))
            continue
        if record.bulk is not None:
            pk = list(table.primary_key.columns)[0]
            if reverse and hasattr(record.bulk, "keep"):
                record.bulk.keep(session)  # rows known by key: read back for a redo first
            ids = [row[pk.name] for row in record.bulk]
            if reverse:
                for start in range(0, len(ids), 500):
                    session.execute(sql_delete(table).where(pk.in_(ids[start:start + 500])))
                applied.append(Record(record.table, None, None, bulk=record.bulk,
                                      bulk_removed=True))
            else:
                rows = record.bulk if isinstance(record.bulk, list) else list(record.bulk)
                session.execute(insert(table), rows)
                del rows
                applied.append(Record(record.table, None, None, bulk=record.bulk))
            continue
        old, new = (record.after, record.before) if reverse else (record.before, record.after)
        if old is None:  # put the row (back)
            session.execute(insert(table).values(**new))
        else:
            key = _primary_key(record.table, old)
            where = [table.c[name] == value for name, value in key.items()]
            if "row_version" in table.c and old.get("row_version") is not None:
                # Undo/redo only what is still as this command left it: a row someone else
                # changed since is theirs now (db.core.conflicts).
                where.append(table.c.row_version == old["row_version"])
            statement = (sql_delete(table) if new is None
                         else sql_update(table).values(**new)).where(*where)
            if session.execute(statement).rowcount != 1:
                raise conflict(session.get_bind(), record.table, _object_id(record.table, old))
        applied.append(Record(record.table, old, new))
    session.expire_all()
    return applied

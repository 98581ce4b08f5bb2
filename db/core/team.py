"""Team cases: a case that lives in a PostgreSQL database instead of a file.

The same models, services, reads and migrations as a case file — only the engine differs
(``db.core.seam`` holds what PostgreSQL does its own way). ``open_case(location)`` is how
the CLI and the GUI open either kind: a ``postgresql://`` URL opens a team case, anything
else a case file.

Several people write at once here, so migrations run under an advisory lock (two first
openings cannot both create the schema), and edits of entities, links and claims carry a
row version (``db.core.conflicts``): an edit made on a row someone else changed since it
was read is refused as a conflict, never silently overwritten.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from db import APP_VERSION
from db.core import migrate, signing
from db.core.casefile import CaseFile, CaseFileError, default_author
from db.core.seam import postgres_notify
from db.core.transaction import Transaction
from db.models import Base, CaseMeta, new_id, utc_now

SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")
# One number for "Case File Explorer migrates this database" across every client.
_MIGRATION_LOCK = 0x43415345  # "CASE"


def _json_text(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def is_team_location(location: str | Path) -> bool:
    return isinstance(location, str) and location.startswith(SCHEMES)


class TeamLocation(str):
    """Where a team case lives, shown without its password; ``name``/``stem`` as a path's."""

    def __new__(cls, url: str) -> TeamLocation:
        parts = urlsplit(url)
        netloc = parts.netloc
        if "@" in netloc:
            user, _, host = netloc.rpartition("@")
            netloc = f"{user.split(':', 1)[0]}@{host}"
        shown = urlunsplit(("postgresql", netloc, parts.path, parts.query, ""))
        location = super().__new__(cls, shown)
        location.database = parts.path.lstrip("/") or "postgres"
        location.host = parts.hostname or "local socket"
        return location

    @property
    def name(self) -> str:
        return f"{self.database} (team case)"

    @property
    def stem(self) -> str:
        return self.database

    @property
    def suffix(self) -> str:
        return ""


def engine_url(url: str) -> str:
    """SQLAlchemy's name for the driver: psycopg 3."""
    for scheme in ("postgresql://", "postgres://"):
        if url.startswith(scheme):
            return "postgresql+psycopg://" + url[len(scheme):]
    return url


class TeamCase(CaseFile):
    """An open team case. ``path`` is its ``TeamLocation`` (the URL without password)."""

    @classmethod
    def connect(cls, url: str, author: str | None = None, *, create: bool = True,
                name: str | None = None, marking: str = "CONFIDENTIAL") -> TeamCase:
        """Open the team case at ``url``; an empty database becomes one (``create``)."""
        location = TeamLocation(url)
        # JSON as written, not \u-escaped: the search column reads names out of it.
        engine = create_engine(engine_url(url), pool_pre_ping=True, pool_size=2,
                               max_overflow=4, json_serializer=_json_text)
        case = cls(location, engine, author or default_author())
        try:
            fresh = case._migrate(create)
        except CaseFileError:
            engine.dispose()
            raise
        except OperationalError as error:
            engine.dispose()
            first = (str(error.orig).strip().splitlines() or ["no answer"])[0]
            raise CaseFileError(f"cannot reach the team case {location}: {first}") from None
        except SQLAlchemyError as error:
            engine.dispose()
            first = (str(getattr(error, "orig", error)).strip().splitlines() or [""])[0]
            raise CaseFileError(f"cannot open the team case {location}: {first}") from None
        if fresh:
            case.set_meta({"case_id": new_id(), "name": name or location.database,
                           "author": case.author, "created": utc_now(), "marking": marking,
                           "app_version": APP_VERSION}, label="Create case")
        return case

    def _migrate(self, create: bool) -> bool:
        """Bring the schema to this version's head; True when the database was empty."""
        with self.engine.begin() as connection:
            connection.execute(text("SELECT pg_advisory_xact_lock(:k)"),
                               {"k": _MIGRATION_LOCK})
            revision = migrate.current_revision(connection)
            tables = set(connection.dialect.get_table_names(connection))
            if revision is None:
                if tables & set(Base.metadata.tables):
                    raise CaseFileError(f"{self.path} holds tables but is not a Case File "
                                        "Explorer team case")
                if not create:
                    raise CaseFileError(f"{self.path} is empty, not a team case")
            elif revision not in migrate.known_revisions():
                raise CaseFileError(f"{self.path} has schema revision {revision!r}, written by "
                                    "a newer version of Case File Explorer — please update")
            if revision != migrate.HEAD_REVISION:
                migrate.upgrade(connection)
            if revision is None:
                return True
        with self.engine.connect() as connection:
            has_meta = connection.execute(select(CaseMeta.key).limit(1)).first()
        return has_meta is None

    # -- live: colleagues' commits ----------------------------------------------------------
    @property
    def client_id(self) -> str:
        if not hasattr(self, "_client_id"):
            self._client_id = new_id()
        return self._client_id

    @contextmanager
    def transaction(self, label: str) -> Iterator[Transaction]:
        with super().transaction(label) as tx:
            yield tx
            postgres_notify.announce(tx.session, self.client_id)

    def watch(self, on_change: Callable[[], None]) -> Callable[[], None]:
        """Call ``on_change()`` from a background thread whenever another client commits."""
        return postgres_notify.listen(self.engine, self.client_id, on_change)

    @staticmethod
    def _engine(path: Path) -> Engine:  # pragma: no cover - a team case has no file
        raise CaseFileError("a team case is opened with TeamCase.connect(url)")

    def close(self) -> None:
        if self.committed:
            signing.sign_quietly(self, "close")
        self.engine.dispose()

    def file_sha256(self) -> str:
        """SHA-256 of the case's content: every row of every table in key order.

        A team case has no file to hash; this digest changes with any change to any row,
        and two team cases (or a team case and the case file it was pulled into) with the
        same content have the same digest (``db.core.transfer.content_sha256``).
        """
        from db.core.transfer import content_sha256

        return content_sha256(self)


def open_case(location: str | Path, author: str | None = None, *,
              create_team_case: bool = False) -> CaseFile:
    """A case file (a path) or a team case (a ``postgresql://`` URL), opened. An empty
    database becomes a team case only when ``create_team_case`` says so."""
    if is_team_location(location):
        return TeamCase.connect(str(location), author=author, create=create_team_case)
    return CaseFile.open(Path(location), author=author)


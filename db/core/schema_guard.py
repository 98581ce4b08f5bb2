"""Is this file's schema exactly the one our own migrations create? Checked on every open.

The reference for each schema version is made by running the shipped migrations on an
in-memory database (about 50 ms, once per process and version), so it can never drift
from what the app really creates. A file whose ``sqlite_master`` differs — an extra
trigger, view, table or index, an altered definition, a missing object — is refused with
one line naming the first difference; ``casefile check --quarantine`` writes a clean copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.pool import StaticPool

from db.core import migrate
from db.core.seam.sqlite_schema import SchemaObject, Unreadable, differences, read_schema, schema_of

SUFFIX = ".casefile"
REVISIONS_BY_VERSION = {version: revision
                        for revision, version in migrate.SCHEMA_VERSIONS.items()}


@cache
def reference_schema(revision: str) -> dict[tuple[str, str], SchemaObject]:
    """What our migrations up to ``revision`` create, object by object."""
    engine = create_engine("sqlite://", poolclass=StaticPool)
    try:
        with engine.begin() as connection:
            migrate.upgrade(connection, revision)
            return schema_of(connection)
    finally:
        engine.dispose()


@dataclass(frozen=True)
class SchemaReport:
    """What the file's schema is, read without trusting it."""

    revision: str | None  # the Alembic revision of its schema version, if known
    problems: list[str]  # differences from the reference, extra/altered first

    @property
    def ok(self) -> bool:
        return self.revision is not None and not self.problems


def inspect_schema(path: Path, schema_version: int) -> SchemaReport:
    """Compare the file's schema with the reference for its version.

    Raises ``Unreadable`` when the schema cannot even be read (damage).
    """
    revision = REVISIONS_BY_VERSION.get(schema_version)
    if revision is None:
        return SchemaReport(None, [f"unknown schema version {schema_version}"])
    found, stored = read_schema(path)
    problems = differences(found, reference_schema(revision))
    if not problems and stored != revision:
        problems = [f"its schema {schema_version} records revision {stored!r}, "
                    f"not {revision!r}"]
    return SchemaReport(revision, problems)


def schema_refusal(path: Path, schema_version: int) -> str | None:
    """One line saying why the file's schema cannot be trusted, or None."""
    name = path.name
    try:
        report = inspect_schema(path, schema_version)
    except Unreadable as error:
        return f"{name} is damaged: {error}"
    if report.ok:
        return None
    more = len(report.problems) - 1
    also = f" (and {more} more difference{'s' if more > 1 else ''})" if more else ""
    if report.revision is None:
        return f"{name} has an {report.problems[0]}"
    return (f"{name} was refused: {report.problems[0]}{also}; "
            f"'casefile check --quarantine {name} CLEAN{SUFFIX}' writes a clean copy")

"""Run the shipped Alembic migrations on a case file's connection."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

MIGRATIONS = Path(__file__).with_name("migrations")

# The schema version written to PRAGMA user_version, one per Alembic revision, so that a
# newer file can be recognised from its header before anything touches it.
SCHEMA_VERSIONS = {"0001": 1, "0002": 2, "0003": 3}
HEAD_REVISION = "0003"
SCHEMA_VERSION = SCHEMA_VERSIONS[HEAD_REVISION]


def alembic_config(connection: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(connection: Connection, revision: str = "head") -> None:
    command.upgrade(alembic_config(connection), revision)


def known_revisions() -> set[str]:
    script = ScriptDirectory(str(MIGRATIONS))
    return {rev.revision for rev in script.walk_revisions()}

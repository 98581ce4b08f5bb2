"""``casefile check --quarantine CASE OUT``: a clean copy of a refused case file.

The copy is made the only way that cannot carry foreign code along: a new file is built
by our own migrations at the case's schema version, and only the *rows* of the tables
those migrations create are copied into it, column by column (read over a connection
with ``trusted_schema=OFF``; triggers, views, extra indexes and tables of the original are
never copied, a generated column is never evaluated). Full-text indexes are rebuilt by
our own triggers as the rows arrive. The copy is then upgraded to the current schema and
records in its audit trail what was left behind. The original is only read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from db.core import migrate
from db.core.admission import refusal
from db.core.casefile import SUFFIX, CaseFile, CaseFileError, default_author
from db.core.placing import put_in_place, temporary_beside
from db.core.progress import NO_PROGRESS, Progress
from db.core.schema_guard import inspect_schema, reference_schema
from db.core.seam import sqlite as sqlite_seam
from db.core.seam.sqlite_schema import SchemaObject, Unreadable, copy_tables

FTS_SHADOW_SUFFIXES = ("_data", "_idx", "_content", "_docsize", "_config")
SKIPPED_TABLES = {"alembic_version"}  # written by the migrations themselves


@dataclass
class QuarantineReport:
    source: Path
    target: Path
    left_out: list[str] = field(default_factory=list)  # objects not copied, one phrase each
    rows_copied: int = 0
    rows_left_out: dict[str, int] = field(default_factory=dict)  # table → rows that did not fit

    def as_dict(self) -> dict:
        return {"source": str(self.source), "target": str(self.target),
                "left_out": self.left_out, "rows_copied": self.rows_copied,
                "rows_left_out": self.rows_left_out}


def data_tables(reference: dict[tuple[str, str], SchemaObject]) -> list[str]:
    """The tables whose rows make up a case: ours, plain, not full-text index storage."""
    virtual = [item.name for item in reference.values()
               if item.type == "table" and not item.is_plain_table]
    shadows = {f"{name}{suffix}" for name in virtual for suffix in FTS_SHADOW_SUFFIXES}
    return sorted(item.name for item in reference.values()
                  if item.is_plain_table and item.name not in shadows
                  and item.name not in SKIPPED_TABLES)


def quarantine_copy(source: str | Path, target: str | Path, author: str | None = None,
                    progress: Progress = NO_PROGRESS) -> QuarantineReport:
    """Write ``target``: ``source``'s rows in a schema made by our migrations alone."""
    source, target = Path(source), Path(target)
    problem = refusal(source)
    if problem:
        raise CaseFileError(problem)
    if target.exists() or target.is_symlink():
        raise CaseFileError(f"{target.name} already exists; choose another name")
    if target.suffix != SUFFIX:
        raise CaseFileError(f"{target.name}: a case file's name must end in {SUFFIX}")
    if not target.parent.is_dir():
        raise CaseFileError(f"{target.parent}: no such folder")
    if source.resolve() == target.resolve():
        raise CaseFileError("the clean copy must be a new file, not the original")
    version = sqlite_seam.read_header(source).user_version
    try:
        found = inspect_schema(source, version)
    except Unreadable as error:
        raise CaseFileError(f"{source.name} is damaged beyond a clean copy: {error}") from None
    report = QuarantineReport(source, target, left_out=list(found.problems))
    temporary = temporary_beside(target)
    try:
        _copy(source, temporary, found.revision or migrate.HEAD_REVISION, version, report,
              progress)
        _record(temporary, report, author or default_author())
        put_in_place(temporary, target)
    except BaseException as error:
        for leftover in (temporary, *sqlite_seam.companions(temporary)):
            leftover.unlink(missing_ok=True)
        if isinstance(error, Unreadable):
            raise CaseFileError(f"{source.name} could not be copied: {error}") from None
        raise
    return report


def _copy(source: Path, temporary: Path, revision: str, version: int,
          report: QuarantineReport, progress: Progress) -> None:
    reference = reference_schema(revision)
    engine = CaseFile._engine(temporary, create=True)
    try:
        with engine.begin() as connection:
            migrate.upgrade(connection, revision)
            sqlite_seam.mark_case_file(connection, version)
    finally:
        engine.dispose()
    copied = copy_tables(source, temporary, data_tables(reference),
                         lambda done, total, table: progress.step(done, total,
                                                                  f"copying {table}"))
    for table, (read, written) in copied.items():
        report.rows_copied += written
        if read > written:
            report.rows_left_out[table] = read - written
    engine = CaseFile._engine(temporary)
    try:
        with engine.begin() as connection:
            migrate.upgrade(connection)
            sqlite_seam.mark_case_file(connection, migrate.SCHEMA_VERSION)
            sqlite_seam.enable_wal(connection)
    finally:
        engine.dispose()


def _record(temporary: Path, report: QuarantineReport, author: str) -> None:
    """Say in the copy's own audit trail where it came from and what stayed behind."""
    case = CaseFile(temporary, CaseFile._engine(temporary), author)
    try:
        left = "; ".join(report.left_out) or "nothing"
        case.set_meta({"quarantined_from": report.source.name, "quarantine_left_out": left},
                      label=f"Clean copy of {report.source.name}: left out {left}")
    finally:
        case.close()

"""Import an FtM file in bounded memory: two passes over the file, writes in chunks.

``read_ftm`` builds the whole file as rows (what the GUI previews); at a million entities
that is gigabytes. ``import_ftm_file`` instead reads the file twice, a line at a time
(``ftm_lines.iter_file_objects``):

1. *Survey* — every line parsed (a file that is not JSON lines, or an object without a
   text id and schema, is refused here, before anything is written), keeping only each
   id's schema: which ids are entities (an entity property naming one becomes a link),
   which repeat and on which line the last fragment stands, and the names of
   sanctioning authorities.
2. *Write* — in ONE transaction, every object checked in full as it is read (a refusal
   rolls back what was written): entity rows go to the case in chunks
   (``chunk_writer.ChunkWriter``) as soon as their last fragment is read; interval objects
   wait, spooled to disk, until every entity is in, then become links in chunks.

What stays in memory is the survey (an id and its schema per object), one chunk of rows,
the entities whose fragments are still coming, and each written row's audit key and
digest. The import is one undoable step; its rows are kept by key (an undo reads them
back before deleting them, for the redo: ``db.core.row_spool``). A JSON array (one
value) is read whole, as ``read_ftm`` reads it.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import DBAPIError, StatementError

from db.core.commands import Command
from db.core.progress import NO_PROGRESS, Progress
from db.core.row_spool import RowSpool
from db.core.transaction import Transaction
from db.formats import chunk_writer
from db.formats.batch import paused_gc
from db.formats.chunk_writer import ChunkWriter
from db.formats.ftm import (
    ENTITY_SCHEMA_SET,
    entity_row,
    merge_values,
    merged_warning,
    prepared,
    report_properties,
    unknown_kind,
)
from db.formats.ftm_lines import iter_file_objects
from db.formats.ftm_links import LINK_BY_FTM, LinkReader, authority_name, references_of
from db.formats.results import KINDS, FormatError, ImportBatch, ImportResult
from db.models import utc_now

if TYPE_CHECKING:
    from db.core.casefile import CaseFile

log = logging.getLogger(__name__)


@dataclass
class Survey:
    """What the first pass keeps of the file: ids, not rows."""

    schemata: dict[str, str] = field(default_factory=dict)  # id → schema, every object
    last_line: dict[str, int] = field(default_factory=dict)  # repeated id → last fragment
    authorities: set[str] = field(default_factory=set)  # sanctioning authorities' names
    lines: int = 0

    def is_entity(self, entity_id: str) -> bool:
        return self.schemata.get(entity_id) in ENTITY_SCHEMA_SET


class _EntityIds:
    """The ids of the file's entities, as ``references_of`` asks for them."""

    def __init__(self, survey: Survey):
        self.survey = survey

    def __contains__(self, entity_id: object) -> bool:
        return isinstance(entity_id, str) and self.survey.is_entity(entity_id)


def survey_ftm(path: Path, name: str, progress: Progress = NO_PROGRESS) -> Survey:
    """Pass 1: read and check every line; refuse the file (FormatError) or describe it."""
    survey = Survey()
    schemata, last_line, intern = survey.schemata, survey.last_line, sys.intern
    for number, item in iter_file_objects(path, name, progress, f"Checking {name}",
                                          ids_only=True):
        entity_id, schema = item["id"], intern(item["schema"])
        before = len(schemata)
        known = schemata.setdefault(entity_id, schema)
        if len(schemata) == before:  # a repeated id
            if known != schema:
                first = next(n for n, other in iter_file_objects(path, name)
                             if other["id"] == entity_id)
                raise FormatError(f"{name}, lines {first} and {number}: one id with two "
                                  f"schemata ({known}, {schema})")
            last_line[entity_id] = number
        if schema == "Sanction":  # properties are checked in pass 2, not yet
            props = item.get("properties")
            authority = props.get("authority") if type(props) is dict else None
            survey.authorities.add(authority_name(
                str(authority[0]) if type(authority) is list and authority else ""))
        survey.lines = number
    return survey


def import_ftm_file(case: CaseFile, path: str | Path,
                    progress: Progress = NO_PROGRESS) -> Command:
    """Import ``path`` into ``case`` as one undoable step; returns the done command
    (``.result`` is the ``ImportResult``). A file that cannot be read raises FormatError
    and leaves the case unchanged."""
    path = Path(path)
    name = path.name
    with paused_gc():
        survey = survey_ftm(path, name, progress)
        command = Command(f"Import {name} (FtM)",
                          lambda tx: _write(tx, path, name, survey, progress))
        command.do(case)
    return command


def _write(tx: Transaction, path: Path, name: str, survey: Survey,
           progress: Progress) -> ImportResult:
    try:
        return _Pass(tx, name, survey).run(path, progress)
    except (DBAPIError, StatementError) as error:
        # A row the checks let through and the database refused: details to the log only.
        log.error("import %s refused by the database", name, exc_info=error)
        raise FormatError(f"{name}: a record conflicts with the case and cannot be added; "
                          "nothing was changed (details in the log)") from None


class _Pass:
    """Pass 2: the file's rows, written chunk by chunk in the import's transaction."""

    def __init__(self, tx: Transaction, name: str, survey: Survey):
        self.name, self.survey, self.now = name, survey, utc_now()
        self.report = ImportBatch(label=f"Import {name} (FtM)", origin=name)
        self.writer = ChunkWriter(tx, name)
        self.spool = RowSpool()  # interval objects and references, until entities are in
        self.entities: list[dict[str, Any]] = []
        self.pending: list[tuple[int, str, dict[str, Any], dict[str, Any]]] = []
        self.references: list[dict[str, Any]] = []
        self.pending_chunks: list[Any] = []
        self.reference_chunks: list[Any] = []
        self.names: dict[str, str] = {}  # caption → id, for authorities named in text
        self.ids = _EntityIds(survey)

    def run(self, path: Path, progress: Progress) -> ImportResult:
        last_line, report = self.survey.last_line, self.report
        waiting: dict[str, Any] = {}  # repeated id → its row (or pending link) so far
        merged = 0
        for number, item in iter_file_objects(path, self.name, progress,
                                              f"Adding {self.name}"):
            entity_id, schema, props, context = prepared(item, report)
            if entity_id in waiting:  # a later fragment of a repeated id
                merged += 1
                held = waiting[entity_id]
                if held is not None:
                    merge_values(held["properties"] if isinstance(held, dict) else held[2],
                                 props)
                if last_line[entity_id] == number:
                    del waiting[entity_id]
                    if held is not None:
                        self._emit(held)
                continue
            if schema in ENTITY_SCHEMA_SET:
                held = entity_row(item, props, context, self.name, self.now)
            elif schema in LINK_BY_FTM or schema == "Sanction":
                held = (number, schema, props, context | {"id": entity_id})
            else:
                report.unknown_schemata[unknown_kind(schema)] += 1
                held = None
            if entity_id in last_line:
                waiting[entity_id] = held
            elif held is not None:
                self._emit(held)
        self._flush_entities()
        if merged:
            report.warnings.append(merged_warning(merged))
        self._write_links(progress)
        progress.step(1, 1, "Done")
        return self._result()

    def _emit(self, held: Any) -> None:
        if not isinstance(held, dict):
            self.pending.append(held)
            if len(self.pending) >= chunk_writer.CHUNK:
                self.pending_chunks.append(self.spool.append(self.pending))
                self.pending = []
            return
        self.references += references_of(held, self.ids, self.now)
        if len(self.references) >= chunk_writer.CHUNK:
            self.reference_chunks.append(self.spool.append(self.references))
            self.references = []
        if held["caption"] in self.survey.authorities:
            self.names.setdefault(held["caption"], held["id"])
        self.entities.append(held)
        if len(self.entities) >= chunk_writer.CHUNK:
            self._flush_entities()

    def _flush_entities(self) -> None:
        report_properties(self.report, "entities", self.entities, self.ids)
        self.writer.entities(self.entities)
        self.entities = []

    def _write_links(self, progress: Progress) -> None:
        reader = LinkReader(self.report, self.name, self.now, self.names)
        total = len(self.pending_chunks) + len(self.reference_chunks) + 2
        for number, chunk in enumerate([*self.pending_chunks, self.pending], 1):
            progress.step(number, total, "Adding links")
            rows = [row for row in (reader.link(*p) for p in chunk) if row is not None]
            self.entities = self.report.entities  # sanctioning authorities named in text
            self.report.entities = []
            self._flush_entities()
            self._write_link_rows(rows)
        self.pending, self.pending_chunks = [], []
        reader.finish()
        for chunk in [*self.reference_chunks, self.references]:
            self._write_link_rows(list(chunk))
        self.references, self.reference_chunks = [], []

    def _write_link_rows(self, rows: list[dict[str, Any]]) -> None:
        report_properties(self.report, "links", rows, self.ids)
        self.writer.links(rows)

    def _result(self) -> ImportResult:
        writer, report = self.writer, self.report
        skipped = dict(report.skipped)
        for reason, count in writer.skipped.items():
            skipped[reason] = skipped.get(reason, 0) + count
        return ImportResult(report.label, {k: writer.added.get(k, 0) for k in KINDS},
                            {k: writer.present.get(k, 0) for k in KINDS},
                            dict(report.unknown_schemata), dict(report.unknown_properties),
                            skipped, list(report.warnings), writer.entity_ids,
                            writer.link_ids)

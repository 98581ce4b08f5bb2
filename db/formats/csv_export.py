"""Spreadsheets out: entities, links and claims as three CSV files (a folder or a zip),
or as three sheets of one XLSX workbook.

Every text cell that a spreadsheet would take for a formula (``=``, ``+``, ``-``, ``@``,
tab, CR first — OWASP's list) is written with a leading apostrophe, so a name such as
``=HYPERLINK(…)`` from someone else's file is shown, never run. CSV can start with a
UTF-8 byte-order mark, which Excel needs to read UTF-8 (without it Cyrillic is garbled).
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path
from typing import Any

from sqlalchemy import select

from db.core.progress import NO_PROGRESS, Progress
from db.formats.output import replacing
from db.models import Claim, ClaimTarget, Document, Entity, Link, Source

ENTITY_COLUMNS = ("id", "schema", "caption", "role", "country", "registrationNumber",
                  "properties", "origin", "created_by")
LINK_COLUMNS = ("id", "schema", "source_id", "source", "target_id", "target", "role",
                "start_date", "end_date", "share_min", "share_max", "shares_value",
                "shares_currency", "properties", "origin", "created_by")
CLAIM_COLUMNS = ("id", "document", "document_sha256", "excerpt", "span_start", "span_end",
                 "page", "statement", "source", "reliability", "credibility", "status",
                 "supports", "contradicts", "author", "origin")


FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """A cell a spreadsheet will show, never run: text starting like a formula (``=``,
    ``+``, ``-``, ``@``, tab, CR — OWASP's list) gets a leading apostrophe. Numbers stay
    numbers; the apostrophe is visible in a text editor, which is the point."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _tables(case: Any, progress: Progress) -> dict[str, list[list[Any]]]:
    cell = spreadsheet_safe

    with case.session() as session:
        captions = dict(session.execute(select(Entity.id, Entity.caption)).all())
        entities = [[cell(v) for v in (
            e.id, e.schema, e.caption, e.role, ";".join(e.values("country")),
            ";".join(e.values("registrationNumber")),
            json.dumps(e.properties, ensure_ascii=False, sort_keys=True), e.origin,
            e.created_by)] for e in session.scalars(select(Entity).order_by(Entity.caption))]
        progress.step(1, 3, "Writing links")
        links = [[cell(v) for v in (
            x.id, x.schema, x.source_id, captions.get(x.source_id), x.target_id,
            captions.get(x.target_id), x.role, x.start_date, x.end_date, x.share_min,
            x.share_max, x.shares_value, x.shares_currency,
            json.dumps(x.properties, ensure_ascii=False, sort_keys=True), x.origin,
            x.created_by)] for x in session.scalars(select(Link).order_by(Link.id))]
        progress.step(2, 3, "Writing claims")
        sources = dict(session.execute(select(Source.id, Source.name)).all())
        documents = {d.id: d for d in session.scalars(select(Document))}
        targets: dict[str, dict[str, list[str]]] = {}
        for t in session.scalars(select(ClaimTarget)):
            what = f"link:{t.link_id}" if t.link_id else (
                f"event:{t.event_id}" if t.event_id else f"entity:{t.entity_id}"
                + (f".{t.prop}={t.value}" if t.prop else ""))
            targets.setdefault(t.claim_id, {}).setdefault(t.stance, []).append(what)
        claims = []
        for c in session.scalars(select(Claim).order_by(Claim.document_id, Claim.span_start)):
            document = documents[c.document_id]
            claims.append([cell(v) for v in (
                c.id, document.title, document.sha256, c.excerpt, c.span_start, c.span_end,
                c.page, c.statement, sources.get(c.source_id or document.source_id),
                c.reliability, c.credibility, c.status,
                " ".join(targets.get(c.id, {}).get("supports", [])),
                " ".join(targets.get(c.id, {}).get("contradicts", [])), c.author, c.origin)])
    return {"entities.csv": [list(ENTITY_COLUMNS)] + entities,
            "links.csv": [list(LINK_COLUMNS)] + links,
            "claims.csv": [list(CLAIM_COLUMNS)] + claims}


def export_csv(case: Any, out: Path, progress: Progress = NO_PROGRESS, *,
               bom: bool = False) -> dict[str, int]:
    """entities.csv, links.csv and claims.csv into folder ``out`` (or ``out``.zip).

    ``bom``: start each file with a UTF-8 byte-order mark, which Excel needs to read
    UTF-8 (without it Excel garbles Cyrillic as cp1252)."""
    progress.step(0, 3, "Writing entities")
    tables = _tables(case, progress)
    texts = {}
    for file_name, rows in tables.items():
        buffer = io.StringIO(newline="")
        csv.writer(buffer).writerows(rows)
        texts[file_name] = ("\ufeff" if bom else "") + buffer.getvalue()
    if out.suffix.lower() == ".zip":
        with replacing(out) as part, zipfile.ZipFile(part, "w", zipfile.ZIP_DEFLATED) as archive:
            for file_name, text in texts.items():
                archive.writestr(file_name, text)
    else:
        out.mkdir(parents=True, exist_ok=True)
        for file_name, text in texts.items():
            (out / file_name).write_text(text, encoding="utf-8", newline="")
    return {name.removesuffix(".csv"): len(rows) - 1 for name, rows in tables.items()}


def export_xlsx(case: Any, out: Path, progress: Progress = NO_PROGRESS) -> dict[str, int]:
    """One workbook with the sheets entities, links and claims (cells as in the CSV)."""
    from openpyxl import Workbook

    progress.step(0, 3, "Writing entities")
    tables = _tables(case, progress)
    book = Workbook(write_only=True)
    for file_name, rows in tables.items():
        sheet = book.create_sheet(file_name.removesuffix(".csv"))
        for row in rows:
            sheet.append(row)
    with replacing(out) as part:
        book.save(part)
    return {name.removesuffix(".csv"): len(rows) - 1 for name, rows in tables.items()}

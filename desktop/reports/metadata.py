"""The PDF's own metadata: title, author, subject and keywords (the case id and the audit
chain's head), so a summary found in a mail folder says what it is and which state of
which case it was printed from.

QPdfWriter sets title, author and creator; subject and keywords are added afterwards as
an incremental update (pypdf appends a new info dictionary; the pages are not rewritten).
"""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfWriter

from db.reporting.content import CaseSummary, EntitySummary
from desktop.reports.markup import tr


def subject_of(summary: EntitySummary | CaseSummary) -> str:
    header = summary.header
    as_of = header.as_of or tr("every date")
    if isinstance(summary, EntitySummary):
        return tr("Evidence summary of {name} ({schema}), facts as of {as_of}").format(
            name=summary.name, schema=summary.schema, as_of=as_of)
    return tr("Case summary of {name}, facts as of {as_of}").format(name=header.name,
                                                                   as_of=as_of)


def keywords_of(summary: EntitySummary | CaseSummary) -> str:
    header = summary.header
    words = [f"case:{header.case_id}"]
    if header.chain_head:
        words.append(f"chain-head:{header.chain_head}")
    return ", ".join(words)


def set_pdf_metadata(path: Path, summary: EntitySummary | CaseSummary) -> None:
    writer = PdfWriter(str(path), incremental=True)
    writer.add_metadata({"/Subject": subject_of(summary), "/Keywords": keywords_of(summary)})
    with open(path, "r+b") as handle:  # incremental: appended to the same file
        writer.write(handle)

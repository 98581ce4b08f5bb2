"""Small HTML pieces shared by the summaries: escaping, cells, citations, the cover and
the source annex. Every piece of case data goes through ``text()`` (html.escape), so a
name like "<b>Evil</b>" prints literally; right-to-left text gets ``dir="rtl"``."""

from __future__ import annotations

import html
import unicodedata

from PySide6.QtCore import QCoreApplication

from db.reporting.content import AnnexDocument, CaseHeader, ChainFigure, ConflictRow, Evidence
from db.wording import status_text

FIGURE_URL = "casefile-report/chain-figure.png"

# Qt's rich text understands a subset of CSS 2.1: enough for this.
STYLE = """
body { font-size: 9.5pt; color: #1a1a1a; }
h1 { font-size: 20pt; font-weight: bold; color: #14304f; margin-top: 0px; margin-bottom: 10px; }
h2 { font-size: 13.5pt; font-weight: bold; color: #14304f; margin-top: 22px; margin-bottom: 8px; }
h3 { font-size: 11pt; font-weight: bold; color: #1a1a1a; margin-top: 16px; margin-bottom: 6px; }
p { margin-top: 0px; margin-bottom: 3px; }
p.note { color: #5f6b78; font-size: 8.5pt; margin-top: 6px; margin-bottom: 6px; }
table.data { border-collapse: collapse; border-color: #b9c2cc; }
table.data th { background-color: #e6ebf1; color: #14304f; font-weight: bold;
                text-align: left; font-size: 8.5pt; }
table.data td { font-size: 9pt; vertical-align: top; }
table.keys td { font-size: 9pt; vertical-align: top; }
.group { font-weight: bold; margin-top: 4px; margin-bottom: 0px; }
td.kindrow { background-color: #f3f5f8; color: #14304f; font-weight: bold; font-size: 10pt; }
.muted { color: #5f6b78; font-size: 8.5pt; }
.cite { color: #14304f; font-weight: bold; }
.against { color: #9a3412; font-weight: bold; }
.unsourced { color: #b91c1c; font-weight: bold; }
.hash { font-family: 'DejaVu Sans Mono'; font-size: 8pt; }
.quote { font-size: 9.5pt; color: #111111; }
.marking { color: #b91c1c; font-weight: bold; font-size: 16pt; }
.kind { color: #5f6b78; font-size: 12pt; margin-top: 90px; margin-bottom: 4px; }
.title { font-size: 26pt; font-weight: bold; color: #14304f; margin-bottom: 4px; }
.status-disputed { color: #9a3412; font-weight: bold; }
.status-refuted { color: #b91c1c; font-weight: bold; }
"""


def tr(source: str) -> str:
    return QCoreApplication.translate("Report", source)


def is_rtl(value: str) -> bool:
    """True when the first strongly directional character is right-to-left."""
    for char in value:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def text(value: object) -> str:
    """Escaped data, inline."""
    return html.escape(str(value), quote=True)


def para(value: object, css: str = "", ltr: bool = False) -> str:
    """A paragraph of data; right-to-left text flows and aligns right-to-left, unless
    ``ltr`` (a path "A → B" reads left to right whatever the names' scripts)."""
    value = str(value)
    cls = f' class="{css}"' if css else ""
    if ltr:
        return f'<p dir="ltr"{cls}>{text(value)}</p>'
    if is_rtl(value):
        return f'<p dir="rtl" align="right"{cls}>{text(value)}</p>'
    return f"<p{cls}>{text(value)}</p>"


def evidence(value: Evidence) -> str:
    """"[1] [2]", "contradicted by [3]", or UNSOURCED."""
    parts = []
    if value.supporting:
        parts.append('<span class="cite">' + " ".join(f"[{n}]" for n in value.supporting)
                     + "</span>")
    else:
        parts.append(f'<span class="unsourced">{tr("UNSOURCED")}</span>')
    if value.contradicting:
        parts.append(f'<span class="against">{tr("contradicted by")} '
                     + " ".join(f"[{n}]" for n in value.contradicting) + "</span>")
    return " ".join(parts)


def fact_evidence(value: Evidence) -> str:
    """Evidence for an identity fact: a value nobody cited is "as recorded", not unsourced
    (only links are called unsourced)."""
    if not value.supporting and not value.contradicting:
        return f'<span class="muted">{tr("as recorded, no claim")}</span>'
    return evidence(value)


CHUNK_ROWS = 24


def bordered_table(head: str, rows: list[str]) -> str:
    """A bordered table with a repeating header row. Long tables are cut into chunks of
    ``CHUNK_ROWS`` rows that sit flush one under the other: Qt's table layout slows down
    sharply with rows per table, so a 500-claim case would otherwise take ages to print."""
    chunks = [rows[i:i + CHUNK_ROWS] for i in range(0, len(rows), CHUNK_ROWS)] or [[]]
    return "".join(
        f'<table class="data" width="100%" border="1" cellspacing="0" cellpadding="4"'
        f' style="margin-top: 0px; margin-bottom: 0px">'
        f"<thead><tr>{head}</tr></thead>{''.join(chunk)}</table>" for chunk in chunks)


def data_table(headers: list[str], rows: list[list[str]], widths: list[int]) -> str:
    """A bordered table whose header row repeats on every page it spans. Cells are
    already-built HTML (built with text()/para())."""
    head = "".join(f'<th width="{w}%">{text(h)}</th>' for h, w in zip(headers, widths, strict=True))
    return bordered_table(head, ["<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>"
                                 for row in rows])


def key_table(rows: list[tuple[str, str]], first: int = 28) -> str:
    body = "".join(f'<tr><td width="{first}%"><span class="muted">{text(k)}</span></td>'
                   f"<td>{v}</td></tr>" for k, v in rows)
    return f'<table class="keys" width="100%" cellspacing="0" cellpadding="3">{body}</table>'


def cover(header: CaseHeader, kind: str, subject: str, subject_detail: str) -> str:
    rows = [
        (tr("Case"), para(header.name)),
        (tr("Case author"), para(header.author)),
        (tr("Case created"), text(header.created[:10])),
        (tr("Case file"), para(header.file_name)),
        (tr("Case file SHA-256"), f'<span class="hash">{text(header.file_sha256)}</span>'),
        (tr("Case id"), f'<span class="hash">{text(header.case_id)}</span>'),
        (tr("Audit chain head"), f'<span class="hash">{text(header.chain_head or "—")}</span>'),
        (tr("Facts as of"), text(header.as_of) if header.as_of
         else text(tr("every date (links are shown whatever their dates)"))),
        (tr("Prepared by"), para(header.prepared_by or tr("not recorded"))),
        (tr("Generated"), text(header.generated)),
        (tr("Generated by"), text(tr("Case File Explorer {version}").format(
            version=header.app_version))),
    ]
    marking = (f'<p class="marking">{text(header.marking)}</p>' if header.marking else "")
    return (
        f'{marking}<p class="kind">{text(kind)}</p>'
        f'<p class="title">{text(subject)}</p>'
        + (f'<p class="muted">{text(subject_detail)}</p>' if subject_detail else "")
        + '<p style="margin-top: 30px"></p>' + key_table(rows, 24)
        + '<p class="note" style="margin-top: 30px">'
        + text(tr("Every statement is followed by numbered citations such as [1]. Each "
                  "number refers to one entry of the source annex, which quotes the "
                  "excerpt verbatim with its position, grade and the SHA-256 of the "
                  "document it comes from. Grades follow the Admiralty scale: source "
                  "reliability A–F, information credibility 1–6. A link no claim "
                  "supports is marked UNSOURCED. The case file SHA-256 above identifies "
                  "the exact file this summary was printed from; the audit chain head "
                  "(row:hash) lets “casefile check --expect-head” prove a later copy "
                  "still continues the history printed here."))
        + "</p>"
        + '<p style="page-break-after: always"></p>')


def annex(documents: list[AnnexDocument]) -> str:
    parts = [f'<h2 style="page-break-before: always">{text(tr("Source annex"))}</h2>']
    if not documents:
        parts.append(para(tr("Nothing is cited.")))
    parts.append(para(tr("Positions count the characters of the document's stored text "
                         "from 1, both ends included."), "note"))
    for document in documents:
        parts.append(f"<h3>{text(document.title)}</h3>")
        rows = [(tr("Source"), para(document.source_name or tr("not recorded"))),
                (tr("Source reliability"), text(document.source_grade or "—")),
                (tr("Author"), para(document.author or tr("not recorded"))),
                (tr("Published"), text(document.published or tr("not recorded"))),
                (tr("Retrieved"), text(document.retrieved or tr("not recorded"))),
                (tr("URL"), text(document.url or tr("none"))),
                (tr("File"), para(document.file_name or "—")),
                (tr("SHA-256"), f'<span class="hash">{text(document.sha256)}</span>')]
        parts.append(key_table(rows, 22))
        parts.append('<p style="margin-top: 6px"></p>')
        parts.append(_excerpt_table(document.excerpts))
    return "".join(parts)


PASSAGE_URL = "passage:{}"  # the cropped page image of a claim, added as a resource
PASSAGE_MAX_WIDTH = 520  # CSS pixels: within the quote's column


def passage_image(excerpt) -> str:
    """The passage as cut from its page (PDF, scan), under the quote; nothing otherwise."""
    if not excerpt.passage or excerpt.passage[12:16] != b"IHDR":
        return ""
    pixels = int.from_bytes(excerpt.passage[16:20], "big")  # PNG width, drawn at 144 dpi
    width = min(PASSAGE_MAX_WIDTH, max(1, pixels * 96 // 144))
    return (f'<p><img src="{PASSAGE_URL.format(text(excerpt.claim_id))}" width="{width}" '
            f'alt="{text(tr("the passage on its page"))}"></p>')


def _excerpt_table(excerpts) -> str:
    """One row of particulars per excerpt, then the quote across the full width (long
    quotes wrap as prose; nothing sits beside them)."""
    head = "".join(f'<th width="{w}%">{text(h)}</th>' for h, w in (
        (tr("No."), 8), (tr("Grade"), 30), (tr("Quoted source"), 32), (tr("Position"), 30)))
    rows = []
    for e in excerpts:
        if e.status in ("disputed", "refuted"):
            status = (f'<span class="status-{text(e.status)}">'
                      f'{text(status_text(e.status).upper())}</span>')
        else:
            status = f'<span class="muted">{text(status_text(e.status))}</span>'
        rows.append(
            f'<tr><td><span class="cite">[{e.number}]</span></td>'
            f'<td><b>{text(e.grade)}</b> <span class="muted">{text(e.grade_meaning)}</span>'
            f"<br/>{status}</td>"
            f"<td>{para(e.source_name or '—')}</td><td>{text(e.position)}</td></tr>"
            f'<tr><td></td><td colspan="3"><p class="quote">“{text(e.excerpt)}”</p>'
            + passage_image(e)
            + (f'<p class="muted">{text(tr("Statement:"))} {text(e.statement)}</p>'
               if e.statement else "")
            + (f'<p class="muted">{text(tr("By:"))} {text(e.by)}</p>' if e.by else "")
            + "</td></tr>")
    return bordered_table(head, rows)  # an excerpt's two rows stay in one chunk


def figure_legend(figure: ChainFigure) -> str:
    """What each numbered arrow of the chain figure is."""
    rows = []
    for edge in figure.edges:
        if edge.disputed:
            state = f'<span class="status-disputed">{text(tr("DISPUTED"))}</span>'
        elif edge.unsourced:
            state = f'<span class="unsourced">{text(tr("UNSOURCED"))}</span>'
        else:
            state = f'<span class="muted">{text(tr("sourced"))}</span>'
        rows.append([f'<span class="cite">{edge.number}</span>',
                     para(f"{edge.source_name} → {edge.target_name}", ltr=True),
                     text(edge.label), state])
    return data_table([tr("No."), tr("Arrow"), tr("Share, dates"), tr("Evidence")], rows,
                      [8, 44, 30, 18])


def open_conflicts(conflicts: list[ConflictRow]) -> str:
    """Links colleagues disagree on, each side's stake and the disputed claims."""
    if not conflicts:
        return ""
    parts = [f"<h2>{text(tr('Open conflicts'))}</h2>",
             para(tr("Different stakes are stated for the same link; the claims behind "
                     "them are marked disputed until the investigator resolves them."),
                  "note")]
    rows = []
    for conflict in conflicts:
        sides = "".join(f"<p><b>{text(side.stake)}</b> "
                        f'<span class="muted">{text(side.whose)}</span></p>'
                        for side in conflict.sides)
        rows.append([para(conflict.title), sides, evidence(conflict.evidence)])
    parts.append(data_table([tr("Link"), tr("Stakes stated"), tr("Disputed claims")], rows,
                            [34, 46, 20]))
    return "".join(parts)


def page(body: str) -> str:
    return (f"<html><head><style>{STYLE}</style></head><body>{body}</body></html>")

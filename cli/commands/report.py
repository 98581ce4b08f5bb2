"""``casefile report CASE [--entity ENTITY] -o OUT.pdf [--as-of DATE]``: print an
evidence summary (of one entity, or of the whole case) to a PDF file, headless.

Qt renders the PDF, so this command starts a QGuiApplication — on the offscreen
platform when there is no display. Bad input (unknown entity, a folder that does not
exist or cannot be written) fails with one line before anything is rendered.
"""

from __future__ import annotations

from pathlib import Path

from cli.arguments import (
    add_author_option,
    author_of,
    open_case,
    parse_as_of,
    resolve_entity,
    writable_output,
)
from cli.output import ensure_gui_application


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "report", help="print an evidence summary (entity or whole case) to PDF")
    parser.add_argument("case", metavar="CASE")
    parser.add_argument("--entity", metavar="ENTITY",
                        help="entity id or exact name (default: the whole case)")
    parser.add_argument("-o", "--output", metavar="OUT.pdf", required=True,
                        help="the PDF file to write")
    parser.add_argument("--as-of", metavar="YYYY-MM-DD",
                        help="only links in force on this date; stated on the cover")
    add_author_option(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    from db.reporting import build_case_summary, build_entity_summary

    as_of = parse_as_of(args.as_of)
    output = writable_output(Path(args.output))
    case = open_case(args.case, author_of(args))
    try:
        if args.entity:
            entity_id, _ = resolve_entity(case, args.entity)
            summary = build_entity_summary(case, entity_id, as_of)
        else:
            summary = build_case_summary(case, as_of=as_of)
    finally:
        case.close()
    ensure_gui_application()
    from desktop.reports import write_pdf

    pages = write_pdf(summary, output)
    print(f"wrote {output} ({pages} pages)")
    return 0

"""``casefile report CASE [--entity ENTITY] -o OUT.pdf [--as-of DATE]``: print an
evidence summary (of one entity, or of the whole case) to a PDF file, headless.

Qt renders the PDF, so this command starts a QGuiApplication — on the offscreen
platform when there is no display. Bad input (unknown entity, a folder that does not
exist or cannot be written) fails with one line before anything is rendered.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from cli.commands.chains import parse_as_of
from cli.common import open_case, resolve_entity


def register(subparsers) -> None:  # noqa: ANN001
    parser = subparsers.add_parser(
        "report", help="print an evidence summary (entity or whole case) to PDF")
    parser.add_argument("case", metavar="CASE")
    parser.add_argument("--entity", metavar="ENTITY",
                        help="entity id or exact name (default: the whole case)")
    parser.add_argument("-o", "--output", metavar="OUT.pdf", required=True,
                        help="the PDF file to write")
    parser.add_argument("--as-of", metavar="YYYY-MM-DD",
                        help="only links in force on this date (entity summaries)")
    parser.set_defaults(run=run)


def check_output(path: Path) -> Path:
    """The output path, or CommandError when it cannot be written."""
    from cli.main import CommandError

    path = path.expanduser().absolute()
    folder = path.parent
    if path.is_dir():
        raise CommandError(f"{path} is a folder; give a file name such as summary.pdf")
    if not folder.is_dir():
        raise CommandError(f"{folder}: no such folder")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise CommandError(f"{path}: not writable")
    return path


def ensure_gui_application():  # noqa: ANN201
    """A QGuiApplication for rendering; offscreen when there is no display."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication(sys.argv[:1])


def run(args) -> int:  # noqa: ANN001
    from db.reporting import build_case_summary, build_entity_summary

    as_of = parse_as_of(args.as_of)
    output = check_output(Path(args.output))
    case = open_case(args.case)
    try:
        if args.entity:
            entity_id, _ = resolve_entity(case, args.entity)
            summary = build_entity_summary(case, entity_id, as_of)
        else:
            summary = build_case_summary(case)
    finally:
        case.close()
    ensure_gui_application()
    from desktop.reports import write_pdf

    pages = write_pdf(summary, output)
    print(f"wrote {output} ({pages} pages)")
    return 0

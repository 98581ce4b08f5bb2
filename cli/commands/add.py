"""``casefile add CASE FILES… [--ocr-lang eng+rus] [--json]``.

Adds files (and every file inside the folders named) as documents through the same
intake as the GUI: each parsed in a limited child process, scans read by OCR in the
languages given, e-mail attachments and web-archive captures stored as documents inside
their container; all in one undoable step. One line per file says what happened; the
exit status is 1 when any file could not be added.
"""

from __future__ import annotations

import sys

from cli.arguments import add_author_option, author_of, open_case
from cli.errors import CommandError
from cli.output import print_json
from db.core import Progress
from db.services.documents import FAILED, add_files, files_in


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "add", help="add files or folders as documents (PDF, scans, office, mail, web)")
    parser.add_argument("case", metavar="CASE")
    parser.add_argument("files", metavar="FILE", nargs="+", help="files or folders")
    parser.add_argument("--ocr-lang", default="eng", metavar="LANGS",
                        help="languages of scans for OCR, e.g. eng+rus (default: eng)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    add_author_option(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    paths = files_in(args.files)
    if not paths:
        raise CommandError("no files to add")
    languages = [x for x in args.ocr_lang.replace(",", "+").split("+") if x.strip()]
    case = open_case(args.case, author_of(args))
    try:
        result = add_files(case, paths, _progress(args.json), ocr_languages=languages)
    finally:
        case.close()
        if not args.json and sys.stderr.isatty():
            print(file=sys.stderr)  # end the progress line
    if args.json:
        print_json(result.to_dict())
    else:
        for outcome in result.files:
            print(f"{outcome.status}: {outcome.name}"
                  + (f" ({outcome.reason})" if outcome.reason else ""))
        print(f"Added {len(result.added)}, duplicates {result.count('duplicate')}, "
              f"failed {result.count(FAILED)}.")
    if result.count(FAILED):
        print(f"casefile: {result.count(FAILED)} of {len(result.files)} files could not be "
              "added", file=sys.stderr)
        return 1
    return 0


def _progress(quiet: bool) -> Progress:
    if quiet or not sys.stderr.isatty():
        return Progress()
    return Progress(lambda done, total, text: print(f"\r{text[:70]:<70}", end="",
                                                    file=sys.stderr, flush=True))

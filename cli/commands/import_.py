"""``casefile import CASE FILE [--format …] [--mapping M.json] [--json]``.

Adds a FollowTheMoney, BODS, CSV or GraphML file to the case in one transaction (one
undoable step), or merges a colleague's case file (``--format casefile``). The format
is guessed from the extension or the content when not given.
"""

from __future__ import annotations

from pathlib import Path

from cli.arguments import add_author_option, author_of, open_case
from cli.errors import CommandError
from cli.merging import merge
from cli.output import print_json
from db.formats import IMPORT_FORMATS, FormatError, guess_format, import_file


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "import",
        help="add an FtM, BODS, CSV, XLSX, GraphML, GEXF or Maltego file (or merge a case file)")
    parser.add_argument("case", metavar="CASE")
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--format", choices=IMPORT_FORMATS, help="default: guessed")
    parser.add_argument("--mapping", metavar="M.json",
                        help="CSV/XLSX column mapping (see db/formats/csv_io.py)")
    parser.add_argument("--accept-unsure", action="store_true",
                        help="casefile: fold unsure matches too")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    add_author_option(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    path = Path(args.file)
    if not path.is_file():
        raise CommandError(f"{path.name}: no such file")
    try:
        fmt = args.format or guess_format(path)
    except FormatError as error:
        raise CommandError(str(error)) from None
    if fmt == "casefile":
        return merge(args.case, path, dry_run=False, as_json=args.json,
                     accept_unsure=args.accept_unsure, author=author_of(args))
    case = open_case(args.case, author_of(args))
    try:
        result = import_file(case, path, fmt, mapping_path=args.mapping)
    except FormatError as error:
        raise CommandError(str(error)) from None
    finally:
        case.close()
    if args.json:
        print_json(result.to_dict())
    else:
        print("\n".join(result.lines()))
    return 0

"""``casefile new CASE [--name NAME]``: create an empty case file."""

from __future__ import annotations

from cli.arguments import add_author_option, author_of
from db.core import CaseFile


def register(subparsers) -> None:
    parser = subparsers.add_parser("new", help="create an empty case file")
    parser.add_argument("case", metavar="CASE", help="path of the new .casefile")
    parser.add_argument("--name", help="the case's name (default: the file name)")
    add_author_option(parser)
    parser.add_argument("--marking", default="CONFIDENTIAL",
                        help="handling marking printed on every page (default: CONFIDENTIAL)")
    parser.set_defaults(run=run)


def run(args) -> int:
    case = CaseFile.create(args.case, name=args.name, author=author_of(args), marking=args.marking)
    print(f"created {case.path} ({case.name})")
    case.close()
    return 0

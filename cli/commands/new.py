"""``casefile new CASE [--name NAME]``: create an empty case file — or, given a
``postgresql://`` URL of an empty database, an empty team case there."""

from __future__ import annotations

from cli.arguments import add_author_option, author_of
from db.core import CaseFile, TeamCase, is_team_location
from db.services import case_meta


def register(subparsers) -> None:
    parser = subparsers.add_parser("new", help="create an empty case file")
    parser.add_argument("case", metavar="CASE",
                        help="path of the new .casefile, or postgresql://… for a team case")
    parser.add_argument("--name", help="the case's name (default: the file name)")
    add_author_option(parser)
    parser.add_argument("--marking", default="CONFIDENTIAL",
                        help="handling marking printed on every page (default: CONFIDENTIAL)")
    parser.set_defaults(run=run)


def run(args) -> int:
    if is_team_location(args.case):
        case = TeamCase.connect(args.case, author=author_of(args), name=args.name,
                                marking=args.marking)
    else:
        case = CaseFile.create(args.case, name=args.name, author=author_of(args),
                               marking=args.marking)
    case_meta.record_organisation(case)
    print(f"created {case.path} ({case.name})")
    case.close()
    return 0

"""``casefile check CASE [--expect-head SEQ:HASH] [--repair] [--json]``: is the case
whole, does every row match its recorded history, and who signed it (db.verify)."""

from __future__ import annotations

from cli.arguments import open_case
from cli.errors import CommandError
from cli.output import print_json
from cli.quarantine import quarantine
from db.verify.check import check_case, parse_head
from db.verify.text import report_lines


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "check", help="replay the audit log against every row, verify document hashes, "
                      "the search index, the remembered chain head and signatures")
    parser.add_argument("case", metavar="CASE")
    parser.add_argument("--expect-head", metavar="SEQ:HASH",
                        help="the chain head printed on an earlier summary's cover")
    parser.add_argument("--repair", action="store_true",
                        help="rebuild the full-text search index from the rows first")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--quarantine", action="store_true",
                        help="write a clean copy OUT without objects the app never creates")
    parser.add_argument("out", metavar="OUT", nargs="?", help="the clean copy (--quarantine)")
    parser.set_defaults(run=run)


def run(args) -> int:
    if args.quarantine:
        return quarantine(args.case, args.out, args.json)
    if args.expect_head:
        try:
            parse_head(args.expect_head)
        except ValueError as error:
            raise CommandError(str(error)) from None
    case = open_case(args.case)
    try:
        report = check_case(case, expect_head=args.expect_head, repair=args.repair)
    finally:
        case.close()
    if args.json:
        print_json(report.as_dict())
    else:
        print("\n".join(report_lines(case.path.name, report)))
    return 0 if report.ok else 1

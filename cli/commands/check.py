"""``casefile check CASE [--json]``: integrity, document hashes, audit chain, sourcing."""

from __future__ import annotations

from cli.arguments import open_case
from cli.output import print_json
from cli.quarantine import quarantine
from db.verify.check import check_case


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "check", help="verify integrity, document hashes, the audit chain and sourcing")
    parser.add_argument("case", metavar="CASE")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--quarantine", action="store_true",
                        help="write a clean copy OUT without objects the app never creates")
    parser.add_argument("out", metavar="OUT", nargs="?", help="the clean copy (--quarantine)")
    parser.set_defaults(run=run)


def run(args) -> int:
    if args.quarantine:
        return quarantine(args.case, args.out, args.json)
    case = open_case(args.case)
    try:
        report = check_case(case)
    finally:
        case.close()
    if args.json:
        print_json(report.as_dict())
    else:
        print(f"{case.path.name}: {'ok' if report.ok else 'PROBLEMS FOUND'}")
        print(f"  SQLite integrity: {'ok' if not report.integrity else '; '.join(report.integrity)}")
        print(f"  documents re-hashed: {report.documents_checked}, "
              f"problems: {len(report.document_problems)}")
        print(f"  audit rows verified: {report.audit_rows}, "
              f"problems: {len(report.audit_problems)}")
        print(f"  claims at their positions: {len(report.claim_problems)} problems")
        print(f"  links without a supporting claim: {report.unsourced_links}")
        for line in (report.document_problems + report.audit_problems
                     + report.claim_problems)[:50]:
            print(f"  ! {line}")
    return 0 if report.ok else 1

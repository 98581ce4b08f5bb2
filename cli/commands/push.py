"""``casefile push CASE URL`` (and ``casefile pull URL CASE``, in pull.py): move a whole case between a
laptop file and a team database (``db.core.transfer``), nothing lost — documents, claims,
judgements, signatures and the audit chain with its hashes.

``push`` fills an empty team database (or, with ``--replace``, replaces a team case);
``pull`` writes a new case file. To bring offline work back into the team case, pull a
copy, work on it, then ``casefile merge URL COPY``.
"""

from __future__ import annotations

from pathlib import Path

from cli.arguments import open_case
from cli.errors import CommandError
from db.core import CaseFile, CaseFileError, TeamCase, copy_case, is_team_location
from db.reads import records


def register(subparsers) -> None:
    push = subparsers.add_parser("push", help="copy a case file into a team database")
    push.add_argument("case", metavar="CASE", help="the .casefile to copy")
    push.add_argument("url", metavar="URL", help="postgresql://… of an empty database")
    push.add_argument("--replace", action="store_true",
                      help="replace the team case already in that database")
    push.set_defaults(run=run_push)


def summary(counts: dict[str, int]) -> str:
    shown = ("entities", "links", "documents", "claims", "audit_log")
    return ", ".join(f"{counts.get(name, 0)} {name.replace('_log', ' rows')}" for name in shown)


def run_push(args) -> int:
    if not is_team_location(args.url):
        raise CommandError(f"{args.url}: not a postgresql:// URL")
    source = open_case(args.case)
    try:
        try:
            target = TeamCase.connect(args.url, author=source.author, create=True)
        except CaseFileError as error:
            raise CommandError(str(error)) from None
        try:
            if not args.replace and _has_work(target):
                raise CommandError(f"{target.path} already holds a team case; "
                                   "use --replace, or merge into it with casefile merge")
            counts = copy_case(source, target)
        finally:
            target.close()
    finally:
        source.close()
    print(f"pushed {Path(args.case).name} to {target.path}: {summary(counts)}")
    return 0


def _has_work(case: CaseFile) -> bool:
    """More than the creation of an empty case (its metadata) has been recorded."""
    return case.read(records.audit_length) > len(case.meta())

"""``casefile pull URL CASE``: copy a team case into a new case file, nothing lost, to
take it offline; merge the work back later with ``casefile merge URL CASE``."""

from __future__ import annotations

from pathlib import Path

from cli.arguments import open_case
from cli.commands.push import summary
from cli.errors import CommandError
from db.core import CaseFile, copy_case, is_team_location


def register(subparsers) -> None:
    pull = subparsers.add_parser("pull", help="copy a team case into a new case file")
    pull.add_argument("url", metavar="URL", help="postgresql://… of the team case")
    pull.add_argument("case", metavar="CASE", help="the new .casefile to write")
    pull.set_defaults(run=run)


def run(args) -> int:
    if not is_team_location(args.url):
        raise CommandError(f"{args.url}: not a postgresql:// URL")
    source = open_case(args.url)
    try:
        target = CaseFile.create(args.case, author=source.author)
        try:
            counts = copy_case(source, target)
        except BaseException:
            target.close()
            Path(args.case).unlink(missing_ok=True)
            raise
        target.close()
    finally:
        source.close()
    print(f"pulled {source.path} into {args.case}: {summary(counts)}")
    return 0

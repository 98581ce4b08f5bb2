"""``casefile merge CASE OTHER [--dry-run] [--json] [--accept-unsure]``.

Brings a colleague's case file into CASE as one undoable step. Matches scored "same"
are folded; "unsure" ones come over as separate entities with an "unsure" judgement
unless ``--accept-unsure``. ``--dry-run`` prints the plan and writes nothing.
"""

from __future__ import annotations

from pathlib import Path

from cli.arguments import add_author_option, author_of
from cli.merging import merge


def register(subparsers) -> None:
    parser = subparsers.add_parser("merge", help="merge a colleague's case file into CASE")
    parser.add_argument("case", metavar="CASE")
    parser.add_argument("other", metavar="OTHER")
    parser.add_argument("--dry-run", action="store_true", help="show the plan, write nothing")
    parser.add_argument("--accept-unsure", action="store_true",
                        help="fold unsure matches too (default: keep them apart, judged unsure)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    add_author_option(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    return merge(args.case, Path(args.other), dry_run=args.dry_run, as_json=args.json,
                 accept_unsure=args.accept_unsure, author=author_of(args))

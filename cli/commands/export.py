"""``casefile export CASE OUT --format ftm|bods|graphml|gexf|csv [--entity E] [--bom]``.

CSV writes entities.csv, links.csv and claims.csv into the folder OUT, or into a zip
when OUT ends in ``.zip``.
"""

from __future__ import annotations

from pathlib import Path

from cli.arguments import add_author_option, author_of, open_case, resolve_entity
from cli.errors import CommandError
from cli.output import print_json
from db.formats import EXPORT_FORMATS, FormatError, export_file


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "export", help="write the case as FtM JSON lines, BODS 0.4, GraphML, GEXF, i2 ANX, CSV or XLSX")
    parser.add_argument("case", metavar="CASE")
    parser.add_argument("out", metavar="OUT")
    parser.add_argument("--format", choices=EXPORT_FORMATS, required=True)
    parser.add_argument("--entity", metavar="ENTITY",
                        help="bods: only this entity's ownership and control chain")
    parser.add_argument("--bom", action="store_true",
                        help="csv: start each file with a UTF-8 byte-order mark (for Excel)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    add_author_option(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    out = Path(args.out)
    if not out.parent.exists():
        raise CommandError(f"{out.parent}: no such folder")
    case = open_case(args.case, author_of(args))
    try:
        entity = resolve_entity(case, args.entity)[0] if args.entity else None
        counts = export_file(case, out, args.format, bom=args.bom, entity=entity)
    except FormatError as error:
        raise CommandError(str(error)) from None
    finally:
        case.close()
    if args.json:
        print_json({"out": str(out), "format": args.format, "written": counts})
    else:
        print(f"wrote {out}: " + ", ".join(f"{n} {k}" for k, n in counts.items()))
    return 0

"""``casefile search CASE QUERY [--json]``: full-text search of the case."""

from __future__ import annotations

from dataclasses import asdict

from cli.arguments import open_case
from cli.output import print_json
from db.reads.search import search


def register(subparsers) -> None:
    parser = subparsers.add_parser("search", help="search entities, documents and claims")
    parser.add_argument("case", metavar="CASE")
    parser.add_argument("query", metavar="QUERY")
    parser.add_argument("--limit", type=int, default=50)
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(run=run)


def run(args) -> int:
    case = open_case(args.case)
    try:
        hits = case.read(search, args.query, limit=args.limit)
    finally:
        case.close()
    if args.json:
        print_json({"query": args.query, "hits": [asdict(h) for h in hits]})
    else:
        for hit in hits:
            print(f"{hit.kind:8} {hit.id}  {hit.title}  {hit.snippet if hit.kind != 'entity' else ''}")
        if not hits:
            print("no matches")
    return 0

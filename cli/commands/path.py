"""``casefile path CASE A B [--types T,…] [--as-of YYYY-MM-DD] [--json]``: how A and B
are connected — shortest path first, then alternatives — hop by hop with its link,
type, direction and the claims supporting it.
"""

from __future__ import annotations

from cli.arguments import open_case, parse_as_of, resolve_entity
from cli.errors import CommandError
from cli.output import print_json
from db.analysis import ConnectingPath, connecting_paths
from db.reads.graph import check_link_types, entity_labels


def register(subparsers) -> None:
    parser = subparsers.add_parser("path", help="connecting paths between two entities")
    parser.add_argument("case", metavar="CASE")
    parser.add_argument("a", metavar="A", help="entity id or exact name")
    parser.add_argument("b", metavar="B", help="entity id or exact name")
    parser.add_argument("--types", metavar="TYPE,…",
                        help="link types to follow, e.g. Ownership,Control (default: all)")
    parser.add_argument("--as-of", metavar="YYYY-MM-DD",
                        help="only links in force on this date (default: all links)")
    parser.add_argument("--max-paths", type=int, default=5, metavar="N")
    parser.add_argument("--max-depth", type=int, default=6, metavar="N")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(run=run)


def run(args) -> int:
    as_of = parse_as_of(args.as_of)
    types = None
    if args.types is not None:
        try:
            types = set(check_link_types(t.strip() for t in args.types.split(",") if t.strip()))
        except ValueError as error:
            raise CommandError(f"--types: {error}") from None
    case = open_case(args.case)
    try:
        a_id, _ = resolve_entity(case, args.a)
        b_id, _ = resolve_entity(case, args.b)
        if a_id == b_id:
            raise CommandError("A and B are the same entity")
        paths = case.read(connecting_paths, a_id, b_id, types, as_of,
                          max_paths=args.max_paths, max_depth=args.max_depth)
        labels = case.read(entity_labels, {a_id, b_id} | {i for p in paths for i in p.entity_ids})
        names = {i: label[0] for i, label in labels.items()}
    finally:
        case.close()
    if args.json:
        print_json({"a": {"id": a_id, "name": names[a_id]},
                    "b": {"id": b_id, "name": names[b_id]},
                    "as_of": as_of.isoformat() if as_of else None,
                    "types": sorted(types) if types is not None else None,
                    "paths": [p.to_json() for p in paths]})
    else:
        print_paths(names[a_id], names[b_id], paths, names)
    return 0


def print_paths(a_name: str, b_name: str, paths: list[ConnectingPath],
                names: dict[str, str]) -> None:
    if not paths:
        print(f"no path between {a_name} and {b_name}")
        return
    for number, path in enumerate(paths, 1):
        print(f"Path {number} ({len(path)} hops): "
              + " — ".join(names.get(i, i) for i in path.entity_ids))
        for hop in path.hops:
            arrow = "→" if hop.direction == "forward" else "←"
            here, there = ((hop.source_id, hop.target_id) if hop.direction == "forward"
                           else (hop.target_id, hop.source_id))
            claims = (", ".join(hop.supporting) if hop.supporting else "UNSOURCED")
            print(f"  {names.get(here, here)} {arrow}{hop.schema}{arrow} "
                  f"{names.get(there, there)}  [link {hop.link_id}, {hop.direction}] "
                  f"claims: {claims}")
            if hop.contradicting:
                print(f"    contradicted by: {', '.join(hop.contradicting)}")

"""``casefile chains CASE ENTITY [--as-of YYYY-MM-DD] [--paths K] [--seconds S] [--json]``:
who owns and controls it.

Prints every owner (direct and indirect) with its effective share, whether it controls
the entity and whether it is an ultimate owner, then each owner's K shortest paths with
each step's claim excerpt and grade — or UNSOURCED — and "and N more paths". An owner in
a tangle of cross-holdings can have more paths than anyone could list, so the path search
has a time bound for the whole chain: past it the listing stops and says PARTIAL.
"""

from __future__ import annotations

from cli.arguments import open_case, parse_as_of, resolve_entity
from cli.errors import CommandError
from cli.output import print_json
from db.analysis import COUNT_CAP, ChainResult, ChainStep, PathList, control_chains

DEFAULT_PATHS = 3
DEFAULT_SECONDS = 30.0


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "chains", help="owners and controllers of an entity, with effective shares")
    parser.add_argument("case", metavar="CASE")
    parser.add_argument("entity", metavar="ENTITY", help="entity id or exact name")
    parser.add_argument("--as-of", metavar="YYYY-MM-DD",
                        help="only links in force on this date (default: all links)")
    parser.add_argument("--paths", type=int, default=DEFAULT_PATHS, metavar="K",
                        help=f"paths listed per owner, shortest first (default "
                             f"{DEFAULT_PATHS}; at most 10)")
    parser.add_argument("--seconds", type=float, default=DEFAULT_SECONDS, metavar="S",
                        help=f"time for searching paths, the whole chain together (default "
                             f"{DEFAULT_SECONDS:.0f}); past it the listing is partial")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(run=run)


def run(args) -> int:
    as_of = parse_as_of(args.as_of)
    if args.paths < 1 or args.seconds <= 0:
        raise CommandError("--paths must be at least 1 and --seconds more than 0")
    case = open_case(args.case)
    try:
        entity_id, _ = resolve_entity(case, args.entity)
        result = case.read(control_chains, entity_id, as_of)
    finally:
        case.close()
    if args.json:
        print_json(result.to_json(args.seconds))
    else:
        print_chains(result, min(args.paths, 10), args.seconds)
    return 0


def print_chains(result: ChainResult, paths: int = DEFAULT_PATHS,
                 seconds: float = DEFAULT_SECONDS) -> None:
    when = f"as of {result.as_of.isoformat()}" if result.as_of else "current (links ended before today left out)"
    print(f"Owners of {result.entity_name} ({when})")
    if not result.owners:
        print("  no owners or controllers in the case")
        return
    names = {o.id: o.name for o in result.owners} | {result.entity_id: result.entity_name}
    width = max(len(o.name) for o in result.owners) + 2
    shares = max(12, *(len(o.share_text) for o in result.owners))
    print(f"  {'OWNER':{width}}{'SCHEMA':12}{'EFFECTIVE':>{shares}}  CONTROLS  ULTIMATE  DIRECT")
    for o in result.owners:
        print(f"  {o.name:{width}}{o.schema:12}{o.share_text:>{shares}}  "
              f"{_yes(o.controls):10}{_yes(o.ultimate):10}{_yes(o.direct)}")
    controllers = ", ".join(o.name for o in result.controllers) or "none"
    print(f"Ultimate controllers: {controllers}")
    print()
    print(f"Chains and the claims they rest on (up to {paths} paths per owner, shortest "
          f"first)")
    listings = result.path_listings(seconds, paths)
    for o in result.owners:
        listing = listings.get(o.id)
        if listing is None:
            break
        print(f"  {o.name} ({o.share_text})")
        for path in listing.paths:
            print("    path: " + " → ".join(names.get(i, i) for i in path))
            for source, target in zip(path, path[1:], strict=False):
                for step in result.links_between(source, target):
                    _print_step(step, names)
        more = _more_paths(listing)
        if more:
            print(f"    {more}")
    left = len(result.owners) - len(listings)
    if left:
        print(f"PARTIAL: the paths of {left:,} more owner(s) are not listed: the path "
              f"search stopped at its time limit ({seconds:g} s; --seconds allows more)")


def _more_paths(listing: PathList) -> str:
    """The line under an owner's paths saying what is not listed ("" when nothing)."""
    if listing.stopped:
        return ("… PARTIAL: the path search stopped at its time limit; more paths may "
                "exist")
    if not listing.truncated:
        return ""
    if listing.more is None:
        return "… and more paths (through circular holdings: not counted)"
    more = f"{listing.more:,}" if (listing.count or 0) < COUNT_CAP else "over a billion"
    return f"… and {more} more path{'s' if listing.more != 1 else ''}"


def _print_step(step: ChainStep, names: dict[str, str]) -> None:
    print(f"      {names.get(step.source_id, step.source_id)} → "
          f"{names.get(step.target_id, step.target_id)}: {step.schema}, "
          f"{step.stake.text(step.schema, separator=', ') or 'no share stated'}"
          f"  [link {step.link_id}]")
    if step.unsourced:
        print("        UNSOURCED")
    for citation in step.citations:
        verb = "supported by" if citation.stance == "supports" else "CONTRADICTED by"
        print(f"        {verb} [{citation.grade}] “{citation.excerpt}” "
              f"— {citation.source_name or 'unknown source'}, {citation.document_title} "
              f"(claim {citation.claim_id})")


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"

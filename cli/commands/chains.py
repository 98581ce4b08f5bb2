"""``casefile chains CASE ENTITY [--as-of YYYY-MM-DD] [--json]``: who owns and controls it.

Prints every owner (direct and indirect) with its effective share, whether it controls
the entity and whether it is an ultimate owner, then each step of each chain with the
claim excerpt and grade it rests on — or UNSOURCED.
"""

from __future__ import annotations

from cli.arguments import open_case, parse_as_of, resolve_entity
from cli.output import print_json
from db.analysis import ChainResult, ChainStep, control_chains


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "chains", help="owners and controllers of an entity, with effective shares")
    parser.add_argument("case", metavar="CASE")
    parser.add_argument("entity", metavar="ENTITY", help="entity id or exact name")
    parser.add_argument("--as-of", metavar="YYYY-MM-DD",
                        help="only links in force on this date (default: all links)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(run=run)


def run(args) -> int:
    as_of = parse_as_of(args.as_of)
    case = open_case(args.case)
    try:
        entity_id, _ = resolve_entity(case, args.entity)
        result = case.read(control_chains, entity_id, as_of)
    finally:
        case.close()
    if args.json:
        print_json(result.to_json())
    else:
        print_chains(result)
    return 0


def print_chains(result: ChainResult) -> None:
    when = f"as of {result.as_of.isoformat()}" if result.as_of else "current (links ended before today left out)"
    print(f"Owners of {result.entity_name} ({when})")
    if not result.owners:
        print("  no owners or controllers in the case")
        return
    names = {o.id: o.name for o in result.owners} | {result.entity_id: result.entity_name}
    width = max(len(o.name) for o in result.owners) + 2
    print(f"  {'OWNER':{width}}{'SCHEMA':12}{'EFFECTIVE':>12}  CONTROLS  ULTIMATE  DIRECT")
    for o in result.owners:
        print(f"  {o.name:{width}}{o.schema:12}{o.share_text:>12}  "
              f"{_yes(o.controls):10}{_yes(o.ultimate):10}{_yes(o.direct)}")
    controllers = ", ".join(o.name for o in result.controllers) or "none"
    print(f"Ultimate controllers: {controllers}")
    print()
    print("Chains and the claims they rest on")
    for o in result.owners:
        print(f"  {o.name} ({o.share_text})")
        for path in o.paths:
            print("    path: " + " → ".join(names.get(i, i) for i in path))
            for source, target in zip(path, path[1:], strict=False):
                for step in result.links_between(source, target):
                    _print_step(step, names)
        if o.paths_truncated:
            print("    … more paths not listed")


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

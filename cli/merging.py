"""Merging a colleague's case file from the command line: ``merge`` and ``import
--format casefile`` both end here — plan, decide by score, apply as one step, report."""

from __future__ import annotations

from pathlib import Path

from cli.arguments import open_case
from cli.errors import CommandError
from cli.output import print_json
from db.core import CaseFileError
from db.services.merge import apply_merge, plan_merge


def merge(case_path: str, other: Path, *, dry_run: bool, as_json: bool,
          accept_unsure: bool, author: str | None = None) -> int:
    case = open_case(case_path, author)
    try:
        try:
            plan = plan_merge(case, other)
        except CaseFileError as error:
            raise CommandError(str(error)) from None
        decisions = plan.default_decisions(accept_unsure)
        added = None
        if not dry_run:
            command = apply_merge(case, plan, decisions)
            command.do(case)
            added = command.result
    finally:
        case.close()
    if as_json:
        print_json({"plan": plan.to_dict(), "decisions": decisions, "added": added,
                    "dry_run": dry_run})
        return 0
    same = sum(1 for d in decisions.values() if d == "same")
    print(f"{plan.other_name}: {len(plan.matches)} matching entities "
          f"({same} folded as the same, {len(plan.matches) - same} kept apart as unsure), "
          f"{plan.new.get('entities', 0)} new")
    for match in plan.matches:
        if match.score < 1.0:
            print(f"  {decisions[match.other_id]:6} {match.score:.2f}  {match.other_caption} ≈ "
                  f"{match.our_caption}  ({'; '.join(match.reasons)})")
    for conflict in plan.conflicts:
        print(f"  conflict {conflict.kind} {conflict.what}: ours {conflict.ours} / "
              f"theirs {conflict.theirs}")
    if dry_run:
        print("dry run: nothing written; would add " + ", ".join(
            f"{n} {k.replace('_', ' ')}" for k, n in plan.new.items() if n))
    else:
        added = dict(added)
        same = added.pop("same_entities", 0)
        attached = added.pop("attached_links", 0)
        disputed = added.pop("disputed_links", 0)
        listed = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in added.items() if n)
        print(f"added {listed or 'nothing new'}; {same} entities treated as the same "
              f"(origin: {plan.origin})")
        if attached:
            print(f"{attached} of their links are ours already: their claims attach to ours")
        if disputed:
            print(f"{disputed} links now disputed: the two cases state different stakes "
                  "(both kept; the claims are marked disputed)")
    return 0

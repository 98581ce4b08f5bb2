"""Helpers shared by the headless commands."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from db.core.casefile import CaseFile, CaseFileError
from db.reads import queries


def open_case(path: str) -> CaseFile:
    try:
        return CaseFile.open(Path(path))
    except CaseFileError as error:
        from cli.main import CommandError

        raise CommandError(str(error)) from None


def resolve_entity(case: CaseFile, name_or_id: str) -> tuple[str, str]:
    """(id, caption) of the one entity named so; CommandError listing candidates else."""
    from cli.main import CommandError

    with case.session() as session:
        found = queries.find_entities(session, name_or_id)
        if not found:
            raise CommandError(f"no entity named {name_or_id!r}")
        if len(found) > 1:
            listed = "; ".join(f"{e.caption} [{e.schema}] id={e.id}" for e in found[:10])
            raise CommandError(f"{name_or_id!r} is ambiguous: {listed}")
        return found[0].id, found[0].caption


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, sort_keys=False)
    sys.stdout.write("\n")

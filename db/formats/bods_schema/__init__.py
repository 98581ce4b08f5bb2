"""The official BODS 0.4 JSON Schema (Apache-2.0, see LICENSE.txt), and checking against it.

Statements are validated one at a time against ``Statement`` so that a problem is
reported with its statement's position, ``statementId`` and the JSON path inside it.
``date`` and ``date-time`` formats are enforced: an impossible date such as
``2010-13-45`` is an error, not a value to drop silently.
"""

from __future__ import annotations

import json
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

HERE = Path(__file__).parent
SCHEMA_FILES = ("statement.json", "entity-record.json", "person-record.json",
                "relationship-record.json", "components.json", "codelist-schema.json")


def _date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if "T" not in value and "t" not in value:
        return False
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return False
    return True


@cache
def statement_validator() -> Draft202012Validator:
    """A validator of one statement (``#/$defs/Statement`` of statement.json)."""
    resources = []
    for name in SCHEMA_FILES:
        contents = json.loads((HERE / name).read_text(encoding="utf-8"))
        resources.append((contents["$id"], Resource.from_contents(contents)))
    registry = Registry().with_resources(resources)
    checker = FormatChecker()
    checker.checks("date-time")(_date_time)
    return Draft202012Validator({"$ref": "urn:statement#/$defs/Statement"},
                                registry=registry, format_checker=checker)


def _path(error: Any) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f"/{p}" for p in error.absolute_path) \
        or "/"


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def statement_problems(statement: Any, limit: int = 3) -> list[str]:
    """Up to ``limit`` one-line problems of one statement against the schema: "path: why"."""
    validator = statement_validator()
    errors = sorted(validator.iter_errors(statement),
                    key=lambda e: (len(list(e.absolute_path)), _path(e)))
    problems = []
    for error in errors[:limit]:
        if error.validator in ("anyOf", "oneOf") and error.context:
            deepest = max(error.context, key=lambda e: len(list(e.absolute_path)))
            message = deepest.message
        else:
            message = error.message
        problems.append(f"{_path(error)}: {_short(message)}")
    return problems


def package_problems(statements: list[Any]) -> list[str]:
    """Every statement's problems, each line naming the statement (for the export tests)."""
    out = []
    for index, statement in enumerate(statements, 1):
        sid = statement.get("statementId") if isinstance(statement, dict) else None
        out += [f"statement {index} ({sid}): {p}" for p in statement_problems(statement)]
    return out

"""BODS statements out of a file: where each statement is (its exact span, for the claim
that quotes it), parsed, bounded and validated against the official schema.

A package is a JSON array of statements, or JSON Lines (one statement a line). A
statement that does not validate is refused with its position, ``statementId`` and the
JSON path at fault (``bods_schema.statement_problems``).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from db.formats.batch import clean_date
from db.formats.bods_schema import statement_problems
from db.formats.results import FormatError
from db.formats.validate import MAX_NESTING, check_depth

RECORD_TYPES = ("entity", "person", "relationship")


def stable_id(*parts: str) -> str:
    """Ids derived from the file's own ids: importing a file twice adds nothing."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def statement_spans(text: str, name: str) -> list[tuple[int, int]]:
    """[start, end) of each statement: the elements of a JSON array, or JSON lines."""
    position = len(text) - len(text.lstrip())
    if not text.startswith("[", position):
        if text.startswith("{", position):
            return _line_spans(text)
        raise FormatError(f"{name}: a BODS package is a JSON array of statements, or one "
                          "statement a line")
    decoder = json.JSONDecoder()
    spans: list[tuple[int, int]] = []
    position += 1
    while True:
        while position < len(text) and text[position] in " \t\r\n":
            position += 1
        if text.startswith("]", position):
            return spans
        try:
            _value, end = decoder.raw_decode(text, position)
        except json.JSONDecodeError as error:
            raise FormatError(f"{name}, line {error.lineno}: not valid JSON ({error.msg})") \
                from None
        except RecursionError:
            raise FormatError(f"{name}: nested more than {MAX_NESTING} levels deep") from None
        spans.append((position, end))
        position = end
        while position < len(text) and text[position] in " \t\r\n":
            position += 1
        if text.startswith(",", position):
            position += 1
        elif not text.startswith("]", position):
            line = text.count("\n", 0, position) + 1
            raise FormatError(f"{name}, line {line}: expected ',' or ']' after a statement")


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            spans.append((start + lead, start + lead + len(stripped)))
        start = end + 1
    return spans


def _parse(text: str, span: tuple[int, int], index: int, name: str) -> Any:
    line = text.count("\n", 0, span[0]) + 1
    try:
        statement = json.loads(text[span[0]:span[1]])
    except json.JSONDecodeError as error:
        raise FormatError(f"{name}, line {line}: not valid JSON ({error.msg})") from None
    except RecursionError:
        raise FormatError(f"{name}, line {line}: nested more than {MAX_NESTING} levels "
                          "deep") from None
    where = f"{name}, statement {index}"
    check_depth(statement, where)
    problems = statement_problems(statement)
    if problems:
        sid = statement.get("statementId") if isinstance(statement, dict) else None
        label = f" ({str(sid)[:80]})" if isinstance(sid, str) else ""
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise FormatError(f"{where}{label} is not valid BODS 0.4: {problems[0]}{more}")
    return statement


def _check(statement: Any, index: int, name: str) -> dict[str, Any]:
    where = f"{name}, statement {index}"
    if not isinstance(statement, dict):
        raise FormatError(f"{where}: a statement is a JSON object")
    where += f" ({statement.get('statementId') or 'no statementId'})"
    for key in ("statementId", "recordId", "recordType", "recordDetails", "statementDate"):
        if not statement.get(key):
            raise FormatError(f"{where}: missing \"{key}\"")
    if statement["recordType"] not in RECORD_TYPES:
        raise FormatError(f"{where}: unknown recordType {statement['recordType']!r}")
    details = statement["recordDetails"]
    if not isinstance(details, dict):
        raise FormatError(f"{where}: \"recordDetails\" must be an object")
    if clean_date(statement["statementDate"]) is None:
        raise FormatError(f"{where}: statementDate {statement['statementDate']!r} is not a date")
    if statement["recordType"] == "relationship":
        for key in ("subject", "interestedParty"):
            if not details.get(key):
                raise FormatError(f"{where}: relationship without \"{key}\"")
        if not isinstance(details.get("interests", []), list):
            raise FormatError(f"{where}: \"interests\" must be a list")
    return statement

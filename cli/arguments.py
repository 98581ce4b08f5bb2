"""What the commands' arguments name: a case file, an entity, a date, an output file.

Each turns what was typed into the thing it names, or fails with a ``CommandError``
that says why in one line.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

from cli.errors import CommandError
from db.core import CaseFile, CaseFileError, custody_warning, is_team_location
from db.core import open_case as open_location
from db.reads import queries


def add_author_option(parser) -> None:
    """``--author NAME`` on every command that writes: who the claims, audit rows and
    summaries name. Default: your saved identity, else your login name."""
    parser.add_argument("--author", metavar="NAME",
                        help="who is doing this (default: your identity from Preferences, "
                             "else your login name)")


def author_of(args) -> str | None:
    """The --author given, stripped; CommandError for a blank one; None when absent."""
    author = getattr(args, "author", None)
    if author is None:
        return None
    if not author.strip():
        raise CommandError("--author: a name cannot be empty")
    return author.strip()


def open_case(location: str, author: str | None = None) -> CaseFile:
    """A case file (a path) or a team case (a ``postgresql://`` URL). A case file is
    opened for writing alongside anyone else who has it open (our writes wait for theirs,
    saying so on stderr), or read-only where it cannot be written."""
    try:
        case = (open_location(location, author=author) if is_team_location(location)
                else CaseFile.open(Path(location), author=author, shared=True))
    except CaseFileError as error:
        raise CommandError(str(error)) from None
    if case.in_use_by is not None:
        print(f"casefile: note: {case.path.name} is {case.in_use_by.describe()}; "
              f"changes wait for theirs", file=sys.stderr)
    if case.read_only_reason is not None:
        print(f"casefile: note: {case.path.name} opened read-only: {case.read_only_reason}",
              file=sys.stderr)
    told = []

    def waiting(text: str) -> None:
        if not told:  # once per command: the wait itself is silent after that
            told.append(text)
            print(f"casefile: {text}", file=sys.stderr, flush=True)

    case.on_wait = waiting
    warning = custody_warning(case)  # a cut or rewritten history, said plainly
    if warning:
        print(f"warning: {warning}", file=sys.stderr)
    return case


def resolve_entity(case: CaseFile, name_or_id: str) -> tuple[str, str]:
    """(id, caption) of the one entity named so; CommandError listing candidates else."""
    found = case.read(queries.find_entities, name_or_id)
    if not found:
        raise CommandError(f"no entity named {name_or_id!r}")
    if len(found) > 1:
        listed = "; ".join(f"{e.caption} [{e.schema}] id={e.id}" for e in found[:10])
        raise CommandError(f"{name_or_id!r} is ambiguous: {listed}")
    return found[0].id, found[0].caption


def parse_as_of(text: str | None) -> date | None:
    """The --as-of date; CommandError for anything but a real YYYY-MM-DD date."""
    if text is None:
        return None
    try:
        if len(text) != 10:
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--as-of: not a date: {text!r} (use YYYY-MM-DD)") from None


def writable_output(path: Path) -> Path:
    """The output path, or CommandError when it cannot be written."""
    path = path.expanduser().absolute()
    folder = path.parent
    if path.is_dir():
        raise CommandError(f"{path} is a folder; give a file name such as summary.pdf")
    if not folder.is_dir():
        raise CommandError(f"{folder}: no such folder")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise CommandError(f"{path}: not writable")
    return path

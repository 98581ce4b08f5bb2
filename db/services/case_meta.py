"""The case's own details: its name, who wrote it, and the handling marking printed on
every page of its summaries."""

from __future__ import annotations

from db.core.casefile import CaseFile, write_meta
from db.core.identity import current_identity
from db.core.transaction import Transaction


def edit_details(tx: Transaction, *, name: str, author: str, marking: str) -> None:
    name, marking = name.strip(), marking.strip()
    if not name:
        raise ValueError("a case needs a name")
    write_meta(tx, {"name": name, "author": author.strip(), "marking": marking})


def record_organisation(case: CaseFile) -> None:
    """A new case remembers its author's organisation (from the identity), so colleagues
    who merge it read "from Anna K. (OCCRP)". Nothing is written when there is none or
    the case's author is not the identity's person (``--author`` someone else)."""
    identity = current_identity()
    if identity.organisation and identity.name == case.author:
        case.set_meta({"organisation": identity.organisation}, label="Create case")

"""The case's own details: its name, who wrote it, and the handling marking printed on
every page of its summaries."""

from __future__ import annotations

from db.core.casefile import write_meta
from db.core.transaction import Transaction


def edit_details(tx: Transaction, *, name: str, author: str, marking: str) -> None:
    name, marking = name.strip(), marking.strip()
    if not name:
        raise ValueError("a case needs a name")
    write_meta(tx, {"name": name, "author": author.strip(), "marking": marking})

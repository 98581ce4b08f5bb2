"""Helpers for building hostile case files the way an adversary would: raw SQLite."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def execute_sql(path: Path, *statements: str) -> None:
    """Run ``statements`` on ``path`` with a plain driver connection and commit."""
    connection = sqlite3.connect(path)
    for statement in statements:
        connection.execute(statement)
    connection.commit()
    connection.close()

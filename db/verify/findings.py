"""What ``casefile check`` found: one line per problem, naming the table and the row."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Finding:
    """A problem with one row (or one audit row, or one signature).

    ``kind`` groups findings for the reader: "state" (a row differs from its recorded
    history), "history" (the audit chain itself), "custody" (remembered head, signatures),
    "derived" (search index), "document" (bytes, excerpts), "integrity" (SQLite).
    ``since`` is when the history last recorded the row, so a change behind the app's back
    happened after it.
    """

    kind: str
    table: str
    row_id: str
    problem: str
    field: str = ""
    since: str = ""

    def __str__(self) -> str:
        where = f"{self.table} {self.row_id}" if self.row_id else self.table
        if self.field:
            where += f" [{self.field}]"
        return f"{where}: {self.problem}"

    def as_dict(self) -> dict:
        return {**asdict(self), "text": str(self)}


def shown(value: object, limit: int = 60) -> str:
    """A value as a person reads it in a one-line message, shortened."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"

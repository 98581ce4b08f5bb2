"""The one error the case file layer raises to say no: its message is one plain line."""

from __future__ import annotations


class CaseFileError(Exception):
    """A case file cannot be opened or written; the message is one plain line."""

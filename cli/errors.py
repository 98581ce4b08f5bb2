"""The one error a command raises to fail: its message is printed as one line."""

from __future__ import annotations


class CommandError(Exception):
    """A failure to report as one line on stderr with exit status 1."""

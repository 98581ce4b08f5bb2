"""Where an export writes: a part file that replaces the destination only once whole.

A failed or cancelled export leaves the destination as it was (an earlier export of the
same name stays readable) and no part file behind.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replacing(out: Path) -> Iterator[Path]:
    """Yield the path to write ``out``'s new content to; move it over ``out`` on success."""
    part = out.with_name(out.name + ".part")
    try:
        yield part
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    part.replace(out)

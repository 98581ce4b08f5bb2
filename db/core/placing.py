"""Putting a new case file in place: built under a hidden temporary name in the same
folder, then linked to its real name — never over a file that appeared meanwhile — so an
interrupted run leaves no half-made case behind that blocks the next one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from db.core.errors import CaseFileError


def temporary_beside(path: Path) -> Path:
    """An empty hidden file in ``path``'s folder to build ``path`` in, with the
    permissions a new file normally gets there."""
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".partial",
                                        dir=path.parent)
        os.close(handle)
        mask = os.umask(0o22)
        os.umask(mask)
        os.chmod(name, 0o666 & ~mask)
    except OSError as error:
        raise CaseFileError(f"cannot create {path.name}: {error.strerror or error}") from error
    return Path(name)


def put_in_place(temporary: Path, path: Path) -> None:
    """Give the finished file its name, never replacing a file that appeared meanwhile."""
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise CaseFileError(f"{path.name} already exists; choose another name") from None
    except OSError:  # file systems without hard links (FAT on a USB stick)
        if path.exists():
            raise CaseFileError(f"{path.name} already exists; choose another name") from None
        os.replace(temporary, path)
        return
    temporary.unlink()

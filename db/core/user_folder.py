"""The investigator's own data folder: fresh sample copies, the log, remembered chain
heads and signing keys — never inside a case file, shared by the GUI and the CLI.

``CASEFILE_DATA_HOME`` overrides it (tests, portable installs); otherwise the platform's
usual place: ``$XDG_DATA_HOME/Case File Explorer`` (``~/.local/share/…``) on Linux,
``%APPDATA%\\Case File Explorer`` on Windows, ``~/Library/Application Support/…`` on macOS.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_FOLDER = "Case File Explorer"


def data_folder() -> Path:
    override = os.environ.get("CASEFILE_DATA_HOME")
    if override:
        folder = Path(override)
    elif sys.platform == "win32":
        folder = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming") / APP_FOLDER
    elif sys.platform == "darwin":
        folder = Path.home() / "Library" / "Application Support" / APP_FOLDER
    else:
        base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        folder = Path(base) / APP_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    return folder

"""Machine-readable output (``--json``) and the Qt application a rendering command needs."""

from __future__ import annotations

import json
import os
import sys
from typing import Any


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, sort_keys=False)
    sys.stdout.write("\n")


def ensure_gui_application():  # a QGuiApplication, imported lazily
    """A QGuiApplication for rendering; offscreen when there is no display.

    Only the commands that render (``report``) call this: every other command runs
    without loading Qt at all.
    """
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication(sys.argv[:1])

"""Logging, configured once for the GUI and the CLI: a rotating file in the user's data
folder holds the details (tracebacks included) that a person is spared on screen, where
every failure is one line."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from db.core.user_folder import data_folder

LOG_NAME = "casefile.log"
_configured: Path | None = None


def log_file() -> Path:
    return _configured or data_folder() / LOG_NAME


def configure_logging(level: int = logging.INFO) -> Path:
    """Send the app's log records to ``casefile.log`` (1 MB, 3 old files kept).

    Idempotent: a second call (the GUI started from the CLI, tests) changes nothing.
    """
    global _configured
    if _configured is not None:
        return _configured
    path = data_folder() / LOG_NAME
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3,
                                                   encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter(
        "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"))
    for name in ("db", "desktop", "cli"):
        logger = logging.getLogger(name)
        logger.setLevel(level)
        logger.addHandler(handler)
    _configured = path
    return path

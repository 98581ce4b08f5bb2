"""Live team cases: every commit announces itself with PostgreSQL's NOTIFY, and each client
listens on a connection of its own, so colleagues' edits appear without asking.

A notification is sent inside the writing transaction and delivered only if it commits;
its payload is the writing client's id, so a client ignores its own commits.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import psycopg
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

CHANNEL = "casefile_changes"
log = logging.getLogger(__name__)


def announce(session: Session, client_id: str) -> None:
    """Within the writing transaction: tell the other clients, once it commits."""
    session.execute(text("SELECT pg_notify(:channel, :client)"),
                    {"channel": CHANNEL, "client": client_id})


def listen(engine: Engine, client_id: str, on_change: Callable[[], None]) -> Callable[[], None]:
    """Call ``on_change()`` (on a background thread) whenever another client commits;
    answers the function that stops listening."""
    args, params = engine.dialect.create_connect_args(engine.url)
    stop = threading.Event()
    ready = threading.Event()

    def run() -> None:
        try:
            with psycopg.connect(*args, **params, autocommit=True) as connection:
                connection.execute(f"LISTEN {CHANNEL}")
                ready.set()
                while not stop.is_set():
                    for note in connection.notifies(timeout=0.5):
                        if note.payload != client_id:
                            on_change()
        except Exception:  # a lost listener means refreshing by hand, not a failure
            log.exception("stopped listening for colleagues' changes")
        finally:
            ready.set()

    thread = threading.Thread(target=run, name="team-case-listener", daemon=True)
    thread.start()
    ready.wait(10)

    def stop_listening() -> None:
        stop.set()
        thread.join(5)

    return stop_listening

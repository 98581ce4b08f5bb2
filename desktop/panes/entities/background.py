"""The entities pane's reads that run on the worker, their answers applied on the GUI thread.

On a case of 100,000 entities and 250,000 links even a read by key adds up: the detail of
a well-connected entity (its links, their claims, who made them) and, after an edit, an
undo or a redo, which listed rows the change touched. Each read here runs with
``run_task``; a newer request makes an older answer stale (a generation number), so a
quick succession of clicks or undos shows only the last one.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from db.core import Changes
from db.reads import entity_list as views
from desktop.shell.worker import run_task

ROWS_AT_MOST = 2000  # rows re-read after a change; beyond, the list reloads


class DetailLoader(QObject):
    """Reads ``views.entity_detail`` off the GUI thread."""

    sig_loaded = Signal(object)  # views.EntityDetail | None (the entity is gone)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.pending: str | None = None  # the entity being read
        self._generation = 0

    def load(self, case, entity_id: str, me: str, again: bool = False) -> None:
        """Read ``entity_id``'s detail; a request for the one already being read is the
        same request unless ``again`` (it changed since the read began)."""
        if entity_id == self.pending and not again:
            return
        self._generation += 1
        generation = self._generation
        self.pending = entity_id
        run_task(None, "", lambda _progress: case.read(views.entity_detail, entity_id, me),
                 lambda detail: self._done(generation, detail),
                 on_error=lambda _message: self._done(generation, None), show_progress=False)

    def cancel(self) -> None:
        self._generation += 1
        self.pending = None

    def _done(self, generation: int, detail) -> None:
        if generation != self._generation:
            return
        self.pending = None
        self.sig_loaded.emit(detail)


class ChangeFollower(QObject):
    """After a change, reads which entities it touched, which of them match the list's
    filter now, and their rows; changes that arrive while a read runs join the next."""

    # (entities touched, those matching the filter, their rows)
    sig_read = Signal(set, set, list)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._entities: set[str] = set()
        self._links: set[str] = set()
        self._generation = 0

    @property
    def busy(self) -> bool:
        return bool(self._entities or self._links)

    def follow(self, case, filter_text: str, changes: Changes) -> None:
        self._entities |= set(changes.entities)
        self._links |= set(changes.links)
        self._generation += 1
        generation = self._generation
        entities, links = set(self._entities), list(self._links)

        def read(_progress) -> tuple[set[str], set[str], list]:
            affected, present = case.read(views.listed_after_change, filter_text, entities,
                                          links)
            if len(present) > ROWS_AT_MOST:  # so much changed that the pane reloads
                return affected, present, []
            return affected, present, case.read(views.entity_rows, list(present))

        run_task(None, "", read, lambda result: self._done(generation, result),
                 on_error=lambda _message: self._done(generation, (set(), set(), [])),
                 show_progress=False)

    def cancel(self) -> None:
        self._generation += 1
        self._entities.clear()
        self._links.clear()

    def _done(self, generation: int, result: tuple[set[str], set[str], list]) -> None:
        if generation != self._generation:
            return
        self._entities.clear()
        self._links.clear()
        self.sig_read.emit(*result)

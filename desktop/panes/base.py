"""What every pane is: a widget that shows part of the case and says what was selected.

Panes never call each other. They emit ``sig_*`` signals; the coordinator (wired by the
main window) relays them to the other panes' ``select_*``/``show_*`` methods. A pane
refreshes itself from ``on_changes`` with only the ids that changed.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from db.core import Changes
from desktop.shell.context import CaseContext


class Pane(QWidget):
    # What the person selected or asked for, for the coordinator to relay.
    sig_entity_selected = Signal(str)
    sig_entities_selected = Signal(list)  # several entity ids (multi-select)
    sig_entity_activated = Signal(str)  # double-click: open the entity's detail
    sig_link_selected = Signal(str)
    sig_claim_selected = Signal(str)
    sig_document_requested = Signal(str, int, int)  # document id, span start, span end (-1)
    sig_show_chain = Signal(str)  # entity id
    sig_find_paths = Signal(str, str)  # entity ids
    sig_print_summary = Signal(str)  # entity id
    sig_add_documents = Signal(list)  # file paths to store as documents ([]: ask which)
    sig_status = Signal(str)  # a short message for the status bar

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.context: CaseContext | None = None
        self._when_shown: Callable[[], None] | None = None

    # -- loading what is on screen first -------------------------------------------------------
    def when_shown(self, load: Callable[[], None]) -> None:
        """Run ``load`` now, or — when this pane sits in a hidden tab of a shown window —
        the first time the person shows it: opening a case reads nothing for it meanwhile.
        A later request replaces an earlier one still waiting."""
        window = self.window()
        if window is self or not window.isVisible() or self.on_screen():
            self._when_shown = None
            load()
        else:
            self._when_shown = load

    def on_screen(self) -> bool:
        """Shown and not behind another tab (a dock in a hidden tab stays "visible" with
        nothing of it on screen)."""
        return self.isVisible() and not self.visibleRegion().isEmpty()

    @property
    def waiting_to_show(self) -> bool:
        """A load waits for this pane to be shown."""
        return self._when_shown is not None

    def shown(self) -> None:
        """The pane came on screen (its tab chosen, its dock opened): run what waited."""
        load, self._when_shown = self._when_shown, None
        if load is not None:
            load()

    def showEvent(self, event: QShowEvent) -> None:  # Qt override
        super().showEvent(event)
        self.shown()

    # -- called by the main window -------------------------------------------------------
    def set_context(self, context: CaseContext | None) -> None:
        """A case was opened (or closed: None). Reload everything.

        A pane that defines ``_as_of_changed(date | None)`` follows the shared "as of"
        date of the open case; the subscription moves with the case here.
        """
        self._when_shown = None  # what waited belongs to the case before
        listener = getattr(self, "_as_of_changed", None)
        if self.context is not None and listener is not None:
            with suppress(RuntimeError, TypeError):  # already gone with its QObject
                self.context.sig_as_of_changed.disconnect(listener)
        self.context = context
        if context is not None and listener is not None:
            context.sig_as_of_changed.connect(listener)

    def on_changes(self, changes: Changes) -> None:
        """Refresh what ``changes`` names (``changes.everything``: reload all)."""

    # -- called by the coordinator ---------------------------------------------------------
    def select_entity(self, entity_id: str) -> None:
        """Another pane selected an entity: select it here too, without re-emitting."""

    def select_entities(self, entity_ids: list[str]) -> None:
        if entity_ids:
            self.select_entity(entity_ids[0])

    def select_link(self, link_id: str) -> None:
        pass

    def select_claim(self, claim_id: str) -> None:
        pass

    def show_document(self, document_id: str, start: int = -1, end: int = -1) -> None:
        pass

    def show_chain(self, entity_id: str) -> None:
        pass

    def show_paths(self, first_id: str, second_id: str) -> None:
        pass

    def open_entity_detail(self, entity_id: str) -> None:
        pass

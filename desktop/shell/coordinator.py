"""The one place that relays selection and navigation between panes.

Selecting an entity anywhere selects it in every pane; a double-click opens its detail;
Back/Forward walk the history of selected entities.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.panes.base import Pane


class Coordinator(QObject):
    sig_history_changed = Signal(bool, bool)  # can go back, can go forward
    sig_focus_pane = Signal(str)  # pane name to raise
    sig_print_summary = Signal(str)
    sig_entity_current = Signal(str)
    sig_add_documents = Signal(list)  # file paths ([]: ask which)

    def __init__(self, panes: dict[str, Pane], parent: QObject | None = None):
        super().__init__(parent)
        self.panes = panes
        self.history: list[str] = []
        self.position = -1
        self.current_entity: str | None = None
        self.selected_entities: list[str] = []
        for pane in panes.values():
            self._wire(pane)

    def _others(self, sender: Pane):
        return [p for p in self.panes.values() if p is not sender]

    def _wire(self, pane: Pane) -> None:
        pane.sig_entity_selected.connect(lambda eid, p=pane: self.entity_selected(eid, p))
        pane.sig_entities_selected.connect(lambda ids, p=pane: self.entities_selected(ids, p))
        pane.sig_entity_activated.connect(self.open_detail)
        pane.sig_link_selected.connect(
            lambda lid, p=pane: [o.select_link(lid) for o in self._others(p)])
        pane.sig_claim_selected.connect(lambda cid, p=pane: self.claim_selected(cid, p))
        pane.sig_document_requested.connect(self.show_document)
        pane.sig_show_chain.connect(self.show_chain)
        pane.sig_find_paths.connect(self.show_paths)
        pane.sig_print_summary.connect(self.sig_print_summary)
        pane.sig_add_documents.connect(self.sig_add_documents)

    # -- relays ----------------------------------------------------------------------------
    def entity_selected(self, entity_id: str, sender: Pane | None = None,
                        record: bool = True) -> None:
        if not entity_id:
            return
        self.current_entity = entity_id
        self.selected_entities = [entity_id]
        for pane in self.panes.values():
            if pane is not sender:
                pane.select_entity(entity_id)
        if record:
            self._record(entity_id)
        self.sig_entity_current.emit(entity_id)

    def entities_selected(self, entity_ids: list[str], sender: Pane | None = None) -> None:
        self.selected_entities = list(entity_ids)
        if entity_ids:
            self.current_entity = entity_ids[-1]
            self.sig_entity_current.emit(entity_ids[-1])
        for pane in self.panes.values():
            if pane is not sender:
                pane.select_entities(list(entity_ids))

    def claim_selected(self, claim_id: str, sender: Pane | None = None) -> None:
        for pane in self.panes.values():
            if pane is not sender:
                pane.select_claim(claim_id)

    def open_detail(self, entity_id: str) -> None:
        self.entity_selected(entity_id)
        for pane in self.panes.values():
            pane.open_entity_detail(entity_id)
        self.sig_focus_pane.emit("entities")

    def show_document(self, document_id: str, start: int, end: int) -> None:
        for pane in self.panes.values():
            pane.show_document(document_id, start, end)
        self.sig_focus_pane.emit("documents")

    def show_chain(self, entity_id: str) -> None:
        if not entity_id:
            return
        for pane in self.panes.values():
            pane.show_chain(entity_id)
        self.sig_focus_pane.emit("chain")

    def show_paths(self, first: str, second: str) -> None:
        for pane in self.panes.values():
            pane.show_paths(first, second)
        self.sig_focus_pane.emit("network")

    # -- history -----------------------------------------------------------------------------
    def _record(self, entity_id: str) -> None:
        if self.position >= 0 and self.history[self.position] == entity_id:
            return
        del self.history[self.position + 1:]
        self.history.append(entity_id)
        self.position = len(self.history) - 1
        self._announce()

    def back(self) -> None:
        if self.position > 0:
            self.position -= 1
            self.entity_selected(self.history[self.position], record=False)
            self._announce()

    def forward(self) -> None:
        if self.position < len(self.history) - 1:
            self.position += 1
            self.entity_selected(self.history[self.position], record=False)
            self._announce()

    def forget(self, entity_ids: set[str]) -> None:
        """Drop deleted entities from the history."""
        kept = [e for e in self.history if e not in entity_ids]
        if kept != self.history:
            self.history = kept
            self.position = min(self.position, len(kept) - 1)
            self._announce()

    def _announce(self) -> None:
        self.sig_history_changed.emit(self.position > 0, self.position < len(self.history) - 1)

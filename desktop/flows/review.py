"""Edit- and Analysis-menu flows that open a dialog over the case: search everything,
review possible duplicates, find connecting paths, edit the case's details."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from db.reads import queries
from desktop.shell.shell import Shell


def tr(text: str) -> str:
    return QCoreApplication.translate("Review", text)


def search_everything(shell: Shell) -> None:
    """Edit ▸ Search Everything (Ctrl+K): entities, documents and claims in one list."""
    if shell.context is None:
        return
    from desktop.dialogs.search import SearchDialog

    context, coordinator = shell.context, shell.coordinator
    dialog = SearchDialog(context, shell.dialog_parent())
    dialog.setObjectName("search_dialog")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.sig_entity_chosen.connect(coordinator.open_detail)
    dialog.sig_document_chosen.connect(coordinator.show_document)

    def claim_chosen(claim_id: str) -> None:
        citation = context.case.read(queries.claim_citation, claim_id)
        coordinator.claim_selected(claim_id)
        if citation is not None:
            coordinator.show_document(citation.document_id, citation.span_start,
                                      citation.span_end)

    dialog.sig_claim_chosen.connect(claim_chosen)
    dialog.open()


def review_judgements(shell: Shell) -> None:
    """Edit ▸ Review Possible Duplicates: settle the 'unsure' matches merges left."""
    if shell.context is None:
        return
    from desktop.dialogs.judgements import JudgementsDialog

    dialog = JudgementsDialog(shell.context, shell.dialog_parent())
    dialog.setObjectName("judgements_dialog")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.sig_entity_chosen.connect(shell.coordinator.entity_selected)
    dialog.open()


def find_paths(shell: Shell) -> None:
    """Analysis ▸ Find Connecting Paths between the two entities selected."""
    chosen = shell.coordinator.selected_entities
    if len(chosen) >= 2:
        shell.coordinator.show_paths(chosen[0], chosen[1])
    else:
        shell.show_status(tr("Select two entities (Ctrl+click) to find the paths between "
                             "them."), 6000)


def edit_case_details(shell: Shell) -> None:
    """File ▸ Case Details: name, author, handling marking."""
    if shell.context is None:
        return
    from desktop.dialogs.case_details import CaseDetailsDialog

    CaseDetailsDialog(shell.context, shell.dialog_parent()).open()

"""The documents pane: the case's documents, a viewer with claims highlighted, and the
select-a-passage → new-claim flow."""

from desktop.panes.documents.pane import DocumentsPane

__all__ = ["DocumentsPane"]

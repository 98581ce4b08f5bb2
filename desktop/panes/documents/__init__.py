"""The documents pane: the case's documents, a viewer with claims highlighted, and the
select-a-passage → new-claim flow."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop.panes.documents.pane import DocumentsPane
from desktop.panes.documents.text_view import NEW_CLAIM_SHORTCUT

KEYS = (  # (keys, what they do), listed in Help ▸ Keyboard Shortcuts
    (NEW_CLAIM_SHORTCUT, QT_TRANSLATE_NOOP("DocumentsKeys",
                                           "Mark the selected passage as a claim")),
    ("Ctrl+F", QT_TRANSLATE_NOOP("DocumentsKeys", "Find in the document")),
    ("Enter / Shift+Enter", QT_TRANSLATE_NOOP("DocumentsKeys",
                                              "Next / previous match (in Find)")),
    ("Escape", QT_TRANSLATE_NOOP("DocumentsKeys", "Close Find")),
)

__all__ = ["KEYS", "DocumentsPane"]

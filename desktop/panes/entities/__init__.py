"""The entities pane: the list of every entity, its detail and its editor."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop.panes.entities.pane import EntitiesPane

KEYS = (  # (keys, what they do), listed in Help ▸ Keyboard Shortcuts
    ("Enter", QT_TRANSLATE_NOOP("EntitiesKeys", "Open the entity's detail")),
)

__all__ = ["KEYS", "EntitiesPane"]

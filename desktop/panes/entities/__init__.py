"""The entities pane: the list of every entity, its detail and its editor."""

from desktop.panes.entities.pane import EntitiesPane

__all__ = ["EntitiesPane"]

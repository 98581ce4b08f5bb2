"""Moved to ``db.sqlite_seam`` (SQLite-specific); kept as an import for the importers."""

from db.sqlite_seam import deferred_entity_fts

__all__ = ["deferred_entity_fts"]

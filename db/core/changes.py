"""What a write touched, so that panes refresh only that."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


@dataclass
class Changes:
    entities: set[str] = field(default_factory=set)
    links: set[str] = field(default_factory=set)
    claims: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    events: set[str] = field(default_factory=set)
    judgements: set[str] = field(default_factory=set)
    meta: bool = False
    # Too much changed to list (a merge, an import, a newly opened case): reload all.
    everything: bool = False

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def update(self, other: Changes) -> Changes:
        for f in fields(self):
            if f.name in ("meta", "everything"):
                setattr(self, f.name, getattr(self, f.name) or getattr(other, f.name))
            else:
                getattr(self, f.name).update(getattr(other, f.name))
        return self

    def note_row(self, table: str, row: dict[str, Any] | None) -> None:
        """Add the ids a changed row of ``table`` touches."""
        if row is None:
            return
        if table == "entities":
            self.entities.add(row["id"])
        elif table == "links":
            self.links.add(row["id"])
            self.entities.update(x for x in (row.get("source_id"), row.get("target_id")) if x)
        elif table == "claims":
            self.claims.add(row["id"])
            if row.get("document_id"):
                self.documents.add(row["document_id"])
        elif table == "claim_targets":
            self.claims.add(row["claim_id"])
            for key, bucket in (("entity_id", self.entities), ("link_id", self.links),
                                ("event_id", self.events)):
                if row.get(key):
                    bucket.add(row[key])
        elif table == "documents":
            self.documents.add(row["id"])
        elif table == "sources":
            self.sources.add(row["id"])
        elif table in ("events",):
            self.events.add(row["id"])
        elif table == "event_entities":
            self.events.add(row["event_id"])
            self.entities.add(row["entity_id"])
        elif table == "judgements":
            self.judgements.add(row["id"])
        elif table == "node_positions":
            self.entities.add(row["entity_id"])
        elif table == "case_meta":
            self.meta = True

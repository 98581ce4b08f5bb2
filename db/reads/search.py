"""Full-text search over documents, entity names and claims (FTS5 in the seam).

Ranked results are capped: an FTS5 query for a very common word ordered by rank takes
hundreds of milliseconds at 100k documents.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from db.core import seam


@dataclass(frozen=True)
class Hit:
    kind: str  # "entity", "document", "claim"
    id: str
    title: str
    snippet: str


def search(session: Session, query: str, limit: int = 50) -> list[Hit]:
    """Entities, documents and claims matching every word typed (as prefixes), best
    first within each kind, at most ``limit`` of each."""
    engine = seam.of(session)
    return ([Hit("entity", *row) for row in engine.search_entities(session, query, limit)]
            + [Hit("document", *row) for row in engine.search_documents(session, query, limit)]
            + [Hit("claim", i, title or "", snippet)
               for i, title, snippet in engine.search_claims(session, query, limit)])

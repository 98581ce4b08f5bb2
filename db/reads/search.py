"""Full-text search over documents, entity names and claims (SQLite FTS5).

Ranked results are capped: an FTS5 query for a very common word ordered by rank takes
hundreds of milliseconds at 100k documents.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from db.core.seam.sqlite import fts_query


@dataclass(frozen=True)
class Hit:
    kind: str  # "entity", "document", "claim"
    id: str
    title: str
    snippet: str


def search(session: Session, query: str, limit: int = 50) -> list[Hit]:
    match = fts_query(query)
    if not match:
        return []
    hits: list[Hit] = []
    rows = session.execute(text(
        "SELECT f.entity_id, e.caption, e.schema FROM entity_fts f "
        "JOIN entities e ON e.id = f.entity_id WHERE entity_fts MATCH :q "
        "ORDER BY rank LIMIT :n"), {"q": match, "n": limit})
    hits += [Hit("entity", r[0], r[1], r[2]) for r in rows]
    rows = session.execute(text(
        "SELECT f.document_id, d.title, snippet(document_fts, 2, '«', '»', '…', 12) "
        "FROM document_fts f JOIN documents d ON d.id = f.document_id "
        "WHERE document_fts MATCH :q ORDER BY rank LIMIT :n"), {"q": match, "n": limit})
    hits += [Hit("document", r[0], r[1], r[2]) for r in rows]
    rows = session.execute(text(
        "SELECT f.claim_id, c.statement, snippet(claim_fts, 1, '«', '»', '…', 12) "
        "FROM claim_fts f JOIN claims c ON c.id = f.claim_id "
        "WHERE claim_fts MATCH :q ORDER BY rank LIMIT :n"), {"q": match, "n": limit})
    hits += [Hit("claim", r[0], r[1] or "", r[2]) for r in rows]
    return hits

"""Is every claim's quote where it says it is? And if not, where did it go?

A quote that is no longer at its recorded span is looked for again by its
TextQuoteSelector (``db.anchors.reanchor``): the report then says precisely how it
drifted ("found 12 characters later than recorded") or that it is gone.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.anchors import EXACT, reanchor
from db.models import Claim, Document


def anchor_problems(session: Session) -> list[str]:
    """One line per claim whose excerpt is not at its recorded position."""
    texts = dict(session.execute(select(Document.id, Document.text)).all())
    problems = []
    for claim in session.scalars(select(Claim).order_by(Claim.created_at, Claim.id)):
        text = texts.get(claim.document_id, "")
        if text[claim.span_start:claim.span_end] == claim.excerpt:
            continue
        found = reanchor(text, claim.selector, claim.span_start, claim.span_end,
                         claim.excerpt)
        if found.status != EXACT:
            problems.append(f"claim {claim.id}: excerpt is not at its position in the "
                            f"document; {found.line()}")
        else:  # the span holds the selector's words, but the stored excerpt differs
            problems.append(f"claim {claim.id}: excerpt is not at its position in the "
                            "document")
    return problems

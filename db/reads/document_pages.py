"""Page geometry of a document and where its claims lie on its pages.

What the page view draws over a PDF or a scan (each claim's rectangles in its status
colour), and what lets a new claim record its rectangles: the word boxes that PDF text
extraction or OCR stored in ``document_pages``.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.anchors import rects_for_span
from db.models import Claim, DocumentPage


@dataclass(frozen=True)
class PageBoxes:
    page: int  # 1-based
    width: float
    height: float
    source: str  # "pdf" or "ocr"
    boxes: list[list[float]]  # [start, end, x0, y0, x1, y1]


@dataclass(frozen=True)
class ClaimRects:
    id: str
    status: str
    start: int
    end: int
    rects: list[list[float]]  # [page, x0, y0, x1, y1]


def page_geometry(session: Session, document_id: str) -> list[PageBoxes]:
    rows = session.scalars(select(DocumentPage).where(DocumentPage.document_id == document_id)
                           .order_by(DocumentPage.page))
    return [PageBoxes(r.page, r.width, r.height, r.source, list(r.boxes or [])) for r in rows]


def passage_rects(session: Session, document_id: str, start: int,
                  end: int) -> list[list[float]] | None:
    """Rectangles of [start, end) on the pages; None when the document has no geometry."""
    pages = page_geometry(session, document_id)
    if not pages:
        return None
    return rects_for_span([(p.page, p.boxes) for p in pages], start, end) or None


def claim_rects(session: Session, document_id: str) -> list[ClaimRects]:
    """Every claim of the document with its rectangles (recorded, or found from its span)."""
    pages = None
    result = []
    for claim in session.scalars(select(Claim).where(Claim.document_id == document_id)
                                 .order_by(Claim.span_start)):
        rects = claim.rects
        if not rects:
            if pages is None:
                pages = [(p.page, p.boxes) for p in page_geometry(session, document_id)]
            rects = rects_for_span(pages, claim.span_start, claim.span_end)
        result.append(ClaimRects(claim.id, claim.status, claim.span_start, claim.span_end,
                                 [list(r) for r in rects or []]))
    return result

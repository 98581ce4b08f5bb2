"""The passage as it looks on its page: a cropped image beside a quote in the annex.

For a claim on a PDF or a scan, the rectangles it recorded (``claims.rects``) are cut
from the page with a margin; a reader of the printed summary sees the words where the
document printed them. Cutting renders the untrusted file, so it runs in the isolated
child, one child per document for all its passages. A document that cannot be rendered
safely simply has no images: the quote and its position still stand.
"""

from __future__ import annotations

import base64

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.anchors import bounding_box
from db.extract import PAGED_MIMES, ExtractionError
from db.extract.isolated import Limits, run_isolated
from db.models import Blob, Claim, Document

MARGIN = 4.0  # points (or pixels of a scan) around the passage
SCALE = 2.0  # 144 dpi: sharp in print, small in the file
CROP_LIMITS = Limits(memory_mb=1536, seconds=60.0)


def passage_images(session: Session, claims_by_document: dict[str, list[str]]) -> dict[str, bytes]:
    """PNG of each claim's passage (first page it is on), by claim id; claims without
    rectangles, or on documents that are not pages, have none."""
    images: dict[str, bytes] = {}
    for document_id, claim_ids in claims_by_document.items():
        document = session.get(Document, document_id)
        if document is None or document.mime_type not in PAGED_MIMES:
            continue
        crops, owners = [], []
        for claim in session.scalars(select(Claim).where(Claim.id.in_(claim_ids))):
            if claim.rects:
                page = int(claim.rects[0][0])
                crops.append([page, bounding_box(claim.rects, page, MARGIN)])
                owners.append(claim.id)
        if not crops:
            continue
        data = session.scalar(select(Blob.data).where(Blob.sha256 == document.sha256))
        try:
            answer = run_isolated("crops", data or b"", {"mime": document.mime_type,
                                                         "crops": crops, "scale": SCALE},
                                  CROP_LIMITS)
        except ExtractionError:
            continue
        for claim_id, png in zip(owners, answer.get("png") or [], strict=False):
            images[claim_id] = base64.b64decode(png)
    return images

"""Sources, documents (with their original bytes), claims and what claims support."""

from __future__ import annotations

from typing import Any

from sqlalchemy import CheckConstraint, Float, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, PartialDateType, new_id, utc_now


class Source(Base):
    """Who speaks: an outlet, an office, a registry — graded A–F for reliability."""

    __tablename__ = "sources"
    __table_args__ = (CheckConstraint("reliability IN ('A','B','C','D','E','F')"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(500), index=True)
    kind: Mapped[str | None] = mapped_column(String(64))  # newspaper, registry, official …
    reliability: Mapped[str] = mapped_column(String(1), default="F")
    url: Mapped[str | None] = mapped_column(String(2000))
    entity_id: Mapped[str | None] = mapped_column(ForeignKey("entities.id", ondelete="SET NULL"))
    notes: Mapped[str | None] = mapped_column(Text)
    origin: Mapped[str | None] = mapped_column(String(200))
    created_by: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[str] = mapped_column(String(32), default=utc_now)


class Blob(Base):
    """Original document bytes, content-addressed by their SHA-256."""

    __tablename__ = "blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(64), primary_key=True, default=new_id)
    title: Mapped[str] = mapped_column(String(1000))
    source_id: Mapped[str | None] = mapped_column(
        ForeignKey("sources.id", ondelete="SET NULL"), index=True
    )
    author: Mapped[str | None] = mapped_column(String(500))
    published: Mapped[str | None] = mapped_column(PartialDateType)
    retrieved: Mapped[str | None] = mapped_column(PartialDateType)
    url: Mapped[str | None] = mapped_column(String(2000))
    file_name: Mapped[str | None] = mapped_column(String(500))
    mime_type: Mapped[str] = mapped_column(String(100), default="text/plain")
    sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"), index=True)
    size: Mapped[int] = mapped_column(Integer, default=0)
    # Extracted text; for a PDF the pages are joined with "\f" and ``pages`` holds
    # the [start, end) character span of each page in ``text``.
    text: Mapped[str] = mapped_column(Text, default="")
    pages: Mapped[list[Any] | None] = mapped_column()
    # What extraction learnt beyond the text: OCR languages, a web capture's URL and
    # time, an e-mail's headers … ({"key": [values]}, like entity properties).
    properties: Mapped[dict[str, Any] | None] = mapped_column()
    # A document that came inside another (an e-mail's attachment, a WARC's page).
    parent_id: Mapped[str | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"), index=True)
    origin: Mapped[str | None] = mapped_column(String(200))
    created_by: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[str] = mapped_column(String(32), default=utc_now)


class DocumentPage(Base):
    """Where each character or word of a page's text lies on the page (PDF text or OCR):
    what lets a claim point at the page and a summary print the passage's image."""

    __tablename__ = "document_pages"

    document_id: Mapped[str] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    page: Mapped[int] = mapped_column(Integer, primary_key=True)  # 1-based
    width: Mapped[float] = mapped_column(Float)  # points
    height: Mapped[float] = mapped_column(Float)
    source: Mapped[str] = mapped_column(String(16), default="pdf")  # "pdf" or "ocr"
    # [[start, end, x0, y0, x1, y1], …]: a character span of the document's text and its
    # box in points from the page's top left.
    boxes: Mapped[list[Any]] = mapped_column(default=list)


class Claim(Base):
    """An exact excerpt of one document, where it is, what it asserts, and its grade."""

    __tablename__ = "claims"
    __table_args__ = (
        CheckConstraint("credibility BETWEEN 1 AND 6"),
        CheckConstraint("span_start >= 0 AND span_end >= span_start"),
        CheckConstraint("status IN ('unverified','corroborated','disputed','refuted')"),
        CheckConstraint("reliability IS NULL OR reliability IN ('A','B','C','D','E','F')"),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True, default=new_id)
    document_id: Mapped[str] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    excerpt: Mapped[str] = mapped_column(Text)
    # Character span [start, end) of the excerpt in the document's text.
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    page: Mapped[int | None] = mapped_column(Integer)  # 1-based, PDF only
    rects: Mapped[list[Any] | None] = mapped_column()  # PDF rectangles, points
    # W3C Web Annotation TextQuoteSelector {"exact", "prefix", "suffix"}: re-finds the
    # quote when the extracted text shifts.
    selector: Mapped[dict[str, Any] | None] = mapped_column()
    statement: Mapped[str] = mapped_column(Text, default="")
    # Who speaks in the excerpt when it is not the document's own source: an article
    # quoting "according to Kommersant" makes Kommersant the claim's source.
    source_id: Mapped[str | None] = mapped_column(
        ForeignKey("sources.id", ondelete="SET NULL"), index=True
    )
    # The grade of this piece of information; reliability defaults to the source's.
    reliability: Mapped[str | None] = mapped_column(String(1))
    credibility: Mapped[int] = mapped_column(Integer, default=6)
    status: Mapped[str] = mapped_column(String(16), default="unverified")
    author: Mapped[str | None] = mapped_column(String(200))
    origin: Mapped[str | None] = mapped_column(String(200))
    # Bumped by every edit: two people editing one row at once is detected, not lost.
    row_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    # The ORM raises it on every update and checks it in the UPDATE (db.core.conflicts).
    __mapper_args__ = {"version_id_col": row_version}
    created_at: Mapped[str] = mapped_column(String(32), default=utc_now)


class ClaimTarget(Base):
    """A claim supporting or contradicting an entity fact, a link or an event."""

    __tablename__ = "claim_targets"
    __table_args__ = (
        CheckConstraint("stance IN ('supports','contradicts')"),
        CheckConstraint(
            "(entity_id IS NOT NULL) + (link_id IS NOT NULL) + (event_id IS NOT NULL) = 1"
        ),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True, default=new_id)
    claim_id: Mapped[str] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    stance: Mapped[str] = mapped_column(String(12), default="supports")
    entity_id: Mapped[str | None] = mapped_column(
        ForeignKey("entities.id", ondelete="CASCADE"), index=True
    )
    prop: Mapped[str | None] = mapped_column(String(64))  # entity fact: property name
    value: Mapped[str | None] = mapped_column(Text)  # entity fact: the value it states
    link_id: Mapped[str | None] = mapped_column(
        ForeignKey("links.id", ondelete="CASCADE"), index=True
    )
    event_id: Mapped[str | None] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), index=True
    )

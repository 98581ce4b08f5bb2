"""Case metadata, events, judgements and the hash-chained audit log."""

from __future__ import annotations

from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, PartialDateType, new_id, utc_now


class CaseMeta(Base):
    """Key/value facts about the case: name, author, marking, created, case id."""

    __tablename__ = "case_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Event(Base):
    """A dated happening for the timeline: a sanction imposed, a factory announced."""

    __tablename__ = "events"

    id: Mapped[str] = mapped_column(String(64), primary_key=True, default=new_id)
    title: Mapped[str] = mapped_column(String(1000))
    date: Mapped[str | None] = mapped_column(PartialDateType, index=True)
    end_date: Mapped[str | None] = mapped_column(PartialDateType)
    description: Mapped[str | None] = mapped_column(Text)
    origin: Mapped[str | None] = mapped_column(String(200))
    created_by: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[str] = mapped_column(String(32), default=utc_now)


class EventEntity(Base):
    __tablename__ = "event_entities"

    event_id: Mapped[str] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    entity_id: Mapped[str] = mapped_column(
        ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True
    )


class Judgement(Base):
    """Same / not same / unsure between two entities — reviewable, reversible."""

    __tablename__ = "judgements"
    __table_args__ = (CheckConstraint("decision IN ('same','not_same','unsure')"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True, default=new_id)
    left_id: Mapped[str] = mapped_column(String(64), index=True)
    right_id: Mapped[str] = mapped_column(String(64), index=True)
    decision: Mapped[str] = mapped_column(String(12))
    score: Mapped[float | None] = mapped_column()
    note: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[str] = mapped_column(String(32), default=utc_now)


class AuditEntry(Base):
    """Append-only record of every change, each row chained to the previous by hash."""

    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[str] = mapped_column(String(32), default=utc_now)
    author: Mapped[str | None] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(200))  # the command's label
    object_type: Mapped[str] = mapped_column(String(32))
    object_id: Mapped[str] = mapped_column(String(200))
    before: Mapped[dict[str, Any] | None] = mapped_column()
    after: Mapped[dict[str, Any] | None] = mapped_column()
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class Origin(Base):
    """A case file whose work came into this one by a merge: whose it was, and when."""

    __tablename__ = "origins"

    case_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(500))
    author: Mapped[str | None] = mapped_column(String(200))
    organisation: Mapped[str | None] = mapped_column(String(200))
    fingerprint: Mapped[str | None] = mapped_column(String(64))  # its signer's key
    merged_at: Mapped[str | None] = mapped_column(String(32))
    merged_by: Mapped[str | None] = mapped_column(String(200))


class Signature(Base):
    """An investigator's signature over the audit chain's head (seq, hash) — custody that
    survives the file travelling. Kept beside the chain, not in it: signing is not an edit."""

    __tablename__ = "signatures"

    id: Mapped[str] = mapped_column(String(64), primary_key=True, default=new_id)
    seq: Mapped[int] = mapped_column(Integer, index=True)  # the audit row signed
    head_hash: Mapped[str] = mapped_column(String(64))
    signer: Mapped[str] = mapped_column(String(200))
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)
    public_key: Mapped[str] = mapped_column(Text)  # base64 of the raw Ed25519 key
    signature: Mapped[str] = mapped_column(Text)  # base64
    reason: Mapped[str] = mapped_column(String(32))  # save, close, summary, export, send
    signed_at: Mapped[str] = mapped_column(String(32), default=utc_now)

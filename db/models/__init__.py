"""SQLAlchemy 2 typed models of the case file (one declarative base)."""

from db.models.base import Base, canonical_json, new_id, utc_now
from db.models.case import AuditEntry, CaseMeta, Event, EventEntity, Judgement, Origin, Signature
from db.models.entities import Entity, Link, NodePosition
from db.models.evidence import Blob, Claim, ClaimTarget, Document, DocumentPage, Source

__all__ = [
    "AuditEntry",
    "Base",
    "Blob",
    "CaseMeta",
    "Claim",
    "ClaimTarget",
    "Document",
    "DocumentPage",
    "Entity",
    "Event",
    "EventEntity",
    "Judgement",
    "Link",
    "NodePosition",
    "Origin",
    "Signature",
    "Source",
    "canonical_json",
    "new_id",
    "utc_now",
]

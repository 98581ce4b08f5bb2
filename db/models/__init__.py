"""SQLAlchemy 2 typed models of the case file (one declarative base)."""

from db.models.base import Base, canonical_json, new_id, utc_now
from db.models.case import AuditEntry, CaseMeta, Event, EventEntity, Judgement
from db.models.entities import Entity, Link, NodePosition
from db.models.evidence import Blob, Claim, ClaimTarget, Document, Source

__all__ = [
    "AuditEntry",
    "Base",
    "Blob",
    "CaseMeta",
    "Claim",
    "ClaimTarget",
    "Document",
    "Entity",
    "Event",
    "EventEntity",
    "Judgement",
    "Link",
    "NodePosition",
    "Source",
    "canonical_json",
    "new_id",
    "utc_now",
]

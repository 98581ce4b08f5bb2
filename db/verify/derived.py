"""The checks that do not need the history: stored bytes against their SHA-256, every
excerpt at its position in its document's text, and the search index against the rows."""

from __future__ import annotations

import hashlib

from sqlalchemy import select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from db.core.progress import NO_PROGRESS, Progress
from db.core.seam.sqlite_fts_check import fts_damaged, fts_differences
from db.models import Blob, Document
from db.verify.anchors import anchor_problems
from db.verify.findings import Finding


def blob_findings(session: Session, recorded: set[str],
                  progress: Progress = NO_PROGRESS) -> tuple[int, list[Finding]]:
    """(documents checked, findings): every blob re-hashed, every document's bytes there,
    every blob one the history stored."""
    findings: list[Finding] = []
    stored: set[str] = set()
    shas = list(session.scalars(select(Blob.sha256)))
    for number, sha in enumerate(shas, 1):
        progress.step(number, len(shas), "Re-hashing document bytes")
        data = session.scalar(select(Blob.data).where(Blob.sha256 == sha))
        stored.add(sha)
        if hashlib.sha256(data or b"").hexdigest() != sha:
            findings.append(Finding("document", "blobs", sha,
                                    f"stored bytes do not match SHA-256 {sha}"))
        if sha not in recorded:
            findings.append(Finding("state", "blobs", sha,
                                    "has no audit history (added outside the app)"))
    checked = 0
    for document_id, title, sha in session.execute(
            select(Document.id, Document.title, Document.sha256)):
        checked += 1
        if sha not in stored:
            findings.append(Finding("document", "documents", document_id,
                                    f"{title}: original bytes missing", "sha256"))
    return checked, findings


def excerpt_findings(session: Session) -> list[Finding]:
    """Every claim whose excerpt is not at its position (``anchors`` says where it went)."""
    findings = []
    for line in anchor_problems(session):  # "claim ID: what is wrong"
        claim_id, _, problem = line.removeprefix("claim ").partition(": ")
        findings.append(Finding("document", "claims", claim_id, problem, "excerpt"))
    return findings


def search_index_findings(session: Session, connection: Connection,
                          progress: Progress = NO_PROGRESS) -> list[Finding]:
    """``connection``: a short one of its own for FTS5's integrity check (a write)."""

    def step(fts: str) -> None:
        progress.step(0, 0, f"Comparing the search index ({fts})")

    damaged = [(fts, "", "the index's structure is damaged") for fts in fts_damaged(connection)]
    return [Finding("derived", fts, row_id,
                    f"{problem} (casefile check --repair rebuilds the index)")
            for fts, row_id, problem in damaged + fts_differences(session.connection(), step)]

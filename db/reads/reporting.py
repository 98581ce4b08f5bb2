"""The report's own read queries: claims with their targets, in bulk (Qt-free)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import APP_VERSION
from db.core.casefile import CaseFile
from db.core.identity import current_identity
from db.core.signing import chain_head, sign_quietly
from db.models import Claim, ClaimTarget, Document, Source
from db.reads.provenance import provenance_of
from db.reads.queries import Citation
from db.reporting.content import CaseHeader
from db.schemata import grade


def case_header(case: CaseFile, as_of: str | None = None) -> CaseHeader:
    meta = case.meta()
    # Printing a summary is a custody event: sign the head it shows, before the file's
    # SHA-256 is taken (the signature is part of the file printed from).
    sign_quietly(case, "summary")
    head = case.read(chain_head)
    return CaseHeader(
        name=meta.get("name", case.path.stem), author=meta.get("author", ""),
        created=meta.get("created", ""), marking=meta.get("marking", "").strip(),
        case_id=meta.get("case_id", ""), file_name=case.path.name,
        file_sha256=case.file_sha256(),
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        app_version=APP_VERSION, as_of=as_of, chain_head=str(head) if head else "",
        prepared_by=preparer(case.author))


def preparer(author: str) -> str:
    """Who prints: the identity's full line when it is the person at the keyboard."""
    identity = current_identity()
    return identity.signature_line() if identity.name == author else author


class CitationLoader:
    """Builds ``Citation``s for claim targets, caching sources across calls."""

    def __init__(self, session: Session):
        self.session = session
        self._sources: dict[str, Source | None] = {}

    def _source(self, source_id: str | None) -> Source | None:
        if source_id is None:
            return None
        if source_id not in self._sources:
            self._sources[source_id] = self.session.get(Source, source_id)
        return self._sources[source_id]

    def citation(self, stance: str, claim: Claim, document: Document) -> Citation:
        source = self._source(claim.source_id or document.source_id)
        reliability = claim.reliability or (source.reliability if source else None)
        return Citation(claim.id, stance, claim.excerpt, claim.statement, claim.status,
                        grade(reliability, claim.credibility), claim.span_start,
                        claim.span_end, claim.page, document.id, document.title,
                        document.sha256, source.name if source else None, document.url,
                        document.published,
                        provenance_of(self.session, claim.author, claim.origin,
                                      claim.created_at))

    def targets(self, condition=None) -> list[tuple[ClaimTarget, Citation]]:
        """(target, citation) of every claim target matching ``condition`` (all if None),
        in document order."""
        query = (select(ClaimTarget, Claim, Document)
                 .join(Claim, Claim.id == ClaimTarget.claim_id)
                 .join(Document, Document.id == Claim.document_id)
                 .order_by(Document.title, Claim.span_start, ClaimTarget.id))
        if condition is not None:
            query = query.where(condition)
        return [(target, self.citation(target.stance, claim, document))
                for target, claim, document in self.session.execute(query)]

    def unattached(self) -> list[Citation]:
        """Claims attached to nothing yet."""
        attached = select(ClaimTarget.claim_id)
        rows = self.session.execute(
            select(Claim, Document).join(Document, Document.id == Claim.document_id)
            .where(Claim.id.not_in(attached)).order_by(Document.title, Claim.span_start))
        return [self.citation("", claim, document) for claim, document in rows]

"""Numbered citations and the source annex they point into.

Numbers are handed out in the order the report first cites a claim, so they read 1, 2,
3 … down the document and the same claim always keeps the same number. Each number is
one annex entry: one claim, quoted verbatim with its position, grouped under the
document it comes from (title, source, author, dates, URL, grade, SHA-256).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Document, Source
from db.reads.queries import Citation
from db.reporting.content import AnnexDocument, AnnexExcerpt, Evidence
from db.reporting.passages import passage_images
from db.wording import grade_meaning, position_text, reliability_text


class CitationIndex:
    def __init__(self) -> None:
        self._numbers: dict[str, int] = {}
        self._cited: list[Citation] = []

    def number(self, citation: Citation) -> int:
        """The citation's number, given on first use."""
        number = self._numbers.get(citation.claim_id)
        if number is None:
            number = self._numbers[citation.claim_id] = len(self._cited) + 1
            self._cited.append(citation)
        return number

    def evidence(self, citations: list[Citation]) -> Evidence:
        """Numbers of the supporting and contradicting claims among ``citations``."""
        supporting = sorted({self.number(c) for c in citations if c.stance == "supports"})
        contradicting = sorted({self.number(c) for c in citations if c.stance != "supports"}
                               - set(supporting))
        return Evidence(tuple(supporting), tuple(contradicting))

    def __len__(self) -> int:
        return len(self._cited)

    def annex(self, session: Session, case_name: str = "") -> list[AnnexDocument]:
        """The cited documents in order of first citation, each with its excerpts."""
        by_document: dict[str, list[tuple[int, Citation]]] = {}
        for number, citation in enumerate(self._cited, 1):
            by_document.setdefault(citation.document_id, []).append((number, citation))
        documents = {d.id: d for d in _load(session, Document, list(by_document))}
        source_ids = [d.source_id for d in documents.values() if d.source_id]
        sources = {s.id: s for s in _load(session, Source, source_ids)}
        annex = []
        images = passage_images(session, {d: [c.claim_id for _n, c in cited]
                                          for d, cited in by_document.items()})
        for document_id, cited in by_document.items():
            document = documents[document_id]
            source = sources.get(document.source_id) if document.source_id else None
            excerpts = tuple(AnnexExcerpt(
                number, c.claim_id, c.excerpt, c.statement, c.grade, grade_meaning(c.grade),
                c.status, c.source_name or "", position_text(c.span_start, c.span_end, c.page),
                passage=images.get(c.claim_id), by=c.provenance.citation_text(case_name))
                for number, c in cited)
            annex.append(AnnexDocument(
                document.id, document.title, source.name if source else "",
                reliability_text(source.reliability) if source else "",
                document.author or "", document.published or "", document.retrieved or "",
                document.url or "", document.file_name or "", document.sha256, excerpts))
        return annex


def _load(session: Session, model, ids: list[str]) -> list:
    rows = []
    for start in range(0, len(ids), 500):
        rows += session.scalars(select(model).where(model.id.in_(ids[start:start + 500])))
    return rows

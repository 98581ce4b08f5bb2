"""A case with more documents than one page of the documents list, built through the
services (one stored file) plus bulk rows sharing its bytes — what a big case looks like
to the list, at a size a test can afford."""

from __future__ import annotations

from db.models import Claim, Document, new_id
from db.services import evidence

NOW = "2026-11-01T00:00:00+00:00"


def many_documents(case, count: int = 450) -> dict[str, int]:
    """Add ``count`` documents: titles "Doc 0000"…, three sources (graded A/C/F or none),
    published 2001–2023 (some undated), document n quoted by n % 7 claims. Returns the
    claim count of each document id."""
    claims_of: dict[str, int] = {}
    with case.transaction("Many documents") as tx:
        sources = [evidence.create_source(tx, name, reliability=grade)
                   for name, grade in (("Zeta wire", "A"), ("alpha daily", "C"),
                                       ("Mid registry", "F"))]
        first = evidence.add_document(tx, "seed.txt", b"seed text", text="seed text")
        sha = tx.session.get(Document, first).sha256
        rows, claims = [], []
        for number in range(count):
            document_id = new_id()
            rows.append({"id": document_id, "title": f"Doc {(number * 37) % count:04d}",
                         "source_id": sources[number % 4] if number % 4 < 3 else None,
                         "published": None if number % 11 == 0 else f"{2001 + number % 23}",
                         "file_name": f"doc-{number}.txt", "mime_type":
                         ("application/pdf" if number % 5 == 0 else "text/plain"),
                         "sha256": sha, "size": 9, "text": "seed text", "created_at": NOW})
            claims_of[document_id] = number % 7
            claims += [{"id": new_id(), "document_id": document_id, "excerpt": "seed",
                        "span_start": 0, "span_end": 4, "statement": "", "credibility": 2,
                        "status": "unverified", "created_at": NOW}
                       for _ in range(number % 7)]
        tx.bulk_insert(Document, rows)
        tx.bulk_insert(Claim, claims)
    claims_of[first] = 0
    return claims_of

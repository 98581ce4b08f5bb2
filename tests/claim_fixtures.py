"""A case with more claims than one page of the claims list, built through the services
(two sources, two documents, two entities and a link) plus bulk claim rows — what a big
case looks like to the claims list, at a size a test can afford."""

from __future__ import annotations

from db.models import Claim, ClaimTarget, new_id
from db.services import entities as entity_service
from db.services import evidence
from db.services import links as link_service

NOW = "2026-11-01T00:00:00+00:00"
STATUSES = ("unverified", "corroborated", "disputed", "refuted")
AUTHORS = ("Anna K.", "boris P.", None)


def many_claims(case, count: int = 450) -> dict[str, dict]:
    """Add ``count`` claims: excerpt "Claim 0000"… (shuffled), in two documents (one with a
    graded source "Zeta wire" B, one "alpha daily" C), every third with its own reliability
    "A"; credibility 1–6, four statuses, three authors (one none); every fifth supports a
    link "Rosatom owns Enertech"; every tenth statement is in Russian. Returns each claim's row as inserted, by id."""
    with case.transaction("Many claims") as tx:
        zeta = evidence.create_source(tx, "Zeta wire", reliability="B")
        alpha = evidence.create_source(tx, "alpha daily", reliability="C")
        text = "seed text " * (count // 10 + 1)  # every claim's span falls inside it
        documents = [evidence.add_document(tx, f"{name}.txt", (name + text).encode(),
                                           title=name, text=text, source_id=source)
                     for name, source in (("Wire story", zeta), ("Daily report", alpha))]
        rosatom = entity_service.create_entity(tx, "Company", "Rosatom")
        enertech = entity_service.create_entity(tx, "Company", "Enertech")
        link = link_service.create_link(tx, "Ownership", rosatom, enertech)
        claims, targets = {}, []
        for number in range(count):
            claim_id = new_id()
            claims[claim_id] = {
                "id": claim_id, "document_id": documents[number % 2],
                "excerpt": f"Claim {(number * 37) % count:04d}", "span_start": number,
                "span_end": number + 4, "statement": (f"statement {number % 10}" if number % 10 < 9
                              else "Ренера строит завод"),
                "credibility": 1 + number % 6, "status": STATUSES[number % 4],
                "reliability": "A" if number % 3 == 0 else None,
                "author": AUTHORS[number % 3], "created_at": NOW}
            if number % 5 == 0:
                targets.append({"id": new_id(), "claim_id": claim_id, "stance": "supports",
                                "link_id": link})
        tx.bulk_insert(Claim, list(claims.values()))
        tx.bulk_insert(ClaimTarget, targets)
    return claims

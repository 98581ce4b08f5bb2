"""Open conflicts: links whose supporting claims are disputed — typically two colleagues'
cases stating different stakes for the same holding, merged into one link. A summary
lists each with the stakes every side states and the claims behind them, until the
investigator resolves the dispute (marks the claims corroborated or refuted)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Claim, ClaimTarget, Entity, Link
from db.reads.provenance import provenance_book
from db.reads.reporting import CitationLoader
from db.reporting.citations import CitationIndex
from db.reporting.content import ConflictRow, ConflictSide
from db.wording import Stake, link_label, translate


def disputed_link_ids(session: Session) -> set[str]:
    return set(session.scalars(
        select(ClaimTarget.link_id).join(Claim, Claim.id == ClaimTarget.claim_id)
        .where(ClaimTarget.link_id.is_not(None), ClaimTarget.stance == "supports",
               Claim.status == "disputed")))


def _stake_text(schema: str, row) -> str:
    stake = Stake.of(row)
    parts = [stake.holding_text(schema), stake.period_text()]
    return " · ".join(p for p in parts if p)


def open_conflicts(session: Session, index: CitationIndex, loader: CitationLoader,
                   only: set[str] | None = None) -> list[ConflictRow]:
    """Every open conflict (or those among the links ``only``), numbered into ``index``."""
    ids = disputed_link_ids(session)
    if only is not None:
        ids &= only
    if not ids:
        return []
    links = list(session.scalars(select(Link).where(Link.id.in_(ids))))
    captions = dict(session.execute(select(Entity.id, Entity.caption).where(Entity.id.in_(
        {x for link in links for x in (link.source_id, link.target_id)}))).all())
    cited: dict[str, list] = {}
    for target, citation in loader.targets(ClaimTarget.link_id.in_(ids)):
        if target.stance == "supports" and citation.status == "disputed":
            cited.setdefault(target.link_id, []).append(citation)
    book = provenance_book(session)
    rows = []
    for link in sorted(links, key=lambda x: (captions.get(x.source_id, ""),
                                             captions.get(x.target_id, ""))):
        sides = [ConflictSide(_stake_text(link.schema, link),
                              translate("Report", "as recorded in this case"))]
        for other in (link.properties or {}).get("disputedStakes", []):
            info = book.origin_info(other.get("origin"))
            whose = translate("Report", "from “{case}”").format(
                case=info.name if info else other.get("origin", ""))
            if other.get("author") or (info and info.author):
                whose += f" ({other.get('author') or info.author})"
            sides.append(ConflictSide(_stake_text(link.schema, other), whose))
        rows.append(ConflictRow(
            link_label(link.schema, captions.get(link.source_id, "?"),
                       captions.get(link.target_id, "?")),
            tuple(sides), index.evidence(cited.get(link.id, []))))
    return rows

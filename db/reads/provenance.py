"""Whose each item is: who made it, which case it came from, when it was merged and by
whom — one wording for the claims table, the claim editor, entity detail, timeline and
network tooltips, and every printed citation.

A row's ``origin`` names the case it came from ("Kama notes [case id]"); the ``origins``
table (filled by merges) says whose that case was and when it came in. "You" is the
person at the keyboard (the case's current author).
"""

from __future__ import annotations

import colorsys
import hashlib
import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import CaseMeta, Origin
from db.wording import translate

_CASE_ID = re.compile(r"\[([0-9a-fA-F-]{8,64})\]\s*$")


@dataclass(frozen=True)
class OriginInfo:
    case_id: str
    name: str
    author: str
    organisation: str
    merged_at: str  # "2026-12-03" (date only) or ""
    merged_by: str


@dataclass(frozen=True)
class Provenance:
    author: str  # who made it ("" when not recorded)
    created: str  # "2026-12-03" or ""
    origin: OriginInfo | None  # None: made in this case

    @property
    def key(self) -> str:
        """What the origin badge's colour stands for: the case of origin, else the author."""
        return self.origin.case_id if self.origin else f"author:{self.author}"

    def badge(self) -> str:
        """Short text for a column: "Anna K. · Kama notes" or "Anna K."."""
        who = self.author or translate("Provenance", "unknown")
        return f"{who} · {self.origin.name}" if self.origin else who

    def text(self, me: str | None = None) -> str:
        """"from Anna K.'s 'Kama notes', merged 2026-12-03 by you" / "by Anna K., added
        2026-12-03"."""
        def person(name: str) -> str:
            return translate("Provenance", "you") if me and name == me else name

        if self.origin is None:
            parts = [translate("Provenance", "by {who}").format(
                who=person(self.author) if self.author else translate("Provenance", "unknown"))]
            if self.created:
                parts.append(translate("Provenance", "added {date}").format(date=self.created))
            return ", ".join(parts)
        owner = self.origin.author or self.author
        text = translate("Provenance", "from {who}'s '{case}'").format(
            who=owner or translate("Provenance", "a colleague"), case=self.origin.name)
        if self.author and self.author != owner:
            text += translate("Provenance", " (made by {who})").format(who=person(self.author))
        if self.origin.merged_at:
            text += translate("Provenance", ", merged {date}").format(date=self.origin.merged_at)
            if self.origin.merged_by:
                text += translate("Provenance", " by {who}").format(
                    who=person(self.origin.merged_by))
        return text


    def citation_text(self, case_name: str) -> str:
        """How a printed citation names whose it is: author, case of origin, when added
        and merged — "Boris P. · case “Kama procurement” (Boris P., Proekt) · added
        2026-12-01 · merged 2026-12-03 by Anna K."."""
        who = self.author or translate("Provenance", "author not recorded")
        if self.origin is None:
            case = translate("Provenance", "this case (“{name}”)").format(name=case_name)
        else:
            owner = ", ".join(x for x in (self.origin.author, self.origin.organisation) if x)
            case = translate("Provenance", "case “{name}”").format(name=self.origin.name)
            if owner:
                case += f" ({owner})"
        parts = [who, case]
        if self.created:
            parts.append(translate("Provenance", "added {date}").format(date=self.created))
        if self.origin and self.origin.merged_at:
            merged = translate("Provenance", "merged {date}").format(date=self.origin.merged_at)
            if self.origin.merged_by:
                merged += translate("Provenance", " by {who}").format(who=self.origin.merged_by)
            parts.append(merged)
        return " · ".join(parts)


class ProvenanceBook:
    """Resolves (author, origin, created_at) of rows to ``Provenance``; reads the origins
    table once."""

    def __init__(self, session: Session):
        self.origins: dict[str, OriginInfo] = {
            o.case_id: OriginInfo(o.case_id, o.name, o.author or "", o.organisation or "",
                                  (o.merged_at or "")[:10], o.merged_by or "")
            for o in session.scalars(select(Origin))}
        own = session.get(CaseMeta, "case_id")
        self.own_case_id = own.value if own else ""

    def of(self, author: str | None, origin: str | None,
           created_at: str | None = None) -> Provenance:
        return Provenance(author or "", (created_at or "")[:10], self.origin_info(origin))

    def origin_info(self, origin: str | None) -> OriginInfo | None:
        if not origin:
            return None
        found = _CASE_ID.search(origin)
        case_id = found.group(1) if found else origin
        if case_id == self.own_case_id:
            return None
        known = self.origins.get(case_id)
        if known is not None:
            return known
        name = origin[:found.start()].strip() if found else origin
        return OriginInfo(case_id, name, "", "", "", "")


NO_PROVENANCE = Provenance("", "", None)


def provenance_book(session: Session) -> ProvenanceBook:
    """The session's book (origins read once per session)."""
    book = session.info.get("provenance_book")
    if book is None:
        book = session.info["provenance_book"] = ProvenanceBook(session)
    return book


def provenance_of(session: Session, author: str | None, origin: str | None,
                  created_at: str | None = None) -> Provenance:
    return provenance_book(session).of(author, origin, created_at)


def badge_colour(key: str) -> str:
    """A stable, readable colour per contributor or case of origin ("#rrggbb")."""
    hue = int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:8], 16) / 0xFFFFFFFF
    red, green, blue = colorsys.hls_to_rgb(hue, 0.45, 0.55)
    return f"#{int(red * 255):02x}{int(green * 255):02x}{int(blue * 255):02x}"


def link_provenance_text(session: Session, link_id: str, me: str = "") -> str:
    """What hovering a link says: whose the link and each claim on it is, and the stakes
    colleagues disagree on (plain text, one fact a line)."""
    from db.models import Link
    from db.reads.queries import link_citations
    from db.wording import Stake

    link = session.get(Link, link_id)
    if link is None:
        return ""
    book = provenance_book(session)
    lines = [translate("Provenance", "Link {whose}").format(
        whose=book.of(link.created_by, link.origin, link.created_at).text(me))]
    citations = link_citations(session, link_id)
    for citation in citations:
        lines.append(f"• {citation.grade} {citation.source_name or ''} [{citation.status}] — "
                     f"{citation.provenance.text(me)}".replace("  ", " "))
    if not any(c.stance == "supports" for c in citations):
        lines.append(translate("Provenance", "UNSOURCED: no claim supports this link"))
    others = (link.properties or {}).get("disputedStakes", [])
    if others:
        lines.append(translate("Provenance", "DISPUTED — stakes differ: {ours} here").format(
            ours=Stake.of(link).holding_text(link.schema)))
        for other in others:
            info = book.origin_info(other.get("origin"))
            whose = (translate("Provenance", "from {case}").format(case=info.name)
                     if info else "")
            lines.append(f"  {Stake.of(other).holding_text(link.schema)} {whose}".rstrip())
    return "\n".join(lines)

"""Gather the whole-case summary: the case, its key entities, every claim grouped by
what it supports, unsourced links, and disputed or refuted claims — shown, not hidden."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select, union_all

from db.core.casefile import CaseFile
from db.core.progress import NO_PROGRESS, Progress
from db.models import ClaimTarget, Entity, Event, Link
from db.partial_date import in_force
from db.reads.queries import Citation, counts, unsourced_link_ids
from db.reads.reporting import CitationLoader, case_header
from db.reporting.citations import CitationIndex
from db.reporting.conflicts import open_conflicts
from db.reporting.content import CaseSummary, ClaimEntry, ClaimGroup, Evidence, KeyEntity, LinkRow
from db.wording import Stake, dates_not_stated, link_label, property_label, translate, verb

KEY_ENTITIES = 10
CONTESTED = ("disputed", "refuted")


def build_case_summary(case: CaseFile, progress: Progress = NO_PROGRESS,
                       as_of: date | None = None) -> CaseSummary:
    """``as_of``: stated on the cover; unsourced links not in force then are left out."""
    header = case_header(case, as_of.isoformat() if as_of else None)
    index = CitationIndex()
    with case.session() as session:
        progress.step(0, 4, "Counts")
        c = counts(session)
        count_rows = [("Entities", c.entities), ("Links", c.links),
                      ("Unsourced links", c.unsourced_links), ("Documents", c.documents),
                      ("Sources", c.sources), ("Claims", c.claims), ("Events", c.events)]
        key = _key_entities(session)
        progress.step(1, 4, "Claims")
        loader = CitationLoader(session)
        targets = loader.targets()
        links = {link.id: link for link in session.scalars(select(Link).where(
            Link.id.in_({t.link_id for t, _ in targets if t.link_id})))}
        unsourced = [link for link in session.scalars(select(Link).where(
            Link.id.in_(unsourced_link_ids(session))))
            if in_force(link.start_date, link.end_date, as_of)]
        conflicts = open_conflicts(session, index, loader)
        events = {e.id: e for e in session.scalars(select(Event).where(
            Event.id.in_({t.event_id for t, _ in targets if t.event_id})))}
        entity_ids = ({t.entity_id for t, _ in targets if t.entity_id}
                      | {x for link in [*links.values(), *unsourced]
                         for x in (link.source_id, link.target_id)})
        captions = dict(session.execute(select(Entity.id, Entity.caption)
                                        .where(Entity.id.in_(entity_ids))).all())
        progress.step(2, 4, "Grouping claims")
        grouped: dict[tuple[str, str], list[tuple[ClaimTarget, Citation]]] = {}
        for target, citation in targets:
            grouped.setdefault(_group_key(target), []).append((target, citation))
        titles = {group: _title(group, links, events, captions) for group in grouped}
        groups = []
        contested: dict[int, ClaimEntry] = {}
        for group in sorted(grouped, key=lambda g: (_KIND_ORDER[g[0]], titles[g].casefold())):
            entries = []
            for _, citation in grouped[group]:
                entry = _entry(index, citation, titles[group])
                entries.append(entry)
                if citation.status in CONTESTED:
                    contested.setdefault(entry.number, entry)
            groups.append(ClaimGroup(group[0], titles[group], tuple(entries)))
        loose = [_entry(index, c, "") for c in loader.unattached()]
        if loose:
            groups.append(ClaimGroup("none", "Claims not yet attached to any fact",
                                     tuple(loose)))
            for entry in loose:
                if entry.status in CONTESTED:
                    contested.setdefault(entry.number, entry)
        unsourced_rows = sorted((LinkRow(
            captions.get(link.source_id, ""), verb(link.schema),
            captions.get(link.target_id, ""), link.role or "",
            Stake.of(link).holding_text(link.schema),
            Stake.of(link).period_text(dates_not_stated()), Evidence()) for link in unsourced),
            key=lambda r: (r.source.casefold(), r.relationship, r.target.casefold()))
        progress.step(3, 4, "Source annex")
        annex = index.annex(session, header.name)
        progress.step(4, 4, "")
    return CaseSummary(header, count_rows, key, groups, unsourced_rows,
                       sorted(contested.values(), key=lambda e: e.number), annex, conflicts)


_KIND_ORDER = {"link": 0, "fact": 1, "event": 2, "none": 3}


def _group_key(target: ClaimTarget) -> tuple[str, str]:
    if target.link_id:
        return ("link", target.link_id)
    if target.event_id:
        return ("event", target.event_id)
    return ("fact", f"{target.entity_id}\x1f{target.prop or ''}\x1f{target.value or ''}")


def _title(group: tuple[str, str], links: dict, events: dict, captions: dict) -> str:
    kind, key = group
    if kind == "link":
        link = links[key]
        title = link_label(link.schema, captions.get(link.source_id, '?'),
                           captions.get(link.target_id, '?'))
        stake = Stake.of(link)
        extras = [x for x in (stake.holding_text(link.schema, missing=""), link.role or "",
                              stake.period_text()) if x]
        return title + (f" ({'; '.join(extras)})" if extras else "")
    if kind == "event":
        event = events[key]
        title = translate("Report", "Event: {title}").format(title=event.title)
        return title + (f" ({event.date})" if event.date else "")
    entity_id, prop, value = key.split("\x1f")
    name = captions.get(entity_id, "?")
    if not prop:
        return translate("Report", "{name} (general)").format(name=name)
    return f"{name} — {property_label(prop)}: {value}"


def _entry(index: CitationIndex, citation: Citation, about: str) -> ClaimEntry:
    return ClaimEntry(index.number(citation), citation.statement, citation.grade,
                      citation.status, citation.stance, about)


def _key_entities(session) -> list[KeyEntity]:
    ends = union_all(select(Link.source_id.label("entity_id")),
                     select(Link.target_id.label("entity_id"))).subquery()
    link_counts = (select(ends.c.entity_id, func.count().label("n"))
                   .group_by(ends.c.entity_id).subquery())
    rows = session.execute(
        select(Entity.id, Entity.caption, Entity.schema, link_counts.c.n)
        .join(link_counts, link_counts.c.entity_id == Entity.id)
        .order_by(link_counts.c.n.desc(), Entity.caption).limit(KEY_ENTITIES)).all()
    claim_counts = dict(session.execute(
        select(ClaimTarget.entity_id, func.count(func.distinct(ClaimTarget.claim_id)))
        .where(ClaimTarget.entity_id.in_([r[0] for r in rows]))
        .group_by(ClaimTarget.entity_id)).all())
    return [KeyEntity(caption, schema, n, claim_counts.get(entity_id, 0))
            for entity_id, caption, schema, n in rows]

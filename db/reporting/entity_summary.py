"""Gather an entity's evidence summary: identity, links, control chain, sources."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from db.analysis import control_chains
from db.analysis.chain_paths import NOT_SEARCHED
from db.core.casefile import CaseFile
from db.core.progress import NO_PROGRESS, Progress
from db.models import ClaimTarget, Entity
from db.partial_date import in_force
from db.reads.queries import Citation, links_of
from db.reads.reporting import CitationLoader, case_header
from db.reporting.citations import CitationIndex
from db.reporting.conflicts import open_conflicts
from db.reporting.content import EntitySummary, Evidence, FactRow, LinkRow, OwnerRow
from db.reporting.figure import chain_figure
from db.schemata import INTERNAL_PROPERTIES
from db.wording import Stake, dates_not_stated, property_label, translate, verb

PATHS_PER_OWNER = 5  # paths printed per owner, shortest first ("and N more")
PATHS_SECONDS = 20.0  # path searching for one summary, all owners together

# Identity properties shown as their own lines (names and aliases are listed apart; the
# app's own bookkeeping such as mergedIds never prints).
_SKIP = {"name", "alias"} | INTERNAL_PROPERTIES


def build_entity_summary(case: CaseFile, entity_id: str, as_of: date | None = None,
                         progress: Progress = NO_PROGRESS) -> EntitySummary:
    """Everything an entity summary prints; LookupError for an unknown entity."""
    header = case_header(case, as_of.isoformat() if as_of else None)
    index = CitationIndex()
    with case.session() as session:
        entity = session.get(Entity, entity_id)
        if entity is None:
            raise LookupError(f"no entity with id {entity_id}")
        progress.step(0, 4, "Identity")
        loader = CitationLoader(session)
        facts = _facts(entity, loader.targets(ClaimTarget.entity_id == entity_id), index)
        progress.step(1, 4, "Links")
        links = _links(session, loader, entity, as_of, index)
        progress.step(2, 4, "Control chain")
        chain = control_chains(session, entity_id, as_of)
        names = {o.id: o.name for o in chain.owners} | {entity_id: entity.caption}
        steps = []
        step_evidence = {}
        for step in sorted(chain.steps.values(),
                           key=lambda s: (names.get(s.target_id, "").casefold(),
                                          names.get(s.source_id, "").casefold())):
            evidence = index.evidence(step.citations)
            step_evidence[step.link_id] = evidence
            steps.append(LinkRow(names.get(step.source_id, step.source_id),
                                 verb(step.schema),
                                 names.get(step.target_id, step.target_id), "",
                                 step.stake.holding_text(step.schema),
                                 step.stake.period_text(dates_not_stated()), evidence))
        owners = []
        listings = chain.path_listings(PATHS_SECONDS, PATHS_PER_OWNER)
        for owner in chain.owners:
            listing = listings.get(owner.id, NOT_SEARCHED)
            used = {s.link_id for path in listing.paths
                    for a, b in zip(path, path[1:], strict=False)
                    for s in chain.links_between(a, b)}
            supporting = sorted({n for u in used for n in step_evidence[u].supporting})
            contradicting = sorted({n for u in used for n in step_evidence[u].contradicting})
            owners.append(OwnerRow(
                owner.name, owner.schema,
                owner.share_text,
                owner.controls, owner.ultimate, owner.direct,
                tuple(" → ".join(names.get(i, i) for i in path) for path in listing.paths),
                Evidence(tuple(supporting), tuple(c for c in contradicting
                                                  if c not in supporting)),
                sum(1 for u in used if chain.steps[u].unsourced),
                listing.more if listing.truncated else 0, listing.stopped))
        figure = chain_figure(chain, entity.schema)
        own_links = {link.id for link in links_of(session, entity_id)} | set(chain.steps)
        conflicts = open_conflicts(session, index, loader, own_links)
        progress.step(3, 4, "Source annex")
        annex = index.annex(session, header.name)
        progress.step(4, 4, "")
        return EntitySummary(
            header, entity.id, entity.caption, entity.schema, entity.role or "",
            entity.values("name") or [entity.caption],
            [a for a in entity.values("alias") if a not in entity.values("name")],
            facts, links, owners, steps, [o.name for o in chain.controllers], figure, annex,
            conflicts, len(chain.owners) - len(listings))


def _facts(entity: Entity, targets: list[tuple[ClaimTarget, Citation]],
           index: CitationIndex) -> list[FactRow]:
    """Every property value, then facts only claims state, each with its citations."""
    about: dict[tuple[str, str], list[Citation]] = {}
    general: list[Citation] = []
    for target, citation in targets:
        if target.prop:
            about.setdefault((target.prop, target.value or ""), []).append(citation)
        else:
            general.append(citation)
    rows = []
    seen = set()
    for prop, values in (entity.properties or {}).items():
        if prop in _SKIP:
            continue
        for value in values:
            seen.add((prop, value))
            rows.append(FactRow(property_label(prop), value,
                                index.evidence(about.get((prop, value), []))))
    for (prop, value), citations in about.items():
        if (prop, value) not in seen:
            rows.append(FactRow(property_label(prop), value, index.evidence(citations)))
    if general:
        rows.append(FactRow(translate("Report", "about the entity"), "",
                            index.evidence(general)))
    return rows


def _links(session, loader: CitationLoader, entity: Entity, as_of: date | None,
           index: CitationIndex) -> list[LinkRow]:
    links = [link for link in links_of(session, entity.id)
             if in_force(link.start_date, link.end_date, as_of)]
    ids = [link.id for link in links]
    cited: dict[str, list[Citation]] = {}
    for start in range(0, len(ids), 500):
        for target, citation in loader.targets(ClaimTarget.link_id.in_(ids[start:start + 500])):
            cited.setdefault(target.link_id, []).append(citation)
    captions = dict(session.execute(select(Entity.id, Entity.caption).where(
        Entity.id.in_({link.source_id for link in links} | {link.target_id for link in links}))).all())
    outgoing_first = sorted(links, key=lambda link: (
        link.source_id != entity.id, link.schema,
        captions.get(link.target_id if link.source_id == entity.id else link.source_id, "")))
    rows = []
    for link in outgoing_first:
        out = link.source_id == entity.id
        rows.append(LinkRow(
            captions.get(link.source_id, ""), verb(link.schema, out),
            captions.get(link.target_id, ""), link.role or "",
            Stake.of(link).holding_text(link.schema),
            Stake.of(link).period_text(dates_not_stated()),
            index.evidence(cited.get(link.id, [])), "out" if out else "in"))
    return rows

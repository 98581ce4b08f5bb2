"""Control chains: who owns and who controls an entity, how much, and on what evidence.

``control_chains(session, entity_id, as_of)`` loads only the entity's ancestor subgraph
of ownership and control links in force on ``as_of`` (see ``graph_load``), then:

* effective share of every owner — the walk sum E = A(I−A)⁻¹ (see ``shares``), computed
  twice: once with every share at its minimum and once at its maximum. Walk sums are
  monotone in every share, so the two give the exact [min, max] of the effective share;
* an owner whose paths cross any step of unknown share (an ownership link without a
  share, or a control link with no stake beside it, which says nothing about shares)
  has an unknown effective
  share — even if some other path of it is known: the known part is only a lower bound,
  and printing it as "the" share would understate the holding. It stays listed, with
  its paths, so the gap is visible;
* control with certainty (minimum shares; see ``shares.controlled_sets``, and
  ``control.control_summary`` for how a chain asks it);
* ultimate owners: natural tops (people, state bodies) and owners with nobody above
  them — or, for a circular group at the top, nobody above the group.

Every link used becomes a ``ChainStep`` carrying the claims that support or contradict
it; a step no claim supports is ``unsourced``.

Cost follows the ancestor graph: its links are read by one recursive query as plain
tuples; the strongly connected components are found once and shared by the walk sums
and the tops; a big circular group is a sparse solve (``shares``). The paths of an owner
are searched only when asked for (``OwnerShare.paths``, ``chain_paths``), so a chain of
58,000 owners costs its links, not 58,000 searches. ``cancelled()`` is asked between
the stages and during a big solve. ``bench/bench_chains.py`` measures it against a scipy
sparse solve of the same ancestors.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from sqlalchemy.orm import Session

from db.analysis.chain_paths import NOT_SEARCHED, ChainPaths, PathList
from db.analysis.collector import collector_paused
from db.analysis.control import control_summary
from db.analysis.declared import declared_steps
from db.analysis.shares import (
    reaching,
    strong_components,
    walk_sums,
)
from db.core.progress import Cancelled
from db.reads import graph as graph_load
from db.reads.queries import Citation
from db.schemata import CONTROL_LINKS, NATURAL_TOPS, OWNERSHIP_LINKS
from db.wording import CONTEXT, Stake, share_range_text, translate

CHAIN_LINKS = OWNERSHIP_LINKS | CONTROL_LINKS
MAX_PATHS_PER_OWNER = 10  # paths listed per owner (shortest first); shares use all walks
JSON_PATHS_SECONDS = 30.0  # path searching for one chain's JSON, all owners together


@dataclass
class ChainStep:
    link_id: str
    schema: str
    source_id: str
    target_id: str
    link: graph_load.LinkRow = field(repr=False)
    supporting: list[str] = field(default_factory=list)
    contradicting: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)

    @cached_property
    def stake(self) -> Stake:
        # Made when first read: a frozen Stake costs ~2 µs, and a chain of 100,000 steps
        # shows a few of them.
        link = self.link
        return Stake(link.share_min, link.share_max, link.shares_value,
                     link.shares_currency, link.start_date, link.end_date)

    @property
    def unsourced(self) -> bool:
        return not self.supporting

    def to_json(self) -> dict[str, Any]:
        return {"link_id": self.link_id, "schema": self.schema, "source_id": self.source_id,
                "target_id": self.target_id, "share_min": self.stake.share_min,
                "share_max": self.stake.share_max, "start_date": self.stake.start,
                "end_date": self.stake.end, "supporting": self.supporting,
                "contradicting": self.contradicting, "unsourced": self.unsourced,
                "citations": [{"claim_id": c.claim_id, "stance": c.stance,
                               "excerpt": c.excerpt, "grade": c.grade,
                               "document_title": c.document_title,
                               "document_sha256": c.document_sha256,
                               "source_name": c.source_name} for c in self.citations]}


@dataclass
class OwnerShare:
    """One owner of the entity. Shares are percent; all three None when unknown.

    Exact: effective_share == min == max. A range: effective_share is None and min/max
    give the bounds (``share_text`` reads "20–30%", or "share unknown").
    """

    id: str
    name: str
    schema: str
    effective_share: float | None
    effective_share_min: float | None
    effective_share_max: float | None
    controls: bool
    ultimate: bool
    direct: bool
    ultimate_controller: bool = False
    # The share rests on a declared indirect interest (BODS): the declaration's figure,
    # not one computed from its components (see ``declared``).
    declared_indirect: bool = False
    # Where the paths come from: searched on first use (see ``path_list``).
    chain_paths: ChainPaths | None = field(default=None, repr=False, compare=False)

    def path_list(self, deadline: float | None = None,
                  cancelled: Callable[[], bool] | None = None) -> PathList:
        """This owner's listed paths, searched now if not yet; partial (``stopped``) when
        ``deadline`` (``time.monotonic``) or ``cancelled()`` cut the search short."""
        if self.chain_paths is None:
            return PathList([], False, 0)
        return self.chain_paths.listing(self.id, deadline, cancelled)

    @property
    def paths(self) -> list[list[str]]:
        """Up to ``MAX_PATHS_PER_OWNER`` paths owner → … → entity, shortest first."""
        return self.path_list().paths

    @property
    def paths_truncated(self) -> bool:
        return self.path_list().truncated

    @property
    def share_text(self) -> str:
        if self.effective_share_min is None or self.effective_share_max is None:
            return share_range_text(None, None)
        share = share_range_text(self.effective_share_min, self.effective_share_max)
        if self.declared_indirect:
            return translate(CONTEXT, "{share} declared indirect").format(share=share)
        return share

    def to_json(self, listing: PathList | None = None) -> dict[str, Any]:
        """The owner as JSON; ``listing``: its paths as already searched (else now)."""
        listing = listing if listing is not None else self.path_list()
        return {"id": self.id, "name": self.name, "schema": self.schema,
                "effective_share": self.effective_share,
                "effective_share_min": self.effective_share_min,
                "effective_share_max": self.effective_share_max,
                "controls": self.controls, "ultimate": self.ultimate,
                "paths": listing.paths, "direct": self.direct,
                "ultimate_controller": self.ultimate_controller,
                "declared_indirect": self.declared_indirect,
                "paths_truncated": listing.truncated, "paths_count": listing.count,
                "paths_search_stopped": listing.stopped}


@dataclass
class ChainResult:
    entity_id: str
    entity_name: str
    as_of: date | None
    owners: list[OwnerShare]
    steps: dict[str, ChainStep]
    # (number of steps indexed, (source, target) → steps): see ``links_between``.
    _hops: tuple[int, dict[tuple[str, str], list[ChainStep]]] | None = field(
        default=None, init=False, repr=False, compare=False)

    @property
    def controllers(self) -> list[OwnerShare]:
        """Ultimate controllers: owners that control the entity and nobody controls."""
        return [o for o in self.owners if o.ultimate_controller]

    def links_between(self, source_id: str, target_id: str) -> list[ChainStep]:
        """The steps that make one hop of a path (an owner may hold twice, or also control)."""
        # Indexed on first use: a chain pane asks this for every hop of every path.
        if self._hops is None or self._hops[0] != len(self.steps):
            hops: dict[tuple[str, str], list[ChainStep]] = {}
            for step in self.steps.values():
                hops.setdefault((step.source_id, step.target_id), []).append(step)
            self._hops = (len(self.steps), hops)
        return list(self._hops[1].get((source_id, target_id), ()))

    def path_listings(self, seconds: float, per_owner: int = MAX_PATHS_PER_OWNER,
                      cancelled: Callable[[], bool] | None = None) -> dict[str, PathList]:
        """Every owner's top ``per_owner`` paths, searched for ``seconds`` in all, owners
        in list order. An owner the time ran out on has a partial listing (``stopped``);
        owners after it are left out of the answer (not searched) — so a chain of 58,000
        owners in a tangle of cross-holdings answers in ``seconds``, not in hours."""
        deadline = time.monotonic() + seconds
        listings: dict[str, PathList] = {}
        for owner in self.owners:
            if time.monotonic() >= deadline:
                break
            listing = owner.path_list(deadline, cancelled).top(per_owner)
            listings[owner.id] = listing
            if listing.stopped:
                break
        return listings

    def to_json(self, paths_seconds: float = JSON_PATHS_SECONDS) -> dict[str, Any]:
        """The chain as JSON. Owners' paths are searched for ``paths_seconds`` in all;
        owners past that say ``paths_search_stopped`` (see ``path_listings``)."""
        listings = self.path_listings(paths_seconds)
        owners = [owner.to_json(listings.get(owner.id, NOT_SEARCHED)) for owner in self.owners]
        return {"entity": {"id": self.entity_id, "name": self.entity_name},
                "as_of": self.as_of.isoformat() if self.as_of else None,
                "owners": owners,
                "controllers": [o.id for o in self.controllers],
                "steps": [s.to_json() for s in self.steps.values()]}


def control_chains(session: Session, entity_id: str, as_of: date | None = None, *,
                   citations: bool = True,
                   cancelled: Callable[[], bool] | None = None) -> ChainResult:
    """Owners and controllers of ``entity_id`` as of a date (None: now and onwards —
    every link counts except those whose end date has passed).

    ``citations=False`` skips loading excerpts (claim ids are always loaded).
    ``cancelled()`` true stops the work with ``Cancelled``.
    """
    with collector_paused():
        return _control_chains(session, entity_id, as_of, citations, cancelled)


def _control_chains(session: Session, entity_id: str, as_of: date | None, citations: bool,
                    cancelled: Callable[[], bool] | None) -> ChainResult:
    def check() -> None:
        if cancelled is not None and cancelled():
            raise Cancelled()

    # With no date: what holds now — links that have ended are history, and summing a
    # stake with the stake that replaced it would double-count (BODS record updates).
    links = graph_load.ancestor_links(session, entity_id, CHAIN_LINKS, as_of, ended=False)
    check()
    owner_ids = {link.source_id for link in links} - {entity_id}
    labels = graph_load.entity_labels(session, owner_ids | {entity_id})  # one query for all
    if entity_id not in labels:
        raise LookupError(f"no entity with id {entity_id}")
    entity_name = labels.pop(entity_id)[0]
    steps = _steps(session, links, citations)
    check()
    known: list[tuple[str, str, tuple[float, float]]] = []  # (owner, owned, (min, max))
    unknown_steps: set[str] = set()  # owners with a step of unknown share
    # A declared indirect share stands for its components (``declared``).
    declared, components = declared_steps(session, links, entity_id)
    pairs: list[tuple[str, str]] = []
    control_links: list[graph_load.LinkRow] = []
    owned_pairs: set[tuple[str, str]] = set()
    graph: dict[str, set[str]] = {}  # owner → owned, every endpoint a key
    for link in links:  # one pass: a chain may have 100,000 links
        pair = (link.source_id, link.target_id)
        pairs.append(pair)
        if link.source_id in graph:
            graph[link.source_id].add(link.target_id)
        else:
            graph[link.source_id] = {link.target_id}
        if link.target_id not in graph:
            graph[link.target_id] = set()
        if link.schema in CONTROL_LINKS:
            control_links.append(link)
            continue  # a control link holds no share: see below
        owned_pairs.add(pair)
        if link.id in components:
            continue
        if link.share_min is None and link.share_max is None:
            unknown_steps.add(link.source_id)
        else:
            known.append((link.source_id, link.target_id, (
                (link.share_min if link.share_min is not None else 0.0) / 100.0,
                (link.share_max if link.share_max is not None else 100.0) / 100.0)))
    # A control link says nothing about shares: its owner's share is unknown — unless
    # the same pair also has an ownership link, whose stake gives the share (BODS often
    # declares shares and votes together), or it is a component of a declared share.
    unknown_steps.update(link.source_id for link in control_links
                         if (link.source_id, link.target_id) not in owned_pairs
                         and link.id not in components)
    unknown = reaching(pairs, unknown_steps)
    groups = strong_components(graph, graph)  # shared by control, sums and tops
    controllers, controlled_by_someone = control_summary(
        ((s, t, b[0]) for s, t, b in known),
        ((link.source_id, link.target_id) for link in control_links), groups, entity_id)
    check()
    tops = _tops(graph, groups, labels)
    # An owner with a step of unknown share below it reports no share, and nothing
    # below a known owner is unknown: only the known owners' holdings need summing.
    summed = [k for k in known if k[0] not in unknown]
    # The chain's components serve when most links are summed; when few are (unknown
    # shares above a tangle), the few find their own components faster.
    effective = walk_sums(summed, entity_id, groups if 2 * len(summed) >= len(links)
                          else None, cancelled=cancelled)
    check()
    chain_paths = ChainPaths(graph, entity_id, MAX_PATHS_PER_OWNER)
    direct = {link.source_id for link in links
              if link.target_id == entity_id and link.id not in declared}
    declaring = {link.source_id for link in links if link.id in declared}
    ordered: list[tuple[tuple, OwnerShare]] = []  # (list order, owner)
    for owner in owner_ids:
        name, schema = labels.get(owner, (owner, ""))
        if owner in unknown:
            share = low_pct = high_pct = None
        else:
            low, high = effective.get(owner, (0.0, 0.0))
            low_pct, high_pct = _percent(low), _percent(high)
            share = low_pct if low_pct == high_pct else None
        controls = owner in controllers
        # Largest share first, unknown shares last, then by name.
        order = ((1, 0.0) if high_pct is None else (0, -high_pct)) + (name.casefold(), owner)
        ordered.append((order, OwnerShare(
            owner, name, schema, share, low_pct, high_pct, controls,
            ultimate=owner in tops, direct=owner in direct,
            ultimate_controller=controls and owner not in controlled_by_someone,
            declared_indirect=owner in declaring and share is not None,
            chain_paths=chain_paths)))
    ordered.sort(key=lambda keyed: keyed[0])
    owners = [owner for _, owner in ordered]
    return ChainResult(entity_id, entity_name, as_of, owners, steps)


def _percent(fraction: float) -> float:
    # Walk sums over cross-holdings can count one stake more than once; nobody holds
    # more than all of an entity, so the reported share stops at 100%.
    return round(min(fraction * 100.0, 100.0), 6)


def _tops(graph: dict[str, set[str]], components: list[list[str]],
          labels: dict[str, tuple[str, str]]) -> set[str]:
    """Natural tops, and members of circular groups (or single owners) nobody else owns."""
    tops = {node for node, (_, schema) in labels.items() if schema in NATURAL_TOPS}
    group = {node: number for number, members in enumerate(components) for node in members}
    owned_groups = {group[owned] for node, held in graph.items() for owned in held
                    if group[owned] != group[node]}
    for number, members in enumerate(components):
        if number not in owned_groups:
            tops.update(members)
    return tops & set(labels)


def _steps(session: Session, links: list[graph_load.LinkRow],
           with_citations: bool) -> dict[str, ChainStep]:
    ids = [link.id for link in links]
    stances = graph_load.claim_stances(session, ids)
    # Only links some claim targets can have citations: skip the query for the rest.
    cited = graph_load.link_citations(session, stances) if with_citations else {}
    steps: dict[str, ChainStep] = {}
    for link in sorted(links):  # by id: rows are tuples with the (unique) id first
        supporting, contradicting = stances.get(link.id, ([], []))
        steps[link.id] = ChainStep(link.id, link.schema, link.source_id, link.target_id,
                                   link, supporting, contradicting,
                                   cited.get(link.id, []))
    return steps

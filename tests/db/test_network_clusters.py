"""The whole case in groups (db.reads.network_clusters), with exact numbers: components,
the unlinked, a part too big to cut, the strongest links between groups, the as-of date."""

from __future__ import annotations

from datetime import date

import pytest

from db.core.casefile import CaseFile
from db.models import Entity, Link, new_id
from db.reads.network_clusters import LOOSE, cluster_case

NOW = "2026-11-01T00:00:00+00:00"


@pytest.fixture
def case(tmp_path):
    """Two stars of 400 (hubs Alpha Holding and Beta Group, linked), a chain X → Y → Z, and
    two entities with no link in force today (one gets a link from Z in 2030)."""
    case = CaseFile.create(tmp_path / "groups.casefile", name="Groups", author="test")
    names = (["Alpha Holding", "Beta Group", "X", "Y", "Z", "Lonely One", "Lonely Two"]
             + [f"Leaf {n}" for n in range(800)])
    ids = {name: new_id() for name in names}
    entities = [{"id": ids[name], "schema": "Company", "caption": name, "role": None,
                 "properties": {"name": [name]}, "created_by": "test", "created_at": NOW,
                 "updated_at": NOW} for name in names]
    pairs = ([("Alpha Holding", f"Leaf {n}", None) for n in range(400)]
             + [("Beta Group", f"Leaf {n}", None) for n in range(400, 800)]
             + [("Alpha Holding", "Beta Group", None), ("X", "Y", None), ("Y", "Z", None),
                ("Z", "Lonely One", "2030")])
    links = [{"id": new_id(), "schema": "Ownership", "source_id": ids[a],
              "target_id": ids[b], "start_date": start, "properties": {},
              "created_by": "test", "created_at": NOW} for a, b, start in pairs]
    with case.transaction("Build") as tx:
        tx.bulk_insert(Entity, entities)
        tx.bulk_insert(Link, links)
    yield case
    case.engine.dispose()


def test_groups_as_of_today(case):
    with case.session() as session:
        clustered = cluster_case(session, date(2026, 11, 1))
    summary = {g.id: (g.caption, g.size) for g in clustered.groups.values()}
    assert summary == {"group:0": ("Alpha Holding", 401), "group:1": ("Beta Group", 401),
                       "group:2": ("Y", 3), LOOSE: ("Lonely One", 2)}
    assert clustered.entity_count == 807 and clustered.link_count == 803
    assert clustered.links == {("group:0", "group:1"): 1}
    assert clustered.group_link_count == 1
    alpha = clustered.groups["group:0"]
    assert all(clustered.group_of[m] == "group:0" for m in alpha.members)
    assert len(clustered.group_of) == 807


def test_a_link_in_force_later_joins_the_lonely_one_to_the_chain(case):
    with case.session() as session:
        clustered = cluster_case(session)
    summary = {g.id: (g.caption, g.size) for g in clustered.groups.values()}
    assert summary["group:2"] == ("Y", 4) or summary["group:2"] == ("Z", 4)
    assert summary[LOOSE] == ("Lonely Two", 1)
    assert clustered.link_count == 804


def test_a_long_chain_is_cut_into_linked_parts(tmp_path):
    case = CaseFile.create(tmp_path / "chain.casefile", name="Chain", author="test")
    ids = [new_id() for _ in range(700)]
    with case.transaction("Build") as tx:
        tx.bulk_insert(Entity, [{"id": i, "schema": "Company", "caption": f"C{n}",
                                 "role": None, "properties": {}, "created_by": "test",
                                 "created_at": NOW, "updated_at": NOW}
                                for n, i in enumerate(ids)])
        tx.bulk_insert(Link, [{"id": new_id(), "schema": "Ownership", "source_id": a,
                               "target_id": b, "properties": {}, "created_by": "test",
                               "created_at": NOW} for a, b in zip(ids[:-1], ids[1:], strict=True)])
    with case.session() as session:
        clustered = cluster_case(session)
    case.engine.dispose()
    sizes = sorted(g.size for g in clustered.groups.values())
    assert sum(sizes) == 700 and max(sizes) <= 300 and len(sizes) >= 3
    assert LOOSE not in clustered.groups
    # a chain cut in k parts has k - 1 links between them, each a single link
    assert sum(clustered.links.values()) == len(sizes) - 1 == clustered.group_link_count

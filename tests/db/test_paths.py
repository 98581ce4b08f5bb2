"""Connecting paths: shortest first, alternatives, link types, dates, bounds."""

from __future__ import annotations

from datetime import date

import pytest

from db.analysis import connecting_paths
from db.core.casefile import CaseFile
from db.core.commands import run
from db.services import entities as E
from db.services import links as L

# Service-level: each test runs on a case file and on a team case (PostgreSQL).
pytestmark = pytest.mark.backends("sqlite", "postgresql")


@pytest.fixture
def case(tmp_path):
    case = CaseFile.create(tmp_path / "paths.casefile", author="tester")
    yield case
    case.close()


def build(case, names: str, links: list[tuple]) -> dict[str, str]:
    ids: dict[str, str] = {}

    def operation(tx):
        for name in names.split():
            ids[name] = E.create_entity(tx, "Company", name)
        for number, (schema, source, target, kwargs) in enumerate(links):
            ids[f"link{number}"] = L.create_link(tx, schema, ids[source], ids[target],
                                                 **kwargs)

    run(case, "build", operation)
    return ids


def paths(case, ids, a, b, **kwargs):
    with case.session() as session:
        return connecting_paths(session, ids[a], ids[b], **kwargs)


def names(ids, found):
    back = {v: k for k, v in ids.items()}
    return [[back[i] for i in p.entity_ids] for p in found]



def test_sample_rosatom_to_south_korea(sample):
    case, ids = sample, sample.ids  # the suite's fresh sample case (conftest)
    found = paths(case, ids, "rosatom", "south_korea")
    assert len(found) == 1
    path = found[0]
    assert path.entity_ids == [ids["rosatom"], ids["enertech"], ids["russia"],
                               ids["south_korea"]]
    assert [(h.link_id, h.schema, h.direction) for h in path.hops] == [
        (ids["link:control"], "Control", "forward"),
        (ids["link:enertech_supplier"], "Contract", "forward"),
        (ids["link:ban"], "Sanction", "backward")]
    assert [h.supporting for h in path.hops] == [[ids["claim:2"]], [ids["claim:3"]],
                                                 [ids["claim:1"]]]
    assert path.to_json()["hops"][2]["direction"] == "backward"


def test_sample_link_types_and_dates_narrow_the_search(sample):
    case, ids = sample, sample.ids  # the suite's fresh sample case (conftest)
    assert paths(case, ids, "rosatom", "south_korea", link_types={"Ownership", "Control"}) == []
    assert paths(case, ids, "rosatom", "south_korea", as_of=date(2021, 6, 30)) == []
    assert len(paths(case, ids, "rosatom", "south_korea", as_of=date(2022, 6, 30))) == 1
    assert paths(case, ids, "renera", "erdogan") == []


def test_alternatives_in_length_order(case):
    ids = build(case, "A B C D E", [
        ("Ownership", "A", "D", {}), ("Ownership", "A", "B", {}), ("Ownership", "B", "D", {}),
        ("Associate", "C", "A", {}), ("Ownership", "C", "D", {}),
        ("Ownership", "A", "E", {}), ("Ownership", "E", "B", {})])
    found = paths(case, ids, "A", "D")
    assert names(ids, found)[0] == ["A", "D"]
    assert sorted(names(ids, found)[1:3]) == [["A", "B", "D"], ["A", "C", "D"]]
    assert names(ids, found)[3] == ["A", "E", "B", "D"]
    assert len(found) == 4
    assert [len(p) for p in found] == [1, 2, 2, 3]
    assert found[1].hops[0].direction in {"forward", "backward"}
    hop_ca = next(p for p in found if p.entity_ids[1] == ids["C"]).hops[0]
    assert (hop_ca.link_id, hop_ca.direction) == (ids["link3"], "backward")
    assert len(paths(case, ids, "A", "D", max_paths=2)) == 2
    only = paths(case, ids, "A", "D", link_types={"Associate", "Ownership"}, max_depth=1)
    assert names(ids, only) == [["A", "D"]]
    assert names(ids, paths(case, ids, "C", "B", link_types={"Ownership"})) == [
        ["C", "D", "B"], ["C", "D", "A", "B"], ["C", "D", "A", "E", "B"]]


def test_max_depth_bounds_a_long_chain(case):
    chain = "N0 N1 N2 N3 N4 N5 N6 N7 N8"
    ids = build(case, chain, [("Ownership", f"N{i}", f"N{i + 1}", {}) for i in range(8)])
    assert paths(case, ids, "N0", "N8") == []  # 8 hops > default max_depth 6
    found = paths(case, ids, "N0", "N8", max_depth=8)
    assert names(ids, found) == [chain.split()]
    assert all(h.direction == "forward" for h in found[0].hops)
    assert all(h.supporting == [] for h in found[0].hops)


def test_parallel_links_make_one_hop(case):
    ids = build(case, "A B", [("Ownership", "A", "B", {"share": 60}), ("Control", "A", "B", {})])
    found = paths(case, ids, "A", "B")
    assert len(found) == 1
    hop = found[0].hops[0]
    assert (hop.link_id, hop.schema, hop.parallel) == (ids["link1"], "Control", (ids["link0"],))
    only = paths(case, ids, "A", "B", link_types={"Ownership"})[0].hops[0]
    assert (only.link_id, only.parallel) == (ids["link0"], ())


def test_bad_requests(case):
    ids = build(case, "A B", [("Ownership", "A", "B", {})])
    with pytest.raises(ValueError, match="two different"):
        paths(case, ids, "A", "A")
    with pytest.raises(ValueError, match="unknown link type: 'Owns'"):
        paths(case, ids, "A", "B", link_types={"Owns"})
    with case.session() as session, pytest.raises(LookupError, match="no entity"):
        connecting_paths(session, ids["A"], "missing")

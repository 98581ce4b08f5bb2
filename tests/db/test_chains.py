"""Control chains: effective shares, ranges, unknowns, cycles, dates and control."""

from __future__ import annotations

from datetime import date

import pytest

from db.analysis import control_chains
from db.core.casefile import CaseFile
from db.core.commands import run
from db.sample.build import build_sample
from db.services import entities as E
from db.services import evidence as X
from db.services import links as L

# Service-level: each test runs on a case file and on a team case (PostgreSQL).
pytestmark = pytest.mark.backends("sqlite", "postgresql")


@pytest.fixture
def case(tmp_path):
    case = CaseFile.create(tmp_path / "chains.casefile", author="tester")
    yield case
    case.close()


def build(case, entities: dict[str, str], links: list[tuple]) -> dict[str, str]:
    """entities: key → schema; links: (schema, source, target, kwargs)."""
    ids: dict[str, str] = {}

    def operation(tx):
        for key, schema in entities.items():
            ids[key] = E.create_entity(tx, schema, key)
        for number, (schema, source, target, kwargs) in enumerate(links):
            ids[f"link{number}"] = L.create_link(tx, schema, ids[source], ids[target],
                                                 **kwargs)

    run(case, "build", operation)
    return ids


def chains(case, ids, key, as_of=None):
    with case.session() as session:
        return control_chains(session, ids[key], as_of)


def by_name(result):
    return {owner.name: owner for owner in result.owners}


def test_two_level_chain_multiplies_shares(case):
    ids = build(case, {"P": "Person", "H": "Company", "T": "Company"},
                [("Ownership", "P", "H", {"share": 50}), ("Ownership", "H", "T", {"share": 60})])
    result = chains(case, ids, "T")
    assert [o.name for o in result.owners] == ["H", "P"]
    h, p = result.owners
    assert (h.effective_share, h.direct, h.controls, h.ultimate) == (60.0, True, True, False)
    assert (p.effective_share, p.effective_share_min, p.effective_share_max) == (30.0, 30.0, 30.0)
    assert (p.direct, p.controls, p.ultimate) == (False, False, True)  # 50% is not > 50%
    assert p.paths == [[ids["P"], ids["H"], ids["T"]]]
    assert set(result.steps) == {ids["link0"], ids["link1"]}
    assert [o.id for o in result.controllers] == [ids["H"]]


def test_several_paths_add_up(case):
    ids = build(case, {"P": "Person", "A": "Company", "B": "Company", "T": "Company"},
                [("Ownership", "P", "A", {"share": 40}), ("Ownership", "P", "B", {"share": 30}),
                 ("Ownership", "A", "T", {"share": 50}), ("Ownership", "B", "T", {"share": 20}),
                 ("Ownership", "P", "T", {"share": 10})])
    owners = by_name(chains(case, ids, "T"))
    # 10 + 40·50 + 30·20 = 10 + 20 + 6
    assert owners["P"].effective_share == 36.0
    assert owners["P"].paths[0] == [ids["P"], ids["T"]]
    assert sorted(owners["P"].paths[1:]) == sorted([[ids["P"], ids["A"], ids["T"]],
                                                    [ids["P"], ids["B"], ids["T"]]])
    assert owners["A"].effective_share == 50.0
    assert owners["B"].effective_share == 20.0


def test_cross_holding_cycle_through_the_entity_is_a_walk_sum(case):
    # X 60% of A, B 20% of A, A 50% of T, and T holds 20% of A back.
    ids = build(case, {"X": "Person", "B": "Company", "A": "Company", "T": "Company"},
                [("Ownership", "X", "A", {"share": 60}), ("Ownership", "B", "A", {"share": 20}),
                 ("Ownership", "A", "T", {"share": 50}), ("Ownership", "T", "A", {"share": 20})])
    owners = by_name(chains(case, ids, "T"))
    # By hand: e_A = 0.5 + 0.5·e_T and e_T = 0.2·e_A  →  e_A = 0.5 / 0.9 = 5/9.
    # X: 0.6 · 5/9 = 1/3 (the walks 0.3 + 0.03 + 0.003 …); B: 0.2 · 5/9 = 1/9.
    assert owners["A"].effective_share == 55.555556
    assert owners["X"].effective_share == 33.333333
    assert owners["B"].effective_share == 11.111111
    assert "T" not in owners
    assert (owners["X"].ultimate, owners["B"].ultimate, owners["A"].ultimate) == (True, True, False)
    assert not any(o.controls for o in owners.values())


def test_cycle_above_the_entity(case):
    # X 50% of A; A 40% of B; B 25% of A; B 80% of T.
    ids = build(case, {"X": "Person", "A": "Company", "B": "Company", "T": "Company"},
                [("Ownership", "X", "A", {"share": 50}), ("Ownership", "A", "B", {"share": 40}),
                 ("Ownership", "B", "A", {"share": 25}), ("Ownership", "B", "T", {"share": 80})])
    owners = by_name(chains(case, ids, "T"))
    # e_B = 0.8 + 0.25·e_A, e_A = 0.4·e_B → e_B = 0.8/0.9, e_A = 0.32/0.9, e_X = 0.16/0.9
    assert owners["B"].effective_share == 88.888889
    assert owners["A"].effective_share == 35.555556
    assert owners["X"].effective_share == 17.777778


def test_ranges_propagate_as_min_and_max_and_control_uses_the_minimum(case):
    ids = build(case, {"P": "Person", "Q": "Person", "H": "Company", "T": "Company"},
                [("Ownership", "P", "H", {"share_min": 45, "share_max": 60}),
                 ("Ownership", "H", "T", {"share": 51}),
                 ("Ownership", "Q", "T", {"share_min": 20, "share_max": 30})])
    result = chains(case, ids, "T")
    assert [o.name for o in result.owners] == ["H", "P", "Q"]
    h, p, q = result.owners
    assert h.effective_share == 51.0 and h.controls
    assert (p.effective_share, p.effective_share_min, p.effective_share_max) == (None, 22.95, 30.6)
    assert p.share_text == "22.95–30.6%"
    assert not p.controls  # 45–60% of H is not certainly a majority
    assert (q.effective_share, q.effective_share_min, q.effective_share_max) == (None, 20.0, 30.0)


def test_unknown_share_makes_every_owner_above_it_unknown_but_listed(case):
    ids = build(case, {"Q": "Person", "P": "Company", "H": "Company", "T": "Company"},
                [("Ownership", "Q", "P", {"share": 30}), ("Ownership", "P", "H", {}),
                 ("Ownership", "H", "T", {"share": 60}), ("Ownership", "P", "T", {"share": 10})])
    result = chains(case, ids, "T")
    assert [o.name for o in result.owners] == ["H", "P", "Q"]
    h, p, q = result.owners
    assert h.effective_share == 60.0
    for owner in (p, q):
        assert (owner.effective_share, owner.effective_share_min,
                owner.effective_share_max) == (None, None, None)
        assert owner.share_text == "share unknown"
    assert sorted(p.paths) == sorted([[ids["P"], ids["T"]], [ids["P"], ids["H"], ids["T"]]])
    assert q.ultimate and len(q.paths) == 2


def test_links_outside_their_dates_are_left_out(case):
    ids = build(case, {"P": "Person", "Q": "Person", "T": "Company"},
                [("Ownership", "P", "T", {"share": 70, "start_date": "2015",
                                          "end_date": "2020"}),
                 ("Ownership", "Q", "T", {"share": 70, "start_date": "2021-01"})])
    assert [o.name for o in chains(case, ids, "T", date(2020, 12, 31)).owners] == ["P"]
    assert [o.name for o in chains(case, ids, "T", date(2021, 1, 1)).owners] == ["Q"]
    assert chains(case, ids, "T", date(2014, 12, 31)).owners == []
    later = chains(case, ids, "T", date(2022, 6, 30))
    assert (later.owners[0].name, later.owners[0].controls) == ("Q", True)
    assert set(later.steps) == {ids["link1"]}
    # No date: what holds now; P's stake ended in 2020.
    assert [o.name for o in chains(case, ids, "T").owners] == ["Q"]


def test_ended_link_cuts_off_everything_above_it(case):
    ids = build(case, {"P": "Person", "H": "Company", "T": "Company"},
                [("Ownership", "P", "H", {"share": 100}),
                 ("Ownership", "H", "T", {"share": 80, "end_date": "2019-06"})])
    assert [o.name for o in chains(case, ids, "T", date(2019, 6, 30)).owners] == ["H", "P"]
    assert chains(case, ids, "T", date(2019, 7, 1)).owners == []


def test_control_reached_only_through_controlled_companies(case):
    ids = build(case, {"P": "Person", "A": "Company", "B": "Company", "Z": "Person",
                       "T": "Company"},
                [("Ownership", "P", "A", {"share": 60}), ("Ownership", "P", "B", {"share": 60}),
                 ("Ownership", "A", "T", {"share": 30}), ("Ownership", "B", "T", {"share": 25}),
                 ("Ownership", "Z", "T", {"share": 45})])
    owners = by_name(chains(case, ids, "T"))
    assert owners["P"].effective_share == 33.0  # 60·30 + 60·25, yet 30 + 25 > 50 held
    assert owners["P"].controls and owners["P"].ultimate_controller
    assert not owners["A"].controls and not owners["B"].controls
    assert not owners["Z"].controls  # 45% is the largest single stake, not a majority


def test_explicit_control_link_counts_and_carries_no_share(case):
    ids = build(case, {"S": "PublicBody", "A": "Company", "T": "Company"},
                [("Control", "S", "A", {}), ("Ownership", "A", "T", {"share": 60})])
    result = chains(case, ids, "T")
    owners = by_name(result)
    assert owners["S"].controls and owners["S"].ultimate and owners["S"].ultimate_controller
    assert owners["S"].effective_share is None  # a control link says nothing about shares
    assert owners["A"].controls and not owners["A"].ultimate_controller
    assert [o.name for o in result.controllers] == ["S"]


def test_control_beside_a_stake_keeps_the_stake_share(case):
    """Shares and votes declared together (BODS) give the share, not "unknown"."""
    ids = build(case, {"Trust": "Company", "Holding": "Company", "Target": "Company"},
                [("Ownership", "Trust", "Holding", {"share": 60}),
                 ("Control", "Trust", "Holding", {}),
                 ("Ownership", "Holding", "Target", {"share": 50})])
    owners = by_name(chains(case, ids, "Target"))
    assert owners["Trust"].effective_share == 30.0
    assert not owners["Trust"].controls  # it controls Holding, whose 50% is no majority
    assert owners["Holding"].effective_share == 50.0
    with case.session() as session:
        holding = control_chains(session, ids["Holding"])
    assert by_name(holding)["Trust"].effective_share == 60.0
    assert by_name(holding)["Trust"].controls


def test_natural_tops_are_ultimate_even_with_something_above(case):
    ids = build(case, {"Y": "Company", "S": "PublicBody", "T": "Company"},
                [("Ownership", "Y", "S", {"share": 10}), ("Ownership", "S", "T", {"share": 100})])
    owners = by_name(chains(case, ids, "T"))
    assert owners["S"].ultimate and owners["Y"].ultimate
    assert owners["Y"].effective_share == 10.0


def test_entity_without_owners(case):
    ids = build(case, {"Lonely": "Company", "Other": "Company"},
                [("Ownership", "Lonely", "Other", {"share": 100})])
    result = chains(case, ids, "Lonely")
    assert result.owners == [] and result.steps == {}
    assert result.to_json() == {"entity": {"id": ids["Lonely"], "name": "Lonely"},
                                "as_of": None, "owners": [], "controllers": [], "steps": []}


def test_unknown_entity_id(case):
    with case.session() as session, pytest.raises(LookupError, match="no entity"):
        control_chains(session, "nope")


def test_steps_carry_supporting_and_contradicting_claims(case):
    ids = build(case, {"P": "Person", "T": "Company"},
                [("Ownership", "P", "T", {"share": 75})])
    claims: dict[str, str] = {}

    def evidence(tx):
        doc = X.add_document(tx, "note.txt", b"P owns 75% of T. Registry: P owns nothing.")
        claims["for"] = X.create_claim_for_excerpt(tx, doc, "P owns 75% of T", credibility=2)
        claims["against"] = X.create_claim_for_excerpt(tx, doc, "P owns nothing")
        X.attach_claim(tx, claims["for"], link_id=ids["link0"])
        X.attach_claim(tx, claims["against"], link_id=ids["link0"], stance="contradicts")

    run(case, "evidence", evidence)
    step = chains(case, ids, "T").steps[ids["link0"]]
    assert (step.supporting, step.contradicting, step.unsourced) == (
        [claims["for"]], [claims["against"]], False)
    assert [(c.stance, c.excerpt, c.grade) for c in step.citations] == [
        ("supports", "P owns 75% of T", "F2"), ("contradicts", "P owns nothing", "F6")]



def test_sample_kama_owned_by_renera_with_unknown_share(sample):
    case, ids = sample, sample.ids  # the suite's fresh sample case (conftest)
    for as_of in (None, date(2022, 6, 30), date(2024, 1, 1)):
        result = chains(case, ids, "kama", as_of)
        assert [(o.id, o.effective_share) for o in result.owners] == [(ids["renera"], None)]
        step = result.steps[ids["link:stake"]]
        assert step.supporting == [ids["claim:6"]]
        assert step.citations[0].excerpt == ("In 2022, Renera acquired a stake valued at "
                                             "6.2 billion rubles in JSC Kama")
    assert chains(case, ids, "kama", date(2021, 12, 31)).owners == []


def test_sample_enertech_controlled_by_rosatom_from_2022(sample):
    case, ids = sample, sample.ids  # the suite's fresh sample case (conftest)
    result = chains(case, ids, "enertech", date(2024, 1, 1))
    assert [(o.name, o.controls, o.ultimate_controller) for o in result.owners] == [
        ("Rosatom", True, True)]
    assert result.steps[ids["link:control"]].supporting == [ids["claim:2"]]
    assert chains(case, ids, "enertech", date(2021, 6, 30)).owners == []


def test_build_sample_file_chains(tmp_path):
    case = build_sample(tmp_path / "built.casefile")
    try:
        with case.session() as session:
            from db.reads.queries import find_entities

            kama = find_entities(session, "JSC Kama")[0].id
            owners = control_chains(session, kama, date(2022, 6, 30)).to_json()["owners"]
    finally:
        case.close()
    assert [(o["name"], o["effective_share"]) for o in owners] == [("Renera", None)]


def test_without_a_date_ended_links_are_history(case):
    """A stake replaced by a new one (a BODS record update) is not summed with it."""
    ids = build(case, {"Trust": "Company", "Target": "Company"},
                [("Ownership", "Trust", "Target", {"share": 60, "start_date": "2019",
                                                   "end_date": "2020-12-31"}),
                 ("Ownership", "Trust", "Target", {"share": 80, "start_date": "2021-01-01"})])
    owners = by_name(chains(case, ids, "Target"))
    assert owners["Trust"].effective_share == 80.0
    assert by_name(chains(case, ids, "Target", date(2020, 6, 1)))["Trust"].effective_share == 60.0

"""The content of evidence summaries, without Qt: facts, citations, annex, case summary."""

from __future__ import annotations

from datetime import date

import pytest

from db.core.commands import run
from db.reporting import build_case_summary, build_entity_summary
from db.sample.build import ARTICLE
from db.services import entities as E
from db.services import evidence as X
from db.services import links as L

# Service-level: each test runs on a case file and on a team case (PostgreSQL).
pytestmark = pytest.mark.backends("sqlite", "postgresql")

ARTICLE_TEXT = ARTICLE.read_text(encoding="utf-8")
KOMMERSANT = ("Enertech, which has been under Rosatom’s control since 2022, "
              "according to Kommersant")
SUPPLIER = "The move affects Russia’s main supplier of Korean-origin batteries, Enertech"


def position(excerpt: str) -> str:
    start = ARTICLE_TEXT.index(excerpt)
    return f"characters {start + 1}–{start + len(excerpt)}"


def annex_entries(summary) -> dict[int, object]:
    return {e.number: e for d in summary.annex for e in d.excerpts}


def test_enertech_summary_cites_each_fact_into_the_annex(sample):
    summary = build_entity_summary(sample, sample.ids["enertech"])
    assert summary.name == "Enertech"
    assert summary.header.marking == "CONFIDENTIAL"
    assert summary.header.file_sha256 == sample.file_sha256()
    assert [(f.label, f.value, f.evidence.supporting) for f in summary.facts] == [
        ("country", "ru", ()), ("sector", "Supplier of Korean-origin batteries", (1,))]
    assert [(r.relationship, r.counterpart, r.share, r.dates, r.evidence.supporting)
            for r in summary.links] == [
        ("supplies", "Russia", "—", "dates not stated", (1,)),
        ("is controlled by", "Rosatom", "—", "since 2022", (2,))]
    [owner] = summary.owners
    assert (owner.name, owner.share, owner.controls, owner.ultimate, owner.paths) == (
        "Rosatom", "share unknown", True, True, ("Rosatom → Enertech",))
    assert owner.evidence.supporting == (2,)
    assert summary.controllers == ["Rosatom"]
    entries = annex_entries(summary)
    assert sorted(entries) == [1, 2]
    assert (entries[1].excerpt, entries[1].grade, entries[1].position) == (
        SUPPLIER, "C2", position(SUPPLIER))
    assert (entries[2].excerpt, entries[2].grade, entries[2].source_name,
            entries[2].position) == (KOMMERSANT, "B2", "Kommersant", position(KOMMERSANT))
    [document] = summary.annex
    assert document.sha256 == X.sha256_of(ARTICLE.read_bytes())
    assert document.source_grade == "C (fairly reliable)"


def test_citation_numbers_are_stable_between_runs(sample):
    first = build_entity_summary(sample, sample.ids["renera"])
    second = build_entity_summary(sample, sample.ids["renera"])
    assert [(r.counterpart, r.evidence) for r in first.links] == \
           [(r.counterpart, r.evidence) for r in second.links]
    numbers = {n for r in first.links for n in r.evidence.supporting}
    assert numbers == set(annex_entries(first)) == set(range(1, len(numbers) + 1))


def test_kama_stake_share_unknown_with_its_value(sample):
    summary = build_entity_summary(sample, sample.ids["kama"])
    stake = next(r for r in summary.links if r.counterpart == "Renera")
    assert (stake.relationship, stake.share, stake.dates) == (
        "is owned by", "share unknown · 6.2 bn RUB", "since 2022")
    assert [(o.name, o.share, o.controls) for o in summary.owners] == [
        ("Renera", "share unknown", False)]
    assert [(e.label, e.unsourced) for e in summary.figure.edges] == [
        ("share unknown, since 2022", False)]


def test_as_of_leaves_out_links_not_yet_in_force(sample):
    summary = build_entity_summary(sample, sample.ids["enertech"], date(2021, 6, 1))
    assert summary.header.as_of == "2021-06-01"
    assert summary.owners == []
    assert [r.counterpart for r in summary.links] == ["Russia"]


def test_effective_shares_control_and_unsourced_steps(sample):
    ids = sample.ids

    def add(tx):
        holding = E.create_entity(tx, "Company", "Holding Ltd")
        L.create_link(tx, "Ownership", holding, ids["renera"], share=60)
        L.create_link(tx, "Ownership", ids["renera"], ids["togg"], share=80)
        return holding

    run(sample, "add", add)
    summary = build_entity_summary(sample, ids["togg"])
    assert [(o.name, o.share, o.controls, o.unsourced_steps) for o in summary.owners] == [
        ("Renera", "80%", True, 1), ("Holding Ltd", "48%", True, 2)]
    assert all(o.evidence.unsourced for o in summary.owners)
    layers = {n.name: n.layer for n in summary.figure.nodes}
    assert layers == {"TOGG": 0, "Renera": 1, "Holding Ltd": 2}
    assert sorted((e.label, e.unsourced) for e in summary.figure.edges) == [
        ("60%", True), ("80%", True)]


def test_unknown_entity_is_a_lookup_error(sample):
    try:
        build_entity_summary(sample, "no-such-id")
    except LookupError as error:
        assert str(error) == "no entity with id no-such-id"
    else:
        raise AssertionError("expected LookupError")


def test_case_summary_groups_every_claim_and_shows_contested_ones(sample):
    ids = sample.ids

    def change(tx):
        X.edit_claim(tx, ids["claim:2"], status="disputed")
        X.edit_claim(tx, ids["claim:8"], status="refuted")
        X.attach_claim(tx, ids["claim:3"], link_id=ids["link:control"], stance="contradicts")
        L.create_link(tx, "Ownership", ids["rosatom"], ids["renera"], share=25)

    run(sample, "change", change)
    summary = build_case_summary(sample)
    assert summary.counts == [("Entities", 16), ("Links", 12), ("Unsourced links", 1),
                              ("Documents", 1), ("Sources", 3), ("Claims", 10), ("Events", 5)]
    assert (summary.key_entities[0].name, summary.key_entities[0].links) == ("Renera", 5)
    assert [(r.source, r.relationship, r.target, r.share) for r in summary.unsourced_links] == [
        ("Rosatom", "owns", "Renera", "25%")]
    entries = annex_entries(summary)
    assert len(entries) == 10  # every claim, each once
    assert sorted(e.claim_id for e in entries.values()) == sorted(
        ids[f"claim:{n}"] for n in range(1, 11))
    assert sorted((e.statement, e.status) for e in summary.contested) == [
        ("Rosatom has controlled Enertech since 2022.", "disputed"),
        ("Rosatom plans vehicle production.", "refuted")]
    control = next(g for g in summary.groups if g.title == "Rosatom controls Enertech "
                                                          "(control; since 2022)")
    assert sorted((c.statement, c.stance) for c in control.claims) == [
        ("Enertech is Russia's main supplier of Korean-origin batteries.", "contradicts"),
        ("Rosatom has controlled Enertech since 2022.", "supports")]
    # One claim cited in several groups keeps one number.
    numbers = {c.number for g in summary.groups for c in g.claims
               if c.statement.startswith("Renera agreed")}
    assert len(numbers) == 1
    assert [d.title for d in summary.annex] == [
        "South Korea halts battery exports to Russia; Rosatom, Renera and the Moscow EV "
        "supply chain"]

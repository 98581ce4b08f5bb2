"""Passage → claim + relationship, without Qt: guesses, parsing, one undoable command."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import func, select

from db.core.commands import Command, run
from db.models import Claim, ClaimTarget, Document, Link, Source
from db.reads.excerpt_entities import entities_in_excerpt
from db.services import claim_flow as F
from db.services import entities as E
from db.wording import Stake

# Service-level: each test runs on a case file and on a team case (PostgreSQL).
pytestmark = pytest.mark.backends("sqlite", "postgresql")

STAKE = "In 2022, Renera acquired a stake valued at 6.2 billion rubles in JSC Kama"
CONTROL = "Enertech, which has been under Rosatom’s control since 2022, according to Kommersant"


def _count(case, model) -> int:
    with case.session() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_entities_in_excerpt_in_order_longest_name(sample):
    with sample.session() as session:
        mentions = entities_in_excerpt(session, STAKE)
    assert [(m.caption, m.start, m.end) for m in mentions] == [
        ("Renera", 9, 15), ("JSC Kama", 65, 73)]


def test_entities_found_by_alias_and_case(sample, new_case):
    with sample.session() as session:
        mentions = entities_in_excerpt(session, "Сделка: РОСАТОМ и Рэнера.")
        assert [m.caption for m in mentions] == ["Rosatom", "Renera"]
        assert entities_in_excerpt(session, "Nothing here, 2022.") == []
    # "Kama" alone must not be taken for "JSC Kama" inside a longer word.
    run(new_case, "e", lambda tx: E.create_entity(tx, "Company", "Kama"))
    with new_case.session() as session:
        assert [m.name for m in entities_in_excerpt(session, "Kamaz and Kama.")] == ["Kama"]


def test_guess_stake_passage(sample):
    with sample.session() as session:
        guess = F.guess_relationship(STAKE, entities_in_excerpt(session, STAKE))
    assert (guess.schema, guess.source_id, guess.target_id) == (
        "Ownership", sample.ids["renera"], sample.ids["kama"])
    assert guess.stake == Stake(None, None, 6.2e9, "RUB", "2022", None)


def test_guess_passive_and_control(sample):
    passive = "Renera is wholly owned by Rosatom State Corporation since 2021."
    with sample.session() as session:
        owned = F.guess_relationship(passive, entities_in_excerpt(session, passive))
        control = F.guess_relationship(CONTROL, entities_in_excerpt(session, CONTROL))
    assert (owned.schema, owned.source_id, owned.target_id) == (
        "Ownership", sample.ids["rosatom"], sample.ids["renera"])
    assert owned.stake == Stake(100.0, 100.0, start="2021")
    assert (control.schema, control.source_id, control.target_id, control.stake.start) == (
        "Control", sample.ids["rosatom"], sample.ids["enertech"], "2022")


def test_guess_attribution():
    assert F.guess_attribution(CONTROL) == "Kommersant"
    assert F.guess_attribution("as reported by the Financial Times.") == "the Financial Times"
    assert F.guess_attribution(STAKE) is None


def test_guess_small_pieces():
    assert F.guess_dates("from March 2019 until 2024") == ("2019-03", "2024")
    assert F.guess_share("holds 25.5 % of the shares") == (25.5, 25.5)
    assert F.guess_share("a 25–50 percent stake") == (25.0, 50.0)
    assert F.guess_value("paid $3.5 million for it") == (3.5e6, "USD")
    assert F.guess_link_type("He is the director of X") == "Directorship"
    assert F.guess_link_type("Nothing to see") is None


def _stake_draft(sample, **link) -> F.ClaimDraft:
    document = sample.ids["document"]
    with sample.session() as session:
        text = session.get(Document, document).text
    start = text.index(STAKE)
    return F.ClaimDraft(document, start, start + len(STAKE), credibility=2, target=F.NewLink(
        "Ownership", sample.ids["renera"], sample.ids["kama"],
        Stake(value=6.2e9, currency="RUB", start="2022", **link)))


def test_claim_and_new_link_in_one_command(sample):
    claims, links, targets = _count(sample, Claim), _count(sample, Link), _count(sample, ClaimTarget)
    command = Command("New claim", lambda tx: F.create_claim_from_passage(
        tx, _stake_draft(sample)))
    command.do(sample)
    result = command.result
    with sample.session() as session:
        claim = session.get(Claim, result.claim_id)
        link = session.get(Link, result.link_id)
        target = session.get(ClaimTarget, result.target_id)
        assert claim.excerpt == STAKE
        assert claim.statement == "Renera owns 6.2 bn RUB of JSC Kama since 2022"
        assert claim.source_id is None and claim.credibility == 2 and claim.page is None
        assert (link.schema, link.source_id, link.target_id, link.start_date) == (
            "Ownership", sample.ids["renera"], sample.ids["kama"], "2022")
        assert (link.share_min, link.share_max, link.shares_value) == (None, None, 6.2e9)
        assert (target.claim_id, target.link_id, target.stance) == (
            claim.id, link.id, "supports")
    assert command.changes.claims == {result.claim_id}
    assert command.changes.links == {result.link_id}
    command.undo(sample)
    assert (_count(sample, Claim), _count(sample, Link), _count(sample, ClaimTarget)) == (
        claims, links, targets)
    command.do(sample)  # redo brings back the same ids
    with sample.session() as session:
        assert session.get(Link, result.link_id) is not None


def test_new_source_and_existing_link_and_entity_fact(sample):
    draft = _stake_draft(sample)
    draft.target = F.ExistingLink(sample.ids["link:stake"])
    draft.new_source_name = "Interfax"
    draft.reliability = "B"
    draft.stance = "contradicts"
    result = run(sample, "c", lambda tx: F.create_claim_from_passage(tx, draft)).result
    with sample.session() as session:
        claim = session.get(Claim, result.claim_id)
        source = session.get(Source, result.source_id)
        assert (source.name, source.reliability) == ("Interfax", "B")
        assert claim.source_id == source.id and claim.reliability == "B"
        target = session.get(ClaimTarget, result.target_id)
        assert (target.link_id, target.stance) == (sample.ids["link:stake"], "contradicts")
    fact = _stake_draft(sample)
    fact.target = F.EntityFact(sample.ids["kama"], "notes", "Stake sold to Renera")
    fact.statement = "JSC Kama sold a stake"
    result = run(sample, "f", lambda tx: F.create_claim_from_passage(tx, fact)).result
    with sample.session() as session:
        target = session.get(ClaimTarget, result.target_id)
        assert (target.entity_id, target.prop, target.value) == (
            sample.ids["kama"], "notes", "Stake sold to Renera")
        assert session.get(Claim, result.claim_id).statement == "JSC Kama sold a stake"


@pytest.mark.parametrize(("change", "message"), [
    ({"start": "2022-13"}, "not a date"),
    ({"end": "2020"}, "ends"),
    ({"share_min": 60.0, "share_max": 40.0}, "backwards"),
])
def test_refused_link_leaves_nothing(sample, change, message):
    claims, links = _count(sample, Claim), _count(sample, Link)
    draft = _stake_draft(sample)
    draft.target.stake = replace(draft.target.stake, **change)
    with pytest.raises(ValueError, match=message):
        run(sample, "bad", lambda tx: F.create_claim_from_passage(tx, draft))
    assert (_count(sample, Claim), _count(sample, Link)) == (claims, links)


def test_missing_entity_refused(sample):
    draft = _stake_draft(sample)
    draft.target.target_id = ""
    with pytest.raises(ValueError, match="choose both entities"):
        run(sample, "bad", lambda tx: F.create_claim_from_passage(tx, draft))

"""Merges that reconcile: identifiers make sure matches, names in other scripts or word
order make proposed ones (with reasons), a colleague's claim attaches to our link, and a
different stake for the same link becomes a visible dispute — both ways, one undo."""

from __future__ import annotations

from sqlalchemy import select

from db.models import Claim, ClaimTarget, Link, Origin
from db.services.merge import apply_merge, plan_merge
from db.services.merge.matching import match_entities
from tests.provenance_cases import build_anna, build_boris


def _entity(id_, caption, schema="Company", **props):
    return {"id": id_, "caption": caption, "schema": schema,
            "properties": {k: v if isinstance(v, list) else [v] for k, v in props.items()}}


def test_identifiers_make_sure_matches_and_names_proposed_ones_with_reasons():
    ours = [_entity("k", "JSC Kama", country="ru", registrationNumber="1021602013971"),
            _entity("e", "Recep Tayyip Erdoğan", "Person", nationality="tr",
                    birthDate="1954-02-26"),
            _entity("r", "Rosatom", country="ru"),
            _entity("w", "Gazprom", country="ru", wikidataId="Q102673")]
    theirs = [_entity("k2", "Kama Automobile Plant", registrationNumber="1021 602 013 971"),
              _entity("e2", "Erdogan, Recep Tayyip", "Person", birthDate="1954"),
              _entity("r2", "Росатом", country="ru"),
              _entity("r3", "Rosatom", country="fr"),
              _entity("w2", "ПАО Газпром", wikidataId="Q102673"),
              _entity("x", "Rosneft", country="ru")]
    found = {m.other_id: m for m in match_entities(ours, theirs)}
    assert (found["k2"].our_id, found["k2"].category, found["k2"].reasons) == (
        "k", "same", ["same registration number 1021602013971"])
    assert (found["w2"].category, found["w2"].reasons) == (
        "same", ["same Wikidata id Q102673", "same name in another script"])
    assert (found["e2"].category, found["e2"].reasons) == (
        "unsure", ["same name, words in another order", "both Person", "same date of birth"])
    assert (found["r2"].category, found["r2"].score, found["r2"].reasons) == (
        "unsure", 0.75, ["same name in another script", "both Company", "same country"])
    assert "r3" not in found  # same name, other country: not proposed
    assert "x" not in found


def test_different_identifiers_or_birth_dates_are_no_match():
    ours = [_entity("a", "Ivan Petrov", "Person", birthDate="1970-01-01"),
            _entity("b", "Acme Ltd", registrationNumber="111")]
    theirs = [_entity("a2", "Petrov Ivan", "Person", birthDate="1982"),
              _entity("b2", "ACME Limited", registrationNumber="222")]
    assert match_entities(ours, theirs) == []


def _merge(case, other_path, accept=()):
    plan = plan_merge(case, other_path)
    decisions = {m.other_id: "same" for m in plan.matches if m.our_caption in accept}
    command = apply_merge(case, plan, decisions)
    command.do(case)
    return plan, command


def test_a_different_stake_becomes_one_disputed_link_both_ways(tmp_path):
    anna, a = build_anna(tmp_path)
    boris, b = build_boris(tmp_path)
    anna_path, boris_path = anna.path, boris.path
    for mine, other in ((anna, boris_path), (boris, anna_path)):
        before = _dump(mine)
        plan, command = _merge(mine, other, accept={"Renera", "Ренера"})
        kama = next(m for m in plan.matches if m.other_caption in ("АО «Кама»", "JSC Kama"))
        assert kama.category == "same" and kama.reasons[0].startswith("same registration")
        renera = next(m for m in plan.matches if m.other_caption in ("Ренера", "Renera"))
        assert renera.category == "unsure" and renera.reasons[0].startswith("same name")
        assert [c.kind for c in plan.conflicts] == ["link"]  # "1021 602013971" is the same
        assert plan.conflicts[0].theirs[0] in ("49%", "share unknown")
        assert command.result["disputed_links"] == 1
        with mine.session() as session:
            stakes = list(session.scalars(select(Link).where(Link.schema == "Ownership")))
            assert len(stakes) == 1, "the stake is one link, not two"
            (stake,) = stakes
            claims = session.scalars(select(Claim).join(
                ClaimTarget, ClaimTarget.claim_id == Claim.id).where(
                ClaimTarget.link_id == stake.id)).all()
            # Anna's side rests on the sample article's claim (its builder made it).
            assert {(c.author, c.status) for c in claims} == {
                ("Sample case builder", "disputed"), ("Boris P.", "disputed")}
            (kept,) = stake.properties["disputedStakes"]
            assert kept["author"] in ("Anna K.", "Boris P.") and kept["origin"]
            origin = session.scalars(select(Origin)).one()
            assert origin.author == ("Boris P." if mine is anna else "Anna K.")
            assert origin.merged_by == ("Anna K." if mine is anna else "Boris P.")
            # Signed custody: their key's fingerprint, when their case was ever signed.
            assert origin.fingerprint is None or len(origin.fingerprint) == 64
        command.undo(mine)
        assert _dump(mine) == before, "Undo takes back the whole merge"
        command.do(mine)
        mine.close()


def _dump(case):
    from tests.db.test_merge import dump

    return dump(case)

"""Merging a colleague's case: nothing lost, origins named, idempotent, one undo step."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from db.core.casefile import CaseFile
from db.core.progress import Cancelled, Progress
from db.models import (
    Claim,
    ClaimTarget,
    Document,
    Entity,
    Event,
    Judgement,
    Link,
    Origin,
    Source,
    canonical_json,
)
from db.reads import queries
from db.services.merge import apply_merge, normalise_name, plan_merge

DUMPED = (Entity, Link, Source, Document, Claim, ClaimTarget, Event, Judgement)


def dump(case):
    """Every row of the case's content tables, canonical (audit log and blobs aside)."""
    with case.session() as session:
        return canonical_json({m.__tablename__: sorted(
            (dict(r._mapping) for r in session.execute(select(m.__table__))),
            key=canonical_json) for m in DUMPED})


def test_normalised_names():
    assert normalise_name("JSC  Kama") == normalise_name("kama") == "kama"
    assert normalise_name("Erdoğan") == "erdogan"


def test_plan_is_pure_and_serialisable(two_cases):
    alice, a, bob_path, b = two_cases
    before = alice.file_sha256()
    plan = plan_merge(alice, bob_path)
    assert alice.file_sha256() == before
    assert plan.other_name == "Bob's case"
    assert len(plan.matches) == 16
    assert {m.category for m in plan.matches} == {"unsure"}
    kama = next(m for m in plan.matches if m.other_id == b["kama"])
    assert (kama.our_id, kama.score) == (a["kama"], 0.75)
    assert kama.reasons == ["same name", "both Company", "same country"]
    (conflict,) = plan.conflicts
    assert (conflict.kind, conflict.what, conflict.ours, conflict.theirs) == (
        "property", "website", ["renera.ru"], ["www.renera.ru"])
    # Kept apart (unsure), their entities and links come over; the same quotes in the
    # same article and the same events are recognised as ours.
    assert plan.new == {"links": 12, "sources": 1, "documents": 1, "claims": 1,
                        "claim_targets": 22, "events": 0, "event_entities": 12,
                        "judgements": 0, "entities": 1}
    assert plan.attached == {"links": 0, "claims": 10, "events": 5, "disputed_links": 0}
    json.dumps(plan.to_dict())


def test_merge_loses_nothing_names_origins_and_is_idempotent(two_cases):
    alice, a, bob_path, b = two_cases
    plan = plan_merge(alice, bob_path)
    command = apply_merge(alice, plan, plan.default_decisions(accept_unsure=True))
    command.do(alice)
    assert command.result["same_entities"] == 16
    assert command.result["attached_links"] == 11  # the sample's links are ours already
    bob = CaseFile.open(bob_path)
    origin = plan.origin
    assert origin == f"Bob's case [{bob.meta()['case_id']}]"
    with alice.session() as mine, bob.session() as theirs:
        counts = queries.counts(mine)
        # Nothing duplicated: one more link (TVEL's stake), one more claim, no new event.
        assert (counts.entities, counts.links, counts.claims, counts.documents,
                counts.sources, counts.events) == (17, 12, 11, 2, 4, 5)
        folded_ids = {i for e in mine.scalars(select(Entity))
                      for i in e.properties.get("mergedIds", [])}
        for entity in theirs.scalars(select(Entity)):
            assert entity.id in folded_ids or mine.get(Entity, entity.id) is not None
        renera = mine.get(Entity, a["renera"])
        assert renera.properties["website"] == ["renera.ru", "www.renera.ru"]
        assert b["renera"] in renera.properties["mergedIds"]
        for model in (Link, Claim):
            for row in theirs.scalars(select(model)):
                here = mine.get(model, row.id)
                if row.id in (b["stake"], b["claim"]):
                    assert here is not None and here.origin == origin
                else:  # the sample's own: attached to ours, not copied
                    assert here is None
        assert mine.get(Claim, b["claim"]).author == "bob"
        (kept,) = mine.scalars(select(Origin))
        assert (kept.name, kept.author, kept.merged_by) == ("Bob's case", "bob", "alice")
        stake = mine.get(Link, b["stake"])
        assert (stake.target_id, stake.created_by, stake.share_exact) == (a["renera"], "bob", 100)
        tvel = mine.get(Entity, b["tvel"])
        assert (tvel.origin, tvel.created_by) == (origin, "bob")
        assert [c.excerpt for c in queries.link_citations(mine, b["stake"])] == \
            ["TVEL owns 100% of Renera"]
        judgements = list(mine.scalars(select(Judgement)))
        assert len(judgements) == 16
        assert {(j.decision, j.author) for j in judgements} == {("same", "alice")}
    bob.engine.dispose()
    before = dump(alice)
    again = apply_merge(alice, plan_merge(alice, bob_path), {})
    again.do(alice)
    assert again.result == {"origins": 0, "entities": 0, "sources": 0, "documents": 0,
                            "links": 0, "events": 0, "claims": 0, "claim_targets": 0,
                            "event_entities": 0, "judgements": 0, "node_positions": 0,
                            "disputed_links": 0, "attached_links": 11, "same_entities": 16}
    assert dump(alice) == before


def test_unsure_entities_stay_separate_with_judgements(two_cases):
    alice, a, bob_path, b = two_cases
    plan = plan_merge(alice, bob_path)
    apply_merge(alice, plan).do(alice)
    with alice.session() as session:
        assert queries.counts(session).entities == 33
        decisions = {j.decision for j in session.scalars(select(Judgement))}
        assert decisions == {"unsure"}
        assert session.get(Entity, b["kama"]).origin == plan.origin


def test_undo_restores_case_exactly(two_cases):
    alice, a, bob_path, b = two_cases
    before = dump(alice)
    plan = plan_merge(alice, bob_path)
    command = apply_merge(alice, plan, plan.default_decisions(accept_unsure=True))
    command.do(alice)
    assert dump(alice) != before
    command.undo(alice)
    assert dump(alice) == before
    command.do(alice)  # redo
    with alice.session() as session:
        assert queries.counts(session).entities == 17


def test_cancel_leaves_case_unchanged(two_cases):
    alice, a, bob_path, b = two_cases
    plan = plan_merge(alice, bob_path)
    calls = []
    progress = Progress(lambda *args: calls.append(args), lambda: len(calls) >= 5)
    sha = alice.file_sha256()
    with pytest.raises(Cancelled):
        apply_merge(alice, plan, plan.default_decisions(True), progress).do(alice)
    assert alice.file_sha256() == sha


def test_merging_a_case_with_itself_is_refused(two_cases):
    alice, *_ = two_cases
    with pytest.raises(ValueError, match="is this very case"):
        plan_merge(alice, alice.path)


# -- GUI: the review dialog -------------------------------------------------------------------

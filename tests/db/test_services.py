"""Services: every edit is one transaction, writes chained audit rows, and undoes exactly."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from db.core.audit import GENESIS, verify_chain
from db.core.commands import Command, run
from db.models import AuditEntry, Claim, ClaimTarget, Entity, Link
from db.partial_date import PartialDate, PartialDateError, in_force
from db.reads import queries
from db.services import entities, events, evidence, links

# Service-level: each test runs on a case file and on a team case (PostgreSQL).
pytestmark = pytest.mark.backends("sqlite", "postgresql")


def count(case, model) -> int:
    with case.session() as session:
        return session.scalar(select(func.count()).select_from(model))


def audit_rows(case) -> list[AuditEntry]:
    with case.session() as session:
        return list(session.scalars(select(AuditEntry).order_by(AuditEntry.seq)))


def dump(case) -> dict:
    """Everything but the audit log, as plain rows, to compare states exactly."""
    from db.core.transaction import snapshot
    from db.models import Base

    state = {}
    with case.session() as session:
        for mapper in Base.registry.mappers:
            model = mapper.class_
            if model.__tablename__ == "audit_log":
                continue
            state[model.__tablename__] = sorted(
                repr(sorted(snapshot(row).items())) for row in session.scalars(select(model)))
    return state


def test_create_entity_returns_changes_and_audits(new_case):
    before = len(audit_rows(new_case))
    command = Command("Add Enertech", lambda tx: entities.create_entity(
        tx, "Company", "Enertech", aliases=["Энертех"], properties={"country": "ru"}))
    changes = command.do(new_case)
    assert changes.entities == {command.result}
    rows = audit_rows(new_case)[before:]
    assert [(r.action, r.object_type, r.object_id) for r in rows] == [
        ("Add Enertech", "entities", command.result)]
    assert rows[0].before is None and rows[0].after["caption"] == "Enertech"
    assert rows[0].after["properties"] == {"name": ["Enertech"], "alias": ["Энертех"],
                                           "country": ["ru"]}
    assert rows[0].author == "tester"


def test_undo_redo_restore_exact_state_with_same_ids(new_case):
    empty = dump(new_case)
    command = Command("Add two", lambda tx: (
        entities.create_entity(tx, "Person", "Ann"), entities.create_entity(tx, "Company", "Co")))
    command.do(new_case)
    done = dump(new_case)
    command.undo(new_case)
    assert dump(new_case) == empty
    command.do(new_case)  # redo
    assert dump(new_case) == done
    with new_case.session() as session:
        assert set(session.scalars(select(Entity.id))) == set(command.result)


def test_delete_entity_cascades_and_undo_restores_links_and_claims(sample):
    ids = sample.ids
    before = dump(sample)
    command = Command("Delete Renera", lambda tx: entities.delete_entity(tx, ids["renera"]))
    changes = command.do(sample)
    assert ids["link:stake"] in changes.links
    with sample.session() as session:
        assert session.get(Link, ids["link:stake"]) is None
        assert session.scalar(select(func.count()).select_from(ClaimTarget)
                              .where(ClaimTarget.link_id == ids["link:stake"])) == 0
        # The claim itself stays: it is the document's, not the entity's.
        assert session.get(Claim, ids["claim:6"]) is not None
    command.undo(sample)
    assert dump(sample) == before


def test_edit_and_merge_entities(sample):
    ids = sample.ids
    duplicate = run(sample, "Add duplicate", lambda tx: entities.create_entity(
        tx, "Company", "JSC KAMA", properties={"registrationNumber": ["1021602013971"]})).result
    run(sample, "Link", lambda tx: links.create_link(tx, "Ownership", ids["rosatom"], duplicate,
                                                     share=25.5))
    before = dump(sample)
    merge = Command("Merge", lambda tx: entities.merge_entities(tx, ids["kama"], duplicate))
    merge.do(sample)
    with sample.session() as session:
        kama = session.get(Entity, ids["kama"])
        assert session.get(Entity, duplicate) is None
        assert "JSC KAMA" in kama.values("alias")
        assert kama.values("registrationNumber") == ["1021602013971"]
        assert duplicate in kama.values("mergedIds")
        owners = {(link.source_id, link.share_min) for link in queries.links_of(session, ids["kama"])
                  if link.target_id == ids["kama"]}
    assert owners == {(ids["renera"], None), (ids["rosatom"], 25.5)}
    merge.undo(sample)
    assert dump(sample) == before


def test_refused_edits_write_nothing(new_case):
    before = len(audit_rows(new_case))
    with pytest.raises(ValueError, match="needs a name"):
        run(new_case, "bad", lambda tx: entities.create_entity(tx, "Company", "  "))
    with pytest.raises(ValueError, match="unknown entity schema"):
        run(new_case, "bad", lambda tx: entities.create_entity(tx, "Spaceship", "X"))
    a = run(new_case, "a", lambda tx: entities.create_entity(tx, "Company", "A")).result
    b = run(new_case, "b", lambda tx: entities.create_entity(tx, "Company", "B")).result
    mid = len(audit_rows(new_case))
    with pytest.raises(ValueError, match="percentage"):
        run(new_case, "bad", lambda tx: links.create_link(tx, "Ownership", a, b, share=150))
    with pytest.raises(ValueError, match="backwards"):
        run(new_case, "bad", lambda tx: links.create_link(tx, "Ownership", a, b, share_min=60,
                                                          share_max=40))
    with pytest.raises(PartialDateError):
        run(new_case, "bad", lambda tx: links.create_link(tx, "Ownership", a, b,
                                                          start_date="2022-13"))
    # A failure half-way through one transaction rolls back what came before it too.
    with pytest.raises(LookupError):
        run(new_case, "bad", lambda tx: (entities.create_entity(tx, "Person", "Half"),
                                         links.create_link(tx, "Ownership", a, "missing")))
    assert len(audit_rows(new_case)) == mid > before
    assert count(new_case, Entity) == 2 and count(new_case, Link) == 0


def test_claim_excerpt_is_cut_from_the_document(new_case):
    text = "Rosatom has controlled Enertech since 2022, according to Kommersant."
    doc = run(new_case, "doc", lambda tx: evidence.add_document(
        tx, "a.txt", text.encode())).result
    claim = run(new_case, "claim", lambda tx: evidence.create_claim(
        tx, doc, 0, 42, credibility=2, statement="control")).result
    with new_case.session() as session:
        row = session.get(Claim, claim)
        assert row.excerpt == "Rosatom has controlled Enertech since 2022"
    with pytest.raises(ValueError, match="outside"):
        run(new_case, "bad", lambda tx: evidence.create_claim(tx, doc, 10, 500))
    with pytest.raises(ValueError, match="credibility"):
        run(new_case, "bad", lambda tx: evidence.create_claim(tx, doc, 0, 5, credibility=9))


def test_audit_chain_links_every_row_and_detects_tampering(sample):
    rows = audit_rows(sample)
    assert rows[0].prev_hash == GENESIS
    assert all(b.prev_hash == a.hash for a, b in zip(rows, rows[1:], strict=False))
    with sample.session() as session:
        assert verify_chain(session) == []
    with sample.engine.begin() as connection:
        connection.exec_driver_sql(
            "UPDATE audit_log SET author = 'mallory' WHERE seq = 5")
    with sample.session() as session:
        problems = verify_chain(session)
    assert [p.seq for p in problems] == [5]
    assert "hash mismatch" in str(problems[0])


def test_undo_is_itself_audited(new_case):
    command = Command("Add X", lambda tx: entities.create_entity(tx, "Company", "X"))
    command.do(new_case)
    command.undo(new_case)
    actions = [r.action for r in audit_rows(new_case)][-2:]
    assert actions == ["Add X", "Undo: Add X"]
    with new_case.session() as session:
        assert verify_chain(session) == []


def test_events_and_judgements(new_case):
    a = run(new_case, "a", lambda tx: entities.create_entity(tx, "Company", "A")).result
    b = run(new_case, "b", lambda tx: entities.create_entity(tx, "Company", "A Ltd")).result
    event = run(new_case, "e", lambda tx: events.create_event(
        tx, "Factory announced", "2023-09", entity_ids=[a, b])).result
    judgement = run(new_case, "j", lambda tx: events.judge(tx, a, b, "unsure", score=0.7)).result
    assert event and judgement
    with pytest.raises(ValueError, match="judgement"):
        run(new_case, "bad", lambda tx: events.judge(tx, a, b, "maybe"))


def test_search_finds_entities_documents_and_claims(sample):
    from db.reads.search import search

    with sample.session() as session:
        hits = search(session, "Kommersant")
        kinds = {(h.kind, h.title) for h in hits}
        assert ("entity", "Kommersant") in kinds
        assert any(kind == "document" for kind, _ in kinds)
        assert any(h.kind == "claim" and "Rosatom" in h.title for h in hits)
        # Cyrillic aliases and prefixes are searchable; FTS syntax typed by a user is inert.
        assert [h.title for h in search(session, "Росатом") if h.kind == "entity"] == ["Rosatom"]
        assert [h.title for h in search(session, "Mosgort") if h.kind == "entity"] == \
            ["Mosgortrans"]
        assert search(session, 'NEAR("x" OR') == []


def test_partial_dates():
    assert str(PartialDate.parse("2022")) == "2022"
    assert PartialDate.parse("2022-09").latest().isoformat() == "2022-09-30"
    assert PartialDate.parse("2024-02").latest().isoformat() == "2024-02-29"
    assert PartialDate.parse("2018-12-17T10:00:00Z").earliest().isoformat() == "2018-12-17"
    from datetime import date

    assert in_force("2022", None, date(2022, 6, 30))
    assert not in_force("2022", None, date(2021, 12, 31))
    assert in_force(None, "2023-09", date(2023, 9, 30))
    assert not in_force(None, "2023-09", date(2023, 10, 1))
    with pytest.raises(PartialDateError):
        PartialDate.parse("22-09-2022")


def test_a_huge_bulk_change_asks_for_a_reload_instead_of_listing_ids(new_case):
    from db.core.transaction import BULK_LISTED
    from db.models import Entity as EntityModel

    rows = [{"id": f"e{n}", "schema": "Company", "caption": f"C{n}", "properties": {}}
            for n in range(BULK_LISTED + 1)]
    big = Command("Import", lambda tx: tx.bulk_insert(EntityModel, rows))
    changes = big.do(new_case)
    assert changes.everything and not changes.entities
    small = Command("Import few", lambda tx: tx.bulk_insert(EntityModel, [
        {"id": "x1", "schema": "Person", "caption": "X", "properties": {}}]))
    assert small.do(new_case).entities == {"x1"}
    assert count(new_case, Entity) == BULK_LISTED + 2
    big.undo(new_case)
    assert count(new_case, Entity) == 1

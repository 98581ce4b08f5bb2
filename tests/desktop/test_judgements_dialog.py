"""Edit ▸ Review Possible Duplicates…: the "unsure" pairs a merge left, settled one by one."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from db.core.commands import run
from db.models import Entity, Judgement
from db.reads import queries
from db.reads.judgements import pending_pairs
from db.sample.build import AUTHOR
from db.services import entities as entity_service
from db.services import events as event_service
from db.services import links as link_service
from desktop.dialogs.judgements import COL_OURS, COL_SCORE, COL_THEIRS, COL_WHY, JudgementsDialog
from desktop.shell.actions import ActionId

EVIL = "<b>Rosatom</b> State Corp"


def add_unsure_pairs(sample) -> dict[str, str]:
    """What a colleague's merge leaves: their entities beside ours, judged "unsure".

    Also a pair settled later as not_same and a pair whose entity is gone: neither pending.
    """
    ids = sample.ids

    def build(tx) -> dict[str, str]:
        theirs = {
            "renera_llc": entity_service.create_entity(tx, "Company", "Renera LLC", properties={
                "country": ["ru"], "registrationNumber": ["1197746000000"]}),
            "evil": entity_service.create_entity(tx, "Company", EVIL,
                                                 properties={"country": ["ru"]}),
            "kama_dup": entity_service.create_entity(tx, "Company", "JSC KAMA"),
            "gone": entity_service.create_entity(tx, "Company", "Gone Ltd"),
        }
        theirs["link"] = link_service.create_link(tx, "Ownership", theirs["renera_llc"],
                                                  ids["enertech"], start_date="2022")
        event_service.judge(tx, ids["renera"], theirs["renera_llc"], "unsure", score=0.65,
                            note="merge of Kama procurement [x]: similar name; same country")
        event_service.judge(tx, ids["rosatom"], theirs["evil"], "unsure", score=0.8,
                            note="merge of Kama procurement [x]: similar name")
        event_service.judge(tx, ids["kama"], theirs["kama_dup"], "unsure", score=0.9)
        event_service.judge(tx, theirs["kama_dup"], ids["kama"], "not_same")
        event_service.judge(tx, ids["kama"], theirs["gone"], "unsure", score=0.95)
        entity_service.delete_entity(tx, theirs["gone"])
        return theirs

    return run(sample, "Colleague's matches", build).result


def test_pending_pairs_latest_unsure_with_both_entities(sample):
    theirs = add_unsure_pairs(sample)
    with sample.session() as session:
        pairs = pending_pairs(session)
    assert [(p.left.caption, p.right.caption, p.score) for p in pairs] == [
        ("Rosatom", EVIL, 0.8), ("Renera", "Renera LLC", 0.65)]
    renera = pairs[1]
    assert renera.left.id == sample.ids["renera"] and renera.right.id == theirs["renera_llc"]
    assert renera.right.schema == "Company" and renera.right.countries == ("ru",)
    assert renera.right.identifiers == (("registrationNumber", "1197746000000"),)
    assert renera.right.links == 1
    assert renera.author == AUTHOR
    assert renera.created_at[:2] == "20"


@pytest.fixture
def window(make_window, sample):
    return make_window(sample, size=(1400, 900))


def cell(dialog, row: int, column: int) -> str:
    return dialog.model.index(row, column).data()


def test_review_not_same_then_merge_then_undo(qtbot, window, sample, artifacts):
    theirs = add_unsure_pairs(sample)
    ids = sample.ids
    with sample.session() as session:
        renera_links = {link.id for link in queries.links_of(session, ids["renera"])}
    window.actions[ActionId.REVIEW_JUDGEMENTS].trigger()
    dialog = window.findChild(JudgementsDialog, "judgements_dialog")
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.model.rowCount() == 2
    assert cell(dialog, 0, COL_THEIRS) == f"{EVIL}\nCompany · RU · 0 links"
    assert cell(dialog, 0, COL_OURS).startswith("Rosatom\n")
    assert cell(dialog, 0, COL_SCORE) == "0.80"
    assert cell(dialog, 1, COL_WHY) == \
        "similar name; same country\ntheirs: registrationNumber 1197746000000"
    dialog.grab().save(str(artifacts / "judgements_dialog.png"))
    # Selecting a pair shows our entity in the workspace; clicking theirs shows theirs.
    rect = dialog.view.visualRect(dialog.model.index(1, COL_THEIRS))
    qtbot.mouseClick(dialog.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.coordinator.selected_entities == [theirs["renera_llc"]]
    rect = dialog.view.visualRect(dialog.model.index(0, COL_OURS))
    qtbot.mouseClick(dialog.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.coordinator.selected_entities == [ids["rosatom"]]

    qtbot.mouseClick(dialog.not_same_button, Qt.MouseButton.LeftButton)
    with sample.session() as session:
        decisions = session.scalars(select(Judgement.decision).where(
            Judgement.left_id == ids["rosatom"], Judgement.right_id == theirs["evil"])
            .order_by(Judgement.created_at)).all()
    assert decisions == ["unsure", "not_same"]
    assert dialog.model.rowCount() == 1
    assert cell(dialog, 0, COL_THEIRS).startswith("Renera LLC\n")

    qtbot.mouseClick(dialog.same_button, Qt.MouseButton.LeftButton)
    with sample.session() as session:
        assert session.get(Entity, theirs["renera_llc"]) is None
        renera = session.get(Entity, ids["renera"])
        assert "Renera LLC" in renera.values("alias")
        assert renera.values("registrationNumber") == ["1197746000000"]
        assert {link.id for link in queries.links_of(session, ids["renera"])} == \
            renera_links | {theirs["link"]}
        same = session.scalars(select(Judgement).where(Judgement.decision == "same")).all()
        assert [(j.left_id, j.right_id) for j in same] == [(ids["renera"], theirs["renera_llc"])]
    assert dialog.model.rowCount() == 0
    assert dialog.stack.currentWidget() is dialog.empty
    assert dialog.empty.text() == "No unsure matches to review."
    assert not dialog.same_button.isEnabled()
    dialog.grab().save(str(artifacts / "judgements_dialog_empty.png"))

    window.actions[ActionId.UNDO].trigger()
    with sample.session() as session:
        assert session.get(Entity, theirs["renera_llc"]).caption == "Renera LLC"
        assert "Renera LLC" not in session.get(Entity, ids["renera"]).values("alias")
        assert {link.id for link in queries.links_of(session, ids["renera"])} == renera_links
        assert session.scalars(select(Judgement).where(Judgement.decision == "same")).all() == []
    assert dialog.model.rowCount() == 1
    assert cell(dialog, 0, COL_THEIRS).startswith("Renera LLC\n")
    assert dialog.stack.currentWidget() is dialog.view
    dialog.close()


def test_still_unsure_moves_on_and_changes_nothing(qtbot, window, sample):
    add_unsure_pairs(sample)
    window.actions[ActionId.REVIEW_JUDGEMENTS].trigger()
    dialog = window.findChild(JudgementsDialog, "judgements_dialog")
    qtbot.waitUntil(dialog.isVisible)
    with sample.session() as session:
        before = session.scalars(select(Judgement.id)).all()
    assert dialog.view.currentIndex().row() == 0
    qtbot.mouseClick(dialog.unsure_button, Qt.MouseButton.LeftButton)
    assert dialog.view.currentIndex().row() == 1
    assert window.coordinator.selected_entities == [sample.ids["renera"]]
    with sample.session() as session:
        assert session.scalars(select(Judgement.id)).all() == before
    assert dialog.model.rowCount() == 2
    dialog.close()


def test_empty_case_says_so(qtbot, window):
    window.actions[ActionId.REVIEW_JUDGEMENTS].trigger()
    dialog = window.findChild(JudgementsDialog, "judgements_dialog")
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.stack.currentWidget() is dialog.empty
    assert dialog.empty.text() == "No unsure matches to review."
    dialog.close()


def test_a_real_merge_leaves_renera_llc_pending(sample, tmp_path):
    """Journey 4: merging a colleague's case stores "Renera LLC" ≈ "Renera" as unsure."""
    from db.core.casefile import CaseFile
    from db.services.merge import apply_merge, plan_merge

    path = tmp_path / "kama-procurement.casefile"
    other = CaseFile.create(path, name="Kama procurement", author="colleague")
    run(other, "Build colleague's case", lambda tx: entity_service.create_entity(
        tx, "Company", "Renera LLC", properties={"country": ["ru"]}))
    other.engine.dispose()
    apply_merge(sample, plan_merge(sample, path)).do(sample)
    with sample.session() as session:
        pairs = pending_pairs(session)
        (theirs,) = session.scalars(select(Entity.id).where(Entity.caption == "Renera LLC"))
    assert [(p.left.id, p.right.id) for p in pairs] == [(sample.ids["renera"], theirs)]
    assert pairs[0].note.startswith("merge of Kama procurement [")

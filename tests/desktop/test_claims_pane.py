"""The claims pane driven like a person: read grades, filter, find unsourced links, edit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from db.reads import queries
from db.services import links as link_service
from desktop.panes.claims.model import ClaimTableModel
from desktop.panes.claims.pane import MODE_DISPUTED, MODE_UNSOURCED
from desktop.shell.actions import ActionId


@pytest.fixture
def window(make_window, sample, qtbot):
    window = make_window(sample)
    window.docks["claims"].raise_()
    window.resizeDocks([window.docks["claims"]], [330], Qt.Orientation.Vertical)
    pane = window.panes["claims"]
    qtbot.waitUntil(lambda: pane.claims_proxy.rowCount() == 10 and not pane.busy)
    return window


def settle(qtbot, pane) -> None:
    """Wait until the pane has read the case again (it reads off the GUI thread)."""
    qtbot.waitUntil(lambda: not pane.busy)


def rows(view) -> list[list[str]]:
    model = view.model()
    return [[str(model.data(model.index(r, c)) or "") for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def claim_row(pane, claim_id: str) -> int:
    model = pane.claims_proxy
    return next(r for r in range(model.rowCount())
                if model.index(r, 0).data(Qt.ItemDataRole.UserRole + 1) == claim_id)


def test_table_shows_source_grade_and_what_it_supports(qtbot, window, sample, artifacts):
    pane = window.panes["claims"]
    row = rows(pane.claims_view)[claim_row(pane, sample.ids["claim:2"])]
    assert row == [
        "“Enertech, which has been under Rosatom’s control since 2022, according to Kommersant”",
        "Rosatom has controlled Enertech since 2022.", "Kommersant", "B", "2", "B2",
        "unverified",
        "supports: Rosatom controls Enertech; supports: Enertech comes under Rosatom's control",
        "South Korea halts battery exports to Russia; Rosatom, Renera and the Moscow EV "
        "supply chain", "Sample case builder"]
    assert pane.count_label.text() == "10 claims"
    pane.grab().save(str(artifacts / "claims_pane.png"))


def test_text_and_source_filters(qtbot, window, sample):
    pane = window.panes["claims"]
    qtbot.keyClicks(pane.filter_edit, "gigafactory")
    qtbot.waitUntil(lambda: pane.claims_proxy.rowCount() == 1)
    assert rows(pane.claims_view)[0][1].startswith("Renera plans a 4 GWh/year gigafactory")
    pane.filter_edit.clear()
    qtbot.waitUntil(lambda: pane.claims_proxy.rowCount() == 10)
    pane.source.setCurrentIndex(pane.source.findText("Moscow Mayor's Office (B)"))
    assert [r[1] for r in rows(pane.claims_view)] == [
        "Renera agreed to supply Mosgortrans with more than 155,000 traction batteries."]
    pane.source.setCurrentIndex(0)
    assert pane.claims_proxy.rowCount() == 10


def test_sorting_by_grade(qtbot, window):
    pane = window.panes["claims"]
    pane.claims_view.sortByColumn(ClaimTableModel.COL_GRADE, Qt.SortOrder.AscendingOrder)
    grades = [r[ClaimTableModel.COL_GRADE] for r in rows(pane.claims_view)]
    assert grades == ["B2", "B2", "C2", "C2", "C2", "C2", "C2", "C2", "C3", "C3"]


def test_selecting_a_claim_opens_its_quote_and_select_claim_is_quiet(qtbot, window, sample):
    pane = window.panes["claims"]
    view = pane.claims_view
    index = pane.claims_proxy.index(claim_row(pane, sample.ids["claim:6"]), 1)
    view.scrollTo(index)
    rect = view.visualRect(index)
    with qtbot.waitSignal(pane.sig_document_requested) as requested, \
            qtbot.waitSignal(pane.sig_claim_selected) as selected:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with sample.session() as session:
        citation = queries.claim_citation(session, sample.ids["claim:6"])
    assert selected.args == [sample.ids["claim:6"]]
    assert requested.args == [sample.ids["document"], citation.span_start, citation.span_end]
    with qtbot.assertNotEmitted(pane.sig_claim_selected):
        pane.select_claim(sample.ids["claim:1"])
    assert pane.current_claim_id() == sample.ids["claim:1"]


def test_disputed_filter_after_editing_the_status(qtbot, window, sample):
    pane = window.panes["claims"]
    pane.mode.setCurrentIndex(MODE_DISPUTED)
    assert pane.claims_proxy.rowCount() == 0
    pane.mode.setCurrentIndex(0)
    view = pane.claims_view
    index = pane.claims_proxy.index(claim_row(pane, sample.ids["claim:9"]), 1)
    view.scrollTo(index)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = pane.editor_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.status.setCurrentIndex(dialog.status.findData("disputed"))
    dialog.credibility.setCurrentIndex(dialog.credibility.findData(4))
    dialog.accept()
    settle(qtbot, pane)
    pane.mode.setCurrentIndex(MODE_DISPUTED)
    assert [r[5:7] for r in rows(pane.claims_view)] == [["C4", "disputed"]]
    window.actions[ActionId.UNDO].trigger()
    settle(qtbot, pane)
    assert pane.claims_proxy.rowCount() == 0


def test_unsourced_links_listed_then_sourced_in_the_editor(qtbot, window, sample):
    pane = window.panes["claims"]
    ids = sample.ids
    pane.mode.setCurrentIndex(MODE_UNSOURCED)
    settle(qtbot, pane)
    assert pane.stack.currentWidget() is pane.links_view
    assert rows(pane.links_view) == []
    assert pane.count_label.text() == "no unsourced links"
    window.context.execute("Add link", lambda tx: link_service.create_link(
        tx, "Ownership", ids["rosatom"], ids["renera"], start_date="2022"))
    settle(qtbot, pane)
    assert rows(pane.links_view) == [["Rosatom owns Renera", "Ownership", "since 2022",
                                      "share unknown"]]
    assert pane.count_label.text() == "1 unsourced link"

    pane.mode.setCurrentIndex(0)
    pane.edit_claim(ids["claim:6"])
    dialog = pane.editor_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert rows(dialog.attachments_view) == [["supports", "Renera owns JSC Kama"],
                                            ["supports", "Renera acquires a RUB 6.2 bn stake in "
                                                         "JSC Kama"]]
    dialog.first.set_entity(ids["rosatom"])
    dialog.second.set_entity(ids["renera"])
    assert dialog.link.currentText() == "Rosatom owns Renera (2022)"
    qtbot.mouseClick(dialog.attach_button, Qt.MouseButton.LeftButton)
    assert rows(dialog.attachments_view)[-1] == ["supports (new)", "Rosatom owns Renera (2022)"]
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, pane)
    assert not dialog.isVisible()
    pane.mode.setCurrentIndex(MODE_UNSOURCED)
    settle(qtbot, pane)
    assert rows(pane.links_view) == []
    pane.mode.setCurrentIndex(0)
    about = rows(pane.claims_view)[claim_row(pane, ids["claim:6"])][ClaimTableModel.COL_ABOUT]
    assert "supports: Rosatom owns Renera" in about
    window.actions[ActionId.UNDO].trigger()
    settle(qtbot, pane)
    pane.mode.setCurrentIndex(MODE_UNSOURCED)
    settle(qtbot, pane)
    assert [r[0] for r in rows(pane.links_view)] == ["Rosatom owns Renera"]


def test_detaching_and_attaching_an_entity_fact(qtbot, window, sample):
    pane = window.panes["claims"]
    ids = sample.ids
    pane.edit_claim(ids["claim:8"])
    dialog = pane.editor_dialog
    assert rows(dialog.attachments_view) == [
        ["supports", "Rosatom: notes = Outlined plans for vehicle production"]]
    dialog.attachments_view.selectRow(0)
    qtbot.mouseClick(dialog.detach_button, Qt.MouseButton.LeftButton)
    dialog.kind.setCurrentIndex(1)
    dialog.stance.setCurrentIndex(1)
    dialog.fact_entity.set_entity(ids["kama"])
    dialog.fact_prop.setCurrentText("sector")
    qtbot.keyClicks(dialog.fact_value, "Vehicles")
    qtbot.mouseClick(dialog.attach_button, Qt.MouseButton.LeftButton)
    dialog.accept()
    settle(qtbot, pane)
    about = rows(pane.claims_view)[claim_row(pane, ids["claim:8"])][ClaimTableModel.COL_ABOUT]
    assert about == "contradicts: JSC Kama: sector = Vehicles"

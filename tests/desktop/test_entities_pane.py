"""The entities pane driven like a person: filter, sort, open detail, create, merge, delete."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from db.reads import queries
from db.services import entities as entity_service
from db.services import evidence
from db.services import links as link_service
from desktop.panes.entities.detail import ClaimsModel, LinksModel
from desktop.panes.entities.model import COL_CLAIMS, COL_LINKS, COL_NAME
from desktop.shell.actions import ActionId

ALL = ["Atom", "Enertech", "Erdoğan", "Erdoğan's former wife", "JSC Kama", "Kommersant",
       "Krasnaya Pakhra gigafactory", "Moscow Mayor's Office", "Mosgortrans", "Moskvich",
       "Renera", "Rosatom", "Russia", "South Korea", "TOGG", "Turkey"]


@pytest.fixture
def window(make_window, sample, qtbot):
    window = make_window(sample, size=(1900, 1000))
    pane = window.panes["entities"]
    window.resizeDocks([window.docks["entities"]], [600], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: pane.list_model.rowCount() == len(ALL))
    return window


def names(pane) -> list[str]:
    model = pane.list_model
    return [model.data(model.index(row, COL_NAME)) for row in range(model.rowCount())]


def row_of(pane, name: str) -> int:
    return names(pane).index(name)


def click_row(qtbot, pane, name: str, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    view = pane.list_view
    rect = view.visualRect(pane.list_model.index(row_of(pane, name), COL_NAME))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def table_texts(view) -> list[list[str]]:
    model = view.model()
    return [[str(model.data(model.index(r, c)) or "") for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def settled(qtbot, pane) -> None:
    """What was asked is shown: the detail and the list are read on the worker."""
    qtbot.waitUntil(lambda: not pane.loading)


def set_filter(qtbot, pane, text: str) -> None:
    pane.filter_edit.clear()
    if text.isascii():
        qtbot.keyClicks(pane.filter_edit, text)
    else:  # QTest types ASCII only: paste the rest
        pane.filter_edit.insert(text)
    qtbot.waitUntil(lambda: not pane.filter_pending and not pane.list_model.busy)


def test_typing_a_filter_narrows_the_list(qtbot, window, artifacts):
    pane = window.panes["entities"]
    assert names(pane) == ALL
    assert pane.count_label.text() == "16 entities"
    set_filter(qtbot, pane, "ren")
    assert names(pane) == ["Renera"]
    set_filter(qtbot, pane, "ru")  # a country code (and Russia's name)
    assert names(pane) == ["Atom", "Enertech", "JSC Kama", "Kommersant",
                           "Krasnaya Pakhra gigafactory", "Moscow Mayor's Office",
                           "Mosgortrans", "Moskvich", "Renera", "Rosatom", "Russia"]
    set_filter(qtbot, pane, "country:tr")
    assert names(pane) == ["TOGG", "Turkey"]
    set_filter(qtbot, pane, "erdogan")  # diacritics folded by the full-text index
    assert names(pane) == ["Erdoğan", "Erdoğan's former wife"]
    set_filter(qtbot, pane, "Росатом")  # an alias in another script
    assert names(pane) == ["Rosatom"]
    set_filter(qtbot, pane, "person")  # a schema
    assert names(pane) == ["Erdoğan", "Erdoğan's former wife"]
    assert pane.count_label.text() == "2 matches"
    set_filter(qtbot, pane, "")
    assert names(pane) == ALL
    pane.grab().save(str(artifacts / "entities_pane.png"))


def test_sorting_by_links_counts_in_sql(qtbot, window):
    pane = window.panes["entities"]
    header = pane.list_view.horizontalHeader()
    x = header.sectionViewportPosition(COL_LINKS) + header.sectionSize(COL_LINKS) // 2
    model = pane.list_model
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    qtbot.waitUntil(lambda: model.sort_key == "links" and not model.busy)
    if not model.descending:
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
        qtbot.waitUntil(lambda: model.descending and not model.busy)
    counts = [model.data(model.index(r, COL_LINKS)) for r in range(model.rowCount())]
    assert counts == sorted(counts, reverse=True)
    assert names(pane)[0] == "Renera" and counts[0] == 4
    claims = {n: model.data(model.index(r, COL_CLAIMS)) for r, n in enumerate(names(pane))}
    assert claims["Enertech"] == 2 and claims["Renera"] == 3 and claims["Atom"] == 1


def test_detail_shows_links_with_evidence_and_claims(qtbot, window, sample, artifacts):
    pane = window.panes["entities"]
    with qtbot.waitSignal(pane.sig_entity_selected) as selected:
        click_row(qtbot, pane, "Enertech")
    assert selected.args == [sample.ids["enertech"]]
    view = pane.list_view
    rect = view.visualRect(pane.list_model.index(row_of(pane, "Enertech"), COL_NAME))
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    detail = pane.detail
    qtbot.waitUntil(detail.isVisible)
    assert detail.title.text() == "Enertech"  # at once, from the list
    settled(qtbot, pane)
    links = table_texts(detail.links_view)
    assert ["← Rosatom", "Rosatom controls Enertech", "Kommersant, B2", "",
            "since 2022", "Sample case builder"] in links
    claims = table_texts(detail.claims_view)
    assert claims[0][0] == "B2"
    assert claims[0][1] == ("“Enertech, which has been under Rosatom’s control since 2022, "
                            "according to Kommersant”")
    assert claims[0][2:] == ["Kommersant", "supports: Rosatom controls Enertech",
                             "Sample case builder"]
    pane.grab().save(str(artifacts / "entity_detail.png"))

    # The quote is one click away.
    claim_rect = detail.claims_view.visualRect(detail.claims_model.index(0, ClaimsModel.COL_EXCERPT))
    with qtbot.waitSignal(pane.sig_document_requested) as requested, \
            qtbot.waitSignal(pane.sig_claim_selected) as claim:
        qtbot.mouseClick(detail.claims_view.viewport(), Qt.MouseButton.LeftButton,
                         pos=claim_rect.center())
    assert claim.args == [sample.ids["claim:2"]]
    with sample.session() as session:
        citation = queries.claim_citation(session, sample.ids["claim:2"])
    assert requested.args == [sample.ids["document"], citation.span_start, citation.span_end]

    # A counterpart is one click away too.
    row = [r[0] for r in links].index("← Rosatom")
    rect = detail.links_view.visualRect(detail.links_model.index(row, LinksModel.COL_COUNTERPART))
    with qtbot.waitSignal(pane.sig_entity_selected) as selected:
        qtbot.mouseClick(detail.links_view.viewport(), Qt.MouseButton.LeftButton,
                         pos=rect.center())
    assert selected.args == [sample.ids["rosatom"]]
    settled(qtbot, pane)
    assert detail.title.text() == "Rosatom"
    assert pane.selected_ids() == [sample.ids["rosatom"]]


def test_enter_opens_the_detail(qtbot, window, sample):
    pane = window.panes["entities"]
    click_row(qtbot, pane, "JSC Kama")
    with qtbot.waitSignal(pane.sig_entity_activated) as activated:
        qtbot.keyClick(pane.list_view, Qt.Key.Key_Return)
    assert activated.args == [sample.ids["kama"]]
    settled(qtbot, pane)
    assert pane.detail.isVisible() and pane.detail.title.text() == "JSC Kama"
    assert [r[1] for r in table_texts(pane.detail.links_view)] == [
        "JSC Kama is linked to Atom", "Renera owns JSC Kama"]


def test_stake_without_share_and_unsourced_link(qtbot, window, sample):
    pane = window.panes["entities"]
    context = window.context
    context.execute("Add link", lambda tx: link_service.create_link(
        tx, "Ownership", sample.ids["rosatom"], sample.ids["renera"], share_min=25,
        share_max=50, start_date="2023"))
    pane.open_entity_detail(sample.ids["renera"])
    settled(qtbot, pane)
    links = table_texts(pane.detail.links_view)
    assert ["→ JSC Kama", "Renera owns JSC Kama", "News report (publisher not stated), C2",
            "share unknown · 6.2 bn RUB", "since 2022", "Sample case builder"] in links
    assert ["← Rosatom", "Rosatom owns Renera", "UNSOURCED", "25–50%", "since 2023", ""] in links
    assert pane.detail.links_label.text() == "Links (5, 1 unsourced)"


def test_detail_follows_changes_made_while_its_pane_was_hidden(qtbot, window, sample):
    pane = window.panes["entities"]
    renera = sample.ids["renera"]
    pane.open_entity_detail(renera)
    settled(qtbot, pane)
    assert pane.detail.links_label.text() == "Links (4)"
    window.docks["entities"].hide()
    window.context.execute("Add link", lambda tx: link_service.create_link(
        tx, "Ownership", sample.ids["rosatom"], renera, share=25))
    window.docks["entities"].show()  # shown again: the detail is read again
    settled(qtbot, pane)
    assert pane.detail.links_label.text() == "Links (5, 1 unsourced)"
    window.docks["entities"].hide()
    window.actions[ActionId.UNDO].trigger()
    window.docks["entities"].show()
    pane.open_entity_detail(renera)  # or opened again
    settled(qtbot, pane)
    assert pane.detail.links_label.text() == "Links (4)"
    assert pane.detail.title.text() == "Renera"


def test_new_entity_by_typing_then_undo(qtbot, window):
    pane = window.panes["entities"]
    window.actions[ActionId.NEW_ENTITY].trigger()
    dialog = pane.editor_dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.name, "Gazprom Neft")
    dialog.fields["alias"].insert("Газпром нефть; GPN")  # pasted: QTest types ASCII only
    qtbot.keyClicks(dialog.fields["country"], "ru")
    with qtbot.waitSignal(pane.sig_entity_selected) as selected:
        qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(
            QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Gazprom Neft" in names(pane))
    qtbot.waitUntil(lambda: pane.selected_ids() == [selected.args[0]])
    with window.context.case.session() as session:
        entity = session.get(entity_service.Entity, selected.args[0])
        assert entity.properties == {"alias": ["Газпром нефть", "GPN"], "country": ["ru"],
                                     "name": ["Gazprom Neft"]}
    assert window.actions[ActionId.UNDO].text() == "&Undo New entity Gazprom Neft"
    window.actions[ActionId.UNDO].trigger()
    qtbot.waitUntil(lambda: names(pane) == ALL)


def test_editing_an_entity_keeps_other_properties(qtbot, window, sample):
    pane = window.panes["entities"]
    pane.edit_entity(sample.ids["rosatom"])
    dialog = pane.editor_dialog
    assert dialog.fields["alias"].text() == "State Atomic Energy Corporation Rosatom; Росатом"
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "Rosatom State Corporation")
    qtbot.keyClicks(dialog.fields["registration"], "1077799032926")
    dialog.accept()
    qtbot.waitUntil(lambda: "Rosatom State Corporation" in names(pane))
    with sample.session() as session:
        props = session.get(entity_service.Entity, sample.ids["rosatom"]).properties
    assert props["name"] == ["Rosatom State Corporation"]
    assert props["registrationNumber"] == ["1077799032926"]
    assert props["country"] == ["ru"]


def test_merge_two_entities_keeps_links_and_claims_of_both(qtbot, window, sample):
    pane = window.panes["entities"]
    ids = sample.ids

    def duplicate(tx) -> str:
        dup = entity_service.create_entity(tx, "Company", "JSC KAMA",
                                           properties={"registrationNumber": ["1021601763820"]})
        link_service.create_link(tx, "Ownership", ids["rosatom"], dup, share=25)
        evidence.attach_claim(tx, ids["claim:8"], entity_id=dup, prop="notes", value="x")
        return dup

    dup = window.context.execute("Add duplicate", duplicate).result
    qtbot.waitUntil(lambda: "JSC KAMA" in names(pane))
    click_row(qtbot, pane, "JSC Kama")
    with qtbot.waitSignal(pane.sig_entities_selected) as both:
        click_row(qtbot, pane, "JSC KAMA", Qt.KeyboardModifier.ControlModifier)
    assert sorted(both.args[0]) == sorted([ids["kama"], dup])
    menu = pane.build_context_menu()
    merge = next(a for a in menu.actions() if a.text() == "Merge…")
    assert merge.isEnabled()
    merge.trigger()
    dialog = pane.merge_dialog
    qtbot.waitUntil(dialog.isVisible)
    keep = next(b for b in dialog.choices if "“JSC Kama”" in b.text())
    assert keep.text() == "Keep “JSC Kama” (Company, 2 links, 2 claims)"
    qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)
    dialog.accept()
    qtbot.waitUntil(lambda: "JSC KAMA" not in names(pane))
    settled(qtbot, pane)
    model = pane.list_model
    row = row_of(pane, "JSC Kama")
    assert model.data(model.index(row, COL_LINKS)) == 3
    assert model.data(model.index(row, COL_CLAIMS)) == 3
    with sample.session() as session:
        linked = {link.source_id for link in queries.links_of(session, ids["kama"])}
        cited = {c.claim_id for c in queries.entity_citations(session, ids["kama"])}
        kept = session.get(entity_service.Entity, ids["kama"])
        assert ids["rosatom"] in linked and ids["renera"] in linked
        assert cited == {ids["claim:8"]}
        assert "JSC KAMA" in kept.properties["alias"]
        assert kept.properties["registrationNumber"] == ["1021601763820"]
    window.actions[ActionId.UNDO].trigger()
    qtbot.waitUntil(lambda: "JSC KAMA" in names(pane))


def test_delete_asks_first_and_undo_brings_it_back(qtbot, window, sample, monkeypatch):
    pane = window.panes["entities"]
    asked = []

    def answer(parent, title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.No if len(asked) == 1 else QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    click_row(qtbot, pane, "TOGG")
    pane.delete_selected()
    assert "TOGG" in names(pane)  # answered No: nothing happened
    menu = pane.build_context_menu()
    next(a for a in menu.actions() if a.text() == "Delete…").trigger()
    assert asked[1].startswith("Delete “TOGG”?")
    qtbot.waitUntil(lambda: "TOGG" not in names(pane))
    with sample.session() as session:
        assert queries.counts(session).links == 9  # its two links went with it
    window.actions[ActionId.UNDO].trigger()
    qtbot.waitUntil(lambda: "TOGG" in names(pane))


def test_html_looking_names_show_literally(qtbot, window):
    pane = window.panes["entities"]
    evil = window.context.execute("Add", lambda tx: entity_service.create_entity(
        tx, "Company", "<b>Evil</b> Corp")).result
    qtbot.waitUntil(lambda: "<b>Evil</b> Corp" in names(pane))
    pane.open_entity_detail(evil)
    settled(qtbot, pane)
    assert pane.detail.title.text() == "<b>Evil</b> Corp"
    assert pane.detail.title.textFormat() == Qt.TextFormat.PlainText


def test_select_entity_does_not_re_emit_and_clears_a_hiding_filter(qtbot, window, sample):
    pane = window.panes["entities"]
    set_filter(qtbot, pane, "ren")
    with qtbot.assertNotEmitted(pane.sig_entity_selected):
        pane.select_entity(sample.ids["togg"])
        qtbot.waitUntil(lambda: pane.selected_ids() == [sample.ids["togg"]])
    assert pane.filter_edit.text() == ""
    assert len(names(pane)) == len(ALL)


def test_context_menu_asks_for_chain_paths_and_summary(qtbot, window, sample):
    pane = window.panes["entities"]
    click_row(qtbot, pane, "JSC Kama")
    texts = [a.text() for a in pane.build_context_menu().actions() if a.text()]
    assert texts == ["Open Detail", "Show Control Chain", "Find Connecting Paths",
                     "Print Evidence Summary…", "Edit…", "Merge…", "Delete…"]
    with qtbot.waitSignal(pane.sig_show_chain) as chain:
        next(a for a in pane.build_context_menu().actions()
             if a.text() == "Show Control Chain").trigger()
    assert chain.args == [sample.ids["kama"]]
    click_row(qtbot, pane, "Renera", Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(pane.sig_find_paths) as paths:
        next(a for a in pane.build_context_menu().actions()
             if a.text() == "Find Connecting Paths").trigger()
    assert sorted(paths.args) == sorted([sample.ids["kama"], sample.ids["renera"]])


def test_selecting_an_entity_far_down_the_list_loads_pages_until_it(qtbot, new_case):
    from db.core.commands import run
    from desktop.panes.entities import EntitiesPane
    from desktop.shell.context import CaseContext

    def many(tx) -> list[str]:
        return [entity_service.create_entity(tx, "Company", f"Firm {n:04d}")
                for n in range(1300)]

    ids = run(new_case, "Add", many).result
    pane = EntitiesPane()
    qtbot.addWidget(pane)
    pane.show()
    pane.set_context(CaseContext(new_case))
    qtbot.waitUntil(lambda: pane.list_model.rowCount() == 200)
    with qtbot.assertNotEmitted(pane.sig_entity_selected):
        pane.select_entity(ids[1234])
        qtbot.waitUntil(lambda: pane.selected_ids() == [ids[1234]])
    assert pane.list_model.rowCount() >= 1235
    assert names(pane)[1234] == "Firm 1234"
    pane.set_context(None)

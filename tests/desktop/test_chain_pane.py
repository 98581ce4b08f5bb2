"""The control chain pane on the sample case, driven like a person would."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from desktop.panes.chain.model import CLAIM, KIND_ROLE, OWNER, STEP, UNSOURCED, ChainTreeModel

KAMA_EXCERPT = "In 2022, Renera acquired a stake valued at 6.2 billion rubles in JSC Kama"


@pytest.fixture
def window(make_window, sample):
    # Only the panes under test (chain, timeline): other panes are built and tested by
    # their own suites; the coordinator still relays between these two.
    return make_window(sample, panes=("chain", "timeline"), size=(1400, 900))


def _chain(window):
    pane = window.panes["chain"]
    pane.parentWidget().raise_()
    return pane


def _show(qtbot, pane, entity_id):
    pane.show_chain(entity_id)
    qtbot.waitUntil(lambda: not pane.computing and pane.chain is not None
                    and pane.chain.result.entity_id == entity_id
                    and pane.chain.result.as_of == pane.context.as_of)


def _rows(pane):
    """(kind, depth, text) of every row, depth first, as the tree shows them."""
    rows = []
    for index in pane.model.iter_nodes():
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        rows.append((index.data(KIND_ROLE), depth, index.data()))
    return rows


def _owner_cells(pane, name):
    for row in range(pane.model.rowCount()):
        if pane.model.index(row, 0).data() == name:
            return [pane.model.index(row, c).data() for c in range(pane.model.columnCount())]
    return None


def test_kama_lists_renera_with_unknown_share_and_its_claim(qtbot, window, sample, artifacts):
    pane = _chain(window)
    _show(qtbot, pane, sample.ids["kama"])
    assert pane.header.text() == "Control chain of JSC Kama (current)"
    assert pane.stack.currentWidget() is pane.view
    assert _owner_cells(pane, "Renera") == ["Renera", "share unknown", "", "✓", "directly"]
    rows = _rows(pane)
    assert rows[1] == (STEP, 1, "Renera → JSC Kama · Ownership · share unknown · 6.2 bn RUB "
                                "· since 2022")
    assert rows[2] == (CLAIM, 2, f"“{KAMA_EXCERPT}” — C2 · News report (publisher not stated)"
                                 " · by Sample case builder")
    assert not any(kind == UNSOURCED for kind, _, _ in rows)
    window.grab().save(str(artifacts / "chain_window.png"))
    pane.grab().save(str(artifacts / "chain_pane.png"))


def test_clicking_the_claim_opens_the_quote(qtbot, window, sample):
    pane = _chain(window)
    _show(qtbot, pane, sample.ids["kama"])
    with sample.session() as session:
        from db.models import Document

        text = session.get(Document, sample.ids["document"]).text
    start = text.index(KAMA_EXCERPT)
    claim = next(i for i in pane.model.iter_nodes() if i.data(KIND_ROLE) == CLAIM)
    center = pane.view.visualRect(claim).center()
    claims, documents = [], []
    pane.sig_claim_selected.connect(claims.append)
    pane.sig_document_requested.connect(lambda *args: documents.append(args))
    qtbot.mouseClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    assert claims == [sample.ids["claim:6"]]
    assert documents == [(sample.ids["document"], start, start + len(KAMA_EXCERPT))]

    owner = pane.model.index(0, 0)
    with qtbot.waitSignal(pane.sig_entity_selected) as blocker:
        qtbot.mouseClick(pane.view.viewport(), Qt.MouseButton.LeftButton,
                         pos=pane.view.visualRect(owner).center())
    assert blocker.args == [sample.ids["renera"]]


def test_enertech_loses_rosatom_before_2022(qtbot, window, sample, artifacts):
    pane = _chain(window)
    context = window.context
    _show(qtbot, pane, sample.ids["enertech"])
    assert _owner_cells(pane, "Rosatom") == ["Rosatom", "share unknown", "✓", "✓", "directly"]
    steps = [text for kind, _, text in _rows(pane) if kind == STEP]
    assert steps == ["Rosatom → Enertech · Control · since 2022"]

    context.set_as_of(date(2021, 6, 1))
    qtbot.waitUntil(lambda: not pane.computing and pane.chain.result.as_of == date(2021, 6, 1))
    assert pane.header.text() == "Control chain of Enertech as of 2021-06-01"
    assert pane.model.rowCount() == 0
    assert pane.stack.currentWidget() is pane.message
    assert pane.message.text() == "No owners recorded for Enertech as of 2021-06-01."
    assert pane.as_of.date_edit.date().toPython() == date(2021, 6, 1)
    assert pane.as_of.any_date.isChecked() is False
    pane.grab().save(str(artifacts / "chain_pane_2021.png"))

    context.set_as_of(date(2024, 1, 1))
    qtbot.waitUntil(lambda: not pane.computing and pane.chain.result.as_of == date(2024, 1, 1))
    assert [pane.model.index(r, 0).data() for r in range(pane.model.rowCount())] == ["Rosatom"]


def test_slider_and_any_date_set_the_shared_date(qtbot, window, sample):
    pane = _chain(window)
    context = window.context
    _show(qtbot, pane, sample.ids["enertech"])
    slider = pane.as_of.slider
    first = pane.as_of._first
    # Earliest sample date is 2022-01-01 (the stake and control), widened by a year.
    assert first == date(2021, 1, 1)
    assert pane.as_of.date_edit.text() == "any date"
    assert slider.value() == slider.maximum()  # "any date" sits at the right end
    slider.setFocus()
    qtbot.keyClick(slider, Qt.Key.Key_Home)
    assert context.as_of == first
    qtbot.keyClick(slider, Qt.Key.Key_PageUp)
    assert context.as_of == first + timedelta(days=30)
    assert pane.as_of.date_edit.text() == "2021-01-31"
    qtbot.waitUntil(lambda: not pane.computing and pane.chain.result.as_of == context.as_of)
    assert pane.model.rowCount() == 0  # January 2021: Rosatom not yet in control

    qtbot.mouseClick(pane.as_of.any_date, Qt.MouseButton.LeftButton)
    assert context.as_of is None
    assert pane.as_of.date_edit.text() == "any date"
    qtbot.waitUntil(lambda: not pane.computing and pane.chain.result.as_of is None)
    assert pane.model.rowCount() == 1
    # Unticking "Any date" goes back to the slider's day.
    qtbot.mouseClick(pane.as_of.any_date, Qt.MouseButton.LeftButton)
    assert context.as_of == date(2024, 9, 29)  # latest sample date 2023-09-30 + 365 days


def test_follows_selection_only_when_asked(qtbot, window, sample):
    pane = _chain(window)
    _show(qtbot, pane, sample.ids["kama"])
    window.coordinator.entity_selected(sample.ids["enertech"])
    assert pane.entity_id == sample.ids["kama"]
    qtbot.mouseClick(pane.follow, Qt.MouseButton.LeftButton)
    window.coordinator.entity_selected(sample.ids["enertech"])
    qtbot.waitUntil(lambda: not pane.computing
                    and pane.chain.result.entity_id == sample.ids["enertech"])
    assert pane.header.text() == "Control chain of Enertech (current)"


def test_unsourced_step_and_range_share(qtbot, new_case):
    from db.analysis import control_chains
    from db.core.commands import run
    from db.reads.chain_load import ChainData
    from db.services import entities as E
    from db.services import links as L

    def build(tx):
        a = E.create_entity(tx, "Person", "<b>Alice</b>")
        b = E.create_entity(tx, "Company", "Beta")
        c = E.create_entity(tx, "Company", "Gamma")
        L.create_link(tx, "Ownership", a, b, share_min=60, share_max=60)
        L.create_link(tx, "Ownership", b, c, share_min=25, share_max=40, start_date="2019-03",
                      end_date="2030")
        return c

    target = run(new_case, "build", build).result
    with new_case.session() as session:
        data = ChainData(control_chains(session, target))
    model = ChainTreeModel()
    model.set_chain(data)
    cells = {model.index(r, 0).data(): [model.index(r, c).data() for c in range(1, 5)]
             for r in range(model.rowCount())}
    assert cells == {"Beta": ["25–40%", "", "", "directly"],
                     "<b>Alice</b>": ["15–24%", "", "✓", "indirectly"]}
    texts = [(i.data(KIND_ROLE), i.data()) for i in model.iter_nodes()]
    assert (STEP, "Beta → Gamma · Ownership · 25–40% · 2019-03 – 2030") in texts
    assert (STEP, "<b>Alice</b> → Beta · Ownership · 60%") in texts
    assert (UNSOURCED, "UNSOURCED — no claim supports this step") in texts
    alice = next(i for i in model.iter_nodes() if i.data() == "<b>Alice</b>")
    assert alice.data(KIND_ROLE) == OWNER
    assert "&lt;b&gt;Alice&lt;/b&gt;" in alice.data(Qt.ItemDataRole.ToolTipRole)


def test_recomputes_after_an_edit_and_its_undo(qtbot, window, sample):
    from db.services import links as L

    pane = _chain(window)
    context = window.context
    _show(qtbot, pane, sample.ids["kama"])
    stake = sample.ids["link:stake"]
    context.execute("Set Renera's share", lambda tx: L.edit_link(tx, stake, share=30))
    qtbot.waitUntil(lambda: not pane.computing
                    and _owner_cells(pane, "Renera")[1] == "30%")
    steps = [text for kind, _, text in _rows(pane) if kind == STEP]
    assert steps == ["Renera → JSC Kama · Ownership · 30% · 6.2 bn RUB · since 2022"]
    context.undo_stack.undo()
    qtbot.waitUntil(lambda: not pane.computing
                    and _owner_cells(pane, "Renera")[1] == "share unknown")


def test_owner_with_two_paths_lists_each_path(new_case):
    from db.analysis import control_chains
    from db.core.commands import run
    from db.reads.chain_load import ChainData
    from db.services import entities as E
    from db.services import links as L
    from desktop.panes.chain.model import PATH

    def build(tx):
        top, left, right, target = (E.create_entity(tx, "Company", n)
                                    for n in ("Top", "Left", "Right", "Target"))
        L.create_link(tx, "Ownership", top, left, share=100)
        L.create_link(tx, "Ownership", top, right, share=100)
        L.create_link(tx, "Ownership", left, target, share=30)
        L.create_link(tx, "Ownership", right, target, share=25)
        return target

    target = run(new_case, "build", build).result
    with new_case.session() as session:
        model = ChainTreeModel()
        model.set_chain(ChainData(control_chains(session, target)))
    top = next(i for i in model.iter_nodes() if i.data() == "Top")
    assert model.index(top.row(), ChainTreeModel.SHARE).data() == "55%"
    assert model.index(top.row(), ChainTreeModel.CONTROLS).data() == "✓"
    paths = [model.index(r, 0, top) for r in range(model.rowCount(top))]
    assert [p.data(KIND_ROLE) for p in paths] == [PATH, PATH]
    assert [p.data().split(": ")[0] for p in paths] == ["Path 1", "Path 2"]
    assert {p.data().split(": ")[1] for p in paths} == {"Top → Left → Target",
                                                         "Top → Right → Target"}
    steps = sorted(model.index(r, 0, paths[0]).data() for r in range(model.rowCount(paths[0])))
    assert len(steps) == 2 and all(" · Ownership · " in s for s in steps)
    assert model.index(top.row(), 0).data(Qt.ItemDataRole.FontRole).bold() is True


def test_cancel_stops_a_chain_being_computed(qtbot, window, sample, monkeypatch):
    import desktop.panes.chain.pane as chain_pane

    started = []

    def endless(case, entity_id, as_of, progress):
        started.append(entity_id)
        while True:  # a chain that never ends, until the person cancels
            progress.step(0, 0)

    monkeypatch.setattr(chain_pane, "load_chain", endless)
    pane = _chain(window)
    pane.show_chain(sample.ids["kama"])
    qtbot.waitUntil(lambda: bool(started))
    assert pane.cancel.isVisibleTo(pane) and pane.header.text().endswith("(computing…)")
    qtbot.mouseClick(pane.cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not pane.computing)
    assert pane.message.text().startswith("Cancelled: the chain was not computed.")
    assert pane.stack.currentWidget() is pane.message and not pane.cancel.isVisibleTo(pane)
    assert pane.header.text() == "Control chain of … (current)"

"""The network pane driven like a person: select, see, drag, undo, chains, paths, export."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from db.models import Link, NodePosition
from db.services.links import create_link


@pytest.fixture
def window(make_window, sample):
    window = make_window(sample)
    # The sample is small, so it opens on the whole case; most tests here are about the
    # neighbourhood view a big case opens on.
    window.panes["network"].whole_case_action.setChecked(False)
    return window


def test_small_case_opens_on_the_whole_network_with_selection_centred(qtbot, make_window, sample):
    window = make_window()
    pane = window.panes["network"]
    with qtbot.waitSignal(pane.sig_drawn, timeout=5000):
        window.set_case(sample)
    assert pane.whole_case_action.isChecked()
    assert {"South Korea", "Enertech", "Rosatom", "Renera", "JSC Kama",
            "Mosgortrans"} <= captions(pane)
    window.coordinator.entity_selected(sample.ids["enertech"])
    assert pane.canvas.nodes[sample.ids["enertech"]].selected
    assert len(captions(pane)) == 16


def network(window):
    pane = window.panes["network"]
    window.focus_pane("network")
    return pane


def captions(pane) -> set[str]:
    return {item.caption for item in pane.canvas.nodes.values()}


def edge_between(pane, ids, source: str, target: str):
    matches = [e for e in pane.canvas.edges.values()
               if e.source.entity_id == ids[source] and e.target.entity_id == ids[target]]
    assert len(matches) == 1
    return matches[0]


def select(window, qtbot, pane, entity_id: str) -> None:
    with qtbot.waitSignal(pane.sig_drawn, timeout=5000):
        window.coordinator.entity_selected(entity_id)
    QApplication.processEvents()  # let the dock settle its size before clicking


def test_neighbourhood_of_enertech_sourced_and_unsourced(window, qtbot, sample, artifacts):
    ids = sample.ids
    pane = network(window)
    select(window, qtbot, pane, ids["enertech"])
    assert captions(pane) == {"Enertech", "Rosatom", "Russia", "South Korea"}
    control = edge_between(pane, ids, "rosatom", "enertech")
    assert control.sourced and not control.disputed
    assert control.label == "controls · since 2022"
    assert edge_between(pane, ids, "south_korea", "russia").label == "sanctions"
    assert pane.banner.text() == "Around Enertech: 4 entities, 3 links"
    assert pane.canvas.nodes[ids["enertech"]].selected

    # A new link nobody has a claim for is drawn dashed; undo takes it away again.
    context = window.context
    with qtbot.waitSignal(pane.sig_drawn, timeout=5000):
        context.execute("Add ownership", lambda tx: create_link(
            tx, "Ownership", ids["russia"], ids["enertech"], share_min=25, share_max=25,
            start_date="2023"))
    new = edge_between(pane, ids, "russia", "enertech")
    assert not new.sourced
    assert new.label == "owns · 25% · since 2023"
    window.grab().save(str(artifacts / "network_neighbourhood.png"))
    with qtbot.waitSignal(pane.sig_drawn, timeout=5000):
        context.undo_stack.undo()
    assert not [e for e in pane.canvas.edges.values()
                if e.source.entity_id == ids["russia"] and e.target.entity_id == ids["enertech"]]
    assert len(pane.canvas.edges) == 3


def test_click_selects_and_ctrl_click_adds(window, qtbot, sample):
    ids = sample.ids
    pane = network(window)
    select(window, qtbot, pane, ids["renera"])
    view = pane.canvas
    with qtbot.waitSignal(pane.sig_entity_selected, timeout=2000) as signal:
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, view.scene_point(ids["kama"]))
    assert signal.args == [ids["kama"]]
    assert pane.selected == [ids["kama"]]
    with qtbot.waitSignal(pane.sig_entities_selected, timeout=2000) as signal:
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.ControlModifier,
                         view.scene_point(ids["mosgortrans"]))
    assert signal.args == [[ids["kama"], ids["mosgortrans"]]]
    assert {i for i, n in view.nodes.items() if n.selected} == {ids["kama"], ids["mosgortrans"]}
    # With two selected, the menu offers the connecting paths between them.
    menu = pane.node_menu(ids["kama"])
    action = next(a for a in menu.actions() if a.text() == "Find connecting paths")
    assert action.isEnabled()
    with qtbot.waitSignal(pane.sig_drawn, timeout=5000):
        action.trigger()
    assert pane.banner.text() == "1 path between JSC Kama and Mosgortrans"
    assert {i for i, n in view.nodes.items() if n.highlighted} == {
        ids["kama"], ids["renera"], ids["mosgortrans"]}
    # Clicking an edge selects the link everywhere.
    edge = edge_between(pane, ids, "renera", "kama")
    start, middle = edge.source.pos(), edge.middle()
    point = view.view_to_widget(start + (middle - start) * 0.6)
    with qtbot.waitSignal(pane.sig_link_selected, timeout=2000) as signal:
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, point)
    assert signal.args == [ids["link:stake"]]
    assert edge.selected


def test_control_chain_of_kama_follows_the_as_of_date(window, qtbot, sample, artifacts):
    ids = sample.ids
    pane = network(window)
    with qtbot.waitSignal(pane.sig_drawn, timeout=5000):
        window.coordinator.show_chain(ids["kama"])
    assert pane.banner.text() == "Control chain of JSC Kama (current)"
    renera, kama = pane.canvas.nodes[ids["renera"]], pane.canvas.nodes[ids["kama"]]
    assert renera.pos().y() < kama.pos().y()  # the owner is drawn above
    assert renera.note == "share unknown"
    stake = edge_between(pane, ids, "renera", "kama")
    assert stake.label == "owns · share unknown · 6.2 bn RUB · since 2022"
    assert stake.sourced
    window.grab().save(str(artifacts / "network_chain.png"))

    with qtbot.waitSignal(pane.sig_drawn, timeout=5000):
        window.context.set_as_of(date(2021, 6, 30))
    assert pane.banner.text() == "JSC Kama has no known owners or controllers as of 2021-06-30"
    assert not pane.canvas.edges
    assert captions(pane) == {"JSC Kama"}
    with qtbot.waitSignal(pane.sig_drawn, timeout=5000):
        window.context.set_as_of(date(2024, 1, 1))
    assert pane.banner.text() == "Control chain of JSC Kama as of 2024-01-01"
    assert edge_between(pane, ids, "renera", "kama").label.startswith("owns · share unknown")


def test_chain_with_known_shares_emphasises_controllers(window, qtbot, sample, artifacts):
    ids = sample.ids
    holder = {}

    def build(tx):
        from db.services.entities import create_entity

        holder["person"] = create_entity(tx, "Person", "Person 1")
        create_link(tx, "Ownership", holder["person"], ids["rosatom"], share_min=60,
                    share_max=60)
        create_link(tx, "Ownership", ids["rosatom"], ids["kama"], share_min=55, share_max=55)
    window.context.execute("Add owners", build)
    pane = network(window)
    with qtbot.waitSignal(pane.sig_drawn, timeout=5000):
        window.coordinator.show_chain(ids["kama"])
    nodes = pane.canvas.nodes
    person, rosatom, renera, kama = (nodes[holder["person"]], nodes[ids["rosatom"]],
                                     nodes[ids["renera"]], nodes[ids["kama"]])
    assert person.pos().y() < rosatom.pos().y() == renera.pos().y() < kama.pos().y()
    assert (person.note, rosatom.note, renera.note) == (
        "33% · controls", "55% · controls", "share unknown")
    assert {i for i, n in nodes.items() if n.emphasised} == {holder["person"], ids["rosatom"]}
    unsourced = edge_between(pane, ids, "rosatom", "kama")
    assert not unsourced.sourced and unsourced.label == "owns · 55%"
    assert not pane.layout_choice.isEnabled()  # a chain is always drawn owners-above
    window.grab().save(str(artifacts / "network_chain_shares.png"))


def test_paths_between_unconnected_and_connected(window, qtbot, sample, artifacts):
    ids = sample.ids
    pane = network(window)
    # The sample has no chain of links from Rosatom to Mosgortrans.
    with qtbot.waitSignal(pane.sig_drawn, timeout=5000):
        window.coordinator.show_paths(ids["rosatom"], ids["mosgortrans"])
    assert pane.banner.text() == ("No connecting path between Rosatom and Mosgortrans "
                                  "(up to 6 links, as of any date)")
    assert captions(pane) == {"Rosatom", "Mosgortrans"}
    with qtbot.waitSignal(pane.sig_drawn, timeout=5000):
        window.coordinator.show_paths(ids["rosatom"], ids["south_korea"])
    assert pane.banner.text() == "1 path between Rosatom and South Korea"
    assert {e.link_id for e in pane.canvas.edges.values() if e.highlighted} == {
        ids["link:control"], ids["link:enertech_supplier"], ids["link:ban"]}
    window.grab().save(str(artifacts / "network_paths.png"))


def test_drag_saves_position_undoably(window, qtbot, sample):
    ids = sample.ids
    pane = network(window)
    select(window, qtbot, pane, ids["renera"])
    view = pane.canvas
    item = view.nodes[ids["gigafactory"]]
    before = item.pos()
    start = view.scene_point(ids["gigafactory"])
    end = start + QPoint(80, 40)
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     start)
    for step in range(1, 9):
        QTest.mouseMove(view.viewport(), start + (end - start) * step / 8)
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier, end)
    qtbot.waitUntil(lambda: window.context.undo_stack.count() == 1, timeout=3000)
    assert window.context.undo_stack.undoText() == "Move node"
    moved = item.pos()
    assert moved.x() > before.x() + 20 and moved.y() > before.y() + 10
    with sample.session() as session:
        saved = session.get(NodePosition, ids["gigafactory"])
        assert (round(saved.x, 3), round(saved.y, 3)) == (round(moved.x(), 3),
                                                          round(moved.y(), 3))
    # Reselecting draws it where it was put; undo puts it back.
    select(window, qtbot, pane, ids["kama"])
    select(window, qtbot, pane, ids["renera"])
    assert view.nodes[ids["gigafactory"]].pos() == moved
    with qtbot.waitSignal(pane.sig_drawn, timeout=5000):
        window.context.undo_stack.undo()
    assert view.nodes[ids["gigafactory"]].pos() == before
    with sample.session() as session:
        assert session.get(NodePosition, ids["gigafactory"]) is None


def test_expand_hide_pin_and_fit_key(window, qtbot, sample):
    ids = sample.ids
    pane = network(window)
    pane.depth.setValue(1)
    select(window, qtbot, pane, ids["kama"])
    assert captions(pane) == {"JSC Kama", "Renera", "Atom"}
    where = pane.canvas.scene_point(ids["renera"])
    with qtbot.waitSignal(pane.sig_drawn, timeout=5000):
        # What a real double-click delivers: press, release, double-click, release.
        viewport, left, none = pane.canvas.viewport(), Qt.MouseButton.LeftButton, \
            Qt.KeyboardModifier.NoModifier
        QTest.mouseClick(viewport, left, none, where)
        QTest.mouseDClick(viewport, left, none, where)
        QTest.mouseRelease(viewport, left, none, where)
    assert captions(pane) == {"JSC Kama", "Renera", "Atom", "Mosgortrans", "Moskvich",
                              "Krasnaya Pakhra gigafactory"}
    menu = pane.node_menu(ids["atom"])
    next(a for a in menu.actions() if a.text() == "Hide").trigger()
    assert "Atom" not in captions(pane)
    assert pane.unhide_action.isEnabled()
    with qtbot.waitSignal(pane.sig_drawn, timeout=5000):
        next(a for a in pane.node_menu(ids["renera"]).actions() if a.text() == "Pin").trigger()
    assert pane.canvas.nodes[ids["renera"]].pinned
    assert window.context.undo_stack.undoText() == "Pin node"
    assert next(a.text() for a in pane.node_menu(ids["renera"]).actions()
                if a.text() in ("Pin", "Unpin")) == "Unpin"
    pane.canvas.viewbox.setRange(pane.canvas.viewbox.viewRect().adjusted(5000, 5000, 9000, 9000))
    pane.canvas.setFocus()
    QTest.keyClick(pane.canvas, Qt.Key.Key_F)
    assert pane.canvas.viewbox.viewRect().contains(pane.canvas.nodes[ids["kama"]].pos())


def test_whole_case_and_export(window, qtbot, sample, artifacts, tmp_path):
    pane = network(window)
    with qtbot.waitSignal(pane.sig_drawn, timeout=10000):
        pane.whole_case_action.trigger()
    assert len(pane.canvas.nodes) == 16 and len(pane.canvas.edges) == 11
    assert pane.banner.text() == "Whole case: 16 entities, 11 links"
    window.grab().save(str(artifacts / "network_whole_case.png"))
    png, svg = tmp_path / "net.png", tmp_path / "net.svg"
    assert pane.export(str(png)) and pane.export(str(svg))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text and "Rosatom" in text


def test_html_looking_names_are_plain_text(window, qtbot, sample):
    from db.services.entities import create_entity

    holder = {}
    ids = sample.ids

    def build(tx):
        holder["evil"] = create_entity(tx, "Company", "<b>Evil</b>")
        create_link(tx, "Ownership", holder["evil"], ids["kama"], share_min=10, share_max=10)
    window.context.execute("Add", build)
    pane = network(window)
    with qtbot.waitSignal(pane.sig_drawn, timeout=5000):
        window.coordinator.show_chain(ids["kama"])
    pane.canvas.grab()  # paint: the labels are placed as they are drawn
    assert "<b>Evil</b>" in pane.canvas.label_layer.shown
    assert pane.banner.textFormat() == Qt.TextFormat.PlainText
    with sample.session() as session:
        assert session.query(Link).count() == 12


def test_disputed_link_is_marked(window, qtbot, sample):
    from db.services.evidence import attach_claim

    ids = sample.ids
    pane = network(window)
    select(window, qtbot, pane, ids["enertech"])
    with qtbot.waitSignal(pane.sig_drawn, timeout=5000):
        # Claim 3 (Enertech supplies Russia) now also contradicts Rosatom's control.
        window.context.execute("Contradict", lambda tx: attach_claim(
            tx, ids["claim:3"], link_id=ids["link:control"], stance="contradicts"))
    control = edge_between(pane, ids, "rosatom", "enertech")
    assert control.sourced and control.disputed
    assert control.label == "controls · since 2022 · disputed"
    assert control.colour().name() == "#d32f2f"


def test_hierarchical_layout_and_rubber_band(window, qtbot, sample):
    ids = sample.ids
    pane = network(window)
    select(window, qtbot, pane, ids["kama"])
    with qtbot.waitSignal(pane.sig_drawn, timeout=5000):
        pane.layout_choice.setCurrentIndex(pane.layout_choice.findData("hierarchical"))
    nodes = pane.canvas.nodes
    # Renera owns Kama: above it; links of other kinds do not layer.
    assert nodes[ids["renera"]].pos().y() < nodes[ids["kama"]].pos().y()
    view = pane.canvas
    points = [view.scene_point(ids[k]) for k in ("renera", "kama")]
    left = max(min(p.x() for p in points) - 40, 2)
    top = max(min(p.y() for p in points) - 40, 2)
    right = max(p.x() for p in points) + 40
    bottom = max(p.y() for p in points) + 10
    with qtbot.waitSignal(pane.sig_entities_selected, timeout=3000) as signal:
        QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.ShiftModifier, QPoint(left, top))
        for step in range(1, 7):
            QTest.mouseMove(view.viewport(), QPoint(left + (right - left) * step // 6,
                                                    top + (bottom - top) * step // 6))
        QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton,
                           Qt.KeyboardModifier.ShiftModifier, QPoint(right, bottom))
    chosen = set(signal.args[0])
    assert {ids["renera"], ids["kama"]} <= chosen
    assert {i for i, n in nodes.items() if n.selected} == chosen


def test_big_whole_case_names_what_fits_and_selects_by_click(window, qtbot, sample, artifacts):
    from db.services.entities import create_entity

    def build(tx):
        previous = None
        for number in range(520):
            entity = create_entity(tx, "Company", f"Shell {number:03d}")
            if number % 4:
                create_link(tx, "Ownership", previous, entity, share_min=100, share_max=100)
            previous = entity
    window.context.execute("Add shells", build)
    pane = network(window)
    with qtbot.waitSignal(pane.sig_drawn, timeout=60000):
        pane.whole_case_action.trigger()
    assert len(pane.canvas.nodes) == 536 and len(pane.canvas.edges) == 401
    assert pane.banner.text() == "Whole case: 536 entities, 401 links"
    window.grab().save(str(artifacts / "network_whole_case_536.png"))
    # Names are shown by importance where they fit, never on top of each other.
    layer = pane.canvas.label_layer
    assert 10 <= len(layer.shown) < 536
    boxes = layer.boxes
    assert not [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:] if a.intersects(b)]
    # A click on a node selects its entity everywhere. Click the one standing furthest
    # from any other.
    import numpy as np

    points = pane.canvas.graph.pos
    gaps = np.linalg.norm(points[:, None, :] - points[None, :, :], axis=2)
    np.fill_diagonal(gaps, np.inf)
    loneliest = int(gaps.min(axis=1).argmax())
    point = pane.canvas.view_to_widget(QPointF(*points[loneliest]))
    with qtbot.waitSignal(pane.sig_entity_selected, timeout=3000) as signal:
        QTest.mouseClick(pane.canvas.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, point)
    assert signal.args == [pane.canvas.graph.ids[loneliest]]


# -- the read queries behind the pane (Qt-free) ---------------------------------------------
def test_neighbourhood_query_depth_date_and_cap(sample):
    from db.reads.network import neighbourhood, whole_case

    ids = sample.ids
    names = {v: k for k, v in ids.items()}
    with sample.session() as session:
        near = neighbourhood(session, [ids["enertech"]], 1)
        assert {names[n] for n in near.nodes} == {"enertech", "rosatom", "russia"}
        assert {names[e] for e in near.edges} == {"link:control", "link:enertech_supplier"}
        assert all(e.sourced and not e.disputed for e in near.edges.values())
        wider = neighbourhood(session, [ids["enertech"]], 2)
        assert {names[n] for n in wider.nodes} == {"enertech", "rosatom", "russia",
                                                   "south_korea"}
        # Before 2022 Rosatom's control is not in force, so Rosatom is not a neighbour.
        before = neighbourhood(session, [ids["enertech"]], 2, as_of=date(2021, 6, 30))
        assert {names[n] for n in before.nodes} == {"enertech", "russia", "south_korea"}
        # A ring that does not fit is left out (the first ring is cut to fit).
        capped = neighbourhood(session, [ids["renera"]], 2, max_nodes=3)
        assert capped.truncated and len(capped.nodes) == 3 and ids["renera"] in capped.nodes
        assert not neighbourhood(session, [ids["renera"]], 1).truncated
        everything = whole_case(session)
        assert (len(everything.nodes), len(everything.edges), everything.truncated) == (
            16, 11, False)
        best = whole_case(session, max_nodes=2)
        # Renera (4 links) is the best connected; of those with 2, Enertech comes first by name.
        assert best.truncated and best.total_nodes == 16
        assert set(best.nodes) == {ids["renera"], ids["enertech"]}

"""The timeline pane on the sample case: what it shows, and the shared "as of" line."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from desktop.panes.timeline.plot import to_x


@pytest.fixture
def window(make_window, sample, qtbot):
    window = make_window(sample, panes=("chain", "timeline"), size=(1400, 900))
    _loaded(qtbot, window.panes["timeline"])
    return window


def _loaded(qtbot, pane):
    """The timeline reads on the worker: wait until what it read is shown."""
    qtbot.waitUntil(lambda: pane.loading == 0)


def _labels(pane):
    """The labels drawn on the plot now, by item id."""
    return pane.plot.labels()


def test_shows_the_sample_story(qtbot, window, sample, artifacts):
    ids = sample.ids
    pane = window.panes["timeline"]
    pane.resize(1200, 460)
    qtbot.waitUntil(lambda: not pane.plot._relayout.isActive())  # lanes redone for the size
    labels = _labels(pane)
    assert labels[ids["link:stake"]] == "Renera owns JSC Kama (share unknown) · since 2022"
    assert labels[ids["link:control"]] == "Rosatom controls Enertech · since 2022"
    assert labels[ids["event:control"]] == "Enertech comes under Rosatom's control · 2022"
    assert labels[ids["event:gigafactory"]] == (
        "Renera gigafactory in Krasnaya Pakhra announced · 2023-09")
    assert len(labels) == 9  # 4 dated events, 5 dated links
    undated = [pane.undated_model.index(r, 0).data()
               for r in range(pane.undated_model.rowCount())]
    assert undated == ["South Korea halts lithium-ion battery exports to Russia "
                       "· date not stated"]
    assert pane.undated.isVisible()
    assert pane.header.text() == "Timeline of the whole case · 9 dated, 1 undated · any date"
    # No two items share a lane where their extents would overlap: the 2022 items
    # (all open-ended, or with labels a year wide) each have a lane of their own.
    lanes = [d.lane for d in pane.plot.drawn
             if d.item.start in ("2022",)]
    assert len(set(lanes)) == len(lanes) == 4
    # Every lane is in view at this size (none hidden below the axis).
    top, bottom = pane.plot.view_box.viewRange()[1]
    assert top < -1 and max(d.lane for d in pane.plot.drawn) + 0.5 < bottom
    pane.grab().save(str(artifacts / "timeline.png"))


def _drag_line(qtbot, plot, day):
    """Press on the "as of" line, move with the button held, release: a person's drag."""
    viewport = plot.viewport()
    line = plot.as_of_line
    y_scene = plot.view_box.sceneBoundingRect().center().y()
    start = plot.mapFromScene(QPointF(plot.view_box.mapViewToScene(
        QPointF(line.value(), 0)).x(), y_scene))
    end = plot.mapFromScene(QPointF(plot.view_box.mapViewToScene(
        QPointF(to_x(day), 0)).x(), y_scene))

    def send(kind, pos, buttons):
        button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else (
            Qt.MouseButton.NoButton)
        event = QMouseEvent(kind, QPointF(pos), QPointF(viewport.mapToGlobal(pos)), button,
                            buttons, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(viewport, event)

    send(QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton)
    middle = QPoint((start.x() + end.x()) // 2, start.y())
    send(QEvent.Type.MouseMove, middle, Qt.MouseButton.LeftButton)
    send(QEvent.Type.MouseMove, end, Qt.MouseButton.LeftButton)
    send(QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)


def test_dragging_the_line_moves_the_chain(qtbot, window, sample, artifacts, monkeypatch):
    import pyqtgraph as pg

    monkeypatch.setitem(pg.CONFIG_OPTIONS, "mouseRateLimit", -1)  # deliver every move
    ids = sample.ids
    context = window.context
    timeline, chain = window.panes["timeline"], window.panes["chain"]
    chain.show_chain(ids["enertech"])
    qtbot.waitUntil(lambda: chain.chain is not None and not chain.computing)
    assert [o.name for o in chain.chain.result.owners] == ["Rosatom"]

    _drag_line(qtbot, timeline.plot, date(2021, 6, 15))
    assert context.as_of is not None and context.as_of.year == 2021
    assert abs((context.as_of - date(2021, 6, 15)).days) <= 5  # a pixel is about 1.5 days
    qtbot.waitUntil(lambda: not chain.computing and chain.chain.result.as_of == context.as_of)
    assert chain.chain.result.owners == []
    assert chain.message.text() == (
        f"No owners recorded for Enertech as of {context.as_of.isoformat()}.")
    # Everything after mid-2021 is faded on the timeline.
    faded = {d.item.id for d in timeline.plot.drawn if not d.in_force}
    assert len(faded) == 9
    assert timeline.header.text().endswith(f"as of {context.as_of.isoformat()}")
    timeline.grab().save(str(artifacts / "timeline_2021.png"))

    _drag_line(qtbot, timeline.plot, date(2024, 1, 1))
    assert context.as_of.year in (2023, 2024) and abs((context.as_of - date(2024, 1, 1)).days) <= 5
    qtbot.waitUntil(lambda: not chain.computing and chain.chain.result.as_of == context.as_of)
    assert [o.name for o in chain.chain.result.owners] == ["Rosatom"]
    assert {d.item.id for d in timeline.plot.drawn if not d.in_force} == set()

    qtbot.mouseClick(timeline.clear_button, Qt.MouseButton.LeftButton)
    assert context.as_of is None
    assert timeline.plot.as_of_line.value() == to_x(timeline.plot.last)


def test_line_follows_the_chain_slider(qtbot, window, sample):
    timeline = window.panes["timeline"]
    window.context.set_as_of(date(2022, 3, 1))
    assert timeline.plot.as_of_line.value() == to_x(date(2022, 3, 1))
    stake = next(d for d in timeline.plot.drawn if d.item.id == sample.ids["link:stake"])
    supply = next(d for d in timeline.plot.drawn if d.item.id == sample.ids["link:supply"])
    assert stake.in_force and not supply.in_force


def test_clicking_items_selects_them_everywhere(qtbot, window, sample):
    ids = sample.ids
    pane = window.panes["timeline"]
    plot = pane.plot
    links, entities, groups = [], [], []
    pane.sig_link_selected.connect(links.append)
    pane.sig_entity_selected.connect(entities.append)
    pane.sig_entities_selected.connect(groups.append)

    point = plot.mapFromScene(plot.scene_point(ids["link:stake"]))
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert links == [ids["link:stake"]]
    assert entities == [ids["renera"]]
    assert window.coordinator.current_entity == ids["renera"]

    point = plot.mapFromScene(plot.scene_point(ids["event:gigafactory"]))
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert groups == [[ids["gigafactory"], ids["renera"]]]  # by name

    ban = pane.undated_model.index(0, 0)
    qtbot.mouseClick(pane.undated.viewport(), Qt.MouseButton.LeftButton,
                     pos=pane.undated.visualRect(ban).center())
    assert sorted(groups[-1]) == sorted([ids["south_korea"], ids["russia"], ids["enertech"]])


def test_selection_only_mode(qtbot, window, sample):
    ids = sample.ids
    pane = window.panes["timeline"]
    qtbot.mouseClick(pane.whole_case, Qt.MouseButton.LeftButton)
    _loaded(qtbot, pane)
    assert pane.header.text() == "Timeline — select an entity, or tick “Whole case”"
    assert pane.plot.drawn == []
    window.coordinator.entity_selected(ids["kama"])
    _loaded(qtbot, pane)
    assert set(_labels(pane)) == {ids["link:stake"], ids["event:stake"]}
    assert pane.header.text() == "Timeline of JSC Kama · 2 dated, 0 undated · any date"
    assert not pane.undated.isVisible()


def test_new_event_appears_and_undo_removes_it(qtbot, window, sample):
    from db.services import events as V

    pane = window.panes["timeline"]
    context = window.context
    command = context.execute("Add event", lambda tx: V.create_event(
        tx, "JSC Kama registry extract filed", "2023-03-14", entity_ids=[sample.ids["kama"]]))
    new_id = command.result
    qtbot.waitUntil(lambda: new_id in _labels(pane))
    assert _labels(pane)[new_id] == "JSC Kama registry extract filed · 2023-03-14"
    context.undo_stack.undo()
    qtbot.waitUntil(lambda: new_id not in _labels(pane))
    assert len(pane.plot.drawn) == 9


def test_big_case_loads_on_the_worker_and_starts_with_the_selection(qtbot, make_window, sample,
                                                                    monkeypatch):
    import desktop.panes.chain.pane as chain_pane
    import desktop.panes.timeline.pane as timeline_pane

    # Pretend the sample is a big case: nothing may scan it on the GUI thread.
    monkeypatch.setattr(timeline_pane, "pane_size", lambda session, limit: (False, False))
    monkeypatch.setattr(chain_pane, "is_small_case", lambda session: False)
    window = make_window(sample, panes=("chain", "timeline"), size=(1400, 900))
    pane, chain = window.panes["timeline"], window.panes["chain"]
    assert pane.whole_case.isChecked() is False
    window.coordinator.entity_selected(sample.ids["renera"])
    assert pane.header.text() == "Timeline — loading…"
    qtbot.waitUntil(lambda: pane.loading == 0 and len(pane.plot.drawn) > 0)
    # 3 events (stake, gigafactory, supply) and 4 dated links.
    assert pane.header.text() == "Timeline of Renera · 7 dated, 0 undated · any date"
    qtbot.waitUntil(lambda: chain.as_of.slider.maximum() == (date(2024, 9, 29)
                                                            - date(2021, 1, 1)).days)


def test_short_pane_scrolls_through_lanes(qtbot, window, sample, artifacts):
    pane = window.panes["timeline"]
    window.docks["timeline"].setFloating(True)
    window.docks["timeline"].resize(1000, 300)
    qtbot.waitUntil(lambda: not pane.plot._relayout.isActive())
    plot = pane.plot
    assert plot.lanes == 9
    assert pane.lane_scroll.isVisible()
    assert pane.lane_scroll.maximum() == 9 - plot.visible_lanes > 0
    bottom = max(plot.drawn, key=lambda d: d.lane)
    assert plot.view_box.viewRange()[1][1] < bottom.lane  # the last lane is out of view
    pane.grab().save(str(artifacts / "timeline_short.png"))
    pane.lane_scroll.setValue(pane.lane_scroll.maximum())
    assert plot.view_box.viewRange()[1][1] > bottom.lane + 0.1  # now it is in view

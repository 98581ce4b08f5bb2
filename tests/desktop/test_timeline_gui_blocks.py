"""The timeline on a generated case of 250 dated links, never blocking the GUI thread.

With the timeline shown (whole case: 250 bars and labels), opening the case, renaming an
entity, undoing and redoing the rename are watched by the shared watchdog — late ticks
counted, not timed — and what a person sees on the timeline is checked at each step: the
renamed entity's links say its new name, and the "as of" line sits where it was put.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from db.reads.timeline import EVENT, TimelineItem
from db.services import entities as entity_service
from desktop.panes.timeline import label_layout
from desktop.panes.timeline.plot import Drawn, to_x
from desktop.shell.actions import ActionId
from tests.desktop.watchdog import Watchdog
from tests.generated_case import generate


@pytest.fixture
def case(tmp_path):
    case = generate(tmp_path / "timeline.casefile", 100, 250)
    yield case
    case.engine.dispose()


def _names_on_timeline(timeline, name: str) -> bool:
    return any(name in text for text in timeline.plot.labels().values())


def test_open_rename_undo_redo_never_block_the_gui(qtbot, make_window, case, artifacts,
                                                   request):
    window = make_window(None, panes=("entities", "timeline"), size=(1400, 900))
    timeline = window.panes["timeline"]
    request.getfixturevalue("app_started")
    watchdog = Watchdog()
    watchdog.start()

    window.set_case(case)
    qtbot.waitUntil(lambda: timeline.loading == 0 and len(timeline.plot.drawn) == 250,
                    timeout=30_000)
    assert timeline.header.text() == "Timeline of the whole case · 250 dated, 0 undated · any date"
    plot = timeline.plot
    in_view = {d.item.id for d in plot.drawn
               if plot.first_lane <= d.lane < plot.first_lane + plot.visible_lanes}
    assert in_view and set(plot.labels()) >= in_view  # every item in view is named

    # The entity named first on the timeline is renamed: its links say the new name, and
    # the span the person zoomed to stays.
    first = min(timeline.plot.drawn, key=lambda d: d.order)
    qtbot.waitUntil(lambda: not plot._relayout.isActive())  # lanes redone for the size
    plot.view_box.setXRange(first.start - 86400 * 400, first.start + 86400 * 3000, padding=0)
    zoomed = plot.view_box.viewRange()[0]
    entity_id, old = first.item.entity_ids[0], first.item.source_name
    context = window.context
    context.execute("Rename", lambda tx: entity_service.edit_entity(
        tx, entity_id, name="Renamed Holding"))
    qtbot.waitUntil(lambda: timeline.loading == 0
                    and _names_on_timeline(timeline, "Renamed Holding"), timeout=30_000)
    assert timeline.plot.labels()[first.item.id].startswith("Renamed Holding ")
    assert plot.view_box.viewRange()[0] == pytest.approx(zoomed)

    window.actions[ActionId.UNDO].trigger()
    qtbot.waitUntil(lambda: timeline.loading == 0
                    and not _names_on_timeline(timeline, "Renamed Holding"), timeout=30_000)
    assert timeline.plot.labels()[first.item.id].startswith(old + " ")
    window.actions[ActionId.REDO].trigger()
    qtbot.waitUntil(lambda: timeline.loading == 0
                    and _names_on_timeline(timeline, "Renamed Holding"), timeout=30_000)

    # The "as of" line moves to the chosen day and fades what was not in force then.
    context.set_as_of(date(2000, 1, 1))
    assert timeline.plot.as_of_line.value() == to_x(date(2000, 1, 1))
    assert timeline.plot.as_of_line.label.format == "as of 2000-01-01"
    faded = [d for d in timeline.plot.drawn if not d.in_force]
    assert faded and all(d.item.start_day > date(2000, 1, 1) for d in faded)

    qtbot.waitUntil(lambda: watchdog.ticks > 10)  # it watched, however fast the machine
    watchdog.stop()
    timeline.grab().save(str(artifacts / "timeline_generated_250.png"))
    assert watchdog.late == 0, watchdog.report()


def test_zoomed_out_labels_never_overlap(qtbot, make_window, case, artifacts):
    window = make_window(case, panes=("timeline",), size=(1000, 700))
    timeline = window.panes["timeline"]
    qtbot.waitUntil(lambda: timeline.loading == 0 and len(timeline.plot.drawn) == 250,
                    timeout=30_000)
    plot = timeline.plot
    for _ in range(4):  # as far out as the plot goes
        qtbot.keyClick(plot, Qt.Key.Key_Minus)
    named = plot.labels()  # what is drawn now
    shown = [d for d in plot.drawn if d.label_rect is not None]
    assert len(shown) == len(named) >= plot.visible_lanes
    for a in shown:
        for b in shown:
            assert a is b or not a.label_rect.intersects(b.label_rect), (a.text, b.text)
    timeline.grab().save(str(artifacts / "timeline_zoomed_out.png"))


def _drawn(item_id: str, lane: int, order: int, **flags) -> Drawn:
    item = TimelineItem(kind=EVENT, id=item_id, title=item_id * 20, start="2020",
                        end=None, entity_ids=())
    return Drawn(item, lane=lane, order=order, text=item.title, anchor=to_x(date(2020, 1, 1)),
                 **flags)


def test_crowded_lanes_name_the_keyboard_item_then_the_selection_then_the_rest(qapp):
    view = ((to_x(date(2019, 1, 1)), to_x(date(2022, 1, 1))), (-1.3, 5.0))
    pixel = ((view[0][1] - view[0][0]) / 800, 0.03)
    plain, selected, keyboard = (_drawn("a", 0, 0), _drawn("b", 0, 1, bold=True),
                                 _drawn("c", 0, 2))
    other_lane = _drawn("d", 1, 3)
    drawn = [plain, selected, keyboard, other_lane]
    # Three labels at one spot of a lane: the first placed takes it, the second goes to
    # the other side of its item, the third is crowded out.
    label_layout.layout(drawn, QFont(), pixel, view, None, 0.13)
    assert [d.label_rect is not None for d in drawn] == [True, True, False, True]
    assert selected.label_rect.left() == selected.anchor  # the selection keeps its spot
    assert plain.label_rect.right() == pytest.approx(plain.anchor)  # left of its item
    label_layout.layout(drawn, QFont(), pixel, view, "c", 0.13)
    assert [d.label_rect is not None for d in drawn] == [False, True, True, True]
    assert keyboard.label_rect.left() == keyboard.anchor
    label_layout.layout(drawn, QFont(), pixel, ((0.0, 1.0), (-1.3, 5.0)), None, 0.13)
    assert all(d.label_rect is None for d in drawn)  # off screen: not laid out

"""The timeline on a generated case of 250 dated links, never blocking the GUI thread.

With the timeline shown (whole case: 250 bars and labels), opening the case, renaming an
entity, undoing and redoing the rename are watched by the shared watchdog — late ticks
counted, not timed — and what a person sees on the timeline is checked at each step: the
renamed entity's links say its new name, and the "as of" line sits where it was put.
"""

from __future__ import annotations

from datetime import date

import pytest

from db.services import entities as entity_service
from desktop.panes.timeline.plot import to_x
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

    # The entity named first on the timeline is renamed: its links say the new name.
    first = min(timeline.plot.drawn, key=lambda d: d.order)
    entity_id, old = first.item.entity_ids[0], first.item.source_name
    context = window.context
    context.execute("Rename", lambda tx: entity_service.edit_entity(
        tx, entity_id, name="Renamed Holding"))
    qtbot.waitUntil(lambda: timeline.loading == 0
                    and _names_on_timeline(timeline, "Renamed Holding"), timeout=30_000)
    assert timeline.plot.labels()[first.item.id].startswith("Renamed Holding ")

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

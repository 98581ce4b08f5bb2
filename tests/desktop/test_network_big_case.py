"""The whole-case network of a 100k-shaped case and back to the neighbourhood, with the
GUI never blocked.

The case is ``test_chain_big_case``'s: built like the bench's 100,000-entity / 250,000-link
case at 1/20 of the size, so above the limit where the whole case is drawn in groups. A
20 ms timer counts late ticks (over 100 ms between two, the GUI thread busy) while
"Whole case" is pressed (the case grouped and laid out in a worker, the groups drawn) and
released (back to the selection's neighbourhood): counted, not timed.
"""

from __future__ import annotations

from db.reads.network_drawing import DETAIL_LIMIT
from tests.desktop.test_chain_big_case import big_case  # noqa: F401 (the fixture)
from tests.desktop.watchdog import Watchdog


def test_whole_case_and_back_never_block_the_gui(qtbot, make_window, artifacts, request):
    case, entity = request.getfixturevalue("big_case")
    window = make_window(case, panes=("network",), size=(1300, 850))
    request.getfixturevalue("app_started")
    pane = window.panes["network"]
    with qtbot.waitSignal(pane.sig_drawn, timeout=60_000):
        window.coordinator.entity_selected(entity)
    assert entity in pane.canvas.nodes and not pane.whole_case_action.isChecked()

    def watched(press) -> Watchdog:
        """Press, wait for the drawing, and ten more ticks: what the GUI thread did."""
        watchdog = Watchdog()
        watchdog.start()
        with qtbot.waitSignal(pane.sig_drawn, timeout=60_000):
            press()
        ticks = watchdog.ticks
        qtbot.waitUntil(lambda: watchdog.ticks >= ticks + 10, timeout=5_000)
        watchdog.stop()
        return watchdog

    whole = watched(pane.whole_case_action.trigger)
    groups = [n for n in pane.canvas.nodes if n.startswith("group:")]
    assert 5_000 > DETAIL_LIMIT and 10 <= len(groups) <= 400
    assert pane.banner.text().startswith("Whole case: 5,000 entities")
    pane.canvas.grab()  # what a person sees: the biggest groups named
    assert len(pane.canvas.label_layer.shown) >= 10
    window.grab().save(str(artifacts / "network_big_case_groups.png"))

    back = watched(pane.whole_case_action.trigger)
    assert entity in pane.canvas.nodes and not any(n.startswith("group:")
                                                   for n in pane.canvas.nodes)
    assert whole.late == 0, "whole case: " + whole.report()
    assert back.late == 0, "back to the neighbourhood: " + back.report()

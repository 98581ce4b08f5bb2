"""The timeline driven from the keyboard alone: Tab through the events and links, Enter
selects, arrows and +/- move and zoom through time, Shift+arrows and A move the "as of"
date — and a screen reader is told which item the keyboard is on."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.dialogs.keyboard_shortcuts import shortcut_rows
from desktop.panes.timeline.keyboard import KEYS
from tests.desktop.widget_walk import accessible_name

SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def pane(make_window, sample, qtbot):
    window = make_window(sample, panes=("chain", "timeline"), size=(1400, 900))
    pane = window.panes["timeline"]
    qtbot.waitUntil(lambda: pane.loading == 0)  # read on the worker
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    pane.plot.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is pane.plot)
    return pane


def _x_range(plot):
    return tuple(plot.view_box.viewRange()[0])


def test_tab_visits_every_item_in_time_order_then_leaves(qtbot, pane):
    plot, keys = pane.plot, pane.keys
    seen = []
    for _ in range(len(plot.drawn)):
        qtbot.keyClick(plot, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is plot  # the keyboard stays in the plot
        seen.append(keys.current)
        assert keys.ring.isVisible()
        assert keys.ring.rect().intersects(
            next(d for d in plot.drawn if d.item.id == keys.current).label_rect)
    assert sorted(seen) == sorted(d.item.id for d in plot.drawn)  # each once
    starts = [plot.span(next(d.item for d in plot.drawn if d.item.id == i))[0] for i in seen]
    assert starts == sorted(starts)
    qtbot.keyClick(plot, Qt.Key.Key_Backtab, SHIFT)  # and back
    assert keys.current == seen[-2]
    qtbot.keyClick(plot, Qt.Key.Key_Tab)
    qtbot.keyClick(plot, Qt.Key.Key_Tab)  # past the last: focus moves on
    assert keys.current is None and not keys.ring.isVisible()
    assert QApplication.focusWidget() is not plot


def test_enter_selects_and_the_screen_reader_hears_the_item(qtbot, pane, sample, artifacts):
    plot, keys = pane.plot, pane.keys
    links, entities = [], []
    pane.sig_link_selected.connect(links.append)
    pane.sig_entity_selected.connect(entities.append)
    while keys.current != sample.ids["link:stake"]:
        qtbot.keyClick(plot, Qt.Key.Key_Tab)
    assert plot.accessibleDescription() == (
        "Link: Renera owns JSC Kama (share unknown) · since 2022")
    assert accessible_name(plot) == "Timeline of events and dated links"
    pane.grab().save(str(artifacts / "timeline_keyboard.png"))
    qtbot.keyClick(plot, Qt.Key.Key_Return)
    assert links == [sample.ids["link:stake"]] and entities == [sample.ids["renera"]]


def test_arrows_pan_plus_minus_zoom_home_shows_all(qtbot, pane):
    plot = pane.plot
    low, high = _x_range(plot)
    qtbot.keyClick(plot, Qt.Key.Key_Right)
    moved = _x_range(plot)
    assert moved[0] > low and moved[1] - moved[0] == pytest.approx(high - low)
    qtbot.keyClick(plot, Qt.Key.Key_Left)
    assert _x_range(plot) == pytest.approx((low, high))
    qtbot.keyClick(plot, Qt.Key.Key_Plus)
    zoomed = _x_range(plot)
    assert zoomed[1] - zoomed[0] < (high - low) * 0.7
    qtbot.keyClick(plot, Qt.Key.Key_Minus)
    qtbot.keyClick(plot, Qt.Key.Key_Minus)
    assert _x_range(plot)[1] - _x_range(plot)[0] > high - low
    qtbot.keyClick(plot, Qt.Key.Key_Home)
    assert _x_range(plot) == pytest.approx((low, high), rel=1e-6)


def test_keys_move_the_shared_as_of_date(qtbot, pane, sample):
    plot, keys, context = pane.plot, pane.keys, pane.context
    while keys.current != sample.ids["link:control"]:
        qtbot.keyClick(plot, Qt.Key.Key_Tab)
    qtbot.keyClick(plot, Qt.Key.Key_A)
    assert context.as_of == date(2022, 1, 1)  # "since 2022"
    qtbot.keyClick(plot, Qt.Key.Key_Right, SHIFT)
    assert context.as_of == date(2022, 1, 31)
    assert "as of 2022-01-31" in pane.header.text()
    qtbot.keyClick(plot, Qt.Key.Key_Left, SHIFT)
    assert context.as_of == date(2022, 1, 1)


def test_the_keys_are_listed_in_help(qapp):
    """Help ▸ Keyboard Shortcuts lists each pane's own keys, read from its ``KEYS``."""
    from desktop.panes.documents import KEYS as DOCUMENT_KEYS

    rows = shortcut_rows()
    for keys, what in KEYS:
        assert (f"Timeline: {what}", keys) in rows
    assert ("Documents: Mark the selected passage as a claim", "Ctrl+Shift+M") in rows
    assert ("Entities: Open the entity's detail", "Enter") in rows
    assert len(rows) == len(set(rows)) and len(DOCUMENT_KEYS) == 4

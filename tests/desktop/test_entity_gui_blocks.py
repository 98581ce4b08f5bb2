"""The entities pane on a big generated case, driven like a person, never blocking the GUI.

The case is ``tests/generated_case.py``'s (the shape of ``bench/bench_entity_list.py``'s
100,000-entity / 250,000-link case) at 1/20 of the size. The shared watchdog counts late
ticks — the GUI thread itself busy over 100 ms — while a person filters, sorts by links,
clicks the most linked entity, opens its detail, renames it in the editor, then undoes and
redoes the rename with Edit ▸ Undo / Redo: counted, not timed, so a slow machine only
makes the test slower. What the person sees is checked at each step.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop.panes.entities.model import COL_COUNTRY, COL_LINKS, COL_NAME
from desktop.shell.actions import ActionId
from tests.desktop.watchdog import Watchdog
from tests.generated_case import generate


@pytest.fixture
def big_case(tmp_path):
    case = generate(tmp_path / "big.casefile", 5000, 12500)
    yield case
    case.engine.dispose()


def _column(pane, column: int) -> list[str]:
    model = pane.list_model
    return [str(model.index(row, column).data()) for row in range(model.rowCount())]


def _settle(qtbot, pane) -> None:
    qtbot.waitUntil(lambda: not pane.loading, timeout=30_000)


def _click(qtbot, pane, row: int, double: bool = False) -> None:
    view = pane.list_view
    point = view.visualRect(pane.list_model.index(row, COL_NAME)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    if double:  # QTest reads a double click as one after a click on the same spot
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_filter_detail_rename_undo_redo_never_block_the_gui(qtbot, make_window, big_case,
                                                            artifacts, request):
    window = make_window(big_case, panes=("entities",), size=(1300, 850))
    pane = window.panes["entities"]
    _settle(qtbot, pane)
    request.getfixturevalue("app_started")
    watchdog = Watchdog()
    watchdog.start()

    # Typing a filter lists the matches only, and says how many.
    qtbot.keyClicks(pane.filter_edit, "country:cy")
    _settle(qtbot, pane)
    countries = _column(pane, COL_COUNTRY)  # the rows loaded so far (a page)
    assert 200 < pane.list_model.total() < 1000 and set(countries) == {"CY"}
    assert pane.count_label.text() == f"{pane.list_model.total():,} matches"
    pane.filter_edit.clear()
    _settle(qtbot, pane)
    assert pane.count_label.text() == "5,000 entities"

    # Sorted by links, the most linked entity comes first; a click and a double click
    # open its detail, whose links are those the list counts.
    pane.list_view.horizontalHeader().setSortIndicator(COL_LINKS, Qt.SortOrder.DescendingOrder)
    _settle(qtbot, pane)
    links = [int(n) for n in _column(pane, COL_LINKS)[:50]]
    assert links == sorted(links, reverse=True)
    name = pane.list_model.index(0, COL_NAME).data()
    target = pane.list_model.entity_id(0)
    _click(qtbot, pane, 0, double=True)
    detail = pane.detail
    qtbot.waitUntil(detail.isVisible)
    _settle(qtbot, pane)
    assert detail.title.text() == name and detail.entity_id == target
    assert detail.links_model.rowCount() == links[0]
    assert detail.links_label.text().startswith(f"Links ({links[0]}")

    # Renamed in the editor (Edit… on the detail).
    qtbot.mouseClick(detail.edit_button, Qt.MouseButton.LeftButton)
    dialog = pane.editor_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.name.selectAll()
    qtbot.keyClicks(dialog.name, "Renamed Holding")
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(
        QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: detail.title.text() == "Renamed Holding")
    _settle(qtbot, pane)
    assert pane.list_model.index(0, COL_NAME).data() == "Renamed Holding"

    # Undo: the old name is back in the detail and the list, the entity still selected.
    window.actions[ActionId.UNDO].trigger()
    qtbot.waitUntil(lambda: detail.title.text() == name)
    _settle(qtbot, pane)
    assert pane.list_model.index(0, COL_NAME).data() == name
    assert pane.selected_ids() == [target] and detail.entity_id == target
    assert detail.links_model.rowCount() == links[0]
    # Redo: renamed again.
    window.actions[ActionId.REDO].trigger()
    qtbot.waitUntil(lambda: detail.title.text() == "Renamed Holding")
    _settle(qtbot, pane)
    assert pane.list_model.index(0, COL_NAME).data() == "Renamed Holding"
    assert pane.selected_ids() == [target]

    qtbot.waitUntil(lambda: watchdog.ticks > 10)  # it watched, however fast the machine
    watchdog.stop()
    pane.grab().save(str(artifacts / "entities_big_case.png"))
    assert watchdog.late == 0, watchdog.report()

"""A team case in the window: File ▸ Open Team Case…, a colleague's edit shown on View ▸
Refresh, and an edit that collides with theirs refused in one line."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog, QLineEdit, QMessageBox

from db.core import TeamCase, copy_case, run
from db.models import Entity
from db.services import entities as entity_service
from desktop.panes.entities.model import COL_NAME
from desktop.shell.actions import ActionId


def _names(window) -> list[str]:
    model = window.panes["entities"].list_model
    return [model.data(model.index(row, COL_NAME)) for row in range(model.rowCount())]


def _answer_input_dialog(qtbot, text: str) -> None:
    """When the address dialog shows, type ``text`` into it and press OK."""

    def answer() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, QInputDialog) and w.isVisible())
        edit = dialog.findChild(QLineEdit)
        edit.clear()
        qtbot.keyClicks(edit, text)
        box = dialog.findChild(QDialogButtonBox)
        qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)


@pytest.fixture
def anna_and_ben(make_window, sample, postgres_server):
    """The sample as a team case: Anna's client, and Ben's window on it."""
    url = postgres_server.new_database()
    anna = TeamCase.connect(url, author="anna", create=True)
    copy_case(sample, anna)
    yield anna, make_window(TeamCase.connect(url, author="ben"))
    anna.close()


def _read_warning(seen: list[str]) -> None:
    """When a warning shows, note its text and close it as a person would."""

    def close() -> None:
        box = next(w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QMessageBox) and w.isVisible())
        seen.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()

    QTimer.singleShot(0, close)


@pytest.mark.gui
def test_open_a_team_case_see_a_colleagues_edit_on_refresh(qtbot, make_window, sample,
                                                          postgres_server, artifacts):
    url = postgres_server.new_database()
    team = TeamCase.connect(url, author="anna", create=True)
    copy_case(sample, team)  # the team works on the sample case

    window = make_window()
    _answer_input_dialog(qtbot, url)
    window.actions[ActionId.OPEN_TEAM].trigger()
    qtbot.waitUntil(lambda: window.context is not None, timeout=15000)
    assert isinstance(window.context.case, TeamCase)
    assert "team case" in window.windowTitle()
    qtbot.waitUntil(lambda: "Renera" in _names(window))

    # Anna, elsewhere, renames Renera; Refresh shows it here.
    renera = sample.ids["renera"]
    run(team, "Rename", lambda tx: entity_service.edit_entity(tx, renera, name="Renera LLC"))
    window.actions[ActionId.REFRESH].trigger()
    qtbot.waitUntil(lambda: "Renera LLC" in _names(window))

    # Every pane reads the team case as it reads a file: open Enertech's detail.
    pane = window.panes["entities"]
    rect = pane.list_view.visualRect(
        pane.list_model.index(_names(window).index("Enertech"), COL_NAME))
    qtbot.mouseClick(pane.list_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(pane.list_view, Qt.Key.Key_Return)
    qtbot.waitUntil(pane.detail.isVisible)
    qtbot.waitUntil(lambda: not pane.loading)  # the detail is read on the worker
    assert pane.detail.title.text() == "Enertech"
    model = pane.detail.links_view.model()
    texts = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert "← Rosatom" in texts
    window.grab().save(str(artifacts / "team_case_window.png"))

    # An edit based on what this window showed before Anna's second edit is refused in one
    # line; her edit stands.
    with window.context.case.session() as session:
        shown = session.get(Entity, renera).row_version
    run(team, "Rename", lambda tx: entity_service.edit_entity(tx, renera, name="Renera JSC"))
    warnings: list[str] = []
    _read_warning(warnings)
    window.context.execute("Rename", lambda tx: entity_service.edit_entity(
        tx, renera, name="Renera Ltd", expected_version=shown))
    assert warnings and "changed by anna" in warnings[0] and "\n" not in warnings[0]
    qtbot.waitUntil(lambda: "Renera JSC" in _names(window))
    assert "Renera Ltd" not in _names(window)
    team.close()


@pytest.mark.gui
def test_claim_editor_does_not_overwrite_a_colleagues_edit(qtbot, anna_and_ben):
    from db.reads import claim_list
    from db.services import evidence
    from desktop.dialogs.claim_editor import ClaimEditorDialog

    anna, window = anna_and_ben
    claim_id = window.context.case.read(claim_list.claim_rows)[0].id

    dialog = ClaimEditorDialog(window.context, claim_id, window)  # Ben opens the claim …
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.statement.selectAll()
    qtbot.keyClicks(dialog.statement, "Ben's reading of the quote")
    run(anna, "Reword", lambda tx: evidence.edit_claim(  # … Anna saves first
        tx, claim_id, statement="Anna's reading"))
    warnings: list[str] = []
    _read_warning(warnings)
    dialog.accept()
    assert warnings and "changed by anna" in warnings[0]
    assert dialog.isVisible()  # what Ben typed is still there to copy
    rows = window.context.case.read(claim_list.claim_rows, [claim_id])
    assert rows[0].statement == "Anna's reading"


@pytest.mark.gui
def test_a_colleagues_commit_appears_without_asking(qtbot, anna_and_ben, sample):
    anna, window = anna_and_ben
    qtbot.waitUntil(lambda: "Renera" in _names(window))
    renera = sample.ids["renera"]
    rename = run(anna, "Rename",
                 lambda tx: entity_service.edit_entity(tx, renera, name="Renera LLC"))
    qtbot.waitUntil(lambda: "Renera LLC" in _names(window), timeout=10000)
    rename.undo(anna)  # her undo is a commit too
    qtbot.waitUntil(lambda: "Renera" in _names(window), timeout=10000)
    window.set_case(None)  # stops listening; nothing is left running

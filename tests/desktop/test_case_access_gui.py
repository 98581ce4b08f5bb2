"""What a person sees when the case cannot be edited here: a read-only file, a case
someone else has open, and an edit that must wait for another program's write."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from db.core import CaseFile, run
from db.reads import queries
from db.services import entities
from desktop.flows import files
from desktop.shell.actions import ActionId

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]
EDITING = (ActionId.NEW_ENTITY, ActionId.IMPORT, ActionId.ADD_DOCUMENTS, ActionId.MERGE,
           ActionId.CASE_DETAILS)
READING = (ActionId.EXPORT, ActionId.PRINT_PREVIEW, ActionId.GLOBAL_SEARCH)


@pytest.fixture
def case_path(closed_case) -> Path:
    return closed_case


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()))
    return shown


def _status(window) -> str:
    return window.findChild(type(window._status_counts), "status_access").text()


def test_read_only_file_opens_with_editing_off(make_window, case_path, artifacts, qtbot,
                                               warnings):
    case_path.chmod(0o444)
    window = make_window()
    assert files.open_case_path(window, str(case_path))
    assert _status(window) == "Read-only: the file is read-only — editing is off"
    assert window.windowTitle().endswith("[read-only]")
    assert not any(window.actions[a].isEnabled() for a in EDITING)
    assert all(window.actions[a].isEnabled() for a in READING)
    qtbot.waitUntil(lambda: window.panes["entities"].list_model.rowCount() == 1)
    window.grab().save(str(artifacts / "case_read_only.png"))
    # Edits reached some other way (a drag in the network, files dropped on the documents
    # pane) are a note in the status bar, not a dialog, and change nothing.
    assert window.context.execute("Move", lambda tx: None) is None
    assert "not changed" in window.statusBar().currentMessage()
    window.coordinator.sig_add_documents.emit([str(case_path)])
    assert "documents cannot be added" in window.statusBar().currentMessage()
    assert warnings == []


def _lock_by_another_process(case_path: Path) -> None:
    Path(str(case_path) + "-lock").write_text(json.dumps({
        "user": "bob", "host": socket.gethostname(), "pid": os.getppid(),
        "since": "2026-12-07T14:02:00+00:00"}))


@pytest.mark.parametrize("choice", ["Open Read-Only", "Cancel"])
def test_case_in_use_is_offered_read_only(make_window, case_path, artifacts, qtbot, choice):
    _lock_by_another_process(case_path)
    window = make_window()
    seen = []

    def answer():
        box = QApplication.activeModalWidget()
        if box is None:  # not shown yet
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        box.grab().save(str(artifacts / "case_in_use.png"))
        button = next(b for b in box.buttons() if b.text() == choice)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    opened = files.open_case_path(window, str(case_path))
    assert seen and seen[0].startswith(
        f"shared.casefile is in use by bob on {socket.gethostname()} since "
        f"2026-12-07 14:02 UTC.")
    if choice == "Cancel":
        assert not opened and window.context is None
        return
    assert opened and window.context.case.read_only_reason == "opened read-only"
    assert _status(window) == "Read-only: opened read-only — editing is off"
    assert window.context.case.read(queries.counts).entities == 1


HOLDER = """
import sys
from db.core.casefile import CaseFile
from db.core.commands import run
from db.services import entities

case = CaseFile.open(sys.argv[1], author="bob")

def edit(tx):
    entities.create_entity(tx, "Company", "Bob's import")
    print("writing", flush=True)
    sys.stdin.readline()

run(case, "Import", edit)
case.close()
print("closed", flush=True)
"""


def test_an_edit_waits_for_another_writer_with_a_note_not_an_error(make_window, case_path,
                                                                    qtbot, warnings):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(case_path)], env=env,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "writing"  # it holds the write lock
        case = CaseFile.open(case_path, author="ann", shared=True)
        window = make_window(case)
        notes = []

        def noted(text):  # the first "waiting" note lets the other writer finish
            notes.append(text)
            if len(notes) == 1:
                holder.stdin.write("done\n")
                holder.stdin.flush()

        window.context.sig_notice.connect(noted)
        assert "in use by bob" in _status(window)
        command = window.context.execute(
            "New entity", lambda tx: entities.create_entity(tx, "Company", "Ann's edit"))
        assert command is not None
        assert notes[0].startswith("waiting for bob on ")
        assert "shared.casefile" in notes[0]
        assert holder.stdout.readline().strip() == "closed"
        assert holder.wait(timeout=60) == 0
    finally:
        if holder.poll() is None:
            holder.kill()
    assert warnings == []  # never a "database is locked" dialog
    assert window.context.case.read(queries.counts).entities == 3


HOSTILE = "<b>Bold</b><img src=x onerror=alert(1)> Evil\u202egnp.exe"


def test_hostile_names_are_shown_as_plain_text(make_window, tmp_path, qtbot, artifacts):
    """A name from someone else's file is data: no label renders it as markup."""
    from PySide6.QtGui import Qt as QtGui
    from PySide6.QtWidgets import QLabel

    case = CaseFile.create(tmp_path / "hostile.casefile", name=HOSTILE, author="mallory")
    run(case, "add", lambda tx: entities.create_entity(tx, "Company", HOSTILE))
    window = make_window(case)
    qtbot.waitUntil(lambda: window.panes["entities"].list_model.rowCount() == 1)
    window.panes["entities"].list_view.selectRow(0)
    qtbot.waitUntil(lambda: any("Bold" in label.text()
                                for label in window.findChildren(QLabel)
                                if label.isVisible() and label is not window._overview))
    shown_as_markup = [label.objectName() or label.text()[:60]
                       for label in window.findChildren(QLabel)
                       if "<b>Bold</b>" in label.text()
                       and label.textFormat() != QtGui.TextFormat.PlainText
                       and "&lt;b&gt;" not in label.text()]
    window.grab().save(str(artifacts / "hostile_names.png"))
    assert shown_as_markup == []
    assert HOSTILE in window.windowTitle()

"""File ▸ Import of a large FtM file: asked once, no whole-file preview, imported streaming
in a worker as one undoable step; declining leaves the case as it was."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox

from db.reads import queries


@pytest.fixture
def large(monkeypatch):
    from desktop.dialogs.import_preview import ImportPreviewDialog
    from desktop.flows import sharing

    monkeypatch.setattr(sharing, "LARGE_FTM_BYTES", 1000)  # the donations file is "large"

    def no_preview(self):
        raise AssertionError("a large FtM file must not be previewed whole")

    monkeypatch.setattr(ImportPreviewDialog, "exec", no_preview)
    return sharing


def _entities(case):
    with case.session() as session:
        return queries.counts(session).entities


def test_a_large_ftm_file_streams_as_one_undo_step(qtbot, make_window, sample, donations,
                                                    large, monkeypatch):
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text: asked.append(text)
                        or QMessageBox.StandardButton.Yes)
    window = make_window(sample, panes=())
    large.import_file(window, str(donations))
    qtbot.waitUntil(lambda: window.context.undo_stack.count() == 1, timeout=30000)
    assert "donations.ijson is 0 MB: it is imported without a preview" in asked[0]
    assert _entities(sample) == 200
    assert window.context.undo_stack.undoText() == "Import donations.ijson (FtM)"
    assert window.statusBar().currentMessage().startswith("Import donations.ijson (FtM): added")
    qtbot.waitUntil(lambda: any(  # the counts the window shows, read in a worker
        label.text().startswith("200 entities") for label in window.findChildren(QLabel)),
        timeout=10000)
    window.grab().save("tests/artifacts/large_ftm_import.png")
    window.context.undo_stack.undo()
    assert _entities(sample) == 16


def test_declining_the_large_import_changes_nothing(qtbot, make_window, sample, donations,
                                                    large, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args: QMessageBox.StandardButton.No)
    window = make_window(sample, panes=())
    large.import_file(window, str(donations))
    assert window.context.undo_stack.count() == 0
    assert _entities(sample) == 16

"""The main window opens the sample case and shows its name and counts."""

from __future__ import annotations

from desktop.shell.main_window import MainWindow


def test_main_window_shows_sample_case(qtbot, sample, artifacts):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.set_case(sample)
    assert sample.name in window.windowTitle()
    label = window.findChild(type(window._status_counts), "status_counts")
    qtbot.waitUntil(lambda: label.text() != "")  # counted off the GUI thread
    counts = label.text()
    assert "16 entities" in counts
    assert "0 unsourced" in counts
    window.grab().save(str(artifacts / "main_window_sample.png"))
    window.set_case(None)


def test_open_refuses_bad_file_with_one_line_message(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from desktop.flows import files

    bad = tmp_path / "report.casefile"
    bad.write_text("<html>not a case</html>")
    before = bad.read_bytes()
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()))
    window = MainWindow()
    qtbot.addWidget(window)
    assert files.open_case_path(window, str(bad)) is False
    assert shown == ["report.casefile is not a case file (it is not an SQLite database)"]
    assert bad.read_bytes() == before
    assert window.context is None


def test_open_recent_and_title(qtbot, tmp_path):
    from db.core.casefile import CaseFile
    from desktop.flows import files
    from desktop.shell import settings

    path = tmp_path / "kama.casefile"
    CaseFile.create(path, name="Kama procurement").close()
    window = MainWindow()
    qtbot.addWidget(window)
    assert files.open_case_path(window, str(path))
    assert window.windowTitle().startswith("Kama procurement — kama.casefile")
    assert settings.RECENT_FILES.get()[0] == str(path)
    window.set_case(None)
    window.recent_menu.aboutToShow.emit()
    entries = [a.text() for a in window.recent_menu.actions()]
    assert entries[0] == str(path)
    window.recent_menu.actions()[0].trigger()
    assert window.context is not None and window.context.case.path == path
    window.set_case(None)


def test_window_geometry_is_remembered(qtbot):
    from PySide6.QtCore import QSize

    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    # A size the screen allows and the docks' minimum sizes do not override.
    screen = first.screen().availableGeometry().size()
    wanted = first.minimumSizeHint().expandedTo(QSize(640, 480)) + QSize(31, 17)
    wanted = wanted.boundedTo(screen - QSize(20, 20))
    first.resize(wanted)
    assert first.size() == wanted
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    assert second.size() == wanted
    second.close()


def test_undo_menu_names_the_action(qtbot, sample):
    from db.services import entities
    from desktop.shell.actions import ActionId

    window = MainWindow()
    qtbot.addWidget(window)
    window.set_case(sample)
    window.context.execute("Add entity Acme", lambda tx: entities.create_entity(
        tx, "Company", "Acme"))
    assert window.actions[ActionId.UNDO].text() == "&Undo Add entity Acme"
    assert window.actions[ActionId.UNDO].isEnabled()
    window.actions[ActionId.UNDO].trigger()
    assert window.actions[ActionId.REDO].text() == "&Redo Add entity Acme"
    with sample.session() as session:
        from db.reads import queries

        assert queries.counts(session).entities == 16
    window.actions[ActionId.REDO].trigger()
    with sample.session() as session:
        assert queries.counts(session).entities == 17
    window.set_case(None)


def test_workspace_fits_a_small_laptop_screen(qtbot):
    """All panes docked, the window can still shrink to a 1024×600 screen."""
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert len(window.panes) == 6
    hint = window.minimumSizeHint()
    assert hint.width() <= 1024 and hint.height() <= 600, hint


def test_fresh_sample_copy_goes_to_the_data_folder(qapp):
    from db.core import CaseFile, data_folder
    from desktop.flows.files import fresh_sample_copy

    first = fresh_sample_copy()
    second = fresh_sample_copy()
    assert first != second and first.parent == second.parent == data_folder()
    case = CaseFile.open(first)
    assert case.name.startswith("Battery supply chain")
    case.close()

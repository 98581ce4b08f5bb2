"""The main window opens the sample case and shows its name and counts."""

from __future__ import annotations

from desktop.main_window import MainWindow


def test_main_window_shows_sample_case(qtbot, sample, artifacts):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.set_case(sample)
    assert sample.name in window.windowTitle()
    counts = window.findChild(type(window._status_counts), "status_counts").text()
    assert "16 entities" in counts
    assert "0 unsourced" in counts
    window.grab().save(str(artifacts / "main_window_sample.png"))
    window.set_case(None)

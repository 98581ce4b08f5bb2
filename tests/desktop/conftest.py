"""GUI tests: offscreen Qt, Qt's settings in the test's home, and one way to build the
main window — with all panes or only those a test is about."""

from __future__ import annotations

import gc
import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_qt_settings(_isolated_home):
    """Qt reads the environment once; point its settings at this test's home explicitly
    so nothing remembered by one test (dialog choices, geometry) leaks into the next."""
    from PySide6.QtCore import QSettings

    config = str(_isolated_home / ".config")
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.NativeFormat, scope, config)
        QSettings.setPath(QSettings.Format.IniFormat, scope, config)


@pytest.fixture
def make_window(qtbot):
    """``make_window(case=None, panes=None, size=(1500, 950))``: the real main window,
    shown, with the named panes only (None: all), on ``case`` when given."""
    from desktop.panes import PANES
    from desktop.shell.main_window import MainWindow

    made = []

    def make(case=None, panes=None, size=(1500, 950)):
        chosen = None if panes is None else tuple(s for s in PANES if s.name in panes)
        window = MainWindow(panes=chosen)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        if case is not None:
            window.set_case(case)
        made.append(window)
        return window

    yield make
    for window in made:
        window.set_case(None)


@pytest.fixture
def app_started():
    """What the app does once started (desktop/shell/app.py): keep everything built so far
    out of the collector's full passes, which would otherwise stall any thread."""
    gc.freeze()
    yield
    gc.unfreeze()

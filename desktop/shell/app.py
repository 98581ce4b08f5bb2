"""Start the GUI: the application object, theme, main window, and the first case."""

from __future__ import annotations

import gc
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from db import APP_VERSION
from db.core import configure_logging, log_file
from desktop.shell import settings

log = logging.getLogger(__name__)
APP_ID = "org.casefileexplorer.CaseFileExplorer"  # the .desktop file and AppStream id


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    QCoreApplication.setOrganizationName(settings.ORGANIZATION)
    QCoreApplication.setApplicationName(settings.APPLICATION)
    QCoreApplication.setApplicationVersion(APP_VERSION)
    app.setDesktopFileName(APP_ID)  # Wayland and docks match the window to the launcher
    from desktop.shell import translation
    from desktop.shell.theme import apply_theme

    translation.install(settings.LANGUAGE.get())

    apply_theme(app)
    return app


def run_self_test() -> int:
    """``casefile --self-test`` (see desktop/shell/self_test.py)."""
    from desktop.shell import self_test

    return self_test.run()


def install_error_hook() -> None:
    """An unexpected error shows one line to the person, with the details in the log file,
    instead of a traceback on a terminal they may not have."""

    def hook(kind, error, tb) -> None:
        log.critical("unexpected error", exc_info=(kind, error, tb))
        first = (str(error).strip().splitlines() or [kind.__name__])[0]
        QMessageBox.critical(None, QCoreApplication.translate("App", "Unexpected error"),
                             QCoreApplication.translate(
                                 "App", "{error}\n\nDetails were saved to {log}.").format(
                                 error=first, log=log_file()))

    sys.excepthook = hook


def run_gui(path: str | None = None) -> int:
    """Open ``path``, or a fresh copy of the sample case, in the main window."""
    configure_logging()
    app = make_app()
    install_error_hook()
    from desktop.flows import files
    from desktop.shell.main_window import MainWindow

    window = MainWindow()
    window.show()
    if path is not None:
        if not Path(path).exists():
            QMessageBox.warning(window, window.tr("Open Case File"),
                                window.tr("{name}: no such file").format(name=path))
        else:
            files.open_case_path(window, path)
    else:
        files.open_case_path(window, str(files.fresh_sample_copy()))
    from desktop.flows import view

    window.first_run_dialog = view.greet_first_run(window)  # not modal: the case is open
    # Everything built so far lives as long as the app: keep it out of the collector's
    # full passes, which otherwise stall the GUI thread for ~100 ms at random moments
    # (measured in bench/bench_entity_list.py).
    gc.freeze()
    return app.exec()

"""New, open, recent files and the sample case."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from db.core.casefile import SUFFIX, CaseFile, CaseFileError
from desktop.shell import settings

if TYPE_CHECKING:
    from desktop.shell.main_window import MainWindow


def tr(text: str) -> str:
    return QCoreApplication.translate("Files", text)


def data_folder() -> Path:
    folder = Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.AppDataLocation))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def fresh_sample_copy() -> Path:
    """A new copy of the sample case in the user's data folder; the shipped one is
    never opened for writing (it is built anew from the bundled article)."""
    from db.sample.build import build_sample

    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    path = data_folder() / f"sample-{stamp}{SUFFIX}"
    counter = 1
    while path.exists():
        path = data_folder() / f"sample-{stamp}-{counter}{SUFFIX}"
        counter += 1
    build_sample(path).close()
    return path


def _start_folder() -> str:
    return settings.LAST_FOLDER.get() or str(Path.home())


def new_case(window: MainWindow) -> None:
    path, _ = QFileDialog.getSaveFileName(window, tr("New Case File"), _start_folder(),
                                          tr("Case files (*.casefile)"))
    if not path:
        return
    if not path.endswith(SUFFIX):
        path += SUFFIX
    name, ok = QInputDialog.getText(window, tr("New Case File"), tr("Case name:"),
                                    text=Path(path).stem)
    if not ok:
        return
    try:
        if Path(path).exists():
            # The save dialog already asked before overwriting.
            Path(path).unlink()
        case = CaseFile.create(path, name=name or None, author=settings.AUTHOR.get() or None)
    except (CaseFileError, OSError) as error:
        QMessageBox.warning(window, tr("New Case File"), str(error))
        return
    window.set_case(case)


def open_case_dialog(window: MainWindow) -> None:
    path, _ = QFileDialog.getOpenFileName(window, tr("Open Case File"), _start_folder(),
                                          tr("Case files (*.casefile);;All files (*)"))
    if path:
        open_case_path(window, path)


def open_case_path(window: MainWindow, path: str) -> bool:
    try:
        case = CaseFile.open(path, author=settings.AUTHOR.get() or None)
    except CaseFileError as error:
        QMessageBox.warning(window, tr("Open Case File"), str(error))
        return False
    if case.backup_path is not None:
        window.statusBar().showMessage(
            tr("Upgraded from an older version; a backup was saved as {name}")
            .format(name=case.backup_path.name), 10000)
    settings.LAST_FOLDER.set(str(Path(path).parent))
    window.set_case(case)
    return True

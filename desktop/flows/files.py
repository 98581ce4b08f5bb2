"""New, open, recent files and the sample case."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog

from db.core import SUFFIX, CaseFile, CaseFileError, custody_warning, data_folder
from desktop.shell import settings
from desktop.shell.shell import Shell


def tr(text: str) -> str:
    return QCoreApplication.translate("Files", text)


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


def new_case(shell: Shell) -> None:
    path, _ = QFileDialog.getSaveFileName(shell.dialog_parent(), tr("New Case File"), _start_folder(),
                                          tr("Case files (*.casefile)"))
    if not path:
        return
    if not path.endswith(SUFFIX):
        path += SUFFIX
    name, ok = QInputDialog.getText(shell.dialog_parent(), tr("New Case File"), tr("Case name:"),
                                    text=Path(path).stem)
    if not ok:
        return
    try:
        if Path(path).exists():
            # The save dialog already asked before overwriting.
            Path(path).unlink()
        case = CaseFile.create(path, name=name or None,
                               marking=settings.DEFAULT_MARKING.get() or "CONFIDENTIAL")
    except (CaseFileError, OSError) as error:
        shell.show_warning(tr("New Case File"), str(error))
        return
    shell.set_case(case)


def open_case_dialog(shell: Shell) -> None:
    path, _ = QFileDialog.getOpenFileName(shell.dialog_parent(), tr("Open Case File"), _start_folder(),
                                          tr("Case files (*.casefile);;All files (*)"))
    if path:
        open_case_path(shell, path)


def open_case_path(shell: Shell, path: str) -> bool:
    try:
        case = CaseFile.open(path)
    except CaseFileError as error:
        shell.show_warning(tr("Open Case File"), str(error))
        return False
    if case.backup_path is not None:
        shell.show_status(
            tr("Upgraded from an older version; a backup was saved as {name}")
            .format(name=case.backup_path.name), 10000)
    settings.LAST_FOLDER.set(str(Path(path).parent))
    shell.set_case(case)
    warning = custody_warning(case)
    if warning:
        shell.show_warning(tr("History differs"), tr(
            "This case's history does not continue the one this computer last saw. "
            "File ▸ Verify Case… shows the details.\n\n{problem}").format(problem=warning))
    return True

"""New, open, recent files and the sample case."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from db.core import (
    SUFFIX,
    CaseFile,
    CaseFileError,
    CaseInUseError,
    custody_warning,
    data_folder,
    is_team_location,
    open_case,
)
from db.services import case_meta
from desktop.shell import settings
from desktop.shell.shell import Shell
from desktop.shell.worker import run_task


def tr(text: str) -> str:
    return QCoreApplication.translate("Files", text)


def _offer_read_only(shell: Shell, in_use: str) -> bool:
    """Someone else is editing the case: look at it read-only, or not at all."""
    box = QMessageBox(QMessageBox.Icon.Information, tr("Case File in Use"),
                      tr("{in_use}.\n\nYou can look at it read-only while they work; "
                         "open it again for editing once they have closed it.")
                      .format(in_use=in_use), parent=shell.dialog_parent())
    box.setObjectName("case_in_use")
    box.setTextFormat(Qt.TextFormat.PlainText)  # names from files are data, not markup
    view = box.addButton(tr("Open Read-Only"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is view


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
        case_meta.record_organisation(case)
    except (CaseFileError, OSError) as error:
        shell.show_warning(tr("New Case File"), str(error))
        return
    shell.set_case(case)


def open_case_dialog(shell: Shell) -> None:
    path, _ = QFileDialog.getOpenFileName(shell.dialog_parent(), tr("Open Case File"), _start_folder(),
                                          tr("Case files (*.casefile);;All files (*)"))
    if path:
        open_case_path(shell, path)


def open_team_case_dialog(shell: Shell) -> None:
    """Connect to a team case in PostgreSQL (an empty database becomes one), off the GUI
    thread: a server far away may take seconds to answer."""
    url, ok = QInputDialog.getText(
        shell.dialog_parent(), tr("Open Team Case"),
        tr("PostgreSQL address of the team case (postgresql://user@host/database):"),
        text=settings.LAST_TEAM_CASE.get() or "postgresql://")
    url = url.strip()
    if not ok or not url:
        return
    if not is_team_location(url):
        shell.show_warning(tr("Open Team Case"),
                           tr("{url} is not a postgresql:// address").format(url=url))
        return
    _connect_team_case(shell, url, create=True)


def _connect_team_case(shell: Shell, url: str, *, create: bool) -> None:
    def opened(case: CaseFile) -> None:
        settings.LAST_TEAM_CASE.set(str(case.path))
        shell.set_case(case)

    run_task(shell.dialog_parent(), tr("Connecting to the team case…"),
             lambda _progress: open_case(url, create_team_case=create),
             opened, lambda message: shell.show_warning(tr("Open Team Case"), message))


def open_case_path(shell: Shell, path: str) -> bool:
    if is_team_location(path):  # a team case from the recent list: connect in the background
        _connect_team_case(shell, path, create=False)
        return True
    try:
        try:
            case = open_case(path)
        except CaseInUseError as busy:  # only case files have a lock; team cases never
            if not _offer_read_only(shell, str(busy)):
                return False
            case = CaseFile.open(path, read_only=True)
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


def refresh(shell: Shell) -> None:
    """Read everything again: on a team case, colleagues' edits appear."""
    if shell.context is not None:
        shell.context.refresh_all()

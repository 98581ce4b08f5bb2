"""View- and Help-menu flows: the theme, and what the app is."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from db import APP_VERSION
from desktop.shell import settings
from desktop.shell.shell import Shell
from desktop.shell.theme import apply_theme


def tr(text: str) -> str:
    return QCoreApplication.translate("View", text)


def set_theme(shell: Shell, theme: str) -> None:
    """Light, dark or the system's; applied at once, remembered for the next start."""
    settings.THEME.set(theme)
    apply_theme(QApplication.instance())


def keyboard_shortcuts(shell: Shell) -> None:
    from desktop.dialogs.keyboard_shortcuts import ShortcutsDialog  # it reads the actions

    ShortcutsDialog(shell.dialog_parent()).exec()


def about(shell: Shell) -> None:
    QMessageBox.about(shell.dialog_parent(), tr("About Case File Explorer"), tr(
        "Case File Explorer {version}\nOffline case files for investigators: entities, "
        "documents, quoted and graded claims, control chains, evidence summaries."
    ).format(version=APP_VERSION))


def preferences(shell: Shell, first_run: bool = False):
    """Edit ▸ Preferences… (and the first-run greeting): not modal, so it never stands
    between the person and the case that is opening. Returns the dialog (tests drive it)."""
    from desktop.dialogs.preferences import PreferencesDialog

    dialog = PreferencesDialog(shell.dialog_parent(), first_run=first_run)

    def saved(name: str) -> None:
        if shell.context is not None:
            shell.context.case.author = name  # what this session writes from now on
        apply_theme(QApplication.instance())
        shell.show_status(tr("You are {name}").format(name=name))

    dialog.sig_identity_changed.connect(saved)
    dialog.show()
    return dialog


def greet_first_run(shell: Shell):
    """The first time the app starts (no identity saved), ask who the person is; the
    login name is filled in and used until they say otherwise. None when already known."""
    from db.core import saved_identity

    if saved_identity() is not None:
        return None
    return preferences(shell, first_run=True)

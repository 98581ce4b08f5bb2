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

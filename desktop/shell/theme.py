"""Light and dark themes that follow the system unless the person chose one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from desktop.shell import settings
from resources import STYLES


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    if scheme is not None:
        return scheme() == Qt.ColorScheme.Dark
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def _dark_palette() -> QPalette:
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in ((roles.Window, "#1e2428"), (roles.WindowText, "#e6eaec"),
                         (roles.Base, "#171c1f"), (roles.AlternateBase, "#22292c"),
                         (roles.Text, "#e6eaec"), (roles.Button, "#263035"),
                         (roles.ButtonText, "#e6eaec"), (roles.Highlight, "#42a5f5"),
                         (roles.HighlightedText, "#0d1214"), (roles.ToolTipBase, "#263035"),
                         (roles.ToolTipText, "#e6eaec"), (roles.PlaceholderText, "#8a979e"),
                         (roles.Link, "#90caf9")):
        palette.setColor(role, QColor(colour))
    return palette


def effective_theme() -> str:
    chosen = settings.THEME.get()
    if chosen in ("light", "dark"):
        return chosen
    return "dark" if system_is_dark() else "light"


def apply_theme(app: QApplication) -> str:
    theme = effective_theme()
    app.setStyle("Fusion")
    app.setPalette(_dark_palette() if theme == "dark" else app.style().standardPalette())
    app.setStyleSheet((STYLES / f"{theme}.qss").read_text(encoding="utf-8"))
    return theme

"""The panes of the workspace, one package each; the main window builds them from here.

Each entry: object name (stable, for saved layouts), title, module and class, the dock
area it starts in and its keyboard shortcut. A pane whose module is missing is skipped.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt


@dataclass(frozen=True)
class PaneSpec:
    name: str
    title: str
    module: str
    class_name: str
    area: Qt.DockWidgetArea
    shortcut: str


PANES = (
    PaneSpec("entities", QT_TRANSLATE_NOOP("Panes", "Entities"), "desktop.panes.entities",
             "EntitiesPane", Qt.DockWidgetArea.LeftDockWidgetArea, "Ctrl+1"),
    PaneSpec("documents", QT_TRANSLATE_NOOP("Panes", "Documents"), "desktop.panes.documents",
             "DocumentsPane", Qt.DockWidgetArea.RightDockWidgetArea, "Ctrl+2"),
    PaneSpec("claims", QT_TRANSLATE_NOOP("Panes", "Claims"), "desktop.panes.claims",
             "ClaimsPane", Qt.DockWidgetArea.BottomDockWidgetArea, "Ctrl+3"),
    PaneSpec("network", QT_TRANSLATE_NOOP("Panes", "Network"), "desktop.panes.network",
             "NetworkPane", Qt.DockWidgetArea.RightDockWidgetArea, "Ctrl+4"),
    PaneSpec("timeline", QT_TRANSLATE_NOOP("Panes", "Timeline"), "desktop.panes.timeline",
             "TimelinePane", Qt.DockWidgetArea.BottomDockWidgetArea, "Ctrl+5"),
    PaneSpec("chain", QT_TRANSLATE_NOOP("Panes", "Control chain"), "desktop.panes.chain",
             "ChainPane", Qt.DockWidgetArea.BottomDockWidgetArea, "Ctrl+6"),
)

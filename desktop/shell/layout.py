"""Where the docks go: the first-run arrangement, its proportions, and the saved layout.

The first run puts the article, the entity list and the network side by side on top and
the tabbed claims/timeline/chain strip below at about a third of the height; after that
the person's own arrangement is restored (window geometry and dock state, by the docks'
stable object names).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtWidgets import QMainWindow

from desktop.shell import settings

TOP_SHARES = {"entities": 0.3, "documents": 0.37, "network": 0.33}
BOTTOM_SHARE = 0.32


def arrange_docks(window: QMainWindow) -> None:
    docks = window.docks
    if {"claims", "timeline"} <= docks.keys():
        window.tabifyDockWidget(docks["claims"], docks["timeline"])
    if {"claims", "chain"} <= docks.keys():
        window.tabifyDockWidget(docks["claims"], docks["chain"])
    if {"documents", "network"} <= docks.keys():
        window.splitDockWidget(docks["documents"], docks["network"],
                               Qt.Orientation.Horizontal)
    if "claims" in docks:
        docks["claims"].raise_()


def default_sizes(window: QMainWindow) -> None:
    width, height = window.width(), window.height()
    top = [d for d in (window.docks.get(n) for n in TOP_SHARES) if d is not None]
    window.resizeDocks(top, [int(width * TOP_SHARES[d.objectName()[5:]]) for d in top],
                       Qt.Orientation.Horizontal)
    bottom = [d for d in (window.docks.get(n) for n in ("claims", "timeline", "chain"))
              if d is not None]
    if bottom:
        window.resizeDocks(bottom[:1], [int(height * BOTTOM_SHARE)], Qt.Orientation.Vertical)


def restore(window: QMainWindow) -> None:
    geometry = settings.WINDOW_GEOMETRY.get()
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        window.restoreGeometry(geometry)
    else:
        screen = window.screen().availableGeometry()
        window.resize(min(1500, screen.width() - 40), min(950, screen.height() - 60))
    state = settings.WINDOW_STATE.get()
    if isinstance(state, QByteArray) and not state.isEmpty():
        window.restoreState(state)
    else:
        # Proportions need the window's real size: apply them once it is shown.
        QTimer.singleShot(0, lambda: default_sizes(window))


def save(window: QMainWindow) -> None:
    settings.WINDOW_GEOMETRY.set(window.saveGeometry())
    settings.WINDOW_STATE.set(window.saveState())

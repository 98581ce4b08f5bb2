"""The network from the keyboard: pan, zoom, step through the nodes with Tab, select or
open one with Enter — what the mouse does.

Tab and Shift+Tab go through the nodes most connected first (the order names are given
in when not all fit); past the last one the focus moves on to the next widget, so the
keyboard is never trapped in the picture. The node under the keyboard has a dashed ring
(drawn by the label layer, so stepping never redraws the cached picture), is brought into
view and named first, and is what the canvas tells a screen reader (its accessible
description).

``KEYS`` is what Help ▸ Keyboard Shortcuts lists for this pane.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QKeyEvent

from desktop.shell.tab_steps import tab_step

if TYPE_CHECKING:
    from desktop.panes.network.canvas import GraphCanvas

PAN_STEP = 0.1  # of the view's width or height, per arrow key
ZOOM_STEP = 1.25  # per + or -

KEYS = (  # (keys, what they do), listed in Help ▸ Keyboard Shortcuts
    ("Tab / Shift+Tab", QT_TRANSLATE_NOOP("NetworkKeys",
                                          "Next / previous node, most connected first")),
    ("Enter", QT_TRANSLATE_NOOP("NetworkKeys", "Select the node")),
    ("Shift+Enter", QT_TRANSLATE_NOOP("NetworkKeys",
                                      "Open the node: add its neighbours, or open a group")),
    ("Arrow keys", QT_TRANSLATE_NOOP("NetworkKeys", "Move the view")),
    ("+ / -", QT_TRANSLATE_NOOP("NetworkKeys", "Zoom in / out")),
    ("F", QT_TRANSLATE_NOOP("NetworkKeys", "Fit the whole graph in the view")),
    ("H", QT_TRANSLATE_NOOP("NetworkKeys", "Hide the selected nodes")),
    ("Escape", QT_TRANSLATE_NOOP("NetworkKeys", "Clear the selection")),
)

_ZOOM_IN = {Qt.Key.Key_Plus, Qt.Key.Key_Equal}
_ZOOM_OUT = {Qt.Key.Key_Minus, Qt.Key.Key_Underscore}
_ENTER = {Qt.Key.Key_Return, Qt.Key.Key_Enter}
_PAN = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1),
        Qt.Key.Key_Down: (0, 1)}


def tr(text: str) -> str:
    return QCoreApplication.translate("NetworkKeys", text)


class NetworkKeys(QObject):
    """Installed on a ``GraphCanvas``; ``current`` is the id of the node under the keyboard."""

    def __init__(self, canvas: GraphCanvas):
        super().__init__(canvas)
        self.canvas = canvas
        self.current: str | None = None
        canvas.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt name
        if watched is self.canvas and event.type() == QEvent.Type.KeyPress:
            return self.key(event)
        return False

    def key(self, event: QKeyEvent) -> bool:
        """Handle one key press; False leaves it to Qt (Tab past the last node)."""
        key = event.key()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            return self.step(-1 if key == Qt.Key.Key_Backtab or shift else 1)
        if key in _PAN:
            self.pan(*_PAN[key])
        elif key in _ZOOM_IN or key in _ZOOM_OUT:
            self.zoom(1 / ZOOM_STEP if key in _ZOOM_IN else ZOOM_STEP)
        elif key in _ENTER and self.current is not None:
            if shift:
                self.canvas.sig_node_double_clicked.emit(self.current)
            else:
                self.canvas.sig_node_clicked.emit(self.current, False)
        else:
            return False
        return True

    def order(self) -> list[str]:
        graph = self.canvas.graph
        return [] if graph is None else [graph.ids[row] for row in graph.rank.tolist()]

    def step(self, direction: int) -> bool:
        """The next (1) or previous (-1) node; False past either end (the focus moves on)."""
        node = tab_step(self.order(), self.current, direction)
        self.set_current(node)
        return node is not None

    def set_current(self, node_id: str | None, reveal: bool = True) -> None:
        """Put the keyboard on ``node_id`` (None: on no node); ``reveal``: bring it into
        view."""
        node = self.canvas.nodes.get(node_id) if node_id is not None else None
        self.current = None if node is None else node_id
        self.canvas.setAccessibleDescription("" if node is None else self.describe(node))
        if node is not None and reveal:
            self.canvas.centre_on(node_id)
        self.canvas.label_layer.update()

    def states_changed(self) -> None:
        """A selection or highlight changed: what a screen reader is told follows."""
        node = self.canvas.nodes.get(self.current) if self.current is not None else None
        if node is not None:
            self.canvas.setAccessibleDescription(self.describe(node))

    def redrawn(self) -> None:
        """A new graph: the keyboard stays on the same node if it is still drawn (the view
        stays where the investigator left it)."""
        self.set_current(self.current, reveal=False)

    @staticmethod
    def describe(node) -> str:
        text = node.caption + (f" — {node.note}" if node.note else "")
        if node.selected:
            text += " · " + tr("selected")
        return text

    def pan(self, dx: int, dy: int) -> None:
        rect = self.canvas.viewbox.viewRect()
        rect.translate(rect.width() * PAN_STEP * dx, rect.height() * PAN_STEP * dy)
        self.canvas.viewbox.setRange(rect, padding=0)

    def zoom(self, factor: float) -> None:
        """Show ``factor`` times as much (below 1: zoom in), around the keyboard's node if it
        is in view, else around the middle."""
        rect = self.canvas.viewbox.viewRect()
        node = self.canvas.nodes.get(self.current) if self.current else None
        centre = node.pos() if node is not None and rect.contains(node.pos()) else rect.center()
        zoomed = QRectF(0, 0, rect.width() * factor, rect.height() * factor)
        zoomed.moveCenter(centre)
        self.canvas.viewbox.setRange(zoomed, padding=0)

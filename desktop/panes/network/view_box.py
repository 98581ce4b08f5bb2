"""The network's ViewBox: clicks and drags go to the canvas, which knows what is where.

A click asks the canvas what lies under it (a node, an edge or the background); a drag
that starts on a node moves it; Shift or Ctrl + drag draws a rubber band that selects;
any other drag pans, as in every pyqtgraph view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QGraphicsRectItem

if TYPE_CHECKING:
    from desktop.panes.network.canvas import GraphCanvas


class SelectingViewBox(pg.ViewBox):
    def __init__(self, canvas: GraphCanvas):
        super().__init__(lockAspect=True, invertY=True, enableMenu=False)
        self.canvas = canvas
        self._band: QGraphicsRectItem | None = None
        self._mode = "pan"  # of the drag under way: pan, band or node

    def mouseClickEvent(self, event) -> None:  # pyqtgraph name
        self.canvas.clicked(event)
        if not event.isAccepted():
            event.ignore()

    def mouseDragEvent(self, event, axis=None) -> None:  # pyqtgraph name
        if event.isStart():
            # Decided by the modifiers held at the press (pyqtgraph keeps the press as the
            # scene's first click event): the moves may not repeat them.
            pressed = self.scene().clickEvents[:1]
            modifiers = event.modifiers() | (pressed[0].modifiers() if pressed else
                                             Qt.KeyboardModifier.NoModifier)
            left = event.button() == Qt.MouseButton.LeftButton
            if left and modifiers & (Qt.KeyboardModifier.ShiftModifier
                                     | Qt.KeyboardModifier.ControlModifier):
                self._mode = "band"
            elif left and self.canvas.drag_node(event):
                self._mode = "node"
                return
            else:
                self._mode = "pan"
        if self._mode == "node":
            self.canvas.drag_node(event)
        elif self._mode == "band":
            self._drag_band(event)
        else:
            super().mouseDragEvent(event, axis)

    def _drag_band(self, event) -> None:
        event.accept()
        start = self.mapToView(event.buttonDownPos())
        here = self.mapToView(event.pos())
        rect = QRectF(start, here).normalized()
        if self._band is None:
            self._band = self.canvas.band_item()
            self.addItem(self._band, ignoreBounds=True)
        self._band.setRect(rect)
        if event.isFinish():
            self.removeItem(self._band)
            self._band = None
            self._mode = "pan"
            self.canvas.later(self.canvas.sig_rubber_band, rect)

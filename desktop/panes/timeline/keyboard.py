"""The timeline from the keyboard: pan and zoom through time, step through the events and
links with Tab, select one with Enter, move the "as of" line — what the mouse does.

Tab and Shift+Tab go through the items in time order (then lane); past the last one the
focus moves on to the next widget, so the keyboard is never trapped in the plot. The
item under the keyboard has a dashed ring, is scrolled into view, and is what the plot
tells a screen reader (its accessible description).

``KEYS`` is what Help ▸ Keyboard Shortcuts lists for this pane.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QPen
from PySide6.QtWidgets import QGraphicsRectItem

from db.reads.timeline import EVENT
from desktop.panes.timeline.model import full_label
from desktop.panes.timeline.plot import TimelinePlot, to_x
from desktop.shell.tab_steps import tab_step

PAN_STEP = 0.1  # of the visible time span, per arrow key
ZOOM_STEP = 1.5  # per + or -
AS_OF_STEP_DAYS = 30  # Shift+arrow moves the "as of" line by about a month

KEYS = (  # (keys, what they do), listed in Help ▸ Keyboard Shortcuts
    ("Tab / Shift+Tab", QT_TRANSLATE_NOOP("TimelineKeys", "Next / previous event or link")),
    ("Enter", QT_TRANSLATE_NOOP("TimelineKeys", "Select the event or link")),
    ("Left / Right", QT_TRANSLATE_NOOP("TimelineKeys", "Move back / forward in time")),
    ("+ / -", QT_TRANSLATE_NOOP("TimelineKeys", "Zoom in / out")),
    ("Home", QT_TRANSLATE_NOOP("TimelineKeys", "Show the whole time span")),
    ("Up / Down", QT_TRANSLATE_NOOP("TimelineKeys", "Scroll the lanes")),
    ("Shift+Left / Shift+Right", QT_TRANSLATE_NOOP("TimelineKeys",
                                                   "Move the “as of” date a month")),
    ("A", QT_TRANSLATE_NOOP("TimelineKeys", "Set the “as of” date to the event or link")),
)

_ZOOM_IN = {Qt.Key.Key_Plus, Qt.Key.Key_Equal}
_ZOOM_OUT = {Qt.Key.Key_Minus, Qt.Key.Key_Underscore}
_SELECT = {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space}


class TimelineKeys(QObject):
    """Installed on a ``TimelinePlot``; ``current`` is the id of the item under the keyboard."""

    def __init__(self, plot: TimelinePlot):
        super().__init__(plot)
        self.plot = plot
        self.current: str | None = None
        self.ring = QGraphicsRectItem()
        pen = QPen(plot.palette().highlight().color(), 2, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        self.ring.setPen(pen)
        self.ring.setZValue(200)
        self.ring.hide()
        plot.installEventFilter(self)
        plot.sig_drawn.connect(self._redrawn)
        plot.view_box.sigRangeChanged.connect(lambda *_: self._place_ring())

    # -- events -------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt name
        if watched is self.plot and event.type() == QEvent.Type.KeyPress:
            return self.key(event)
        return False

    def key(self, event: QKeyEvent) -> bool:
        """Handle one key press; False leaves it to Qt (Tab past the last item)."""
        key, shift = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            return self.step(-1 if key == Qt.Key.Key_Backtab or shift else 1)
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            forward = key == Qt.Key.Key_Right
            self.move_as_of(forward) if shift else self.pan(forward)
        elif key in _ZOOM_IN or key in _ZOOM_OUT:
            self.zoom(1 / ZOOM_STEP if key in _ZOOM_IN else ZOOM_STEP)
        elif key == Qt.Key.Key_Home:
            self.plot.view_box.setXRange(*self._bounds(), padding=0.01)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.plot.scroll_to_lane(self.plot.first_lane + (1 if key == Qt.Key.Key_Down else -1))
        elif key in _SELECT and self.current is not None:
            self.plot.sig_item_clicked.emit(self.current)
        elif key == Qt.Key.Key_A and self.current is not None:
            drawn = self._drawn(self.current)
            self._emit_as_of(drawn.item.start_day or drawn.item.end_day)
        else:
            return False
        return True

    # -- moving through items -----------------------------------------------------------------
    def order(self) -> list:
        """The drawn items in the order Tab visits them: by time, then lane."""
        return sorted(self.plot.drawn, key=lambda d: (self.plot.span(d.item)[0], d.lane))

    def step(self, direction: int) -> bool:
        """The next (1) or previous (-1) item; False past either end (the focus moves on)."""
        item = tab_step([d.item.id for d in self.order()], self.current, direction)
        self.set_current(item)
        return item is not None

    def set_current(self, item_id: str | None) -> None:
        self.current = item_id
        drawn = self._drawn(item_id)
        self.plot.keyboard_item = drawn.item.id if drawn is not None else None
        if drawn is None:
            self.current = None
            self.ring.hide()
            self.plot.setAccessibleDescription("")
            return
        self._ensure_visible(drawn)
        self._place_ring()
        self.plot.setAccessibleDescription(self.describe(drawn))

    def describe(self, drawn) -> str:
        kind = self.tr("Event") if drawn.item.kind == EVENT else self.tr("Link")
        text = f"{kind}: {full_label(drawn.item)}"
        if drawn.item.kind != EVENT and drawn.item.unsourced:
            text += " · " + self.tr("UNSOURCED")
        return text

    # -- time ---------------------------------------------------------------------------------
    def pan(self, forward: bool) -> None:
        low, high = self.plot.view_box.viewRange()[0]
        shift = (high - low) * PAN_STEP * (1 if forward else -1)
        self.plot.view_box.setXRange(low + shift, high + shift, padding=0)

    def zoom(self, factor: float) -> None:
        """Narrow (factor < 1) or widen the visible span around the current item, else the
        middle of the view."""
        low, high = self.plot.view_box.viewRange()[0]
        drawn = self._drawn(self.current)
        centre = self.plot.span(drawn.item)[0] if drawn else (low + high) / 2
        half = max((high - low) * factor / 2, 86400 * 7 / 2)
        self.plot.view_box.setXRange(centre - half, centre + half, padding=0)

    def move_as_of(self, forward: bool) -> None:
        day = self.plot.as_of or self.plot.last
        day += timedelta(days=AS_OF_STEP_DAYS if forward else -AS_OF_STEP_DAYS)
        self._emit_as_of(min(max(day, self.plot.first), self.plot.last))

    def _emit_as_of(self, day: date | None) -> None:
        if day is None:
            return
        self.plot.set_as_of(day)
        self.plot.sig_as_of_dragged.emit(day)

    # -- drawing ------------------------------------------------------------------------------
    def _drawn(self, item_id: str | None):
        return next((d for d in self.plot.drawn if d.item.id == item_id), None)

    def _bounds(self) -> tuple[float, float]:
        return to_x(self.plot.first), to_x(self.plot.last)

    def _ensure_visible(self, drawn) -> None:
        low, high = self.plot.view_box.viewRange()[0]
        start = self.plot.span(drawn.item)[0]
        if not low <= start <= high:
            half = (high - low) / 2
            self.plot.view_box.setXRange(start - half, start + half, padding=0)
        first, shown = self.plot.first_lane, self.plot.visible_lanes
        if not first <= drawn.lane < first + shown:
            self.plot.scroll_to_lane(max(drawn.lane - shown // 2, 0))

    def _redrawn(self) -> None:
        """The plot drew its items anew: the ring stays on the same item if it is still
        there."""
        if self.ring.scene() is None:
            self.plot.plot_item.addItem(self.ring, ignoreBounds=True)
        self.set_current(self.current)

    def _place_ring(self) -> None:
        drawn = self._drawn(self.current)
        if drawn is None:
            self.ring.hide()
            return
        self.plot.layout_labels()  # its label goes first now
        self.ring.setRect(self.plot.item_rect(drawn))
        self.ring.show()

"""The timeline plot: events as diamonds, dated links as bars, and the draggable "as of" line.

x is days as UTC timestamps (so pyqtgraph's DateAxisItem labels them), y is the lane.
A partial date is drawn honestly: a link that started "in 2022" has a pale stretch over
2022 (it may have started any day of it) and is solid from 2023; an event "in 2022" is a
diamond on 2022-01-01 with a thin whisker to the year's end. A link with no end runs to
the right edge and fades out. Items not in force at the "as of" date are drawn faded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QTransform
from PySide6.QtWidgets import QToolTip, QWidget

from db.reads.timeline import EVENT, TimelineItem
from desktop.panes.timeline import label_layout
from desktop.panes.timeline.items_layer import (
    BAR_HALF,
    DIAMOND_PX,
    FADED,
    TimelineItemsLayer,
    alpha,
)
from desktop.panes.timeline.lanes import pack_lanes
from desktop.panes.timeline.prepared import PreparedTimeline, prepare, span, to_day, to_x

AS_OF_COLOR = QColor("#00897b")
LABEL_GAP_PX = 24  # free space after a label before the next item in its lane
LANE_PX = 40  # height of a lane (a label over a bar) when there is room
LANE_PX_MIN = 26  # tighter than this and labels touch: show fewer lanes, scroll for more
TOP_MARGIN = 1.3  # lanes of room above lane 0 (its label, and the "as of" line's label)


@dataclass
class Drawn:
    """Where one item is drawn, for fading, highlighting, labels and hit-testing."""

    item: TimelineItem
    start: float = 0.0  # x of where it starts, is surely in force, ends
    certain: float = 0.0
    end: float = 0.0
    colour: int = 0  # index in items_layer.PALETTE
    sort_key: tuple = ()
    lane: int = 0
    flipped: bool = False  # label drawn left of the item (it would run off the edge)
    text: str = ""  # its label, plain text
    anchor: float = 0.0  # x its label starts at (ends at, flipped)
    order: int = 0  # place in time order (ties of importance go to the earlier)
    in_force: bool = True  # at the "as of" date; faded when not
    bold: bool = False  # an item of the selected entity
    label_rect: QRectF | None = None  # view units; None: crowded out or off screen

    @property
    def tooltip(self) -> str:
        return self.item.provenance


class TimelinePlot(pg.PlotWidget):
    sig_item_clicked = Signal(str)  # item id
    sig_as_of_dragged = Signal(object)  # datetime.date, when a drag of the line ends
    sig_lanes_fitted = Signal(int, int)  # lanes in view, lanes in all
    sig_drawn = Signal()  # the items were drawn anew (after a clear)

    def __init__(self, parent: QWidget | None = None):
        axis = pg.DateAxisItem(orientation="bottom", utcOffset=0)
        super().__init__(parent, axisItems={"bottom": axis})
        self.plot_item = self.getPlotItem()
        self.plot_item.hideAxis("left")
        self.plot_item.hideButtons()
        self.plot_item.setMenuEnabled(False)
        self.plot_item.showGrid(x=True, y=False, alpha=0.12)
        self.axis = axis
        self.view_box = self.plot_item.getViewBox()
        self.view_box.invertY(True)
        # Wheel and drag move through time; lanes scroll with the pane's scroll bar.
        self.view_box.setMouseEnabled(x=True, y=False)
        self.drawn: list[Drawn] = []
        self.first, self.last = date(2000, 1, 1), date.today()
        self.as_of: date | None = None
        self.highlight: str | None = None
        self.lanes = 0
        self.visible_lanes = 0
        self.first_lane = 0
        self.as_of_line = pg.InfiniteLine(
            angle=90, movable=True, pen=pg.mkPen(AS_OF_COLOR, width=2),
            hoverPen=pg.mkPen(AS_OF_COLOR, width=4), label="",
            labelOpts={"position": 0.03, "color": AS_OF_COLOR, "movable": False})
        self.as_of_line.setZValue(100)
        self.as_of_line.setToolTip(self.tr("Drag to see the case as it stood on that day"))
        self.as_of_line.sigPositionChanged.connect(self._line_moved)
        self.as_of_line.sigPositionChangeFinished.connect(self._line_released)
        self.scene().sigMouseClicked.connect(self._scene_clicked)
        self.layer = TimelineItemsLayer(self)
        self.plot_item.addItem(self.layer, ignoreBounds=True)
        self.plot_item.addItem(self.as_of_line)
        self.keyboard_item: str | None = None  # set by the keyboard: its label goes first
        self._relayout = QTimer(self, singleShot=True, interval=120)
        self._relayout.timeout.connect(self._draw)
        self._metrics = QFontMetrics(self.font())
        self.view_box.sigRangeChanged.connect(lambda *_: self.layout_labels())
        self.apply_palette()

    def apply_palette(self) -> None:
        """Colours from the palette: at start and on every live theme switch."""
        palette = self.palette()
        self._text_color = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        self.setBackground(base)
        self.axis.setTextPen(self._text_color)
        self.axis.setPen(self._text_color)
        self.as_of_line.label.fill = pg.mkBrush(alpha(base, 210))
        self.layer.update()
        self.viewport().update()

    def changeEvent(self, event) -> None:  # Qt name: a live theme switch repaints at once
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange) \
                and "_metrics" in self.__dict__:  # not while pyqtgraph is still building
            self.apply_palette()

    # -- data ---------------------------------------------------------------------------------------
    def set_items(self, items: list[TimelineItem], first: date, last: date) -> None:
        self.set_prepared(prepare(items, first, last))

    def set_prepared(self, prepared: PreparedTimeline) -> None:
        """Show items prepared on the worker (``prepared.prepare``)."""
        self.first, self.last = prepared.first, prepared.last
        self.drawn = [Drawn(p.item, p.start, p.certain, p.end, p.colour, p.sort_key,
                            text=p.text, anchor=p.start) for p in prepared.items]
        self._draw()

    def set_as_of(self, as_of: date | None) -> None:
        """Move the line to ``as_of`` (None: the right edge, "any date"); no signal."""
        self.as_of = as_of
        self.as_of_line.blockSignals(True)
        self.as_of_line.setValue(to_x(as_of if as_of is not None else self.last))
        self.as_of_line.blockSignals(False)
        self._show_as_of(as_of)

    def set_highlight(self, entity_id: str | None) -> None:
        self.highlight = entity_id
        self._style_all(self.as_of)

    # -- drawing ------------------------------------------------------------------------------------
    def _draw(self) -> None:
        """Lanes for the items at this width, and the layer's arrays from them: no graphics
        items are made or removed, however many items there are."""
        x0, x1 = to_x(self.first), to_x(self.last)
        width_px = max(self.view_box.width(), 400.0)
        seconds_per_px = (x1 - x0) / width_px
        placed = []
        for drawn in self.drawn:
            start, end = drawn.start, drawn.end
            label = (self._metrics.horizontalAdvance(drawn.text) + LABEL_GAP_PX
                     ) * seconds_per_px
            # A label that would run off the right edge goes left of its item instead.
            # (If it fits on neither side, it goes where there is more room.)
            drawn.flipped = start + label > x1 and start - x0 > x1 - start
            extent = (start - label, end) if drawn.flipped else (start, max(end, start + label))
            placed.append((drawn.sort_key[0], extent, drawn))
        placed.sort(key=lambda p: p[2].sort_key)
        # Events in the top lanes, relationships in the lanes below them.
        events = [extent for is_link, extent, _ in placed if not is_link]
        lanes = pack_lanes(events)
        first_link_lane = max(lanes, default=-1) + 1
        lanes += [first_link_lane + lane for lane in
                  pack_lanes([extent for is_link, extent, _ in placed if is_link])]
        for order, ((_, _, drawn), lane) in enumerate(zip(placed, lanes, strict=True)):
            drawn.lane, drawn.order = lane, order
        self.lanes = 1 + max((d.lane for d in self.drawn), default=-1)
        self.layer.set_arrays(
            [d.start for d in self.drawn], [d.certain for d in self.drawn],
            [d.end for d in self.drawn], [d.lane for d in self.drawn],
            [d.colour for d in self.drawn],
            [d.item.kind == EVENT for d in self.drawn],
            [d.item.kind != EVENT and d.item.end_day is None for d in self.drawn])
        self.view_box.setLimits(xMin=x0 - (x1 - x0), xMax=x1 + (x1 - x0),
                                minXRange=86400 * 7)
        self.view_box.setXRange(x0, x1, padding=0.01)
        self._fit_lanes()
        self.set_as_of(self.as_of)
        self.sig_drawn.emit()

    def _fit_lanes(self) -> None:
        """Lanes share the height (between LANE_PX_MIN and LANE_PX); the rest scrolls."""
        height = max(self.view_box.height(), 60.0)
        wanted = self.lanes + TOP_MARGIN  # above lane 0: its label and the line's label
        lane_px = min(max(height / wanted, LANE_PX_MIN), LANE_PX)
        span = height / lane_px
        self.visible_lanes = max(int(span - TOP_MARGIN + 0.25), 1)
        self.first_lane = max(0, min(self.first_lane, self.lanes - self.visible_lanes))
        top = self.first_lane - TOP_MARGIN
        self.view_box.setYRange(top, top + span, padding=0)
        self.sig_lanes_fitted.emit(self.visible_lanes, self.lanes)

    def scroll_to_lane(self, lane: int) -> None:
        """Show lanes from ``lane`` down (the pane's scroll bar calls this)."""
        self.first_lane = lane
        self._fit_lanes()

    def span(self, item: TimelineItem) -> tuple[float, float]:
        """Where an item is drawn on the time axis: (start, end) in x."""
        return span(item, self.last)

    # -- labels -------------------------------------------------------------------------------
    def layout_labels(self) -> None:
        """Place the labels for the current view (after a change, pan, zoom or resize)."""
        if "layer" not in self.__dict__:
            return  # pyqtgraph is still building
        label_layout.layout(self.drawn, self.font(), self.view_box.viewPixelSize(),
                            self.view_box.viewRange(), self.keyboard_item, BAR_HALF)
        self.layer.update()

    def paint_labels(self, painter: QPainter, transform: QTransform) -> None:
        label_layout.paint(painter, transform, self.drawn, self.font(), self._text_color,
                           FADED)

    def labels(self) -> dict[str, str]:
        """The labels a person sees now, by item id (crowded-out ones left out)."""
        return {d.item.id: d.text for d in self.drawn if d.label_rect is not None}

    def item_rect(self, drawn: Drawn) -> QRectF:
        """Where an item and its label are, in view units."""
        start, end = drawn.start, drawn.end
        pixel_x, _ = self.view_box.viewPixelSize()
        if drawn.item.kind == EVENT:
            start, end = start - DIAMOND_PX * pixel_x, max(end, start + DIAMOND_PX * pixel_x)
        rect = QRectF(start, drawn.lane - 0.2, end - start, 0.4)
        return rect.united(drawn.label_rect) if drawn.label_rect is not None else rect

    # -- "as of" ------------------------------------------------------------------------------------
    def _show_as_of(self, as_of: date | None) -> None:
        line = self.as_of_line
        if as_of is None:
            line.setPen(pg.mkPen(AS_OF_COLOR, width=2, style=Qt.PenStyle.DashLine))
            line.label.setFormat(self.tr("any date — drag to choose"))
        else:
            line.setPen(pg.mkPen(AS_OF_COLOR, width=2))
            line.label.setFormat(self.tr("as of {date}").format(date=as_of.isoformat()))
        self._style_all(as_of)

    def _style_all(self, as_of: date | None) -> None:
        for drawn in self.drawn:
            drawn.in_force = drawn.item.in_force(as_of)
            drawn.bold = self.highlight is not None and self.highlight in drawn.item.entity_ids
        self.layer.set_in_force([d.in_force for d in self.drawn])
        self.layout_labels()

    def line_day(self) -> date:
        day = to_day(self.as_of_line.value())
        return min(max(day, self.first), self.last)

    def _line_moved(self) -> None:
        self._show_as_of(self.line_day())  # live preview while dragging

    def _line_released(self) -> None:
        day = self.line_day()
        self.as_of = day
        self.sig_as_of_dragged.emit(day)

    # -- clicks -------------------------------------------------------------------------------------
    def item_at(self, scene_pos: QPointF) -> TimelineItem | None:
        """The item whose bar, diamond or label is at ``scene_pos``."""
        point = self.view_box.mapSceneToView(scene_pos)
        for drawn in sorted(self.drawn, key=lambda d: -d.lane):
            if abs(point.y() - drawn.lane) <= 0.6 and self.item_rect(drawn).contains(point):
                return drawn.item
        return None

    def scene_point(self, item_id: str) -> QPointF | None:
        """Where an item's label is, in scene coordinates (to click it)."""
        for drawn in self.drawn:
            if drawn.item.id == item_id and drawn.label_rect is not None:
                return self.view_box.mapViewToScene(drawn.label_rect.center())
        return None

    def viewportEvent(self, event) -> bool:  # Qt name: hovering says whose an item is
        if event.type() == QEvent.Type.ToolTip:
            item = self.item_at(self.mapToScene(event.pos()))
            if item is not None and item.provenance:
                QToolTip.showText(event.globalPos(), item.provenance, self.viewport())
                return True
        return super().viewportEvent(event)

    def _scene_clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        item = self.item_at(event.scenePos())
        if item is not None:
            self.sig_item_clicked.emit(item.id)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if getattr(self, "_relayout", None) is not None and self.drawn:
            self._fit_lanes()
            self._relayout.start()

"""The timeline plot: events as diamonds, dated links as bars, and the draggable "as of" line.

x is days as UTC timestamps (so pyqtgraph's DateAxisItem labels them), y is the lane.
A partial date is drawn honestly: a link that started "in 2022" has a pale stretch over
2022 (it may have started any day of it) and is solid from 2023; an event "in 2022" is a
diamond on 2022-01-01 with a thin whisker to the year's end. A link with no end runs to
the right edge and fades out. Items not in force at the "as of" date are drawn faded.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QLinearGradient, QPalette, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QWidget

from db.partial_date import PartialDate
from db.reads.timeline import EVENT, TimelineItem
from desktop.panes.timeline.lanes import pack_lanes
from desktop.panes.timeline.model import full_label

EVENT_COLOR = QColor("#ef6c00")
LINK_COLORS = {"Ownership": QColor("#1565c0"), "Control": QColor("#b71c1c"),
               "Sanction": QColor("#6a1b9a")}
LINK_COLOR = QColor("#607d8b")
AS_OF_COLOR = QColor("#00897b")
FADED = 0.35
BAR_HALF = 0.13  # half a bar's height, in lanes
LABEL_GAP_PX = 24  # free space after a label before the next item in its lane
LANE_PX = 40  # height of a lane (a label over a bar) when there is room
LANE_PX_MIN = 26  # tighter than this and labels touch: show fewer lanes, scroll for more
TOP_MARGIN = 1.3  # lanes of room above lane 0 (its label, and the "as of" line's label)


def to_x(day: date) -> float:
    return float(calendar.timegm(day.timetuple()))


def to_day(x: float) -> date:
    return datetime.fromtimestamp(x, tz=UTC).date()


@dataclass
class Drawn:
    """The graphics of one item, for fading, highlighting and hit-testing."""

    item: TimelineItem
    lane: int = 0
    parts: list = field(default_factory=list)
    label: pg.TextItem | None = None
    flipped: bool = False  # label drawn left of the item (it would run off the edge)


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
        self._relayout = QTimer(self, singleShot=True, interval=120)
        self._relayout.timeout.connect(self._draw)
        self._metrics = QFontMetrics(self.font())
        self.apply_palette()

    def apply_palette(self) -> None:
        """Colours from the palette: at start and on every live theme switch."""
        palette = self.palette()
        self._text_color = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        self.setBackground(base)
        self.axis.setTextPen(self._text_color)
        self.axis.setPen(self._text_color)
        self.as_of_line.label.fill = pg.mkBrush(_alpha(base, 210))
        for drawn in self.drawn:
            if drawn.label is not None:
                drawn.label.setColor(self._text_color)
        self.viewport().update()

    def changeEvent(self, event) -> None:  # Qt name: a live theme switch repaints at once
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange) \
                and "_metrics" in self.__dict__:  # not while pyqtgraph is still building
            self.apply_palette()

    # -- data ---------------------------------------------------------------------------------------
    def set_items(self, items: list[TimelineItem], first: date, last: date) -> None:
        self.first, self.last = first, last
        self.drawn = [Drawn(item) for item in items if item.dated]
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
        self.plot_item.clear()
        x0, x1 = to_x(self.first), to_x(self.last)
        width_px = max(self.view_box.width(), 400.0)
        seconds_per_px = (x1 - x0) / width_px
        placed = []
        for drawn in self.drawn:
            start, end = self.span(drawn.item)
            label = (self._metrics.horizontalAdvance(full_label(drawn.item)) + LABEL_GAP_PX
                     ) * seconds_per_px
            # A label that would run off the right edge goes left of its item instead.
            # (If it fits on neither side, it goes where there is more room.)
            drawn.flipped = start + label > x1 and start - x0 > x1 - start
            extent = (start - label, end) if drawn.flipped else (start, max(end, start + label))
            placed.append((drawn.item.kind != EVENT, extent, drawn))
        placed.sort(key=lambda p: (p[0], p[2].item.start_day or p[2].item.end_day,
                                   full_label(p[2].item), p[2].item.id))
        # Events in the top lanes, relationships in the lanes below them.
        events = [extent for is_link, extent, _ in placed if not is_link]
        lanes = pack_lanes(events)
        first_link_lane = max(lanes, default=-1) + 1
        lanes += [first_link_lane + lane for lane in
                  pack_lanes([extent for is_link, extent, _ in placed if is_link])]
        for (_, _, drawn), lane in zip(placed, lanes, strict=True):
            drawn.lane = lane
            drawn.parts = []
            if drawn.item.kind == EVENT:
                self._draw_event(drawn)
            else:
                self._draw_link(drawn)
        self.lanes = 1 + max((d.lane for d in self.drawn), default=-1)
        self.plot_item.addItem(self.as_of_line)
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
        start = item.start_day or item.end_day
        if item.kind == EVENT:
            end = item.end_day or _latest(item.start) or start
        else:
            end = item.end_day or self.last
        return to_x(start), to_x(end + timedelta(days=1))

    def _draw_event(self, drawn: Drawn) -> None:
        item, lane = drawn.item, drawn.lane
        start, end = self.span(item)
        if end - start > 2 * 86400:  # a partial date or a period: whisker over it
            whisker = QGraphicsRectItem(QRectF(start, lane - 0.025, end - start, 0.05))
            whisker.setPen(QPen(Qt.PenStyle.NoPen))
            whisker.setBrush(QBrush(_alpha(EVENT_COLOR, 110)))
            self.plot_item.addItem(whisker)
            drawn.parts.append(whisker)
        marker = pg.ScatterPlotItem([start], [lane], symbol="d", size=14,
                                    pen=pg.mkPen(EVENT_COLOR.darker(130)),
                                    brush=pg.mkBrush(EVENT_COLOR))
        self.plot_item.addItem(marker)
        drawn.parts.append(marker)
        self._add_label(drawn, start)

    def _draw_link(self, drawn: Drawn) -> None:
        item, lane = drawn.item, drawn.lane
        color = LINK_COLORS.get(item.schema, LINK_COLOR)
        start, end = self.span(item)
        certain = start
        if item.start is not None and item.start_day is not None:
            certain = min(to_x(_latest(item.start) + timedelta(days=1)), end)
            if certain > start:  # "since 2022": may have begun any day of 2022
                pale = QGraphicsRectItem(QRectF(start, lane - BAR_HALF, certain - start,
                                                2 * BAR_HALF))
                pale.setPen(QPen(Qt.PenStyle.NoPen))
                pale.setBrush(QBrush(_alpha(color, 80)))
                self.plot_item.addItem(pale)
                drawn.parts.append(pale)
        bar = QGraphicsRectItem(QRectF(certain, lane - BAR_HALF, end - certain, 2 * BAR_HALF))
        bar.setPen(QPen(Qt.PenStyle.NoPen))
        if item.end_day is None:  # open-ended: fade out towards the right edge
            gradient = QLinearGradient(0, 0, 1, 0)
            gradient.setCoordinateMode(QLinearGradient.CoordinateMode.ObjectBoundingMode)
            gradient.setColorAt(0.0, color)
            gradient.setColorAt(0.8, color)
            gradient.setColorAt(1.0, _alpha(color, 0))
            bar.setBrush(QBrush(gradient))
        else:
            bar.setBrush(QBrush(color))
        self.plot_item.addItem(bar)
        drawn.parts.append(bar)
        self._add_label(drawn, start)

    def _add_label(self, drawn: Drawn, x: float) -> None:
        text = full_label(drawn.item)
        if drawn.item.kind != EVENT and drawn.item.unsourced:
            text += " · " + self.tr("UNSOURCED")
        label = pg.TextItem(text=text, color=self._text_color,
                            anchor=(1, 1) if drawn.flipped else (0, 1))
        label.setPos(x, drawn.lane - BAR_HALF - 0.02)
        self.plot_item.addItem(label)
        drawn.label = label
        drawn.parts.append(label)
        for part in drawn.parts:  # hovering says whose it is (plain text)
            part.setToolTip(drawn.item.provenance)

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
            opacity = 1.0 if drawn.item.in_force(as_of) else FADED
            linked = self.highlight is not None and self.highlight in drawn.item.entity_ids
            for part in drawn.parts:
                part.setOpacity(opacity)
            if drawn.label is not None:
                font = drawn.label.textItem.font()
                font.setBold(linked)
                drawn.label.setFont(font)

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
        for drawn in sorted(self.drawn, key=lambda d: -d.lane):
            for part in drawn.parts:
                if part.sceneBoundingRect().contains(scene_pos):
                    return drawn.item
        return None

    def scene_point(self, item_id: str) -> QPointF | None:
        """Where an item's label is, in scene coordinates (to click it)."""
        for drawn in self.drawn:
            if drawn.item.id == item_id and drawn.label is not None:
                return drawn.label.sceneBoundingRect().center()
        return None

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


def _latest(partial: str | None) -> date | None:
    parsed = PartialDate.parse(partial)
    return parsed.latest() if parsed else None


def _alpha(color: QColor, alpha: int) -> QColor:
    faded = QColor(color)
    faded.setAlpha(alpha)
    return faded

"""The chain figure: owners above, arrows down to what they hold, each arrow numbered
(the legend under the figure gives its share, dates and evidence, so labels never pile
on one another), controllers emphasised, unsourced steps dashed, disputed ones red —
painted into a QImage.

The picture is laid out in CSS pixels for the width it will print at, then painted at
``SCALE`` times that resolution so it stays sharp on paper. It always fits: boxes
narrow and names wrap/elide rather than run off the edge.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen, QPolygonF

from db.reporting.content import ChainFigure, FigureNode
from desktop.reports.fonts import report_font
from desktop.shell.icons import schema_color

SCALE = 3
BOX_HEIGHT = 46
ROW_GAP = 62
MAX_BOX_WIDTH = 190
GAP = 14
INK = QColor("#1a1a1a")
CONTROL = QColor("#14304f")
UNSOURCED = QColor("#b91c1c")
DISPUTED = QColor("#c2410c")
PARALLEL_SHIFT = 14  # pixels between arrows joining the same two boxes
SUBJECT_FILL = QColor("#e6ebf1")


def figure_size(figure: ChainFigure, width: int) -> tuple[int, int]:
    """(width, height) in CSS pixels of the figure printed ``width`` pixels wide."""
    return width, figure.layers * BOX_HEIGHT + (figure.layers - 1) * ROW_GAP + 24


def _boxes(figure: ChainFigure, width: int) -> dict[str, QRectF]:
    top = figure.layers - 1
    boxes = {}
    for layer in range(figure.layers):
        members = sorted((n for n in figure.nodes if n.layer == layer), key=lambda n: n.order)
        count = max(1, len(members))
        box_width = min(MAX_BOX_WIDTH, (width - GAP * (count + 1)) / count)
        total = count * box_width + (count - 1) * GAP
        left = (width - total) / 2
        y = 12 + (top - layer) * (BOX_HEIGHT + ROW_GAP)
        for index, node in enumerate(members):
            boxes[node.id] = QRectF(left + index * (box_width + GAP), y, box_width, BOX_HEIGHT)
    return boxes


def paint_chain_figure(figure: ChainFigure, width: int) -> QImage:
    width, height = figure_size(figure, width)
    image = QImage(width * SCALE, height * SCALE, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    image.setDotsPerMeterX(int(96 * SCALE / 0.0254))
    image.setDotsPerMeterY(int(96 * SCALE / 0.0254))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.scale(SCALE, SCALE)
    boxes = _boxes(figure, width)
    pairs: dict[frozenset[str], int] = {}
    for edge in figure.edges:
        pairs[frozenset((edge.source, edge.target))] = \
            pairs.get(frozenset((edge.source, edge.target)), 0) + 1
    seen: dict[frozenset[str], int] = {}
    for edge in figure.edges:
        if edge.source in boxes and edge.target in boxes:
            pair = frozenset((edge.source, edge.target))
            index = seen[pair] = seen.get(pair, -1) + 1
            shift = (index - (pairs[pair] - 1) / 2) * PARALLEL_SHIFT
            _edge(painter, boxes[edge.source], boxes[edge.target], edge, shift)
    for node in figure.nodes:
        if node.id in boxes:
            _node(painter, node, boxes[node.id])
    painter.end()
    return image


def _font(pixels: float, bold: bool = False) -> QFont:
    font = report_font()
    font.setPixelSize(max(6, round(pixels)))
    font.setBold(bold)
    return font


def _node(painter: QPainter, node: FigureNode, box: QRectF) -> None:
    color = schema_color(node.schema)
    emphasised = node.controls or node.subject
    painter.setPen(QPen(CONTROL if emphasised else QColor("#8a96a3"), 2.2 if emphasised else 1))
    painter.setBrush(SUBJECT_FILL if node.subject else QColor("white"))
    painter.drawRoundedRect(box, 5, 5)
    painter.fillRect(QRectF(box.left() + 1, box.top() + 6, 4, box.height() - 12), color)
    inner = box.adjusted(10, 4, -6, -4)
    name_font = _font(11.5, bold=node.subject or node.controls)
    metrics = QFontMetricsF(name_font)
    name = node.name
    if metrics.horizontalAdvance(name) > inner.width() * 2:
        name = metrics.elidedText(name, Qt.TextElideMode.ElideRight, inner.width() * 2 - 8)
    painter.setFont(name_font)
    painter.setPen(INK)
    painter.drawText(QRectF(inner.left(), inner.top(), inner.width(), inner.height() - 12),
                     int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                         | Qt.TextFlag.TextWordWrap), name)
    tags = []
    if node.controls:
        tags.append("controls")
    if node.ultimate:
        tags.append("ultimate owner")
    tags.append(node.schema)
    painter.setFont(_font(8.5))
    painter.setPen(QColor("#5f6b78"))
    small = QFontMetricsF(painter.font())
    painter.drawText(QRectF(inner.left(), inner.bottom() - 11, inner.width(), 11),
                     int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                     small.elidedText(" · ".join(tags), Qt.TextElideMode.ElideRight,
                                      inner.width()))


def _edge(painter: QPainter, source: QRectF, target: QRectF, edge, shift: float) -> None:
    start = QPointF(source.center().x() + shift, source.bottom())
    end = QPointF(target.center().x() + shift, target.top())
    if source.top() >= target.bottom():  # a back edge of a circular holding
        start = QPointF(source.center().x() + shift, source.top())
        end = QPointF(target.center().x() + shift, target.bottom())
    color = DISPUTED if edge.disputed else UNSOURCED if edge.unsourced else (
        CONTROL if edge.control else INK)
    pen = QPen(color, 2.2 if edge.disputed else 1.6)
    if edge.unsourced:
        pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.drawLine(start, end)
    angle = math.atan2(end.y() - start.y(), end.x() - start.x())
    head = QPolygonF([end,
                      end - QPointF(math.cos(angle - 0.4) * 9, math.sin(angle - 0.4) * 9),
                      end - QPointF(math.cos(angle + 0.4) * 9, math.sin(angle + 0.4) * 9)])
    painter.setPen(QPen(color, 1))
    painter.setBrush(color)
    painter.drawPolygon(head)
    if not edge.number:
        return
    # The arrow's number in a small disc near the owner's end: the legend says the rest.
    anchor = start + (end - start) * 0.4
    radius = 8.5
    painter.setPen(QPen(color, 1.2))
    painter.setBrush(QColor("white"))
    painter.drawEllipse(anchor, radius, radius)
    painter.setFont(_font(9, bold=True))
    painter.setPen(color)
    painter.drawText(QRectF(anchor.x() - radius, anchor.y() - radius, 2 * radius, 2 * radius),
                     int(Qt.AlignmentFlag.AlignCenter), str(edge.number))

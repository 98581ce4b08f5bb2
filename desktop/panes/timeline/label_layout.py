"""Where the timeline's labels go: most important first, never on top of each other.

Lanes are packed so that at the whole-span zoom every label fits beside its item; zoomed
out, or in a narrow window, labels of one lane would run into each other. Each layout
(after a change, a pan, a zoom or a resize) takes the items on screen in order of
importance — the one under the keyboard, those of the selected entity (bold), those in
force at the "as of" date, then by time — and gives each its label where its lane is
still free; a crowded-out item keeps its bar or diamond, its tooltip and its Tab stop.
Rectangles are in view units (x: seconds, y: lanes), so a pan maps them, not re-lays them.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QTransform

LABEL_PAD_PX = 4.0
LABEL_ABOVE = 0.02  # lanes between a label's baseline box and its bar


@cache
def _metrics(family: str, point_size: float, bold: bool) -> QFontMetricsF:
    font = QFont(family)
    font.setPointSizeF(point_size)
    font.setBold(bold)
    return QFontMetricsF(font)


def label_font(base: QFont, bold: bool) -> QFont:
    font = QFont(base)
    font.setBold(bold)
    return font


def text_width(base: QFont, text: str, bold: bool) -> float:
    return _metrics(base.family(), base.pointSizeF(), bold).horizontalAdvance(text)


def layout(drawn: list, base: QFont, pixel: tuple[float, float],
           view: tuple[tuple[float, float], tuple[float, float]], keyboard: str | None,
           bar_half: float) -> None:
    """Set ``label_rect`` (view units, or None: not shown) on each of ``drawn``."""
    px_x, px_y = pixel
    (left, right), (top, bottom) = view
    height_px = _metrics(base.family(), base.pointSizeF(), False).height()
    order = sorted(drawn, key=lambda d: (d.item.id != keyboard, not d.bold, not d.in_force,
                                        d.order))
    taken: dict[int, list[tuple[float, float]]] = {}
    for d in drawn:
        d.label_rect = None
    for d in order:
        if not top - 1 <= d.lane <= bottom + 1:
            continue
        width = (text_width(base, d.text, d.bold) + LABEL_PAD_PX) * px_x
        x0 = d.anchor - width if d.flipped else d.anchor
        x1 = x0 + width
        if x1 < left or x0 > right:
            continue
        spans = taken.setdefault(d.lane, [])
        if any(a < x1 and x0 < b for a, b in spans):
            continue  # its lane is taken there: the more important label stays
        spans.append((x0, x1))
        low = d.lane - bar_half - LABEL_ABOVE
        d.label_rect = QRectF(x0, low - height_px * px_y, width, height_px * px_y)


def paint(painter: QPainter, transform: QTransform, drawn: list, base: QFont, colour,
          faded: float) -> None:
    """Each shown label as plain text at its place, in device pixels."""
    painter.save()
    painter.setWorldTransform(QTransform())
    painter.setPen(colour)
    for bold in (False, True):
        painter.setFont(label_font(base, bold))
        ascent = _metrics(base.family(), base.pointSizeF(), bold).ascent()
        for d in drawn:
            if d.label_rect is None or d.bold != bold:
                continue
            box = transform.mapRect(d.label_rect)
            painter.setOpacity(1.0 if d.in_force else faded)
            x = box.left() + LABEL_PAD_PX / 2
            painter.drawText(QPointF(x, box.top() + ascent), d.text)
    painter.restore()

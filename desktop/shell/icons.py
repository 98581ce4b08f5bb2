"""Icons and colours, named in one place: each schema recognisable at a glance."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from db.reads.provenance import badge_colour
from resources import ICONS

# Schema (or role, which wins) → (icon file stem, colour used in the network and timeline).
_BY_ROLE = {
    "brand": ("brand", "#c2185b"),
    "facility": ("facility", "#00838f"),
    "state": ("public_body", "#b71c1c"),
}
_BY_SCHEMA = {
    "Person": ("person", "#2e7d32"),
    "Company": ("company", "#1565c0"),
    "Organization": ("organization", "#6a1b9a"),
    "PublicBody": ("public_body", "#b71c1c"),
    "LegalEntity": ("legal_entity", "#455a64"),
    "Asset": ("asset", "#ef6c00"),
    "RealEstate": ("facility", "#00838f"),
    "Vehicle": ("vehicle", "#5d4037"),
    "Airplane": ("vehicle", "#5d4037"),
    "Vessel": ("vehicle", "#5d4037"),
    "Address": ("address", "#757575"),
}
_DEFAULT = ("legal_entity", "#455a64")


def schema_style(schema: str, role: str | None = None) -> tuple[str, str]:
    return _BY_ROLE.get(role or "") or _BY_SCHEMA.get(schema, _DEFAULT)


@cache
def icon(name: str) -> QIcon:
    """An icon by file stem (``resources/icons/NAME.svg``)."""
    return QIcon(str(ICONS / f"{name}.svg"))


_SCHEMA_ICONS: dict[tuple[str, str | None], QIcon] = {}


def schema_icon(schema: str, role: str | None = None) -> QIcon:
    """One QIcon per schema and role: a list asks for it on every paint of every row, and
    a fresh icon renders its SVG again each time."""
    found = _SCHEMA_ICONS.get((schema, role))
    if found is None:
        found = _SCHEMA_ICONS[schema, role] = icon(schema_style(schema, role)[0])
    return found


def schema_color(schema: str, role: str | None = None) -> QColor:
    return QColor(schema_style(schema, role)[1])


def icon_path(name: str) -> str:
    return str(ICONS / f"{name}.svg")


_BADGES: dict[str, QIcon] = {}


def origin_badge(key: str) -> QIcon:
    """A small disc in the colour of a contributor or case of origin."""
    if key not in _BADGES:
        pixmap = QPixmap(12, 12)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor(badge_colour(key)))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(1, 1, 10, 10)
        painter.end()
        _BADGES[key] = QIcon(pixmap)
    return _BADGES[key]

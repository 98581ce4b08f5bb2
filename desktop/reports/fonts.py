"""The report's fonts: DejaVu Sans for Latin, Cyrillic, Greek, Arabic and Hebrew, and
Noto Sans CJK for Korean, Chinese and Japanese (package fonts-noto-cjk) — named
explicitly so a summary prints the same on every machine that has them."""

from __future__ import annotations

from PySide6.QtGui import QFont

FAMILIES = ["DejaVu Sans", "Noto Sans CJK KR", "Noto Sans CJK SC", "Noto Sans CJK JP"]
BODY_POINTS = 9.5


def report_font(points: float = BODY_POINTS) -> QFont:
    font = QFont()
    font.setFamilies(FAMILIES)
    font.setPointSizeF(points)
    font.setStyleStrategy(QFont.StyleStrategy.PreferQuality)
    # No "ﬁ"/"ﬀ" ligatures: text copied out of the PDF must match the excerpt verbatim.
    font.setFeature(QFont.Tag("liga"), 0)
    return font

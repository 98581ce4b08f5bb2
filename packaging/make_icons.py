"""Render the application icon (resources/icons/app.svg) at the sizes each platform asks
for: the freedesktop hicolor PNGs, a Windows .ico and a macOS .icns. Run with the venv's
Python after changing the SVG; the outputs are committed (a few kilobytes each).

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icons.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
APP_ID = "org.casefileexplorer.CaseFileExplorer"
SVG = ROOT / "resources" / "icons" / "app.svg"
LINUX_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICONS = ROOT / "packaging" / "icons"


def render(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    return image


def main() -> int:
    QGuiApplication(sys.argv[:1])
    hicolor = ICONS / "hicolor"
    for size in LINUX_SIZES:
        folder = hicolor / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        render(size).save(str(folder / f"{APP_ID}.png"))
    scalable = hicolor / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    (scalable / f"{APP_ID}.svg").write_bytes(SVG.read_bytes())
    # Windows wants every size in one .ico (Pillow, which pytesseract brings, writes it);
    # Qt's icns writer takes the largest image and macOS scales it.
    from PIL import Image

    largest = Image.open(hicolor / "256x256" / "apps" / f"{APP_ID}.png")
    largest.save(ICONS / "casefile.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    if not render(512).save(str(ICONS / "casefile.icns"), "ICNS"):
        raise SystemExit("no ICNS writer (Qt imageformats plugin qicns)")
    print(f"icons written under {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

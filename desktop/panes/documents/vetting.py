"""Has this file been read safely before it is drawn? Vetting on the thread pool.

The page view never gives a document's bytes to QtPdf or QImage straight away: a
limited child process draws every page first (``db.extract.vet_for_view``), run from
the thread pool so the GUI never waits on it. The verdict is kept per SHA-256 for the
session; a scan's images are decoded off the GUI thread too, once vetted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage, QImageReader
from PySide6.QtWidgets import QWidget

from db.extract import IMAGE_MIMES, ExtractionError, vet_for_view
from desktop.shell.worker import run_task


@dataclass
class Verdict:
    sha256: str
    safe: bool
    reason: str = ""
    images: list[QImage] = field(default_factory=list)


_verdicts: dict[str, tuple[bool, str]] = {}


def vet(parent: QWidget, sha256: str, mime_type: str, data: bytes,
        on_done: Callable[[Verdict], None]) -> None:
    """Vet ``data`` (unless already vetted this session); ``on_done`` on the GUI thread."""
    known = _verdicts.get(sha256)
    if known is not None and mime_type not in IMAGE_MIMES:
        on_done(Verdict(sha256, *known))
        return

    def work(_progress) -> Verdict:
        if known is None:
            try:
                vet_for_view(mime_type, data)
            except ExtractionError as error:
                return Verdict(sha256, False, str(error))
        elif not known[0]:
            return Verdict(sha256, *known)
        images = _decode(data) if mime_type in IMAGE_MIMES else []
        if mime_type in IMAGE_MIMES and not images:
            return Verdict(sha256, False, "the image could not be decoded")
        return Verdict(sha256, True, "", images)

    def done(verdict: Verdict) -> None:
        _verdicts[sha256] = (verdict.safe, verdict.reason)
        on_done(verdict)

    run_task(parent, "", work, done,
             lambda message: done(Verdict(sha256, False, message)), show_progress=False)


def _decode(data: bytes) -> list[QImage]:
    """Every frame of a vetted image (a multi-page TIFF has several)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    images = []
    while True:
        image = reader.read()
        if image.isNull():
            break
        images.append(image)
        if not reader.jumpToNextImage():
            break
    buffer.close()
    return images

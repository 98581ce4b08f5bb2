"""A PDF's pages or a scan's images as they look, with claims drawn where they are.

Nothing reaches QtPdf or QImage before it was vetted: the pane first has the bytes read
by a limited child process (``db.extract.vet_for_view``) on the thread pool, and only a
file that passed is loaded here (``load_pdf``/``load_images``). A file that failed shows
"could not be rendered safely" with its SHA-256, its bytes still exportable.

Over the pages: each claim's rectangles in its status colour, find results, and the
passage being selected. Dragging over words selects a passage of the text (the word
boxes PDF text or OCR recorded map points to characters), so a claim can be made here.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions, QPdfPageRenderer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from db.anchors import rects_for_span
from db.reads.document_pages import ClaimRects, PageBoxes
from desktop.panes.documents.text_view import FIND_COLOUR, STATUS_COLOURS

MARGIN, GAP = 10, 10
CACHED_PAGES = 8  # drawn pages kept; the oldest drawn is dropped first
SELECTION_COLOUR = QColor(30, 136, 229, 90)


class PageCanvas(QWidget):
    """Every page stacked, fitted to the width; pages drawn (and cached) when visible."""

    sig_selection_changed = Signal()
    sig_claim_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("page_canvas")
        self.setMouseTracking(False)
        self.pdf: QPdfDocument | None = None
        self.images: list[QImage] = []
        self.pages: list[PageBoxes] = []  # geometry: sizes and word boxes, 1 per page
        self.claims: list[ClaimRects] = []
        self.current_claim: str | None = None
        self.find_rects: list[list[float]] = []
        self.selection: tuple[int, int] | None = None
        self._anchor: tuple[int, int] | None = None  # (page, box index) where a drag began
        self._cache: dict[int, QImage] = {}
        self._asked: set[int] = set()  # pages being drawn by the renderer's thread
        # QtPdf draws PDF pages on its own thread: a page can take 100+ ms to draw.
        self.renderer = QPdfPageRenderer(self)
        self.renderer.setRenderMode(QPdfPageRenderer.RenderMode.MultiThreaded)
        self.renderer.pageRendered.connect(self._rendered)
        self._tops: list[float] = []
        self._scales: list[float] = []

    # -- content --------------------------------------------------------------------------
    def set_source(self, pdf: QPdfDocument | None, images: list[QImage],
                   pages: list[PageBoxes]) -> None:
        self.pdf, self.images, self.pages = pdf, images, pages
        self.selection, self.find_rects, self._cache, self._asked = None, [], {}, set()
        self.renderer.setDocument(pdf)
        self.relayout(self.width())

    def page_count(self) -> int:
        return len(self.pages)

    def relayout(self, width: int) -> None:
        self._tops, self._scales = [], []
        y = MARGIN
        usable = max(100, width - 2 * MARGIN)
        for page in self.pages:
            scale = usable / max(page.width, 1.0)
            self._tops.append(y)
            self._scales.append(scale)
            y += page.height * scale + GAP
        self._cache, self._asked = {}, set()
        self.setFixedHeight(int(y + MARGIN - GAP) if self.pages else 0)
        self.update()

    def page_rect(self, index: int) -> QRectF:
        page = self.pages[index]
        scale = self._scales[index]
        return QRectF(MARGIN, self._tops[index], page.width * scale, page.height * scale)

    def _image(self, index: int) -> QImage:
        """The page drawn at its current size; a null image while QtPdf is drawing it."""
        if index not in self._cache:
            size = self.page_rect(index).size().toSize()
            if self.pdf is not None:
                if index not in self._asked:
                    self._asked.add(index)
                    self.renderer.requestPage(index, QSize(max(1, size.width()),
                                                           max(1, size.height())),
                                              QPdfDocumentRenderOptions())
                return QImage()
            if index < len(self.images):
                image = self.images[index].scaled(size, Qt.AspectRatioMode.IgnoreAspectRatio,
                                                  Qt.TransformationMode.SmoothTransformation)
            else:
                image = QImage()
            self._keep(index, image)
        return self._cache[index]

    def is_drawn(self, index: int) -> bool:
        """Whether page ``index`` (0-based) has its image (QtPdf draws in the background)."""
        return not self._cache.get(index, QImage()).isNull()

    def _keep(self, index: int, image: QImage) -> None:
        self._cache[index] = image
        while len(self._cache) > CACHED_PAGES:  # a page at screen width is ~10 MB
            del self._cache[next(iter(self._cache))]

    def _rendered(self, index: int, size: QSize, image: QImage, _options, _request) -> None:
        self._asked.discard(index)
        if (self.pdf is None or index >= len(self.pages)
                or size != self.page_rect(index).size().toSize()):
            return  # drawn for a size or document no longer shown
        self._keep(index, image)
        self.update(self.page_rect(index).toAlignedRect())

    # -- drawing --------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # Qt override
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().window())
        for index in range(len(self.pages)):
            area = self.page_rect(index)
            if not area.intersects(QRectF(event.rect())):
                continue
            painter.fillRect(area, Qt.GlobalColor.white)
            image = self._image(index)
            if not image.isNull():
                painter.drawImage(area.topLeft(), image)
            painter.setPen(QPen(QColor(0, 0, 0, 60)))
            painter.drawRect(area)
            self._paint_overlays(painter, index)
        painter.end()

    def _paint_overlays(self, painter: QPainter, index: int) -> None:
        number = index + 1
        painter.setPen(Qt.PenStyle.NoPen)
        for claim in self.claims:
            colour = QColor(STATUS_COLOURS.get(claim.status, STATUS_COLOURS["unverified"]))
            if claim.id == self.current_claim:
                colour.setAlpha(min(255, colour.alpha() * 2 + 40))
            for rect in claim.rects:
                if int(rect[0]) == number:
                    painter.fillRect(self._to_widget(index, rect), colour)
        for rect in self.find_rects:
            if int(rect[0]) == number:
                painter.fillRect(self._to_widget(index, rect), FIND_COLOUR)
        for rect in self.selection_rects():
            if int(rect[0]) == number:
                painter.fillRect(self._to_widget(index, rect), SELECTION_COLOUR)

    def _to_widget(self, index: int, rect: list[float]) -> QRectF:
        scale, top = self._scales[index], self._tops[index]
        return QRectF(MARGIN + rect[1] * scale, top + rect[2] * scale,
                      (rect[3] - rect[1]) * scale, (rect[4] - rect[2]) * scale)

    def claim_rect_on_screen(self, claim_id: str) -> QRectF | None:
        """Where the first rectangle of a claim is drawn (for scrolling to it, and tests)."""
        for claim in self.claims:
            if claim.id == claim_id and claim.rects:
                rect = claim.rects[0]
                return self._to_widget(int(rect[0]) - 1, rect)
        return None

    # -- selecting ------------------------------------------------------------------------
    def selection_rects(self) -> list[list[float]]:
        if self.selection is None:
            return []
        return rects_for_span([(p.page, p.boxes) for p in self.pages], *self.selection)

    def _box_at(self, point: QPointF) -> tuple[int, int] | None:
        """(page index, box index) of the word nearest ``point`` on the page under it."""
        for index in range(len(self.pages)):
            area = self.page_rect(index)
            if not (area.top() <= point.y() <= area.bottom()):
                continue
            scale = self._scales[index]
            x, y = (point.x() - MARGIN) / scale, (point.y() - area.top()) / scale
            boxes = self.pages[index].boxes
            if not boxes:
                return None
            return index, min(range(len(boxes)), key=lambda i: _distance(boxes[i], x, y))
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:  # Qt override
        if event.button() != Qt.MouseButton.LeftButton:
            return
        self._anchor = self._box_at(event.position())
        self.selection = None
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # Qt override
        if self._anchor is None:
            return
        here = self._box_at(event.position())
        if here is None or here[0] != self._anchor[0]:
            return
        boxes = self.pages[here[0]].boxes
        first, last = sorted((self._anchor[1], here[1]))
        self.selection = (int(boxes[first][0]), int(boxes[last][1]))
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # Qt override
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if self.selection is None and self._anchor is not None:
            claim = self._claim_at(event.position())
            if claim is not None:
                self.current_claim = claim
                self.sig_claim_clicked.emit(claim)
                self.update()
        self._anchor = None
        self.sig_selection_changed.emit()

    def _claim_at(self, point: QPointF) -> str | None:
        for claim in self.claims:
            for rect in claim.rects:
                index = int(rect[0]) - 1
                if 0 <= index < len(self.pages) and self._to_widget(index, rect).contains(point):
                    return claim.id
        return None


def _distance(box: list[float], x: float, y: float) -> float:
    """How far (x, y) is from a word box: the line counts first, then the word on it."""
    dx = max(box[2] - x, 0, x - box[4])
    dy = max(box[3] - y, 0, y - box[5])
    return dy * 4 + dx


class PdfPageView(QStackedWidget):
    """The page canvas in a scroll area, or a message: checking the file, or unsafe."""

    sig_selection_changed = Signal()
    sig_claim_clicked = Signal(str)
    sig_export_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pdf_view")
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.canvas = PageCanvas()
        self.canvas.sig_selection_changed.connect(self.sig_selection_changed)
        self.canvas.sig_claim_clicked.connect(self.sig_claim_clicked)
        self.view = QScrollArea(self)
        self.view.setWidget(self.canvas)
        self.view.setWidgetResizable(False)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.addWidget(self.view)
        self.notice = QWidget(self)
        self.notice_text = QLabel(self.notice)
        self.notice_text.setObjectName("page_notice")
        self.notice_text.setTextFormat(Qt.TextFormat.PlainText)
        self.notice_text.setWordWrap(True)
        self.notice_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_button = QPushButton(self.tr("Export Original File…"), self.notice)
        self.export_button.setObjectName("export_original")
        self.export_button.clicked.connect(self.sig_export_requested)
        layout = QVBoxLayout(self.notice)
        layout.addStretch(1)
        layout.addWidget(self.notice_text)
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        self.addWidget(self.notice)
        self.text = ""

    # -- states ---------------------------------------------------------------------------
    def show_checking(self) -> None:
        self.clear()
        self.notice_text.setText(self.tr("Checking the file before showing its pages…"))
        self.export_button.hide()
        self.setCurrentWidget(self.notice)

    def show_unsafe(self, reason: str, sha256: str) -> None:
        self.clear()
        self.notice_text.setText(self.tr(
            "This file could not be rendered safely: {reason}.\nIts text (if any) is in "
            "Text; its original bytes are kept unchanged.\nSHA-256 {sha256}").format(
            reason=reason, sha256=sha256))
        self.export_button.show()
        self.setCurrentWidget(self.notice)

    def load_pdf(self, data: bytes, pages: list[PageBoxes]) -> bool:
        """Show a PDF that passed vetting; False when QtPdf cannot read it."""
        self.clear()
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        if self.document.status() != QPdfDocument.Status.Ready:
            return False
        self.canvas.set_source(self.document, [], _with_sizes(pages, self.document))
        self.setCurrentWidget(self.view)
        self._fit()
        return True

    def load_images(self, images: list[QImage], pages: list[PageBoxes]) -> None:
        """Show a scan's images (decoded after vetting)."""
        self.clear()
        sizes = [PageBoxes(i + 1, image.width(), image.height(), "ocr", [])
                 for i, image in enumerate(images)]
        self.canvas.set_source(None, images, _merge(sizes, pages))
        self.setCurrentWidget(self.view)
        self._fit()

    def clear(self) -> None:
        self.canvas.set_source(None, [], [])
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None

    # -- what the pane asks ---------------------------------------------------------------
    def page_count(self) -> int:
        return self.canvas.page_count()

    def set_text(self, text: str) -> None:
        self.text = text

    def set_claims(self, claims: list[ClaimRects], current: str | None = None) -> None:
        self.canvas.claims = claims
        self.canvas.current_claim = current
        self.canvas.update()

    def selected_span(self) -> tuple[int, int] | None:
        return self.canvas.selection

    def clear_selection(self) -> None:
        self.canvas.selection = None
        self.canvas.update()

    def go_to_page(self, page: int) -> None:
        """Show 1-based ``page``."""
        if 1 <= page <= self.page_count():
            self.view.verticalScrollBar().setValue(int(self.canvas.page_rect(page - 1).top()))

    def show_claim(self, claim_id: str) -> None:
        self.canvas.current_claim = claim_id
        rect = self.canvas.claim_rect_on_screen(claim_id)
        if rect is not None:
            self.view.ensureVisible(int(rect.center().x()), int(rect.center().y()), 40, 120)
        self.canvas.update()

    def search(self, needle: str) -> None:
        from desktop.panes.documents.find_bar import find_all

        pages = [(p.page, p.boxes) for p in self.canvas.pages]
        self.canvas.find_rects = [rect for start, end in find_all(self.text, needle)
                                  for rect in rects_for_span(pages, start, end)]
        self.canvas.update()

    def resizeEvent(self, event) -> None:  # Qt override
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        width = self.view.viewport().width()
        if width != self.canvas.width():
            self.canvas.setFixedWidth(width)
            self.canvas.relayout(width)


def _with_sizes(pages: list[PageBoxes], document: QPdfDocument) -> list[PageBoxes]:
    sizes = []
    for index in range(document.pageCount()):
        size = document.pagePointSize(index)
        sizes.append(PageBoxes(index + 1, size.width(), size.height(), "pdf", []))
    return _merge(sizes, pages)


def _merge(sizes: list[PageBoxes], stored: list[PageBoxes]) -> list[PageBoxes]:
    """The drawn page sizes with the stored word boxes, scaled if units differ."""
    by_page = {p.page: p for p in stored}
    merged = []
    for size in sizes:
        known = by_page.get(size.page)
        if known is None:
            merged.append(size)
            continue
        factor = size.width / max(known.width, 1e-6)
        boxes = known.boxes if abs(factor - 1) < 1e-3 else [
            [b[0], b[1]] + [v * factor for v in b[2:]] for b in known.boxes]
        merged.append(PageBoxes(size.page, size.width, size.height, known.source, boxes))
    return merged

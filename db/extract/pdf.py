"""The text of a PDF, page by page, with where each word lies on its page (PDFium).

pypdfium2 drives PDFium, the engine QtPdf embeds: the text a claim quotes and the page
the viewer draws come from the same reading of the file. Pages are joined with a form
feed; each page's span and its word boxes (``PageGeometry``) let a claim name its page
and the rectangles of its passage. Runs only in the isolated child (``child.py``).
"""

from __future__ import annotations

from db.extract.base import Extracted, ExtractionError, PageGeometry

# Line breaks PDFium generates ("\r\n") and other control characters become spaces or
# stay newlines with the same length, so character i of a page is PDFium's character i.
_CONTROL = {i: " " for i in range(32) if i != 10}


def open_pdf(data: bytes):
    try:
        import pypdfium2 as pdfium
    except ImportError as error:  # pragma: no cover - pypdfium2 is a dependency
        raise ExtractionError("PDF support is not installed") from error
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        reason = str(error).split(":")[-1].strip().rstrip(".)").lower() or "not a PDF"
        if "password" in reason.lower():
            raise ExtractionError("the PDF is encrypted") from error
        raise ExtractionError(f"the PDF could not be read ({reason})") from error


def pdf_text(data: bytes) -> Extracted:
    document = open_pdf(data)
    parts: list[str] = []
    spans: list[list[int]] = []
    geometry: list[PageGeometry] = []
    offset = 0
    try:
        for index in range(len(document)):
            page = _page(document, index)
            width, height = page.get_size()
            textpage = page.get_textpage()
            count = textpage.count_chars()
            text = textpage.get_text_range(0, count) if count > 0 else ""
            if len(text) != count:  # generated characters do not line up: char by char
                text = "".join(textpage.get_text_range(i, 1)[:1] or " " for i in range(count))
            text = text.translate(_CONTROL)
            if index:
                parts.append("\f")
                offset += 1
            boxes = _word_boxes(textpage, text, offset, height)
            geometry.append(PageGeometry(index + 1, width, height, "pdf", boxes))
            spans.append([offset, offset + len(text)])
            parts.append(text)
            offset += len(text)
            textpage.close()
            page.close()
    finally:
        document.close()
    text = "".join(parts)
    # A page without text is a scanned page (or a blank one): OCR reads it.
    return Extracted(text, "application/pdf", spans, geometry=geometry,
                     needs_ocr=any(not text[a:b].strip() for a, b in spans))


def _page(document, index: int):
    import pypdfium2 as pdfium

    try:
        return document[index]
    except pdfium.PdfiumError as error:
        raise ExtractionError(f"the PDF could not be read (page {index + 1} is broken)") \
            from error


def _word_boxes(textpage, text: str, offset: int, height: float) -> list[list[float]]:
    """[start, end, x0, y0, x1, y1] per word (a run of non-space characters on one line),
    from the page's top left; words, not characters, keep a page's geometry small."""
    boxes: list[list[float]] = []
    current: list[float] | None = None
    for index, character in enumerate(text):
        if character.isspace():
            current = None
            continue
        # Loose boxes: the font's ascent to descent, so a line's words align and a
        # full stop is as tall as the letters before it.
        left, bottom, right, top = textpage.get_charbox(index, loose=True)
        x0, y0, x1, y1 = left, height - top, right, height - bottom
        middle = (y0 + y1) / 2
        if (current is not None and current[3] <= middle <= current[5]
                and -1 <= x0 - current[4] < max(y1 - y0, 1.0)):
            current[1] = offset + index + 1
            current[2], current[3] = min(current[2], x0), min(current[3], y0)
            current[4], current[5] = max(current[4], x1), max(current[5], y1)
        else:
            current = [offset + index, offset + index + 1, x0, y0, x1, y1]
            boxes.append(current)
    return [[round(v, 2) for v in box] for box in boxes]


def vet_pdf(data: bytes, width_px: int = 120) -> dict[str, object]:
    """Draw every page small: what the page view will ask of PDFium, done here first."""
    document = open_pdf(data)
    sizes = []
    try:
        for index in range(len(document)):
            page = _page(document, index)
            width, height = page.get_size()
            sizes.append([width, height])
            bitmap = page.render(scale=width_px / max(width, 1.0))
            bitmap.close()
            page.close()
    finally:
        document.close()
    if not sizes:
        raise ExtractionError("the PDF has no pages")
    return {"pages": sizes}


def render_region(data: bytes, page: int, box: list[float], scale: float) -> bytes:
    """PNG of ``box`` (points, top-left origin) of 1-based ``page``, drawn at ``scale``."""
    import io

    document = open_pdf(data)
    try:
        if not 1 <= page <= len(document):
            raise ExtractionError(f"the PDF has no page {page}")
        pdf_page = document[page - 1]
        x0, y0, x1, y1 = box
        width, height = pdf_page.get_size()
        crop = (max(0.0, x0), max(0.0, height - y1), max(0.0, width - x1), max(0.0, y0))
        image = pdf_page.render(scale=scale, crop=crop).to_pil()
        out = io.BytesIO()
        image.save(out, "PNG")
        return out.getvalue()
    finally:
        document.close()


def render_page(data: bytes, page: int, dpi: int):
    """1-based ``page`` as a PIL image at ``dpi`` (for OCR)."""
    document = open_pdf(data)
    try:
        if not 1 <= page <= len(document):
            raise ExtractionError(f"the PDF has no page {page}")
        return document[page - 1].render(scale=dpi / 72).to_pil()
    finally:
        document.close()

"""Text out of scans with Tesseract, page by page, keeping where each word is.

A scanned registry extract has no text layer; Tesseract reads its page images. Each
page runs in its own isolated child (the scan is untrusted bytes, and Tesseract inherits
the child's limits), so progress is reported and Cancel honoured between pages. Word
boxes are kept as ``PageGeometry`` (source "ocr"), so a claim on OCR text has
rectangles on the page like a claim on a PDF's text layer.
"""

from __future__ import annotations

import re
import shutil
from typing import TYPE_CHECKING

from db.extract.base import Extracted, ExtractionError, PageGeometry
from db.extract.isolated import Limits, run_isolated

DEFAULT_LANGUAGES = ("eng",)
OFFERED_LANGUAGES = ("eng", "rus", "ukr", "kor", "tur", "deu")
OCR_LIMITS = Limits(memory_mb=2048, seconds=180.0)
OCR_DPI = 300

if TYPE_CHECKING:
    from db.core.progress import Progress


class OcrUnavailable(ExtractionError):
    """Tesseract (or a language asked for) is not installed here."""


def installed_languages() -> list[str]:
    """Tesseract's installed languages; empty when Tesseract is not installed."""
    if shutil.which("tesseract") is None:
        return []
    try:
        import pytesseract

        return sorted(x for x in pytesseract.get_languages(config="") if x != "osd")
    except Exception:  # pytesseract missing or tesseract broken: no languages
        return []


def check_languages(languages: list[str] | tuple[str, ...]) -> str:
    """"eng+rus" for Tesseract, or OcrUnavailable saying what is missing and how to fix it."""
    if shutil.which("tesseract") is None:
        raise OcrUnavailable("OCR is not installed (install tesseract-ocr, e.g. "
                             "apt-get install tesseract-ocr tesseract-ocr-eng)")
    wanted = [x.strip() for x in languages if x.strip()] or list(DEFAULT_LANGUAGES)
    bad = [x for x in wanted if not re.fullmatch(r"[a-z_]{3,16}", x)]
    if bad:
        raise OcrUnavailable(f"not a Tesseract language name: {', '.join(bad)}")
    missing = [x for x in wanted if x not in installed_languages()]
    if missing:
        raise OcrUnavailable(f"OCR language not installed: {', '.join(missing)} (install "
                             + " ".join(f"tesseract-ocr-{x}" for x in missing) + ")")
    return "+".join(wanted)


def recognise(file_name: str, data: bytes, extracted: Extracted, languages: list[str],
              progress: Progress | None = None, limits: Limits = OCR_LIMITS) -> Extracted:
    """``extracted`` with the text Tesseract reads on its pages without text (a scan, or
    the scanned pages of a PDF whose other pages have a text layer, which are kept)."""
    tesseract_languages = check_languages(languages)
    parts: list[str] = []
    spans: list[list[int]] = []
    geometry: list[PageGeometry] = []
    offset = 0
    total = len(extracted.geometry)
    old_spans = extracted.pages or [[0, 0]] * total
    for number, page in enumerate(extracted.geometry, 1):
        if number > 1:
            parts.append("\f")
            offset += 1
        start, end = old_spans[number - 1]
        if extracted.text[start:end].strip():  # a text layer: kept, its boxes moved along
            text, source = extracted.text[start:end], page.source
            boxes = [[b[0] - start + offset, b[1] - start + offset, *b[2:]] for b in page.boxes]
        else:
            if progress is not None:
                progress.step(number - 1, total,
                              f"Recognising {file_name}, page {number} of {total}")
            answer = run_isolated("ocr_page", data, {
                "mime": extracted.mime_type, "page": number,
                "languages": tesseract_languages, "dpi": OCR_DPI}, limits)
            text, source = str(answer["text"]), "ocr"
            boxes = [[int(a) + offset, int(b) + offset, *map(float, rest)]
                     for a, b, *rest in answer["boxes"]]
        geometry.append(PageGeometry(number, page.width, page.height, source, boxes))
        spans.append([offset, offset + len(text)])
        parts.append(text)
        offset += len(text)
    properties = dict(extracted.properties)
    properties["ocrLanguages"] = tesseract_languages.split("+")
    return Extracted("".join(parts), extracted.mime_type, spans, extracted.title,
                     properties, geometry, extracted.children, needs_ocr=False)


def ocr_page(data: bytes, mime: str, page: int, languages: str, dpi: int) -> dict:
    """In the child: one page's words, as text and boxes in the page's own unit."""
    import pytesseract

    from db.extract.images import IMAGE_MIMES, open_image
    from db.extract.pdf import render_page

    if mime in IMAGE_MIMES:
        image, unit = open_image(data, page), 1.0
    else:
        image, unit = render_page(data, page, dpi), 72 / dpi
    if image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    try:
        words = pytesseract.image_to_data(image, lang=languages,
                                          output_type=pytesseract.Output.DICT)
    except pytesseract.TesseractNotFoundError as error:
        raise OcrUnavailable("OCR is not installed (install tesseract-ocr)") from error
    except pytesseract.TesseractError as error:
        raise ExtractionError(f"OCR failed ({str(error.message).strip()[:200]})") from error
    return _page_text(words, unit)


def _page_text(words: dict, unit: float) -> dict:
    text = ""
    boxes = []
    last_block = last_line = None
    for index, word in enumerate(words["text"]):
        word = (word or "").strip()
        if not word:
            continue
        block = (words["block_num"][index], words["par_num"][index])
        line = (*block, words["line_num"][index])
        if text:
            text += "\n\n" if block != last_block else "\n" if line != last_line else " "
        last_block, last_line = block, line
        left, top = words["left"][index], words["top"][index]
        right, bottom = left + words["width"][index], top + words["height"][index]
        boxes.append([len(text), len(text) + len(word)]
                     + [round(v * unit, 2) for v in (left, top, right, bottom)])
        text += word
    return {"text": text, "boxes": boxes}

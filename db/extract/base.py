"""What every extractor shares: the result, the one-line error, the file's kind, and
decoding text whose encoding nobody stated."""

from __future__ import annotations

import base64
import mimetypes
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class ExtractionError(Exception):
    """The file's text could not be extracted; the message is one line."""


@dataclass
class PageGeometry:
    """Where the text of one page lies on it: ``boxes`` are [start, end, x0, y0, x1, y1],
    a span of the document's text and its box from the page's top left, in the same
    unit as ``width``/``height`` (points for a PDF, pixels for an image)."""

    page: int  # 1-based
    width: float
    height: float
    source: str = "pdf"  # "pdf" (the text layer) or "ocr"
    boxes: list[list[float]] = field(default_factory=list)


@dataclass
class Attached:
    """A document that came inside another: an e-mail's attachment, a WARC's capture."""

    file_name: str
    data: bytes
    extracted: Extracted
    url: str | None = None
    retrieved: str | None = None  # when it was captured (date)


@dataclass
class Extracted:
    text: str
    mime_type: str
    pages: list[list[int]] | None = None  # [start, end) per page (PDF, scans)
    title: str | None = None
    # What extraction learnt beyond the text ({"key": [values]}): headers, capture URL …
    properties: dict[str, list[str]] = field(default_factory=dict)
    geometry: list[PageGeometry] = field(default_factory=list)
    children: list[Attached] = field(default_factory=list)
    # Pages without a text layer (a scan): their text can only come from OCR.
    needs_ocr: bool = False


def extracted_to_json(extracted: Extracted) -> dict[str, Any]:
    return {"text": extracted.text, "mime_type": extracted.mime_type,
            "pages": extracted.pages, "title": extracted.title,
            "properties": extracted.properties, "needs_ocr": extracted.needs_ocr,
            "geometry": [[g.page, g.width, g.height, g.source, g.boxes]
                         for g in extracted.geometry],
            "children": [{"file_name": c.file_name, "url": c.url, "retrieved": c.retrieved,
                          "data": base64.b64encode(c.data).decode("ascii"),
                          "extracted": extracted_to_json(c.extracted)}
                         for c in extracted.children]}


def extracted_from_json(value: dict[str, Any]) -> Extracted:
    """The child's answer as an ``Extracted``; a malformed answer raises ExtractionError."""
    try:
        return Extracted(
            text=str(value["text"]), mime_type=str(value["mime_type"]),
            pages=[[int(a), int(b)] for a, b in value["pages"]] if value["pages"] else None,
            title=str(value["title"]) if value["title"] else None,
            properties={str(k): [str(x) for x in v]
                        for k, v in (value.get("properties") or {}).items()},
            needs_ocr=bool(value.get("needs_ocr")),
            geometry=[PageGeometry(int(p), float(w), float(h), str(s),
                                   [[float(x) for x in box] for box in boxes])
                      for p, w, h, s, boxes in value.get("geometry") or []],
            children=[Attached(str(c["file_name"]), base64.b64decode(c["data"]),
                               extracted_from_json(c["extracted"]), c.get("url"),
                               c.get("retrieved"))
                      for c in value.get("children") or []])
    except (KeyError, TypeError, ValueError) as error:
        raise ExtractionError("the reader gave a malformed answer") from error


DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
OFFICE_MIMES = frozenset({DOCX_MIME, XLSX_MIME})

MIME_BY_SUFFIX = {
    ".pdf": "application/pdf",
    ".html": "text/html",
    ".htm": "text/html",
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".eml": "message/rfc822",
    ".csv": "text/csv",
    ".json": "application/json",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
    ".docx": DOCX_MIME,
    ".xlsx": XLSX_MIME,
    ".mbox": "application/mbox",
    ".mht": "multipart/related",
    ".mhtml": "multipart/related",
    ".warc": "application/warc",
}
# What the first bytes say, whatever the name.
MAGIC = ((b"%PDF-", "application/pdf"), (b"\x89PNG\r\n\x1a\n", "image/png"),
         (b"\xff\xd8\xff", "image/jpeg"), (b"II*\x00", "image/tiff"),
         (b"MM\x00*", "image/tiff"), (b"WARC/", "application/warc"))


def guess_mime(file_name: str, data: bytes) -> str:
    for magic, mime in MAGIC:
        if data.startswith(magic):
            return mime
    name = file_name.lower()
    if name.endswith((".warc.gz", ".warc")):
        return "application/warc"
    suffix = Path(file_name).suffix.lower()
    if suffix in MIME_BY_SUFFIX:
        return MIME_BY_SUFFIX[suffix]
    head = data[:512].lower()
    if b"<html" in head or b"<!doctype html" in head:
        return "text/html"
    return mimetypes.guess_type(file_name)[0] or "application/octet-stream"


def decode_text(data: bytes) -> str:
    """Bytes of a text file as text, with the encoding detected (UTF-8 first)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # only for text that is not UTF-8

    best = from_bytes(data).best()
    if best is None:
        raise ExtractionError("the text's encoding could not be recognised")
    return str(best)

"""What every extractor shares: the result, the one-line error, the file's kind, and
decoding text whose encoding nobody stated."""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes


class ExtractionError(Exception):
    """The file's text could not be extracted; the message is one line."""


@dataclass
class Extracted:
    text: str
    mime_type: str
    pages: list[list[int]] | None = None  # [start, end) per page, PDF only
    title: str | None = None


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
}


def guess_mime(file_name: str, data: bytes) -> str:
    if data.startswith(b"%PDF-"):
        return "application/pdf"
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
    best = from_bytes(data).best()
    if best is None:
        raise ExtractionError("the text's encoding could not be recognised")
    return str(best)

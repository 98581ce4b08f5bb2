"""The text of a PDF, page by page; the pages' spans let a claim say which page it is on."""

from __future__ import annotations

import io

from db.extract.base import ExtractionError


def pdf_text(data: bytes) -> tuple[str, list[list[int]]]:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as error:  # pragma: no cover - pypdf is a dependency
        raise ExtractionError("PDF support is not installed") from error
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception as error:
                raise ExtractionError("the PDF is encrypted") from error
        # Tabs between words (some PDF producers) become spaces; lengths stay the same.
        page_texts = [(page.extract_text() or "").replace("\f", " ").replace("\t", " ")
                      for page in reader.pages]
    except ExtractionError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        raise ExtractionError(f"the PDF could not be read ({error})") from error
    spans: list[list[int]] = []
    parts: list[str] = []
    offset = 0
    for index, text in enumerate(page_texts):
        if index:
            parts.append("\f")
            offset += 1
        spans.append([offset, offset + len(text)])
        parts.append(text)
        offset += len(text)
    return "".join(parts), spans

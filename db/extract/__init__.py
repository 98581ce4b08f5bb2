"""Text out of the files investigators collect: PDF, scans and images, HTML, MHTML, web
archives (WARC), e-mail (.eml, .mbox), Word and Excel files, plain text, Markdown.

What is extracted here is what claims point into, so it must be deterministic: the
same bytes always give the same text. A PDF's pages are joined with a form feed and
their spans kept, so a claim can say which page it is on, and each word's box on its
page. One module per kind of file; ``extract`` chooses by content and name.

The app never parses a document's bytes in its own process: ``extract_safely`` runs
``extract`` in a limited child process (``isolated.py``).
"""

from __future__ import annotations

from pathlib import Path

from db.extract.base import (
    OFFICE_MIMES,
    Attached,
    Extracted,
    ExtractionError,
    PageGeometry,
    decode_text,
    extracted_from_json,
    guess_mime,
)
from db.extract.html import html_to_text
from db.extract.images import IMAGE_MIMES
from db.extract.isolated import (
    DEFAULT_LIMITS,
    VIEW_LIMITS,
    Limits,
    UnsafeDocument,
    run_isolated,
)

__all__ = ["IMAGE_MIMES", "PAGED_MIMES", "Attached", "Extracted", "ExtractionError", "Limits",
           "PageGeometry", "UnsafeDocument", "decode_text", "extract", "extract_safely",
           "guess_mime", "html_to_text", "saved_page_html", "vet_for_view"]

PDF_MIME = "application/pdf"
# Documents the page view draws: PDFs and scans.
PAGED_MIMES = frozenset({PDF_MIME, *IMAGE_MIMES})

# Kinds read as text; anything else known (archives, …) is refused with its name.
_TEXT_KINDS = ("text/", "application/json")


def extract(file_name: str, data: bytes) -> Extracted:
    """Text of a file by its kind; raises ExtractionError with a one-line reason.

    Parses in this process: call it only inside the isolated child (or on bytes the app
    made itself); everything else calls ``extract_safely``.
    """
    if not data:
        raise ExtractionError("the file is empty")
    mime = guess_mime(file_name, data)
    reader = _READERS.get(mime)
    if reader is not None:
        return reader(file_name, data, mime)
    if mime.startswith(_TEXT_KINDS):
        return Extracted(decode_text(data).replace("\r\n", "\n"), mime)
    if mime != "application/octet-stream":
        raise ExtractionError(f"{Path(file_name).suffix or mime} files are not supported "
                              f"({mime})")
    if b"\x00" in data[:4096]:
        raise ExtractionError(f"{Path(file_name).suffix or 'this'} files are not supported "
                              "(binary content)")
    return Extracted(decode_text(data).replace("\r\n", "\n"), "text/plain")


def extract_safely(file_name: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> Extracted:
    """``extract`` run in a child process with memory and time limits."""
    if not data:
        raise ExtractionError("the file is empty")
    return extracted_from_json(run_isolated("extract", data, {"file_name": file_name},
                                            limits))


def vet_for_view(mime_type: str, data: bytes,
                 limits: Limits = VIEW_LIMITS) -> list[list[float]]:
    """Draw every page in a limited child first; the pages' sizes if all went well.

    What a viewer must call before handing the bytes to QtPdf or an image decoder:
    raises ``ExtractionError`` (``UnsafeDocument`` for a crash or exceeded limits).
    """
    job = "vet_pdf" if mime_type == PDF_MIME else "vet_image"
    return run_isolated(job, data, limits=limits)["pages"]


def saved_page_html(data: bytes, limits: Limits = VIEW_LIMITS) -> str:
    """The HTML page inside an MHTML file, decoded in a limited child (for the page view)."""
    return str(run_isolated("page_html", data, limits=limits)["html"])


def _pdf(file_name: str, data: bytes, mime: str) -> Extracted:
    from db.extract.pdf import pdf_text

    return pdf_text(data)


def _image(file_name: str, data: bytes, mime: str) -> Extracted:
    from db.extract.images import image_document

    return image_document(data, mime)


def _html(file_name: str, data: bytes, mime: str) -> Extracted:
    text, title = html_to_text(decode_text(data))
    return Extracted(text, mime, title=title)


def _mail(file_name: str, data: bytes, mime: str) -> Extracted:
    from db.extract.mail import email_document

    return email_document(data, extract)


def _mbox(file_name: str, data: bytes, mime: str) -> Extracted:
    from db.extract.mail import mbox_document

    return mbox_document(data, extract)


def _warc(file_name: str, data: bytes, mime: str) -> Extracted:
    from db.extract.web import warc_document

    return warc_document(data, extract)


def _office(file_name: str, data: bytes, mime: str) -> Extracted:
    from db.extract.office import OFFICE_READERS

    return OFFICE_READERS[mime](file_name, data, mime)


def _mhtml(file_name: str, data: bytes, mime: str) -> Extracted:
    from db.extract.web import mhtml_document

    return mhtml_document(file_name, data, mime)


def _registry():
    # Readers import their libraries when first used: the child starts for every file.
    readers = {"application/pdf": _pdf, "text/html": _html, "message/rfc822": _mail,
               "application/mbox": _mbox, "multipart/related": _mhtml,
               "application/warc": _warc}
    readers.update(dict.fromkeys(IMAGE_MIMES, _image))
    readers.update(dict.fromkeys(OFFICE_MIMES, _office))
    return readers


_READERS = _registry()

"""Text out of the files investigators collect: PDF, HTML, plain text, Markdown, e-mail.

What is extracted here is what claims point into, so it must be deterministic: the
same bytes always give the same text. A PDF's pages are joined with a form feed and
their spans kept, so a claim can say which page it is on. One module per kind of file;
``extract`` chooses by content and name.
"""

from __future__ import annotations

from pathlib import Path

from db.extract.base import Extracted, ExtractionError, decode_text, guess_mime
from db.extract.html import html_to_text
from db.extract.mail import email_text
from db.extract.pdf import pdf_text

__all__ = ["Extracted", "ExtractionError", "decode_text", "extract", "guess_mime",
           "html_to_text"]

# Kinds read as text; anything else known (images, archives, office files) is refused
# with its name until an extractor for it exists.
_TEXT_KINDS = ("text/", "application/json")


def extract(file_name: str, data: bytes) -> Extracted:
    """Text of a file by its kind; raises ExtractionError with a one-line reason."""
    if not data:
        raise ExtractionError("the file is empty")
    mime = guess_mime(file_name, data)
    if mime == "application/pdf":
        text, pages = pdf_text(data)
        return Extracted(text, mime, pages)
    if mime == "text/html":
        text, title = html_to_text(decode_text(data))
        return Extracted(text, mime, title=title)
    if mime == "message/rfc822":
        text, subject = email_text(data)
        return Extracted(text, mime, title=subject)
    if mime.startswith(_TEXT_KINDS):
        return Extracted(decode_text(data).replace("\r\n", "\n"), mime)
    if mime != "application/octet-stream":
        raise ExtractionError(f"{Path(file_name).suffix or mime} files are not supported "
                              f"({mime})")
    if b"\x00" in data[:4096]:
        raise ExtractionError(f"{Path(file_name).suffix or 'this'} files are not supported "
                              "(binary content)")
    return Extracted(decode_text(data).replace("\r\n", "\n"), "text/plain")

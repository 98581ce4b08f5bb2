"""Text out of the files investigators collect: PDF, HTML, plain text, Markdown, e-mail.

What is extracted here is what claims point into, so it must be deterministic: the
same bytes always give the same text. A PDF's pages are joined with a form feed and
their spans kept, so a claim can say which page it is on.
"""

from __future__ import annotations

import email
import email.policy
import html
import io
import mimetypes
import re
from dataclasses import dataclass
from html.parser import HTMLParser
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


class _HtmlText(HTMLParser):
    """Visible text of an HTML page: no scripts, styles or markup; blocks on new lines."""

    BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
              "section", "article", "header", "footer", "blockquote", "pre", "table"}
    HIDDEN = {"script", "style", "noscript", "template", "head"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.title: str | None = None
        self._in_title = False

    def handle_starttag(self, tag: str, attrs) -> None:  # noqa: ANN001
        if tag in self.HIDDEN:
            self.hidden += 1
        if tag == "title":
            self._in_title = True
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN and self.hidden:
            self.hidden -= 1
        if tag == "title":
            self._in_title = False
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title = (self.title or "") + data.strip()
        if not self.hidden:
            self.parts.append(data)


def html_to_text(markup: str) -> tuple[str, str | None]:
    parser = _HtmlText()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    lines = [re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return html.unescape(text) if "&" in text else text, parser.title


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
            except Exception as error:  # noqa: BLE001
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


def email_text(data: bytes) -> tuple[str, str | None]:
    message = email.message_from_bytes(data, policy=email.policy.default)
    header = "\n".join(f"{key}: {message[key]}" for key in ("From", "To", "Date", "Subject")
                       if message[key])
    body = message.get_body(preferencelist=("plain", "html"))
    content = ""
    if body is not None:
        content = body.get_content()
        if body.get_content_type() == "text/html":
            content = html_to_text(content)[0]
    return f"{header}\n\n{content}".strip(), message["Subject"]


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
    if mime.startswith("text/") or mime == "application/json":
        return Extracted(decode_text(data).replace("\r\n", "\n"), mime)
    if b"\x00" in data[:4096]:
        raise ExtractionError(f"{Path(file_name).suffix or 'this'} files are not supported "
                              "(binary content)")
    return Extracted(decode_text(data).replace("\r\n", "\n"), "text/plain")

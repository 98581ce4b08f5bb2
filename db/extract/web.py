"""Web pages as saved by browsers and crawlers: MHTML and WARC (.warc, .warc.gz).

An MHTML file is a MIME message: its HTML part is decoded by the e-mail parser
(quoted-printable and charset undone), so no ``=E2=80=94`` is left in the text. A WARC
holds HTTP captures: each captured page becomes a document inside the archive's own,
carrying its URL and capture time; the HTTP headers stay out of the text.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from urllib.parse import urlsplit

from db.extract.base import Attached, Extracted, ExtractionError
from db.extract.html import html_to_text
from db.extract.mail import parse_message

MHTML = "multipart/related"
WARC = "application/warc"
MAX_CAPTURES = 500
CAPTURED_KINDS = ("text/html", "application/xhtml+xml", "text/plain", "application/pdf")


def mhtml_html(data: bytes) -> tuple[str, str | None]:
    """The page's HTML (decoded) and the URL it was saved from."""
    message = parse_message(data)
    location = message["Snapshot-Content-Location"]
    for part in message.walk():
        if part.get_content_type() == "text/html":
            try:
                markup = part.get_content()
            except (LookupError, ValueError) as error:
                raise ExtractionError(f"the saved page could not be decoded ({error})") \
                    from error
            return markup, location or part["Content-Location"]
    raise ExtractionError("the MHTML file holds no HTML page")


def mhtml_document(file_name: str, data: bytes, mime: str) -> Extracted:
    markup, location = mhtml_html(data)
    text, title = html_to_text(markup)
    message = parse_message(data)
    properties = {}
    if location:
        properties["url"] = [str(location)]
    if message["Date"]:
        properties["savedAt"] = [str(message["Date"])]
    return Extracted(text, MHTML, title=title or message["Subject"] or None,
                     properties=properties)


def warc_document(data: bytes, extract: Callable[[str, bytes], Extracted]) -> Extracted:
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError as error:  # pragma: no cover - warcio is a dependency
        raise ExtractionError("WARC support is not installed") from error
    children: list[Attached] = []
    lines: list[str] = []
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if record.rec_type not in ("response", "resource"):
                continue
            kind = _content_type(record)
            if not kind.startswith(CAPTURED_KINDS):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            when = record.rec_headers.get_header("WARC-Date") or ""
            payload = record.content_stream().read()
            if not payload:
                continue
            name = _file_name(url, kind)
            try:
                inner = extract(name, payload)
            except ExtractionError:
                continue
            if not inner.title:
                inner.title = url
            inner.properties = {**inner.properties, "url": [url], "capturedAt": [when]}
            children.append(Attached(name, payload, inner, url or None, when[:10] or None))
            lines.append(f"{when}  {url}")
            if len(children) >= MAX_CAPTURES:
                break
    except (ArchiveLoadFailed, ValueError, EOFError, OSError) as error:
        raise ExtractionError(f"the web archive could not be read ({error})") from error
    if not children:
        raise ExtractionError("the web archive holds no captured pages")
    return Extracted("Captured pages:\n" + "\n".join(lines), WARC,
                     title=f"Web archive: {urlsplit(children[0].url or '').netloc or 'pages'}",
                     children=children)


def _content_type(record) -> str:
    if record.http_headers is not None:
        value = record.http_headers.get_header("Content-Type") or ""
    else:
        value = record.rec_headers.get_header("Content-Type") or ""
    return value.split(";")[0].strip().lower()


def _file_name(url: str, kind: str) -> str:
    parts = urlsplit(url)
    stem = re.sub(r"[^\w.-]+", "-", f"{parts.netloc}{parts.path}").strip("-.")[:120] or "page"
    suffix = {"application/pdf": ".pdf", "text/plain": ".txt"}.get(kind, ".html")
    return stem if stem.endswith(suffix) else stem + suffix

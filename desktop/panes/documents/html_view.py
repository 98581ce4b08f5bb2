"""An HTML document rendered as a page, safely: nothing runs, nothing is fetched, no link
opens.

The extracted text (the Text view) is where claims are made; this view only shows how the
page looked. The guards, each enough on its own for its threat:

- ``sanitize_html`` removes scripts, frames, embedded objects, forms' controls, every
  ``on…=`` event handler and every attribute that names a resource (``src``,
  ``background``, ``<link href>``, CSS ``url()``/``@import``) before Qt sees the markup;
  an image becomes its alt text;
- the page is laid out in a ``RefusingDocument``, whose ``loadResource`` answers every
  request with an empty placeholder and never calls Qt's own, which would otherwise
  open a ``file:`` URL itself when the view refused it (a FIFO hangs, ``/dev/zero``
  exhausts memory, ``/etc/passwd`` is read); the browser's ``loadResource`` refuses
  too, and its search paths are empty;
- links never open: a click only reports the URL (``sig_link_clicked``).
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

# Dropped with everything inside them.
DROPPED_WITH_CONTENT = frozenset({
    "script", "noscript", "template", "iframe", "frame", "frameset", "object", "applet",
    "embed", "svg", "math", "select", "textarea", "button", "datalist", "audio", "video",
    "canvas",
})
# Dropped, their content kept: a <form> often wraps a whole page (ASP.NET sites).
DROPPED_TAG_ONLY = frozenset({"form", "fieldset", "base", "meta", "input", "param",
                              "source", "track", "portal", "link", "picture"})
# Attributes that make Qt load something: dropped wherever they appear.
RESOURCE_ATTRIBUTES = frozenset({"src", "srcset", "background", "poster", "data", "lowsrc",
                                 "dynsrc", "codebase", "longdesc", "usemap", "cite"})
_CSS_RESOURCE = re.compile(r"url\s*\([^)]*\)?|@import[^;]*;?|image-set\s*\(", re.IGNORECASE)
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                  "meta", "param", "source", "track", "wbr", "frame"})


class _Sanitizer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skipping = 0
        self.in_style = 0

    def _tag(self, tag: str, attrs, closing: bool) -> str:
        kept = []
        for name, value in attrs:
            if name.startswith("on") or name in RESOURCE_ATTRIBUTES:
                continue  # event handlers (onload=, onerror=…) and resources (src=…)
            if value is not None and name == "style":
                value = _CSS_RESOURCE.sub("none", value)
            if value is not None and name == "href" and tag != "a":
                continue
            kept.append(name if value is None
                        else f'{name}="{html.escape(value, quote=True)}"')
        inner = " ".join([tag, *kept])
        return f"<{inner} />" if closing else f"<{inner}>"

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in DROPPED_WITH_CONTENT:
            if tag not in VOID:
                self.skipping += 1
            return
        if self.skipping or tag in DROPPED_TAG_ONLY:
            return
        if tag == "img":
            self.out.append(_image_text(attrs))
            return
        if tag == "style":
            self.in_style += 1
        self.out.append(self._tag(tag, attrs, closing=False))

    def handle_startendtag(self, tag: str, attrs) -> None:
        if self.skipping or tag in DROPPED_WITH_CONTENT or tag in DROPPED_TAG_ONLY:
            return
        if tag == "img":
            self.out.append(_image_text(attrs))
            return
        self.out.append(self._tag(tag, attrs, closing=True))

    def handle_endtag(self, tag: str) -> None:
        if tag in DROPPED_WITH_CONTENT:
            if tag not in VOID and self.skipping:
                self.skipping -= 1
            return
        if self.skipping or tag in DROPPED_TAG_ONLY or tag in VOID:
            return
        if tag == "style" and self.in_style:
            self.in_style -= 1
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            if self.in_style:
                data = _CSS_RESOURCE.sub("none", data)
            self.out.append(html.escape(data, quote=False))


def _image_text(attrs) -> str:
    """An image is shown as its alt text: nothing to load, still something to read."""
    alt = next((value for name, value in attrs if name == "alt" and value), "")
    return f"[{html.escape(alt, quote=False)}]" if alt else ""


def sanitize_html(markup: str) -> str:
    """``markup`` without scripts, frames, objects, form controls or event handlers."""
    parser = _Sanitizer()
    parser.feed(markup)
    parser.close()
    return "".join(parser.out)


def _placeholder(resource_type: int):
    """A non-null empty answer: Qt falls back to opening the URL itself on a null one."""
    if resource_type == int(QTextDocument.ResourceType.ImageResource.value):
        image = QImage(1, 1, QImage.Format.Format_ARGB32)
        image.fill(0)
        return image
    return " "


class RefusingDocument(QTextDocument):
    """A text document that loads nothing: every resource gets an empty placeholder."""

    def __init__(self, view: HtmlPageView):
        super().__init__(view)
        self.view = view

    def loadResource(self, resource_type: int, url: QUrl):  # Qt override; never super()
        return self.view.refuse(resource_type, url)


class HtmlPageView(QTextBrowser):
    """Read-only rendering of an HTML document; refuses every resource and every link."""

    sig_link_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("html_view")
        self.setAccessibleName(self.tr("Page as published"))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setAcceptDrops(False)
        #: (resource type, URL) of every resource the document asked for, all refused.
        self.requested: list[tuple[int, str]] = []
        #: What loadResource returned for each request (always None: nothing loaded).
        self.returned: list[object] = []
        self.document_id: str | None = None
        self.setSearchPaths([])
        self.setDocument(RefusingDocument(self))
        self.anchorClicked.connect(self._anchor_clicked)

    def show_html(self, document_id: str, markup: str) -> None:
        """Render ``markup`` (sanitized first) as the page of ``document_id``."""
        self.requested.clear()
        self.returned.clear()
        self.document_id = document_id
        self.document().setBaseUrl(QUrl("refused:/"))
        self.setHtml(sanitize_html(markup))

    def show_saved_page(self, document_id: str, data: bytes) -> None:
        """Render the page an MHTML file holds: decoded in a limited child process on the
        thread pool, then shown like any HTML page (sanitized, nothing loaded)."""
        from db.extract import ExtractionError, saved_page_html
        from desktop.shell.worker import run_task

        self.document_id = document_id
        self.setPlainText(self.tr("Reading the saved page…"))

        def work(_progress) -> str:
            try:
                return saved_page_html(data)
            except ExtractionError as error:
                return "<p>" + html.escape(self.tr("The saved page could not be shown: {reason}")
                                           .format(reason=error)) + "</p>"

        def done(markup: str) -> None:
            if self.document_id == document_id:
                self.show_html(document_id, markup)

        run_task(self, "", work, done, show_progress=False)

    def clear_page(self) -> None:
        self.document_id = None
        self.clear()

    def loadResource(self, resource_type: int, url: QUrl):  # Qt override; never super()
        return self.refuse(resource_type, url)

    def refuse(self, resource_type, url: QUrl):
        """Refuse everything: no image, stylesheet or file is loaded, local or remote."""
        kind = int(getattr(resource_type, "value", resource_type))
        self.requested.append((kind, url.toString()))
        answer = _placeholder(kind)
        self.returned.append(answer)
        return answer

    def _anchor_clicked(self, url: QUrl) -> None:
        self.sig_link_clicked.emit(url.toString())

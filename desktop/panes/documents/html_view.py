"""An HTML document rendered as a page, safely: nothing runs, nothing is fetched, no link
opens.

The extracted text (the Text view) is where claims are made; this view only shows how the
page looked. Three guards, each enough on its own for its threat:

- ``sanitize_html`` removes scripts, frames, embedded objects, forms' controls and every
  ``on…=`` event handler before Qt sees the markup (QTextBrowser never runs scripts, but
  their source would otherwise show as text);
- ``loadResource`` refuses every resource (images, stylesheets, anything local or remote)
  and records what was asked for, so a test can prove nothing was loaded;
- links never open: a click only reports the URL (``sig_link_clicked``).
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

# Dropped with everything inside them.
DROPPED_WITH_CONTENT = frozenset({
    "script", "noscript", "template", "iframe", "frame", "frameset", "object", "applet",
    "embed", "svg", "math", "select", "textarea", "button", "datalist", "audio", "video",
    "canvas",
})
# Dropped, their content kept: a <form> often wraps a whole page (ASP.NET sites).
DROPPED_TAG_ONLY = frozenset({"form", "fieldset", "base", "meta", "input", "param",
                              "source", "track", "portal"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                  "meta", "param", "source", "track", "wbr", "frame"})


class _Sanitizer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skipping = 0

    def _tag(self, tag: str, attrs, closing: bool) -> str:
        kept = []
        for name, value in attrs:
            if name.startswith("on"):
                continue  # event handlers: onload=, onclick=, onerror=…
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
        self.out.append(self._tag(tag, attrs, closing=False))

    def handle_startendtag(self, tag: str, attrs) -> None:
        if self.skipping or tag in DROPPED_WITH_CONTENT or tag in DROPPED_TAG_ONLY:
            return
        self.out.append(self._tag(tag, attrs, closing=True))

    def handle_endtag(self, tag: str) -> None:
        if tag in DROPPED_WITH_CONTENT:
            if tag not in VOID and self.skipping:
                self.skipping -= 1
            return
        if self.skipping or tag in DROPPED_TAG_ONLY or tag in VOID:
            return
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.out.append(html.escape(data, quote=False))


def sanitize_html(markup: str) -> str:
    """``markup`` without scripts, frames, objects, form controls or event handlers."""
    parser = _Sanitizer()
    parser.feed(markup)
    parser.close()
    return "".join(parser.out)


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
        self.anchorClicked.connect(self._anchor_clicked)

    def show_html(self, document_id: str, markup: str) -> None:
        """Render ``markup`` (sanitized first) as the page of ``document_id``."""
        self.requested.clear()
        self.returned.clear()
        self.document_id = document_id
        self.setHtml(sanitize_html(markup))

    def clear_page(self) -> None:
        self.document_id = None
        self.clear()

    def loadResource(self, resource_type: int, url: QUrl):  # Qt override
        """Refuse everything: no image, stylesheet or file is loaded, local or remote."""
        self.requested.append((int(getattr(resource_type, "value", resource_type)),
                               url.toString()))
        self.returned.append(None)
        return None

    def _anchor_clicked(self, url: QUrl) -> None:
        self.sig_link_clicked.emit(url.toString())

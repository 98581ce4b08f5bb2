"""The visible text of an HTML page: no scripts, styles or markup; blocks on new lines,
table cells apart (a tab between cells, a row a line: never "Rosatom100%"). Entities are
decoded once, by the parser: "&amp;lt;" stays "&lt;" in the text."""

from __future__ import annotations

import re
from html.parser import HTMLParser


class _HtmlText(HTMLParser):
    """Visible text of an HTML page: no scripts, styles or markup; blocks on new lines."""

    BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
              "section", "article", "header", "footer", "blockquote", "pre", "table",
              "ul", "ol", "dl", "dt", "dd", "nav", "aside", "main", "figure", "figcaption",
              "address", "hr", "caption", "thead", "tbody", "tfoot", "form", "fieldset",
              "details", "summary", "body"}
    CELLS = {"td", "th"}
    HIDDEN = {"script", "style", "noscript", "template", "head"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.title: str | None = None
        self._in_title = False

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self.HIDDEN:
            self.hidden += 1
        if tag == "title":
            self._in_title = True
        if tag in self.BLOCKS:
            self.parts.append("\n")
        if tag in self.CELLS:
            self.parts.append(_CELL)

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
    lines = [_line(line) for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return text, parser.title


_CELL = "\x1f"  # where a table cell starts; a tab between cells once whitespace is folded


def _line(line: str) -> str:
    line = re.sub(r"[ \t\r\f\v\xa0]+", " ", line)
    if _CELL in line:
        cells = [cell.strip() for cell in line.split(_CELL)]
        line = "\t".join(cells[1:] if not cells[0] else cells)
    return line.strip()

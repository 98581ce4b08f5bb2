"""Where a quote is: its rectangles on the page, and a selector that finds it again.

A claim points into a document three ways: the character span of its excerpt in the
extracted text, the rectangles of that passage on the page (from the words' boxes that
PDF text extraction or OCR recorded), and a W3C Web Annotation TextQuoteSelector
(``exact`` with some ``prefix`` and ``suffix``). The span is precise but breaks when
extraction changes (a newer PDF engine, OCR in more languages); the selector lets
``casefile check`` find the quote again and say how far it moved. Qt-free, plain values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

CONTEXT = 32  # characters of prefix and suffix kept in a selector

EXACT, MOVED, REWRAPPED, LOST = "exact", "moved", "rewrapped", "lost"


def quote_selector(text: str, start: int, end: int) -> dict[str, str]:
    """The TextQuoteSelector of ``text[start:end]``."""
    return {"type": "TextQuoteSelector", "exact": text[start:end],
            "prefix": text[max(0, start - CONTEXT):start], "suffix": text[end:end + CONTEXT]}


@dataclass(frozen=True)
class Anchoring:
    """Where a claim's quote is in the current text, and how that differs from its span."""

    status: str  # EXACT, MOVED (same words elsewhere), REWRAPPED (whitespace differs), LOST
    start: int
    end: int
    drift: int  # new start − recorded start (0 when exact or lost)

    def line(self) -> str:
        if self.status == EXACT:
            return "at its recorded position"
        if self.status == LOST:
            return "not found in the document's text"
        where = f"{abs(self.drift)} characters {'later' if self.drift > 0 else 'earlier'}"
        if self.status == MOVED:
            return f"found {where} than recorded"
        return f"found {where} than recorded, with different spacing"


def reanchor(text: str, selector: dict[str, Any] | None, start: int, end: int,
             excerpt: str | None = None) -> Anchoring:
    """Find a claim's quote in ``text``: at its span, else by its selector.

    Several places holding the same words are told apart by how much of the recorded
    prefix and suffix they share, then by nearness to the recorded span.
    """
    exact = (selector or {}).get("exact") or excerpt or ""
    if not exact:
        return Anchoring(LOST, start, end, 0)
    if text[start:end] == exact:
        return Anchoring(EXACT, start, end, 0)
    prefix, suffix = (selector or {}).get("prefix", ""), (selector or {}).get("suffix", "")
    places = [(m.start(), m.end()) for m in re.finditer(re.escape(exact), text)]
    status = MOVED
    if not places:
        loose = r"\s+".join(re.escape(word) for word in exact.split())
        places = [(m.start(), m.end()) for m in re.finditer(loose, text)] if loose else []
        status = REWRAPPED
    if not places:
        return Anchoring(LOST, start, end, 0)

    def score(place: tuple[int, int]) -> tuple[int, int]:
        before = text[max(0, place[0] - len(prefix)):place[0]]
        after = text[place[1]:place[1] + len(suffix)]
        shared = _common_suffix(before, prefix) + _common_prefix(after, suffix)
        return (-shared, abs(place[0] - start))

    best = min(places, key=score)
    return Anchoring(status, best[0], best[1], best[0] - start)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])


def rects_for_span(pages: list[tuple[int, list[list[float]]]], start: int,
                   end: int) -> list[list[float]]:
    """[page, x0, y0, x1, y1] per line of the passage [start, end), from word boxes.

    ``pages`` is (page number, boxes) with boxes [start, end, x0, y0, x1, y1]; a word
    only partly in the passage contributes the share of its width its characters take.
    """
    rects: list[list[float]] = []
    for page, boxes in pages:
        for box_start, box_end, x0, y0, x1, y1 in boxes:
            if box_end <= start or box_start >= end:
                continue
            length = max(box_end - box_start, 1)
            left = x0 + (x1 - x0) * max(0, start - box_start) / length
            right = x1 - (x1 - x0) * max(0, box_end - end) / length
            last = rects[-1] if rects else None
            if (last is not None and last[0] == page
                    and min(last[4], y1) - max(last[2], y0) > 0.5 * min(last[4] - last[2],
                                                                       y1 - y0)
                    and left >= last[1]):
                last[2], last[3] = min(last[2], y0), max(last[3], right)
                last[4] = max(last[4], y1)
            else:
                rects.append([page, left, y0, right, y1])
    return [[int(r[0])] + [round(v, 2) for v in r[1:]] for r in rects]


def bounding_box(rects: list[list[float]], page: int, margin: float = 0.0) -> list[float]:
    """The box around the rectangles of ``page`` (x0, y0, x1, y1), grown by ``margin``."""
    mine = [r for r in rects if int(r[0]) == page]
    return [min(r[1] for r in mine) - margin, min(r[2] for r in mine) - margin,
            max(r[3] for r in mine) + margin, max(r[4] for r in mine) + margin]

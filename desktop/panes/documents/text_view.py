"""The document's extracted text, read-only, with its claims highlighted.

What is shown is exactly the stored ``Document.text`` (a PDF's pages joined with form
feeds, HTML as its extracted text), so a selection here is a claim's span there. Two
details keep positions exact: characters Qt would fold (``\\r``, form feed) are shown as
same-length stand-ins, and characters outside the Basic Multilingual Plane (which Qt
counts twice, in UTF-16) are mapped by ``OffsetMap``.
"""

from __future__ import annotations

import html
from bisect import bisect_left

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from db.reads.documents import ClaimSpan

# Translucent backgrounds by claim status: disputed and refuted stand out.
STATUS_COLOURS = {
    "unverified": QColor(255, 193, 7, 80),
    "corroborated": QColor(67, 160, 71, 80),
    "disputed": QColor(255, 112, 67, 120),
    "refuted": QColor(229, 57, 53, 120),
}
READING_COLUMNS = 110
FIND_COLOUR = QColor(66, 165, 245, 110)
# Beyond this many claims (or find hits) on one document only those on screen are
# highlighted (re-chosen as the text scrolls): painting thousands is slow.
HIGHLIGHTS_AT_ONCE = 500
NEW_CLAIM_SHORTCUT = "Ctrl+Shift+M"  # "Mark passage as a claim"; free in the main window


def legend_html(translate) -> str:
    """Coloured squares naming the claim statuses (constants only, no case data)."""
    parts = []
    for status, colour in STATUS_COLOURS.items():
        solid = QColor(colour)
        solid.setAlpha(255)
        parts.append(f"<span style='color:{solid.name()}'>■</span>&nbsp;"
                     f"{html.escape(translate(status))}")
    return "&nbsp;&nbsp;".join(parts)


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` literally (QToolTip guesses rich text otherwise)."""
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>"


class OffsetMap:
    """Python string index ↔ Qt (UTF-16) document position."""

    def __init__(self, text: str):
        self.astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] \
            if not text.isascii() else []

    def to_qt(self, index: int) -> int:
        return index + bisect_left(self.astral, index) if self.astral else index

    def to_python(self, position: int) -> int:
        if not self.astral:
            return position
        low, high = 0, len(self.astral)
        while low < high:  # how many astral characters start before ``position``
            middle = (low + high) // 2
            if self.astral[middle] + middle < position:
                low = middle + 1
            else:
                high = middle
        return position - low


def display_text(text: str) -> str:
    """The text with same-length stand-ins for what Qt would fold or hide."""
    return text.replace("\r", " ").replace("\f", "\n")


class DocumentTextView(QPlainTextEdit):
    sig_claim_clicked = Signal(str)
    sig_new_claim_requested = Signal()
    sig_find_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("document_text")
        self.setAccessibleName(self.tr("Document text"))
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.document().setDocumentMargin(14)
        self.text = ""
        self.offsets = OffsetMap("")
        self.claims: list[ClaimSpan] = []
        self.current_claim: str | None = None
        self.find_spans: list[tuple[int, int]] = []
        self._press_pos: QPoint | None = None
        self._side_margin = 0
        self.windowed = False  # only the highlights on screen are laid out
        self._window_timer = QTimer(self, singleShot=True, interval=15)
        self._window_timer.timeout.connect(self._apply_selections)
        self.verticalScrollBar().valueChanged.connect(self._rewindow)

    # -- content --------------------------------------------------------------------------
    def set_text(self, text: str, claims: list[ClaimSpan]) -> None:
        self.text = text
        self.offsets = OffsetMap(text)
        self.find_spans = []
        self.current_claim = None
        self.setPlainText(display_text(text))
        self.set_claims(claims)

    def set_claims(self, claims: list[ClaimSpan]) -> None:
        self.claims = claims
        self._apply_selections()

    def set_find_spans(self, spans: list[tuple[int, int]]) -> None:
        self.find_spans = spans
        self._apply_selections()

    def _cursor(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_qt(start))
        cursor.setPosition(self.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _apply_selections(self) -> None:
        """Highlight the claims and the find hits — of a document quoted by very many
        claims, only those on screen (and a screen around), each distinct span once:
        thousands of highlights make every paint of the text slow."""
        claims, finds = self.claims, self.find_spans
        self.windowed = len(claims) + len(finds) > HIGHLIGHTS_AT_ONCE
        if self.windowed:
            first, last = self._shown_range()
            current = [c for c in claims if c.id == self.current_claim]
            distinct = {(c.start, c.end, c.status): c for c in claims
                        if c.start < last and c.end > first and c.id != self.current_claim}
            claims = current + list(distinct.values())[:HIGHLIGHTS_AT_ONCE]
            finds = [(a, b) for a, b in finds if a < last and b > first][:HIGHLIGHTS_AT_ONCE]
        self.setExtraSelections(self._selections([*claims, *finds]))

    def _shown_range(self) -> tuple[int, int]:
        """[first, last) of the stored text on screen, widened by a screenful each way."""
        viewport = self.viewport()
        top = self.offsets.to_python(self.cursorForPosition(QPoint(0, 0)).position())
        bottom = self.offsets.to_python(self.cursorForPosition(
            QPoint(viewport.width(), viewport.height())).position())
        margin = max(bottom - top, 1)
        return top - margin, bottom + margin

    def _rewindow(self) -> None:
        if self.windowed:
            self._window_timer.start()

    def _selections(self, items: list) -> list[QTextEdit.ExtraSelection]:
        """Extra selections for claims (``ClaimSpan``) and find hits (``(start, end)``)."""
        claims = [item for item in items if isinstance(item, ClaimSpan)]
        finds = [item for item in items if not isinstance(item, ClaimSpan)]
        selections = []
        for claim in claims:
            selection = QTextEdit.ExtraSelection()
            colour = QColor(STATUS_COLOURS.get(claim.status, STATUS_COLOURS["unverified"]))
            fmt = QTextCharFormat()
            if claim.id == self.current_claim:
                colour.setAlpha(min(255, colour.alpha() * 2 + 40))
                fmt.setFontUnderline(True)
            fmt.setBackground(colour)
            if claim.status == "refuted":
                fmt.setFontStrikeOut(True)
            fmt.setProperty(QTextFormat.Property.UserProperty, claim.id)
            selection.format = fmt
            selection.cursor = self._cursor(claim.start, claim.end)
            selections.append(selection)
        for start, end in finds:
            selection = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setBackground(FIND_COLOUR)
            selection.format = fmt
            selection.cursor = self._cursor(start, end)
            selections.append(selection)
        return selections

    # -- positions ------------------------------------------------------------------------
    def select_span(self, start: int, end: int) -> None:
        """Select [start, end) of the stored text and scroll it into the middle."""
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        self.setTextCursor(self._cursor(start, end))
        self.centerCursor()

    def selected_span(self) -> tuple[int, int] | None:
        """[start, end) of the selection in the stored text, without edge whitespace."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self.offsets.to_python(cursor.selectionStart())
        end = self.offsets.to_python(cursor.selectionEnd())
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return (start, end) if end > start else None

    def index_at(self, point: QPoint) -> int:
        return self.offsets.to_python(self.cursorForPosition(point).position())

    def claim_at(self, index: int) -> ClaimSpan | None:
        """The narrowest claim whose span holds ``index``."""
        holding = [c for c in self.claims if c.start <= index < c.end]
        return min(holding, key=lambda c: c.end - c.start) if holding else None

    def mark_current_claim(self, claim_id: str | None) -> None:
        self.current_claim = claim_id
        self._apply_selections()

    # -- interaction ----------------------------------------------------------------------
    def viewportEvent(self, event: QEvent) -> bool:  # Qt override
        if event.type() == QEvent.Type.ToolTip:
            claim = self.claim_at(self.index_at(event.pos()))
            if claim is None:
                QToolTip.hideText()
            else:
                tip = self.tr("{grade} · {status} · {source}\n{statement}").format(
                    grade=claim.grade, status=self.tr(claim.status), source=claim.source,
                    statement=claim.statement or self.tr("(no statement)"))
                QToolTip.showText(event.globalPos(), plain_tooltip(tip), self.viewport())
            return True
        return super().viewportEvent(event)

    def resizeEvent(self, event) -> None:  # Qt override
        # Keep lines to a readable length on a wide dock: the text becomes a centred column.
        super().resizeEvent(event)
        column = self.fontMetrics().averageCharWidth() * READING_COLUMNS
        side = max(0, (self.width() - column) // 2)
        if side != self._side_margin:
            self._side_margin = side
            self.setViewportMargins(side, 0, side, 0)
        self._rewindow()  # other lines on screen: other highlights

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        # Also here, not only as pane shortcuts: a shortcut does not fire while the
        # window is not the active one (just after a dialog closed, or offscreen).
        if event.matches(QKeySequence.StandardKey.Find):
            self.sig_find_requested.emit()
            return
        if QKeySequence(event.keyCombination()) == QKeySequence(NEW_CLAIM_SHORTCUT):
            self.sig_new_claim_requested.emit()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # Qt override
        self._press_pos = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # Qt override
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        claim = self.claim_at(self.index_at(event.position().toPoint()))
        if claim is not None:
            self.mark_current_claim(claim.id)
            self.sig_claim_clicked.emit(claim.id)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # Qt override
        menu = self.createStandardContextMenu(event.pos())
        first = menu.actions()[0] if menu.actions() else None
        new_claim = menu.addAction(self.tr("New Claim from Selection…"))
        new_claim.setShortcut(QKeySequence(NEW_CLAIM_SHORTCUT))
        new_claim.setEnabled(self.selected_span() is not None)
        new_claim.triggered.connect(self.sig_new_claim_requested)
        find = menu.addAction(self.tr("Find in Document…"))
        find.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        find.triggered.connect(self.sig_find_requested)
        if first is not None:
            menu.insertAction(first, new_claim)
            menu.insertAction(first, find)
            menu.insertSeparator(first)
        menu.exec(event.globalPos())
        menu.deleteLater()

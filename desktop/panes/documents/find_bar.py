"""Ctrl+F in a document: type, see "3 of 7", step with Enter / Shift+Enter, Esc closes."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from desktop.panes.documents.text_view import DocumentTextView

MAX_MATCHES = 10_000


def find_all(text: str, needle: str) -> list[tuple[int, int]]:
    """Spans of every case-insensitive occurrence of ``needle`` (capped).

    Any run of whitespace in the needle matches any run in the text: extracted PDF text
    breaks lines and separates words with tabs where the page had plain spaces.
    """
    words = needle.split()
    if not words:
        return []
    pattern = r"\s+".join(re.escape(word) for word in words)
    spans = []
    for match in re.finditer(pattern, text, re.IGNORECASE):
        spans.append(match.span())
        if len(spans) >= MAX_MATCHES:
            break
    return spans


class _FindEdit(QLineEdit):
    sig_previous = Signal()
    sig_next = Signal()
    sig_escape = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.sig_previous.emit()
            else:
                self.sig_next.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.sig_escape.emit()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    sig_search_changed = Signal(str)  # for the PDF page view's own search

    def __init__(self, view: DocumentTextView, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("find_bar")
        self.view = view
        self.matches: list[tuple[int, int]] = []
        self.current = -1
        self.edit = _FindEdit(self)
        self.edit.setObjectName("find_edit")
        self.edit.setAccessibleName(self.tr("Find in document"))
        self.edit.setPlaceholderText(self.tr("Find in document"))
        self.edit.setClearButtonEnabled(True)
        self.count = QLabel(self)
        self.count.setObjectName("find_count")
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.count.setMinimumWidth(80)
        self.previous_button = QToolButton(self)
        self.previous_button.setText("▲")
        self.previous_button.setToolTip(self.tr("Previous match (Shift+Enter)"))
        self.next_button = QToolButton(self)
        self.next_button.setText("▼")
        self.next_button.setToolTip(self.tr("Next match (Enter)"))
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip(self.tr("Close (Esc)"))
        close.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(close)
        self.edit.textChanged.connect(self.search)
        self.edit.sig_next.connect(self.find_next)
        self.edit.sig_previous.connect(self.find_previous)
        self.edit.sig_escape.connect(self.close_bar)
        self.next_button.clicked.connect(self.find_next)
        self.previous_button.clicked.connect(self.find_previous)
        close.clicked.connect(self.close_bar)

    def open_bar(self) -> None:
        self.show()
        selected = self.view.selected_span()
        if selected and selected[1] - selected[0] < 100 and "\n" not in \
                self.view.text[selected[0]:selected[1]]:
            self.edit.setText(self.view.text[selected[0]:selected[1]])
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.edit.clear()
        self.hide()
        self.view.setFocus()

    def search(self, needle: str | None = None) -> None:
        needle = self.edit.text() if needle is None else needle
        self.matches = find_all(self.view.text, needle)
        self.current = -1
        self.view.set_find_spans(self.matches)
        self.sig_search_changed.emit(needle)
        if self.matches:
            self.find_next()
        else:
            self._show_count()

    def refresh(self) -> None:
        """The document changed: search it again for what is typed."""
        if self.isVisible() and self.edit.text():
            self.search()
        else:
            self.matches, self.current = [], -1
            self._show_count()

    def find_next(self) -> None:
        self._step(+1)

    def find_previous(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        if not self.matches:
            self._show_count()
            return
        if self.current < 0:
            position = self.view.offsets.to_python(self.view.textCursor().selectionStart())
            after = [i for i, (s, _e) in enumerate(self.matches) if s >= position]
            self.current = after[0] if after and direction > 0 else (
                0 if direction > 0 else len(self.matches) - 1)
        else:
            self.current = (self.current + direction) % len(self.matches)
        self.view.select_span(*self.matches[self.current])
        self._show_count()

    def _show_count(self) -> None:
        if not self.edit.text():
            self.count.setText("")
        elif not self.matches:
            self.count.setText(self.tr("No matches"))
        else:
            self.count.setText(self.tr("{n} of {total}").format(
                n=self.current + 1, total=len(self.matches)))

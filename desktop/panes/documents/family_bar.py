"""Under a document's title: the document it came in, and the documents inside it, as
links that open them (an e-mail ↔ its attachments, a web archive ↔ its pages)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from db.reads.document_family import Family


class FamilyBar(QLabel):
    sig_open_document = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("document_family")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setOpenExternalLinks(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                     | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.linkActivated.connect(self._activated)
        self.hide()

    def set_family(self, family: Family | None) -> None:
        parts = []
        if family is not None and family.parent is not None:
            parts.append(self.tr("Came inside: {link}").format(link=_link(*family.parent)))
        if family is not None and family.children:
            links = ", ".join(_link(i, t) for i, t in family.children)
            if family.more_children:
                links += " " + self.tr("and {n} more").format(n=family.more_children)
            parts.append(self.tr("Holds: {links}").format(links=links))
        self.setText("<br/>".join(parts))
        self.setVisible(bool(parts))

    def _activated(self, target: str) -> None:
        if target.startswith("document:"):
            self.sig_open_document.emit(target.removeprefix("document:"))


def _link(document_id: str, title: str) -> str:
    return (f'<a href="document:{html.escape(document_id, quote=True)}">'
            f"{html.escape(title or '—')}</a>")

"""The Pages view: a hostile PDF planted in a case is never given to QtPdf (vetted in a
limited child first, off the GUI thread) and shows "could not be rendered safely" with
its hash and its bytes exportable; a claim made by dragging over words on a page records
its rectangles and is drawn there."""

from __future__ import annotations

import functools
import hashlib

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from db.core.commands import run
from db.extract import Limits
from db.models import Claim
from db.services.documents import add_files
from db.services.evidence import add_document
from desktop.panes.documents import vetting
from tests.pdf_making import (
    GARBAGE,
    nested_xobject_pdf,
    self_containing_page_tree_pdf,
    text_pdf,
    truncated_pdf,
)


@pytest.fixture
def window(make_window, new_case):
    return make_window(new_case, panes=("documents",))


@pytest.fixture(autouse=True)
def _small_limits(monkeypatch):
    monkeypatch.setattr(vetting, "vet_for_view", functools.partial(
        vetting.vet_for_view, limits=Limits(memory_mb=600, seconds=8)))
    vetting._verdicts.clear()


HOSTILE = {"nested-forms": (nested_xobject_pdf(), ("needed more than 600 MB",
                                                   "took longer than 8 s")),
           "self-tree": (self_containing_page_tree_pdf(), ("page 2 is broken",)),
           "truncated": (truncated_pdf(), ("data format error",)),
           "garbage": (GARBAGE, ("data format error",))}


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_a_planted_hostile_pdf_is_never_loaded_and_stays_exportable(qtbot, window, new_case,
                                                                    tmp_path, monkeypatch,
                                                                    artifacts, kind):
    bomb, reasons = HOSTILE[kind]
    # Planted as a colleague's case would carry it: text given, never extracted here.
    document_id = run(new_case, "plant", lambda tx: add_document(
        tx, "registry.pdf", bomb, text="A registry extract.",
        mime_type="application/pdf")).result
    pane = window.panes["documents"]
    loads = []
    monkeypatch.setattr(QPdfDocument, "load", lambda *args: loads.append(args))
    window.set_case(None)
    window.set_case(new_case)
    assert pane.document_id == document_id
    assert pane.text_view.toPlainText() == "A registry extract."  # the text: at once
    qtbot.mouseClick(pane.pdf_button, Qt.MouseButton.LeftButton)
    notice = pane.pdf_view.notice_text
    qtbot.waitUntil(lambda: "could not be rendered safely" in notice.text(), timeout=30_000)
    assert hashlib.sha256(bomb).hexdigest() in notice.text()
    assert any(reason in notice.text() for reason in reasons), notice.text()
    assert loads == [] and pane.pdf_view.page_count() == 0
    pane.grab().save(str(artifacts / f"pdf_unsafe_{kind}.png"))
    out = tmp_path / "exported.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    qtbot.mouseClick(pane.pdf_view.export_button, Qt.MouseButton.LeftButton)
    assert out.read_bytes() == bomb


@pytest.fixture(autouse=True)
def _dialog_memory(monkeypatch):
    """These tests make claims without a relationship; the dialog remembers that choice
    for the session, so give it back afterwards."""
    from desktop.dialogs.new_claim import NewClaimDialog

    monkeypatch.setattr(NewClaimDialog, "memory", dict(NewClaimDialog.memory))


def test_drag_over_words_on_the_page_makes_a_claim_with_rectangles(qtbot, window, new_case,
                                                                   tmp_path, artifacts):
    pdf = tmp_path / "extract.pdf"
    pdf.write_bytes(text_pdf([["Registry extract"], ["Renera is wholly owned by Rosatom.",
                                                     "Issued by the registry."]]))
    add_files(new_case, [pdf])
    window.set_case(None)
    window.set_case(new_case)
    pane = window.panes["documents"]
    qtbot.mouseClick(pane.pdf_button, Qt.MouseButton.LeftButton)
    view = pane.pdf_view
    qtbot.waitUntil(lambda: view.page_count() == 2, timeout=20_000)
    canvas = view.canvas
    page = canvas.pages[1]
    words = {pane.text_view.text[int(b[0]):int(b[1])]: b for b in page.boxes}

    def on_screen(word: str) -> QPoint:
        box = words[word]
        scale = canvas.page_rect(1).width() / page.width
        top = canvas.page_rect(1).top()
        return QPoint(int(10 + (box[2] + box[4]) / 2 * scale),
                      int(top + (box[3] + box[5]) / 2 * scale))

    view.go_to_page(2)
    start, end = on_screen("wholly"), on_screen("Rosatom.")
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(canvas, end)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=end)
    span = view.selected_span()
    assert pane.text_view.text[span[0]:span[1]] == "wholly owned by Rosatom."
    assert pane.new_claim_button.isEnabled()
    qtbot.mouseClick(pane.new_claim_button, Qt.MouseButton.LeftButton)
    dialog = pane.last_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.excerpt.toPlainText() == "wholly owned by Rosatom."
    dialog.mode.setCurrentIndex(dialog.mode.count() - 1)  # a claim only, no relationship yet
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    claim_id = dialog.result_ids.claim_id
    with new_case.session() as session:
        claim = session.get(Claim, claim_id)
        assert claim.page == 2 and [r[0] for r in claim.rects] == [2]
    qtbot.waitUntil(lambda: canvas.claim_rect_on_screen(claim_id) is not None)
    drawn = canvas.claim_rect_on_screen(claim_id)
    assert drawn.contains(on_screen("owned")) and not drawn.contains(on_screen("Renera"))
    qtbot.waitUntil(lambda: canvas.is_drawn(1), timeout=10_000)  # drawn off the GUI thread
    view.grab().save(str(artifacts / "pdf_claim_on_page.png"))


def test_an_email_links_to_its_attachments_and_back(qtbot, window, new_case, tmp_path,
                                                    artifacts):
    from tests.document_making import eml_bytes

    mail = tmp_path / "papers.eml"
    mail.write_bytes(eml_bytes())
    message_id = add_files(new_case, [mail]).added[0]
    window.set_case(None)
    window.set_case(new_case)
    pane = window.panes["documents"]
    pane.open_document(message_id)
    family = pane.family
    assert family.isVisible()
    assert ">extract<" in family.text() and ">notes<" in family.text()
    assert family.text().startswith("Holds: ")
    pane.grab().save(str(artifacts / "email_with_attachments.png"))
    attachment = family.text().split('href="document:')[1].split('"')[0]
    family.linkActivated.emit(f"document:{attachment}")  # as a click on the link does
    assert pane.document_id == attachment and pane.title.text() == "extract"
    assert family.text().startswith("Came inside: ") and "Registry papers" in family.text()

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
from tests.pdf_making import nested_xobject_pdf, text_pdf


@pytest.fixture
def window(make_window, new_case):
    return make_window(new_case, panes=("documents",))


@pytest.fixture(autouse=True)
def _small_limits(monkeypatch):
    monkeypatch.setattr(vetting, "vet_for_view", functools.partial(
        vetting.vet_for_view, limits=Limits(memory_mb=600, seconds=8)))
    vetting._verdicts.clear()


def test_a_planted_pdf_bomb_is_never_loaded_and_stays_exportable(qtbot, window, new_case,
                                                                 tmp_path, monkeypatch,
                                                                 artifacts):
    bomb = nested_xobject_pdf()
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
    assert ("needed more than 600 MB" in notice.text()
            or "took longer than 8 s" in notice.text())
    assert loads == [] and pane.pdf_view.page_count() == 0
    pane.grab().save(str(artifacts / "pdf_unsafe.png"))
    out = tmp_path / "exported.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    qtbot.mouseClick(pane.pdf_view.export_button, Qt.MouseButton.LeftButton)
    assert out.read_bytes() == bomb


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
    view.grab().save(str(artifacts / "pdf_claim_on_page.png"))

"""A scanned page in the GUI: the languages chosen in File ▸ OCR Languages…, the scan read
in the background, a claim made on its OCR text and drawn as a rectangle on the image."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop.dialogs.ocr_languages import OcrLanguagesDialog
from desktop.shell import settings
from desktop.shell.actions import ActionId
from tests.document_making import scanned_page_png

LINES = ["Company register of JSC Kama", "Renera holds 100 percent of the shares."]


@pytest.fixture(autouse=True)
def _dialog_memory(monkeypatch):
    """These tests make claims without a relationship; the dialog remembers that choice
    for the session, so give it back afterwards."""
    from desktop.dialogs.new_claim import NewClaimDialog

    monkeypatch.setattr(NewClaimDialog, "memory", dict(NewClaimDialog.memory))


def test_ocr_languages_are_chosen_and_remembered(qtbot, make_window, new_case):
    window = make_window(new_case, panes=("documents",))
    window.actions[ActionId.OCR_LANGUAGES].trigger()
    dialog = window.findChild(OcrLanguagesDialog, "ocr_languages_dialog")
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.boxes["eng"].isChecked() and not dialog.boxes["rus"].isChecked()
    assert all(dialog.boxes[c].isEnabled() for c in ("eng", "rus", "ukr", "kor", "tur", "deu"))
    russian = dialog.boxes["rus"]
    qtbot.mouseClick(russian, Qt.MouseButton.LeftButton, pos=QPoint(8, russian.height() // 2))
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert settings.OCR_LANGUAGES.get() == "eng+rus"
    assert window.statusBar().currentMessage() == "Scans will be read in: eng, rus"


def test_a_claim_on_ocr_text_shows_on_the_scan(qtbot, make_window, new_case, tmp_path,
                                               artifacts):
    window = make_window(new_case, panes=("documents",))
    pane = window.panes["documents"]
    scan = tmp_path / "kama-register-scan.png"
    scan.write_bytes(scanned_page_png(LINES))
    pane.add_files([str(scan)])
    qtbot.waitUntil(lambda: pane.title.text() == "kama-register-scan", timeout=60_000)
    assert pane.text_view.text == "\n\n".join(LINES)
    start = pane.text_view.text.index("holds 100 percent")
    pane.text_view.select_span(start, start + len("holds 100 percent"))
    qtbot.mouseClick(pane.new_claim_button, Qt.MouseButton.LeftButton)
    dialog = pane.last_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.mode.setCurrentIndex(dialog.mode.count() - 1)  # a claim only
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    claim_id = dialog.result_ids.claim_id
    qtbot.mouseClick(pane.pdf_button, Qt.MouseButton.LeftButton)
    view = pane.pdf_view
    qtbot.waitUntil(lambda: view.page_count() == 1, timeout=20_000)
    qtbot.waitUntil(lambda: view.canvas.claim_rect_on_screen(claim_id) is not None)
    drawn = view.canvas.claim_rect_on_screen(claim_id)
    page = view.canvas.page_rect(0)
    # On the second line (y = 230–280 px of 560), after "Renera " (x ≈ 120–270 of 1700).
    scale = page.width() / 1700
    assert 220 * scale < drawn.top() - page.top() < 260 * scale
    assert 240 * scale < drawn.left() - page.left() < 300 * scale
    assert drawn.width() > 250 * scale
    image = view.grab().toImage()
    inside = image.pixelColor(int(drawn.left() + 3), int(drawn.center().y()))
    assert inside.blue() < inside.red()  # tinted with the claim's amber, not white
    view.grab().save(str(artifacts / "ocr_claim_on_scan.png"))

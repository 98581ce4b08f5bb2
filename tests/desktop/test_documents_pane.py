"""The documents pane driven like an investigator: read the article with its claims
highlighted, select a passage → claim + ownership link in two clicks, undo it, drop a PDF
and find a sentence in it, and have bad files refused with one line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPointF, QSizeF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QHelpEvent, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QToolTip
from sqlalchemy import select

from db.models import Claim, ClaimTarget, Document, Link
from db.reads import search
from desktop.dialogs.search import SearchDialog
from desktop.panes.documents.text_view import plain_tooltip
from desktop.shell.actions import ActionId

STAKE = "In 2022, Renera acquired a stake valued at 6.2 billion rubles in JSC Kama"
PDF_SENTENCE = "Renera is wholly owned by Rosatom State Corporation since 2021."


@pytest.fixture
def window(make_window, sample):
    # Only this pane: the test drives it through the real main window (undo, Ctrl+K)
    # without depending on the other panes.
    return make_window(sample, panes=("documents",))


def _report(qtbot, window):
    """The box that says which files were not added (it appears once the worker is done)."""
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "add_documents_report") is not None,
                    timeout=10_000)
    return window.findChild(QMessageBox, "add_documents_report")


def _pane(window):
    pane = window.panes["documents"]
    pane.parentWidget().show()
    pane.parentWidget().raise_()
    return pane


def _select(pane, passage: str) -> tuple[int, int]:
    """Select ``passage`` in the viewer as a mouse drag would (a text cursor selection);
    words may be separated by any whitespace (PDF text has tabs and line breaks)."""
    pattern = r"\s+".join(re.escape(word) for word in passage.split())
    start, end = re.search(pattern, pane.text_view.text).span()
    pane.text_view.select_span(start, end)
    return start, end


def _claims(case, **where):
    with case.session() as session:
        query = select(Claim)
        for key, value in where.items():
            query = query.where(getattr(Claim, key) == value)
        return [(c.id, c.span_start, c.span_end, c.excerpt, c.page, c.statement)
                for c in session.scalars(query)]


def test_article_shows_with_claims_highlighted(qtbot, window, sample, artifacts):
    pane = _pane(window)
    assert pane.title.text().startswith("South Korea halts battery exports to Russia")
    model = pane.model
    assert model.rowCount() == 1
    assert [model.index(0, c).data() for c in range(model.columnCount())] == [
        "South Korea halts battery exports to Russia; Rosatom, Renera and the Moscow EV "
        "supply chain", "News report (publisher not stated)", "", "C", "10", "Text"]
    # Every claim's span is covered by a highlight, exactly.
    spans = sorted((start, end) for _id, start, end, *_rest in _claims(sample))
    highlighted = sorted((s.cursor.selectionStart(), s.cursor.selectionEnd())
                         for s in pane.text_view.extraSelections())
    assert highlighted == spans and len(spans) == 10
    # Clicking inside the stake claim's highlight selects that claim.
    stake_claim = sample.ids["claim:6"]
    start, end = next((s, e) for i, s, e, *_r in _claims(sample) if i == stake_claim)
    cursor = pane.text_view.textCursor()
    cursor.setPosition(start + 20)
    point = pane.text_view.cursorRect(cursor).center()
    with qtbot.waitSignal(pane.sig_claim_selected) as blocker:
        qtbot.mouseClick(pane.text_view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == [stake_claim]
    assert pane.text_view.claim_at(start + 20).statement.startswith("Renera acquired a stake")
    # Hovering a highlight tells its grade, status, source and statement — literally.
    QApplication.sendEvent(pane.text_view.viewport(), QHelpEvent(
        QEvent.Type.ToolTip, point, pane.text_view.viewport().mapToGlobal(point)))
    assert QToolTip.text() == plain_tooltip(
        "C2 · unverified · News report (publisher not stated)\n"
        "Renera acquired a stake worth RUB 6.2 bn in JSC Kama in 2022 (share not stated).")
    # select_claim (from another pane) selects the claim's span in the viewer.
    pane.select_claim(sample.ids["claim:2"])
    cursor = pane.text_view.textCursor()
    assert cursor.selectedText() == ("Enertech, which has been under Rosatom’s control since "
                                     "2022, according to Kommersant")
    window.resize(1000, 760)
    pane.grab().save(str(artifacts / "documents_pane.png"))


def test_passage_to_claim_and_link_in_two_clicks_then_undo(qtbot, window, sample, artifacts):
    pane = _pane(window)
    context = window.context
    claims_before = len(_claims(sample))
    start, end = _select(pane, STAKE)
    assert pane.new_claim_button.isEnabled()
    pane.text_view.setFocus()
    qtbot.keyClick(pane.text_view, Qt.Key.Key_M,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: pane.last_dialog is not None and pane.last_dialog.isVisible())
    dialog = pane.last_dialog
    assert dialog.excerpt.toPlainText() == STAKE
    assert f"Characters {start:,}–{end:,}" in dialog.position.text()
    assert dialog.link_type.currentData() == "Ownership"
    assert dialog.from_entity.entity_id() == sample.ids["renera"]
    assert dialog.to_entity.entity_id() == sample.ids["kama"]
    assert (dialog.value.text(), dialog.currency.text(), dialog.share.text()) == (
        "6.2 bn", "RUB", "")
    dialog.start_date.clear()
    qtbot.keyClicks(dialog.start_date, "2022")
    assert dialog.statement.text() == "Renera owns 6.2 bn RUB of JSC Kama since 2022"
    dialog.grab().save(str(artifacts / "new_claim_dialog.png"))
    with qtbot.waitSignal(context.sig_changed) as changed:
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    result = dialog.result_ids
    new = _claims(sample, id=result.claim_id)
    assert new == [(result.claim_id, start, end, STAKE, None,
                    "Renera owns 6.2 bn RUB of JSC Kama since 2022")]
    with sample.session() as session:
        link = session.get(Link, result.link_id)
        assert (link.schema, link.source_id, link.target_id, link.start_date,
                link.shares_value, link.shares_currency, link.share_min) == (
            "Ownership", sample.ids["renera"], sample.ids["kama"], "2022", 6.2e9, "RUB", None)
        supports = session.scalars(select(ClaimTarget.claim_id).where(
            ClaimTarget.link_id == link.id, ClaimTarget.stance == "supports")).all()
        assert supports == [result.claim_id]
    # The other panes hear of the new claim and the new link through sig_changed.
    assert result.claim_id in changed.args[0].claims
    assert result.link_id in changed.args[0].links
    assert pane.model.index(0, pane.model.CLAIMS).data() == str(claims_before + 1)
    assert len(pane.text_view.extraSelections()) == claims_before + 1
    assert window.actions[ActionId.UNDO].text() == "&Undo New claim"
    # One undo takes claim and link back together.
    window.actions[ActionId.UNDO].trigger()
    assert _claims(sample, id=result.claim_id) == []
    with sample.session() as session:
        assert session.get(Link, result.link_id) is None
    assert pane.model.index(0, pane.model.CLAIMS).data() == str(claims_before)
    assert len(pane.text_view.extraSelections()) == claims_before


def _make_pdf(path: Path, sentence: str) -> None:
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(96)
    document = QTextDocument()
    document.setPlainText(f"Registry extract\n\n{sentence}\n\nIssued by the registry.")
    document.setPageSize(QSizeF(writer.width(), writer.height()))
    document.print_(writer)
    del writer


def _has_ink(widget) -> bool:
    """Whether a page has been drawn (QPdfView renders pages in the background)."""
    image = widget.grab().toImage()
    return any(image.pixelColor(x, y).lightness() < 100
               for y in range(0, image.height(), 3) for x in range(0, image.width() // 2, 3))


def _drop(pane, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    pane.dropEvent(event)
    assert event.isAccepted()


def test_drop_pdf_find_sentence_and_claim_on_page_one(qtbot, window, sample, tmp_path,
                                                      artifacts):
    pane = _pane(window)
    pdf = tmp_path / "registry-extract.pdf"
    _make_pdf(pdf, PDF_SENTENCE)
    _drop(pane, [pdf])
    qtbot.waitUntil(lambda: pane.model.rowCount() == 2, timeout=10_000)
    qtbot.waitUntil(lambda: pane.title.text() == "registry-extract")  # opened, once stored
    document_id = pane.document_id
    assert window.statusBar().currentMessage() == "Added 1, duplicates 0, failed 0."
    extracted = pane.text_view.text[slice(*_select(pane, PDF_SENTENCE))]
    assert extracted.split() == PDF_SENTENCE.split()
    # Found by full-text search…
    with sample.session() as session:
        hits = search.search(session, "wholly owned Rosatom")
        assert [(h.kind, h.id) for h in hits if h.kind == "document"] == [
            ("document", document_id)]
        assert session.get(Document, document_id).mime_type == "application/pdf"
    # … through Ctrl+K, which opens it in the pane …
    pane.open_document(sample.ids["document"])
    window.actions[ActionId.GLOBAL_SEARCH].trigger()
    search_dialog = window.findChild(SearchDialog, "search_dialog")
    qtbot.keyClicks(search_dialog.query, "wholly owned")
    qtbot.keyClick(search_dialog.query, Qt.Key.Key_Return)
    assert pane.document_id == document_id
    # … and by find-in-document.
    pane.text_view.setFocus()
    qtbot.keyClick(pane.text_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert pane.find_bar.isVisible()
    qtbot.keyClicks(pane.find_bar.edit, "Rosatom State")
    assert pane.find_bar.count.text() == "1 of 1"
    assert pane.text_view.textCursor().selectedText().split() == ["Rosatom", "State"]
    qtbot.keyClick(pane.find_bar.edit, Qt.Key.Key_Escape)
    assert not pane.find_bar.isVisible()
    # A claim from the sentence, on page 1: the relationship is guessed the right way round.
    start, end = _select(pane, PDF_SENTENCE)
    qtbot.mouseClick(pane.new_claim_button, Qt.MouseButton.LeftButton)
    dialog = pane.last_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.excerpt.toPlainText() == extracted
    assert dialog.position.text().endswith(", page 1")
    assert (dialog.from_entity.entity_id(), dialog.to_entity.entity_id()) == (
        sample.ids["rosatom"], sample.ids["renera"])
    assert (dialog.share.text(), dialog.start_date.text()) == ("100", "2021")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    claim = _claims(sample, id=dialog.result_ids.claim_id)
    assert claim == [(dialog.result_ids.claim_id, start, end, extracted, 1,
                      "Rosatom owns 100% of Renera since 2021")]
    # The pages as printed, beside the text.
    assert pane.pdf_button.isVisible()
    qtbot.mouseClick(pane.pdf_button, Qt.MouseButton.LeftButton)
    assert pane.stack.currentWidget() is pane.pdf_view
    # Drawn only after a child process read it safely (vetting on the thread pool).
    qtbot.waitUntil(lambda: pane.pdf_view.page_count() == 1, timeout=10_000)
    qtbot.waitUntil(lambda: _has_ink(pane.pdf_view.view.viewport()), timeout=5_000)
    # The claim is drawn where its words are on the page.
    drawn = pane.pdf_view.canvas.claim_rect_on_screen(dialog.result_ids.claim_id)
    assert drawn is not None and drawn.width() > 100
    pane.grab().save(str(artifacts / "pdf_viewer.png"))
    # Adding was one undo step of its own.
    window.actions[ActionId.UNDO].trigger()  # the claim
    window.actions[ActionId.UNDO].trigger()  # the document
    assert pane.model.rowCount() == 1 and pane.document_id == sample.ids["document"]


def test_duplicates_garbage_and_html_names(qtbot, window, sample, tmp_path):
    pane = _pane(window)
    from db.sample.build import ARTICLE

    duplicate = tmp_path / "copy-of-article.txt"
    duplicate.write_bytes(ARTICLE.read_bytes())
    garbage = tmp_path / "garbage.bin"
    garbage.write_bytes(bytes(range(256)) * 40)
    evil = tmp_path / "<img src=x onerror=alert(1)><b>Evil.txt"
    evil.write_text("Renera met <i>nobody</i>.", encoding="utf-8")
    pane.add_files([str(duplicate), str(garbage), str(evil)])
    report = _report(qtbot, window)
    assert report.text().splitlines() == [
        "Added 1, duplicates 1, failed 1.",
        "Not added: copy-of-article.txt: already in the case as “South Korea halts battery "
        "exports to Russia; Rosatom, Renera and the Moscow EV supply chain”",
        "Not added: garbage.bin: .bin files are not supported (binary content)"]
    report.close()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "add_documents_report") is None)
    qtbot.waitUntil(lambda: pane.title.text() == "<img src=x onerror=alert(1)><b>Evil")
    assert pane.title.text() == "<img src=x onerror=alert(1)><b>Evil"
    assert pane.title.textFormat() == Qt.TextFormat.PlainText
    titles = [pane.model.index(r, 0).data() for r in range(pane.model.rowCount())]
    assert "<img src=x onerror=alert(1)><b>Evil" in titles
    assert pane.text_view.toPlainText() == "Renera met <i>nobody</i>."
    # Only the duplicate again: nothing added, nothing to undo, one line said.
    undo_count = window.context.undo_stack.count()
    pane.add_files([str(duplicate)])
    assert _report(qtbot, window).text().splitlines()[0] == "Added 0, duplicates 1, failed 0."
    assert window.context.undo_stack.count() == undo_count
    assert pane.model.rowCount() == 2


def test_quoted_source_and_existing_link_are_offered(qtbot, window, sample):
    pane = _pane(window)
    passage = ("Enertech, which has been under Rosatom’s control since 2022, according to "
               "Kommersant")
    _select(pane, passage)
    qtbot.mouseClick(pane.new_claim_button, Qt.MouseButton.LeftButton)
    dialog = pane.last_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.source.currentText() == "Kommersant"
    assert dialog.reliability.itemText(0) == "Source's grade (B)"
    assert (dialog.link_type.currentData(), dialog.from_entity.entity_id(),
            dialog.to_entity.entity_id(), dialog.start_date.text()) == (
        "Control", sample.ids["rosatom"], sample.ids["enertech"], "2022")
    # The case already has that link: the dialog says so and offers it.
    assert dialog.duplicate_hint.isVisible()
    assert dialog.duplicate_hint.text().startswith(
        "The case already has: Rosatom controls Enertech (2022–).")
    dialog.mode.setCurrentIndex(1)  # "Attach to an existing link"
    assert dialog.existing_link.currentData() == sample.ids["link:control"]
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    result = dialog.result_ids
    assert result.link_id == sample.ids["link:control"]
    with sample.session() as session:
        claim = session.get(Claim, result.claim_id)
        assert claim.excerpt == passage
        assert claim.source_id == session.scalar(
            select(Claim.source_id).where(Claim.id == sample.ids["claim:2"]))
        links = session.scalars(select(ClaimTarget.link_id).where(
            ClaimTarget.claim_id == result.claim_id)).all()
        assert links == [sample.ids["link:control"]]

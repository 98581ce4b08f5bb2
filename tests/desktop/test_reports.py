"""Evidence summaries printed to PDF and read back with an independent reader (poppler's
pdftotext/pdfinfo): excerpts verbatim, sources, grades, hashes, marking and "Page n of
m" on every page, non-Latin and right-to-left names, HTML-looking names printed literally,
repeated table headers, the CLI's exit codes, and the GUI's preview and export."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import Qt

from db.core.commands import run
from db.reporting import build_case_summary, build_entity_summary
from db.sample.build import ARTICLE
from db.services import entities as E
from db.services import evidence as X
from db.services import links as L
from tests.pdf_reading import body_text, check_every_page, normalise, read_pdf, save_pngs

ARTICLE_SHA = X.sha256_of(ARTICLE.read_bytes())
EXCERPTS_ENERTECH = [
    "Enertech, which has been under Rosatom’s control since 2022, according to Kommersant",
    "The move affects Russia’s main supplier of Korean-origin batteries, Enertech",
]
UNUSUAL_NAMES = ["Росатом Тест", "한국전력", "İstanbul İhracat", "شركة النور للتجارة",
                 "<b>Evil</b>"]
def test_enertech_summary_pdf(sample, qapp, tmp_path, artifacts):
    from desktop.reports import write_pdf

    summary = build_entity_summary(sample, sample.ids["enertech"])
    pdf = tmp_path / "enertech.pdf"
    pages_written = write_pdf(summary, pdf)
    pages = read_pdf(pdf)
    assert len(pages) == pages_written == 3
    check_every_page(pages, "CONFIDENTIAL")
    cover = normalise(pages[0])
    assert "Evidence summary" in cover and "Enertech" in cover
    assert sample.file_sha256() in cover.replace(" ", "")
    text = body_text(pages)
    for excerpt in EXCERPTS_ENERTECH:
        assert f"“{normalise(excerpt)}”" in text
    assert "Kommersant" in text
    assert re.search(r"\[1\] C2 fairly reliable", text)
    assert re.search(r"\[2\] B2 usually reliable", text)
    assert "Ultimate controller: Rosatom" in text
    assert "is controlled by Rosatom — since 2022 [2]" in text
    assert ARTICLE_SHA in text.replace(" ", "")
    start = ARTICLE.read_text(encoding="utf-8").index(EXCERPTS_ENERTECH[0])
    assert f"characters {start + 1}–{start + len(EXCERPTS_ENERTECH[0])}" in text
    save_pngs(pdf, artifacts, "report_entity")


def test_case_summary_pdf(sample, qapp, tmp_path, artifacts):
    from desktop.reports import write_pdf

    ids = sample.ids
    run(sample, "mark", lambda tx: (X.edit_claim(tx, ids["claim:8"], status="refuted"),
                                    L.create_link(tx, "Ownership", ids["rosatom"],
                                                  ids["renera"], share=25)))
    sample.set_meta({"marking": "RESTRICTED — LEGAL"})
    pdf = tmp_path / "case.pdf"
    write_pdf(build_case_summary(sample), pdf)
    pages = read_pdf(pdf)
    check_every_page(pages, "RESTRICTED — LEGAL")
    assert sample.file_sha256() in normalise(pages[0]).replace(" ", "")
    text = body_text(pages)
    for name in ("Kommersant", "Moscow Mayor's Office"):
        assert name in text
    for grade in ("B2", "C2", "C3"):
        assert f"] {grade} " in text
    assert ARTICLE_SHA in text.replace(" ", "")
    assert normalise("“Renera had signed an agreement with Mosgortrans, a state-owned "
                     "transport operator, to supply more than 155 thousand traction batteries "
                     "intended for electric buses and other electric vehicles branded as "
                     "Moskvich”") in text
    assert any(re.search(r"Rosatom +owns +Renera +25% +dates not +UNSOURCED", line)
               for page in pages for line in page.splitlines())
    assert re.search(r"\[\d+\] Rosatom plans vehicle production\. .* REFUTED", text)
    save_pngs(pdf, artifacts, "report_case")


def test_non_latin_rtl_and_html_names_print_literally(sample, qapp, tmp_path, artifacts):
    from desktop.reports import build_document, write_pdf
    from desktop.reports.markup import para

    enertech = sample.ids["enertech"]

    def add(tx):
        for share, name in enumerate(UNUSUAL_NAMES, 10):
            owner = E.create_entity(tx, "Company", name)
            L.create_link(tx, "Ownership", owner, enertech, share=share)
        for number in range(45):  # enough relationships for the table to span pages
            other = E.create_entity(tx, "Company", f"Customer {number:02d}")
            L.create_link(tx, "Contract", enertech, other, role="battery supply")

    run(sample, "add names", add)
    summary = build_entity_summary(sample, enertech)
    pdf = tmp_path / "names.pdf"
    write_pdf(summary, pdf)
    pages = read_pdf(pdf)
    check_every_page(pages, "CONFIDENTIAL")
    text = body_text(pages)
    for name in UNUSUAL_NAMES:
        assert normalise(name) in text, name
    assert "<b>Evil</b> → Enertech" in text
    header = "Relationship Counterpart Share Dates Evidence"
    assert sum(header in normalise(page) for page in pages) >= 2  # repeated on each page
    assert para("شركة النور للتجارة") == '<p dir="rtl" align="right">شركة النور للتجارة</p>'
    assert para("<b>Evil</b>") == "<p>&lt;b&gt;Evil&lt;/b&gt;</p>"

    from PySide6.QtGui import QPdfWriter, QTextTable

    document = build_document(summary, QPdfWriter(str(tmp_path / "unused.pdf")))
    tables = [f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable)]
    data_tables = [t for t in tables if t.format().headerRowCount() == 1]
    assert len(data_tables) >= 5
    save_pngs(pdf, artifacts, "report_names", last=6)


def test_gui_preview_and_export(sample, qtbot, make_window, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget
    from PySide6.QtWidgets import QFileDialog

    from desktop.shell.actions import ActionId
    window = make_window(sample)
    # An entity's context menu "Print evidence summary" reaches the window like this.
    window.coordinator.sig_print_summary.emit(sample.ids["enertech"])
    options = window.summary_options_dialog  # of what is known; as of when is asked
    assert options.entity_choice.isHidden() and options.as_of.date().toPython() == date.today()
    options.accept()
    qtbot.waitUntil(lambda: window.findChild(QPrintPreviewDialog, "summary_preview")
                    is not None, timeout=10000)
    dialog = window.findChild(QPrintPreviewDialog, "summary_preview")
    preview = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: preview.pageCount() == 3, timeout=10000)
    assert dialog.windowTitle() == "Print Preview — Enertech"
    dialog.close()

    out = tmp_path / "whole case"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(out), "PDF files (*.pdf)")))
    window.actions[ActionId.EXPORT_PDF].trigger()
    options = window.summary_options_dialog  # File ▸ Export asks: which entity, or all?
    assert options.case_choice.isVisible()
    qtbot.mouseClick(options.case_choice, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(options.every_date, Qt.MouseButton.LeftButton)
    options.accept()
    pdf = tmp_path / "whole case.pdf"
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Saved"),
                    timeout=20000)
    pages = read_pdf(pdf)
    assert window.statusBar().currentMessage() == (
        f"Saved {len(pages)}-page summary to {pdf}")
    check_every_page(pages, "CONFIDENTIAL")
    assert "Case summary" in normalise(pages[0])
    assert "every date" in normalise(pages[0])  # the as-of choice, stated on the cover
    window.set_case(None)

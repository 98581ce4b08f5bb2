"""Evidence summaries printed to PDF and read back with an independent reader (poppler's
pdftotext/pdfinfo): excerpts verbatim, sources, grades, hashes, marking and "Page n of
m" on every page, non-Latin and right-to-left names, HTML-looking names printed literally,
repeated table headers, the CLI's exit codes, and the GUI's preview and export."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from db.core.commands import run
from db.reporting import build_case_summary, build_entity_summary
from db.sample.build import ARTICLE
from db.services import entities as E
from db.services import evidence as X
from db.services import links as L

ARTICLE_SHA = X.sha256_of(ARTICLE.read_bytes())
EXCERPTS_ENERTECH = [
    "Enertech, which has been under Rosatom’s control since 2022, according to Kommersant",
    "The move affects Russia’s main supplier of Korean-origin batteries, Enertech",
]
UNUSUAL_NAMES = ["Росатом Тест", "한국전력", "İstanbul İhracat", "شركة النور للتجارة",
                 "<b>Evil</b>"]
BIDI_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                                       "\u2066\u2067\u2068\u2069"))


def poppler(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.fail(f"{tool} is missing: install poppler-utils (apt-get install "
                    f"poppler-utils) — the report tests read PDFs back with it")
    return path


def normalise(value: str) -> str:
    """Compare text as printed: compatibility forms folded (Arabic presentation forms),
    bidi marks dropped, curly apostrophes straightened, whitespace collapsed."""
    value = unicodedata.normalize("NFKC", value).translate(BIDI_CONTROLS)
    value = value.replace("’", "'").replace("‘", "'")
    return " ".join(value.split())


def read_pdf(path: Path) -> list[str]:
    """The text of each page (pdftotext -layout), checked against pdfinfo's page count."""
    info = subprocess.run([poppler("pdfinfo"), str(path)], capture_output=True, text=True,
                          check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    text = subprocess.run([poppler("pdftotext"), "-layout", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout
    texts = text.split("\f")
    if texts and not texts[-1].strip():
        texts = texts[:-1]
    assert len(texts) == pages
    return texts


def body_text(pages: list[str]) -> str:
    """All pages without their header and footer lines, normalised."""
    bodies = []
    for page in pages:
        lines = [line for line in page.splitlines() if line.strip()]
        bodies.append("\n".join(lines[1:-1]))
    return normalise("\n".join(bodies))


def check_every_page(pages: list[str], marking: str) -> None:
    total = len(pages)
    for number, page in enumerate(pages, 1):
        lines = [line for line in page.splitlines() if line.strip()]
        # Header and footer. (A table row split by a page break leaves its clipped,
        # invisible part in the PDF, which pdftotext also reads: so no "first line".)
        assert page.count(marking) >= 2, f"page {number}: marking not in header and footer"
        assert marking in lines[-1], f"page {number}: no marking in the footer"
        assert f"Page {number} of {total}" in lines[-1], f"page {number}: no 'Page n of m'"


def save_pngs(pdf: Path, artifacts: Path, name: str, last: int = 3) -> None:
    for old in artifacts.glob(f"{name}-*.png"):
        old.unlink()
    subprocess.run([poppler("pdftoppm"), "-r", "60", "-png", "-f", "1", "-l", str(last),
                    str(pdf), str(artifacts / name)], check=True)
    assert list(artifacts.glob(f"{name}-*.png"))


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


def test_cli_report_writes_pdf_and_refuses_bad_input(sample, qapp, tmp_path, capsys):
    from cli.main import main

    path = str(sample.path)
    sample.engine.dispose()
    out = tmp_path / "kama.pdf"
    assert main(["report", path, "--entity", "JSC Kama", "-o", str(out)]) == 0
    assert "Renera" in body_text(read_pdf(out))
    capsys.readouterr()
    assert main(["report", path, "--entity", "Nobody Ltd", "-o", str(out)]) == 1
    assert capsys.readouterr().err == "casefile: no entity named 'Nobody Ltd'\n"
    missing = tmp_path / "no-such-folder" / "x.pdf"
    assert main(["report", path, "-o", str(missing)]) == 1
    assert capsys.readouterr().err == f"casefile: {missing.parent}: no such folder\n"
    assert main(["report", path, "-o", str(tmp_path)]) == 1
    assert "is a folder" in capsys.readouterr().err
    blocker = tmp_path / "plain-file"
    blocker.write_text("x")
    assert main(["report", path, "-o", str(blocker / "x.pdf")]) == 1
    assert capsys.readouterr().err == f"casefile: {blocker}: no such folder\n"
    assert main(["report", path, "-o", str(tmp_path / "case.pdf"), "--as-of", "2021"]) == 1
    assert not (tmp_path / "case.pdf").exists()


def test_gui_preview_and_export(sample, qtbot, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget
    from PySide6.QtWidgets import QFileDialog

    from desktop.shell.actions import ActionId
    from desktop.shell.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.set_case(sample)
    # An entity's context menu "Print evidence summary" reaches the window like this.
    window.coordinator.sig_print_summary.emit(sample.ids["enertech"])
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
    pdf = tmp_path / "whole case.pdf"
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Saved"),
                    timeout=20000)
    pages = read_pdf(pdf)
    assert window.statusBar().currentMessage() == (
        f"Saved {len(pages)}-page summary to {pdf}")
    check_every_page(pages, "CONFIDENTIAL")
    assert "Case summary" in normalise(pages[0])
    window.set_case(None)

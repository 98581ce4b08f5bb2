"""Scans: a page rendered from text to an image (PNG, and a PDF holding only that image)
is read by Tesseract in the chosen languages; its word boxes let a claim on OCR text
record rectangles on the page; without Tesseract the refusal says how to install it."""

from __future__ import annotations

from db.core.commands import run
from db.extract import ocr
from db.models import Claim, Document, DocumentPage
from db.services.documents import add_files
from db.services.evidence import create_claim_for_excerpt
from tests.document_making import scanned_page_png, scanned_pdf

LINES = ["Company register of JSC Kama", "Renera holds 100 percent of the shares."]


def _only(case, result):
    assert result.files[0].status == "added", result.files[0].reason
    with case.session() as session:
        document = session.get(Document, result.added[0])
        pages = session.query(DocumentPage).filter_by(document_id=document.id).all()
        return document.text, document.mime_type, document.properties, \
            [(p.page, p.width, p.height, p.source, p.boxes) for p in pages]


def test_a_scanned_image_is_read_with_word_boxes_and_claimable(new_case, tmp_path):
    path = tmp_path / "register-scan.png"
    path.write_bytes(scanned_page_png(LINES))
    result = add_files(new_case, [path], ocr_languages=["eng", "deu"])
    text, mime, properties, pages = _only(new_case, result)
    assert text == "\n\n".join(LINES)  # Tesseract sees two blocks
    assert mime == "image/png" and properties == {"ocrLanguages": ["eng", "deu"]}
    [(page, width, height, source, boxes)] = pages
    assert (page, width, height, source) == (1, 1700, 560, "ocr")
    first = boxes[0]  # "Company", drawn at x = 120 px, y = 150 px
    assert text[first[0]:first[1]] == "Company"
    assert 115 <= first[2] <= 125 and 145 <= first[3] <= 165
    claim_id = run(new_case, "c", lambda tx: create_claim_for_excerpt(
        tx, result.added[0], "holds 100 percent")).result
    with new_case.session() as session:
        [(number, x0, y0, x1, y1)] = session.get(Claim, claim_id).rects
    # The second line starts at y = 230 px; "Renera " is ~150 px wide at 40 px.
    assert number == 1 and 240 < x0 < 300 and 220 < y0 < y1 < 290 and x1 > x0 + 250


def test_a_scanned_pdf_without_a_text_layer_is_read_in_points(new_case, tmp_path):
    path = tmp_path / "register-scan.pdf"
    path.write_bytes(scanned_pdf(LINES))
    text, mime, properties, pages = _only(new_case, add_files(new_case, [path]))
    assert text == "\n\n".join(LINES) and mime == "application/pdf"
    [(page, width, height, source, boxes)] = pages
    assert (page, round(width), round(height), source) == (1, 612, 202, "ocr")
    # 120 px at 200 dpi is 43.2 pt from the left.
    assert 40 < boxes[0][2] < 46


def test_without_tesseract_a_scan_is_refused_saying_how_to_install_it(new_case, tmp_path,
                                                                    monkeypatch):
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    path = tmp_path / "scan.png"
    path.write_bytes(scanned_page_png(LINES))
    [outcome] = add_files(new_case, [path]).files
    assert (outcome.status, outcome.reason) == ("failed", (
        "a scan without a text layer: OCR is not installed (install tesseract-ocr, e.g. "
        "apt-get install tesseract-ocr tesseract-ocr-eng)"))


def test_a_language_not_installed_is_named(new_case, tmp_path):
    path = tmp_path / "scan.png"
    path.write_bytes(scanned_page_png(LINES))
    [outcome] = add_files(new_case, [path], ocr_languages=["eng", "zzz"]).files
    assert outcome.reason == ("a scan without a text layer: OCR language not installed: zzz "
                              "(install tesseract-ocr-zzz)")


def test_cancel_during_ocr_writes_nothing(new_case, tmp_path):
    import pytest

    from db.core import Cancelled, Progress

    first = tmp_path / "a.txt"
    first.write_text("Renera bought a stake in JSC Kama.")
    scan = tmp_path / "scan.png"
    scan.write_bytes(scanned_page_png(LINES))
    seen = []

    def is_cancelled() -> bool:  # the person presses Cancel once OCR has started
        return any(text.startswith("Recognising") for text in seen)

    progress = Progress(lambda done, total, text: seen.append(text), is_cancelled)
    with pytest.raises(Cancelled):
        add_files(new_case, [first, scan], progress)
    assert "Recognising scan.png, page 1 of 1" in seen
    with new_case.session() as session:
        assert session.query(Document).count() == 0


def _mixed_pdf(tmp_path):
    """A PDF of a text page, then a scanned page (an image only)."""
    import io

    import pypdfium2 as pdfium

    from tests.pdf_making import text_pdf

    merged = pdfium.PdfDocument(text_pdf([["Registry extract, page one."]]))
    merged.import_pages(pdfium.PdfDocument(scanned_pdf(LINES)))
    out = io.BytesIO()
    merged.save(out)
    path = tmp_path / "mixed.pdf"
    path.write_bytes(out.getvalue())
    return path


def test_a_pdf_with_text_pages_and_a_scanned_page_gets_both(new_case, tmp_path):
    path = _mixed_pdf(tmp_path)
    text, _mime, properties, pages = _only(new_case, add_files(new_case, [path]))
    assert text == "Registry extract, page one.\f" + "\n\n".join(LINES)
    assert [(p[0], p[3]) for p in pages] == [(1, "pdf"), (2, "ocr")]
    second = pages[1][4][0]
    assert text[int(second[0]):int(second[1])] == "Company"
    assert properties == {"ocrLanguages": ["eng"]}


def test_without_tesseract_a_mixed_pdf_keeps_its_text_pages(new_case, tmp_path,
                                                           monkeypatch):
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    path = _mixed_pdf(tmp_path)
    text, _mime, properties, _pages = _only(new_case, add_files(new_case, [path]))
    assert text.startswith("Registry extract, page one.\f")
    assert properties["ocrNotDone"][0].startswith("OCR is not installed")

"""The evidence summary prints, beside a quote from a PDF or a scan, the passage cut from
its page: ``pdfimages`` finds those images in the printed PDF."""

from __future__ import annotations

import subprocess

from db.core.commands import run
from db.models import Document
from db.services.claim_flow import ClaimDraft, ExistingLink, NewLink, create_claim_from_passage
from db.services.documents import add_files
from tests.document_making import scanned_page_png
from tests.pdf_making import text_pdf
from tests.pdf_reading import body_text, poppler, read_pdf


def test_the_annex_shows_the_passage_cut_from_its_page(sample, qapp, tmp_path, artifacts):
    from cli.main import main

    pdf = tmp_path / "register.pdf"
    pdf.write_bytes(text_pdf([["Registry extract"], ["Renera is wholly owned by Rosatom."]]))
    scan = tmp_path / "scan.png"
    scan.write_bytes(scanned_page_png(["Renera holds 100 percent of the shares."]))
    pdf_id, scan_id = add_files(sample, [pdf, scan]).added
    ids = sample.ids

    def claims(tx):
        pdf_text = tx.session.get(Document, pdf_id).text
        start = pdf_text.index("wholly owned by Rosatom")
        first = create_claim_from_passage(tx, ClaimDraft(
            pdf_id, start, start + 23, statement="Rosatom owns Renera",
            target=NewLink("Ownership", ids["rosatom"], ids["renera"])))
        scan_text = tx.session.get(Document, scan_id).text
        start = scan_text.index("holds 100 percent")
        create_claim_from_passage(tx, ClaimDraft(
            scan_id, start, start + 17, target=ExistingLink(first.link_id)))

    run(sample, "claims", claims)
    path = str(sample.path)
    sample.engine.dispose()
    out = tmp_path / "summary.pdf"
    assert main(["report", path, "--entity", "Renera", "-o", str(out)]) == 0
    listed = subprocess.run([poppler("pdfimages"), "-list", str(out)], capture_output=True,
                            text=True, check=True).stdout.splitlines()[2:]
    images = [line.split() for line in listed if line.split()[2] == "image"]
    sizes = sorted((int(w), int(h)) for _p, _n, _t, w, h, *_rest in images)
    # Two passages: a line of 12 pt Helvetica at 144 dpi (~270 × 40 px) and a line of the
    # 200 dpi scan drawn at 144 dpi; the chain figure (if any) is larger than both.
    passages = [(w, h) for w, h in sizes if 150 < w < 500 and 20 < h < 80]
    assert len(passages) == 2, sizes
    text = body_text(read_pdf(out))
    assert "wholly owned by Rosatom" in text and "holds 100 percent" in text
    pages = subprocess.run([poppler("pdfimages"), "-list", str(out)], capture_output=True,
                           text=True, check=True).stdout
    last_page = max(int(line.split()[0]) for line in pages.splitlines()[2:] if line.strip())
    subprocess.run([poppler("pdftoppm"), "-r", "80", "-png", "-f", str(last_page), "-l",
                    str(last_page), str(out), str(artifacts / "annex_passages")], check=True)

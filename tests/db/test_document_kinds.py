"""Documents as investigators get them, each kind generated and added through the one
intake: the text a claim can quote, where a quote is, and documents inside documents."""

from __future__ import annotations

from db.core.commands import run
from db.models import Claim, Document, DocumentPage
from db.services.documents import add_files
from db.services.evidence import create_claim_for_excerpt
from tests.document_making import (
    SENTENCE,
    docx_bytes,
    eml_bytes,
    mbox_bytes,
    mhtml_bytes,
    warc_bytes,
    xlsx_bytes,
)


def _add(case, tmp_path, name: str, data: bytes) -> Document:
    path = tmp_path / name
    path.write_bytes(data)
    result = add_files(case, [path])
    assert result.files[0].status == "added", result.files[0].reason
    with case.session() as session:
        document = session.get(Document, result.added[0])
        session.expunge(document)
        return document


def _children(case, parent_id: str) -> list[Document]:
    with case.session() as session:
        found = session.query(Document).filter_by(parent_id=parent_id).order_by(
            Document.file_name).all()
        for document in found:
            session.expunge(document)
        return found


def test_docx_keeps_paragraphs_and_table_cells_apart(new_case, tmp_path):
    document = _add(new_case, tmp_path, "extract.docx", docx_bytes())
    assert document.title == "Kama register extract"
    assert document.text == ("Register extract\n" + SENTENCE + "\nOwner\tShare\nRosatom\t100%"
                             "\nIssued by the registry.")
    claim_id = run(new_case, "c", lambda tx: create_claim_for_excerpt(
        tx, document.id, "wholly owned by Rosatom")).result
    with new_case.session() as session:
        claim = session.get(Claim, claim_id)
        assert (claim.span_start, claim.span_end) == (27, 50)
        assert claim.selector["prefix"].endswith("Renera is ")


def test_xlsx_reads_each_sheet_row_by_row(new_case, tmp_path):
    document = _add(new_case, tmp_path, "owners.xlsx", xlsx_bytes())
    assert document.text == ("Owners\nCompany\tOwner\tShare\nRenera\tRosatom\t100\n"
                             "JSC Kama\tRenera\t0.5\n\nNotes\n" + SENTENCE)
    assert document.properties == {"sheet": ["Owners", "Notes"]}


def test_eml_attachments_become_documents_inside_the_message(new_case, tmp_path):
    message = _add(new_case, tmp_path, "papers.eml", eml_bytes())
    assert message.title == "Registry papers — Renera"
    assert message.text.startswith("From: Source <source@example.org>\nTo: desk@example.org")
    assert message.text.endswith("Attached are the papers we spoke about.\n\n"
                                 "Attachments: extract.pdf, notes.txt")
    pdf, notes = _children(new_case, message.id)
    assert (pdf.file_name, pdf.mime_type, notes.file_name) == (
        "extract.pdf", "application/pdf", "notes.txt")
    assert notes.text == "Call notes: Renera met Mosgortrans in May.\n"
    start = pdf.text.index("wholly owned")
    assert pdf.text[start:start + 23] == "wholly owned by Rosatom"
    with new_case.session() as session:  # the attachment's pages carry word boxes
        pages = session.query(DocumentPage).filter_by(document_id=pdf.id).all()
        assert [p.page for p in pages] == [1, 2] and pages[1].boxes


def test_mbox_messages_are_documents_with_their_own_attachments(new_case, tmp_path):
    box = _add(new_case, tmp_path, "inbox.mbox", mbox_bytes())
    assert box.text.splitlines()[0].startswith("1. Registry papers — Renera — Source")
    first, second = _children(new_case, box.id)
    assert second.text.endswith("Kama confirmed the stake.")
    assert [d.file_name for d in _children(new_case, first.id)] == ["extract.pdf",
                                                                    "notes.txt"]


def test_mhtml_is_decoded_no_quoted_printable_left(new_case, tmp_path):
    page = _add(new_case, tmp_path, "notice.mhtml", mhtml_bytes())
    assert b"=E2=80=94" in mhtml_bytes()  # the em dash, as the file encodes it
    assert page.text == f"Notice — Kama\n\n{SENTENCE}\n\nRosatom\t100%"
    assert page.title == "Kama notice"
    assert page.properties["url"] == ["https://registry.example/kama"]


def test_warc_gz_captures_are_documents_with_url_and_time(new_case, tmp_path):
    archive = _add(new_case, tmp_path, "crawl.warc.gz", warc_bytes())
    assert archive.title == "Web archive: registry.example"
    renera, kama = sorted(_children(new_case, archive.id), key=lambda d: d.url)
    assert (kama.url, kama.retrieved, kama.title) == ("https://registry.example/kama",
                                                      "2024-03-14", "Kama")
    assert kama.properties["capturedAt"] == ["2024-03-14T09:30:00Z"]
    assert kama.text == SENTENCE  # no HTTP headers in the text
    assert renera.text == "Renera opens a gigafactory."
    assert "HTTP/1.1" not in archive.text and "Content-Type" not in kama.text
    plain = _add(new_case, tmp_path, "crawl.warc", warc_bytes(gzip=False).replace(
        b"gigafactory", b"battery hub"))
    # An uncompressed WARC too; a capture already in the case is not stored twice.
    [changed] = _children(new_case, plain.id)
    assert changed.text == "Renera opens a battery hub."


def test_html_keeps_cells_and_blocks_apart_and_unescapes_once(new_case, tmp_path):
    page = _add(new_case, tmp_path, "owners.html", (
        b"<html><head><title>Owners</title></head><body><h1>Owners</h1><ul><li>One</li>"
        b"<li>Two</li></ul><table><tr><th>Owner</th><th>Share</th></tr><tr><td>Rosatom</td>"
        b"<td>100%</td></tr></table><p>Write &amp;lt;b&amp;gt; for bold; A&nbsp;&amp;&nbsp;B"
        b"</p></body></html>"))
    assert page.text == ("Owners\n\nOne\n\nTwo\n\nOwner\tShare\n\nRosatom\t100%\n\n"
                         "Write &lt;b&gt; for bold; A & B")

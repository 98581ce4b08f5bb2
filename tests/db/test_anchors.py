"""Claims point at the page: rectangles from word boxes, a TextQuoteSelector beside the
span, and re-anchoring that says how far a quote drifted when the text changed."""

from __future__ import annotations

from sqlalchemy import update

from db.anchors import EXACT, LOST, MOVED, REWRAPPED, quote_selector, reanchor, rects_for_span
from db.core.commands import run
from db.models import Claim, Document
from db.services.documents import add_files
from db.services.evidence import create_claim_for_excerpt
from db.verify.check import check_case
from tests.pdf_making import text_pdf

TEXT = "Kama is a battery plant. Renera owns Kama. Later, Renera owns Kama again."


def test_selector_keeps_the_quote_with_its_context():
    start = TEXT.index("Renera owns Kama")
    selector = quote_selector(TEXT, start, start + 16)
    assert selector == {"type": "TextQuoteSelector", "exact": "Renera owns Kama",
                        "prefix": "Kama is a battery plant. ", "suffix": ". Later, Renera owns Kama again."}


def test_reanchor_finds_moved_rewrapped_and_lost_quotes():
    start = TEXT.index("Renera owns Kama")
    selector = quote_selector(TEXT, start, start + 16)
    assert reanchor(TEXT, selector, start, start + 16).status == EXACT
    moved = reanchor("NEW HEADER\n" + TEXT, selector, start, start + 16)
    assert (moved.status, moved.drift, moved.start) == (MOVED, 11, start + 11)
    assert moved.line() == "found 11 characters later than recorded"
    # Two places hold the same words: the one with the recorded prefix wins, not the nearer.
    shifted = TEXT.replace("Kama is a battery plant. ", "Kama plant. ")
    found = reanchor(shifted, selector, start, start + 16)
    assert abs(shifted.rindex("Renera owns Kama") - start) < abs(found.start - start)
    assert found.start == shifted.index("Renera owns Kama")
    rewrapped = reanchor(TEXT.replace("Renera owns", "Renera\nowns"), selector, 3, 19)
    assert rewrapped.status == REWRAPPED and rewrapped.start == start
    assert reanchor("nothing here", selector, start, start + 16).status == LOST


def test_rects_cover_part_words_and_merge_per_line():
    boxes = [[0, 4, 10, 10, 50, 20], [5, 9, 60, 10, 100, 20], [10, 14, 10, 30, 50, 40]]
    assert rects_for_span([(1, boxes)], 2, 12) == [[1, 30.0, 10, 100, 20], [1, 10, 30, 30.0, 40]]


def test_a_claim_on_a_pdf_records_page_rectangles_and_selector(new_case, tmp_path):
    pdf = tmp_path / "extract.pdf"
    pdf.write_bytes(text_pdf([["Preamble line."], ["Renera is wholly owned by Rosatom."]]))
    document_id = add_files(new_case, [pdf]).added[0]
    claim_id = run(new_case, "claim", lambda tx: create_claim_for_excerpt(
        tx, document_id, "wholly owned by Rosatom")).result
    with new_case.session() as session:
        claim = session.get(Claim, claim_id)
        assert claim.page == 2
        assert claim.selector["exact"] == "wholly owned by Rosatom"
        assert claim.selector["prefix"].endswith("Renera is ")
        [(page, x0, y0, x1, y1)] = claim.rects
        # Helvetica 12 pt from x = 72: "Renera is " is ~52 pt wide, the quote ~130 pt more.
        assert page == 2 and 118 < x0 < 130 and 250 < x1 < 275 and 60 < y0 < y1 < 76


def test_check_reports_how_far_a_quote_drifted(new_case, tmp_path):
    note = tmp_path / "note.txt"
    note.write_text(TEXT)
    document_id = add_files(new_case, [note]).added[0]
    run(new_case, "claim", lambda tx: create_claim_for_excerpt(tx, document_id,
                                                               "Renera owns Kama"))
    assert check_case(new_case).ok
    with new_case.session() as session, session.begin():  # extraction changed under it
        session.execute(update(Document).values(text="Re-extracted. " + TEXT))
    [line] = check_case(new_case).claim_problems
    assert line.endswith("excerpt is not at its position in the document; found 14 "
                         "characters later than recorded")

"""The claims list on a case with more claims than a page: it opens with one page,
scrolling to the end loads the rest, sorting by a header is right across pages, filters
are applied to the whole list, and a claim far down opens its document at its quote."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.panes.claims.model import ClaimTableModel, IdRole
from desktop.panes.claims.pane import MODE_DISPUTED
from desktop.panes.paged_table import PAGE_SIZE
from tests.claim_fixtures import many_claims

COUNT = 450


@pytest.fixture
def window(make_window, new_case, qtbot):
    inserted = many_claims(new_case, COUNT)
    window = make_window(new_case, panes=("claims", "documents"))
    window.inserted = inserted
    window.docks["claims"].raise_()
    pane = window.panes["claims"]
    qtbot.waitUntil(lambda: not pane.busy and pane.claims_model.rowCount() > 0,
                    timeout=10_000)
    return window


def _scroll_to_end(qtbot, pane) -> None:
    view, model = pane.claims_view, pane.claims_model
    while model.canFetchMore():
        rows = model.rowCount()
        view.scrollToBottom()  # the view asks for more when it shows the last row
        qtbot.waitUntil(lambda rows=rows: model.rowCount() > rows, timeout=5_000)


def _column(pane, column: int) -> list[str]:
    model = pane.claims_model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_opens_with_one_page_and_scrolling_loads_the_rest(qtbot, window):
    pane = window.panes["claims"]
    assert pane.claims_model.rowCount() == PAGE_SIZE
    assert pane.count_label.text() == f"{COUNT} claims"  # the whole list, not the page
    _scroll_to_end(qtbot, pane)
    assert pane.claims_model.rowCount() == COUNT
    ids = _column(pane, 0)
    assert len(set(ids)) == COUNT
    documents = [d.lower() for d in _column(pane, ClaimTableModel.COL_DOCUMENT)]
    assert documents == sorted(documents)  # document order by default


def test_sorting_by_a_header_is_right_across_pages(qtbot, window, artifacts):
    pane = window.panes["claims"]
    header = pane.claims_view.horizontalHeader()
    with qtbot.waitSignal(pane.claims_model.sig_loaded, timeout=10_000):
        header.setSortIndicator(ClaimTableModel.COL_EXCERPT, Qt.SortOrder.DescendingOrder)
    assert pane.claims_model.rowCount() == PAGE_SIZE
    _scroll_to_end(qtbot, pane)
    excerpts = _column(pane, ClaimTableModel.COL_EXCERPT)
    assert excerpts == [f"“Claim {n:04d}”" for n in reversed(range(COUNT))]
    with qtbot.waitSignal(pane.claims_model.sig_loaded, timeout=10_000):
        header.setSortIndicator(ClaimTableModel.COL_GRADE, Qt.SortOrder.AscendingOrder)
    _scroll_to_end(qtbot, pane)
    grades = _column(pane, ClaimTableModel.COL_GRADE)
    assert len(grades) == COUNT and grades == sorted(grades) and grades[0] == "A1"
    # A filter keeps the order and counts the whole list.
    pane.mode.setCurrentIndex(MODE_DISPUTED)
    qtbot.waitUntil(lambda: not pane.busy)
    statuses = set(_column(pane, ClaimTableModel.COL_STATUS))
    disputed = sum(c["status"] in ("disputed", "refuted") for c in window.inserted.values())
    assert disputed > PAGE_SIZE  # still more than a page
    assert statuses == {"disputed", "refuted"} and pane.count_label.text() == f"{disputed} claims"
    _scroll_to_end(qtbot, pane)
    grades = _column(pane, ClaimTableModel.COL_GRADE)
    assert len(grades) == disputed and grades == sorted(grades)
    pane.grab().save(str(artifacts / "claims_paged_disputed_by_grade.png"))


def test_a_claim_far_down_opens_its_document_at_the_quote(qtbot, window):
    pane = window.panes["claims"]
    documents = window.panes["documents"]
    last = max(window.inserted.values(), key=lambda c: c["excerpt"])  # "Claim 0449"
    with qtbot.waitSignal(pane.claims_model.sig_loaded, timeout=10_000):
        pane.claims_view.horizontalHeader().setSortIndicator(
            ClaimTableModel.COL_EXCERPT, Qt.SortOrder.AscendingOrder)
    # Chosen from elsewhere (the entity pane, a search hit), a claim not yet loaded is found.
    pane.select_claim(last["id"])
    assert pane.current_claim_id() == last["id"]
    assert pane.claims_view.currentIndex().row() == COUNT - 1
    # Clicked far down the list: its document opens at its quote.
    row = COUNT - 3
    index = pane.claims_model.index(row, ClaimTableModel.COL_STATEMENT)
    pane.claims_view.scrollTo(index)
    rect = pane.claims_view.visualRect(index)
    claim_id = index.data(IdRole)
    claim = window.inserted[claim_id]
    with qtbot.waitSignal(pane.sig_document_requested) as requested:
        qtbot.mouseClick(pane.claims_view.viewport(), Qt.MouseButton.LeftButton,
                         pos=rect.center())
    assert requested.args == [claim["document_id"], claim["span_start"], claim["span_end"]]
    qtbot.waitUntil(lambda: documents.document_id == claim["document_id"])
    # Hidden by a filter, a claim chosen elsewhere clears the filter to show it.
    pane.filter_edit.setText("Claim 0001")
    qtbot.waitUntil(lambda: pane.claims_model.total() == 1)
    pane.select_claim(last["id"])  # (the filtered list may still be loading: then once in)
    qtbot.waitUntil(lambda: pane.filter_edit.text() == "")
    qtbot.waitUntil(lambda: pane.current_claim_id() == last["id"])  # once the list is read
    assert pane.claims_view.currentIndex().row() == COUNT - 1 and pane.count_label.text() \
        == f"{COUNT} claims"

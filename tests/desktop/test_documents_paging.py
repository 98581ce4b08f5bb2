"""The documents list on a case with more documents than a page: it opens with one page,
scrolling to the end loads the rest, sorting by a column is right across pages, and a row
picked far down opens in the viewer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from db.reads import document_list as views
from desktop.panes.documents.model import PAGE_SIZE, DocumentTableModel, IdRole
from tests.document_fixtures import many_documents

COUNT = 450


@pytest.fixture
def pane(make_window, new_case, qtbot):
    claims_of = many_documents(new_case, COUNT)
    window = make_window(new_case, panes=("documents",))
    pane = window.panes["documents"]
    pane.claims_of = claims_of
    # The list's first page, then its first document (read on the worker: a big list).
    qtbot.waitUntil(lambda: not pane.model.busy and pane.model.rowCount() > 0
                    and pane.document_id is not None, timeout=10_000)
    return pane


def _scroll_to_end(qtbot, pane) -> None:
    view = pane.table
    while pane.model.canFetchMore():
        view.scrollToBottom()
        qtbot.waitUntil(lambda: view.verticalScrollBar().value()
                        == view.verticalScrollBar().maximum())
        if pane.model.canFetchMore():  # the view asks for more when it shows the last row
            rows = pane.model.rowCount()
            view.scrollToBottom()
            qtbot.waitUntil(lambda rows=rows: pane.model.rowCount() > rows
                            or not pane.model.canFetchMore(), timeout=5_000)


def _column(pane, column: int) -> list[str]:
    model = pane.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_opens_with_one_page_and_scrolling_loads_the_rest(qtbot, pane, artifacts):
    model = pane.model
    assert model.rowCount() == PAGE_SIZE and model.total() == COUNT + 1
    assert pane.document_id == model.document_id(0)  # the newest opened in the viewer
    _scroll_to_end(qtbot, pane)
    assert model.rowCount() == COUNT + 1 and not model.canFetchMore()
    dates = _column(pane, DocumentTableModel.PUBLISHED)
    assert dates == sorted(dates, reverse=True)  # newest first across all pages
    pane.grab().save(str(artifacts / "documents_paged_end.png"))


def test_sorting_by_a_column_is_right_across_pages(qtbot, pane, artifacts):
    header = pane.table.horizontalHeader()
    with qtbot.waitSignal(pane.model.sig_loaded, timeout=10_000):
        header.setSortIndicator(DocumentTableModel.TITLE, Qt.SortOrder.AscendingOrder)
    assert pane.model.rowCount() == PAGE_SIZE
    _scroll_to_end(qtbot, pane)
    titles = _column(pane, DocumentTableModel.TITLE)
    assert len(titles) == COUNT + 1 and titles == sorted(titles, key=str.lower)
    with qtbot.waitSignal(pane.model.sig_loaded, timeout=10_000):
        header.setSortIndicator(DocumentTableModel.CLAIMS, Qt.SortOrder.DescendingOrder)
    _scroll_to_end(qtbot, pane)
    counts = [int(c) for c in _column(pane, DocumentTableModel.CLAIMS)]
    assert counts == sorted(pane.claims_of.values(), reverse=True)
    pane.grab().save(str(artifacts / "documents_paged_by_claims.png"))


def test_a_row_far_down_opens_in_the_viewer_and_stays_selected(qtbot, pane, new_case):
    # Opened from elsewhere (a claim, a search hit), a document not yet loaded is found.
    last = new_case.read(views.ordered_document_ids)[-1]
    assert pane.model.rowCount() == PAGE_SIZE
    pane.show_document(last)
    assert pane.table.currentIndex().row() == COUNT
    assert pane.table.currentIndex().data() == pane.title.text()
    row = COUNT - 3
    index = pane.model.index(row, DocumentTableModel.TITLE)
    pane.table.scrollTo(index)
    rect = pane.table.visualRect(index)
    qtbot.mouseClick(pane.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert pane.document_id == pane.model.document_id(row)
    assert pane.title.text() == index.data()
    # A new order (a header clicked) keeps the open document selected where it now is.
    with qtbot.waitSignal(pane.model.sig_loaded, timeout=10_000):
        pane.table.horizontalHeader().setSortIndicator(DocumentTableModel.TITLE,
                                                       Qt.SortOrder.AscendingOrder)
    current = pane.table.currentIndex()
    assert current.data(IdRole) == pane.document_id and current.data() == pane.title.text()

"""Opening a big case in the whole main window: 5,000 entities and 12,500 links shaped like
the bench's 100k case, plus 3,000 documents — more than a page of every list. Opening only
starts the big reads (they run on workers); then every list fills with its first page and
the first document opens. ``bench/bench_open_window.py`` measures the open against an
empty case and the GUI thread's longest busy stretch."""

from __future__ import annotations

from PySide6.QtCore import QThreadPool

from db.core.casefile import CaseFile
from desktop.panes.documents.model import PAGE_SIZE
from tests.desktop.test_chain_big_case import hundred_k_shaped
from tests.document_fixtures import many_documents

DOCUMENTS = 3000


def test_opening_a_big_case_reads_on_workers_and_fills_every_list(qtbot, make_window,
                                                                   tmp_path, artifacts):
    path = tmp_path / "big.casefile"
    case = CaseFile.create(path, name="Big", author="test")
    hundred_k_shaped(case)
    many_documents(case, DOCUMENTS)
    case.close()
    window = make_window(size=(1500, 950))

    window.set_case(CaseFile.open(path))
    documents, entities = window.panes["documents"], window.panes["entities"]
    counts = window.findChild(type(window._status_counts), "status_counts")
    # Opening only started the reads: the big lists are ordered, the case counted, on workers.
    assert documents.model.busy and documents.model.rowCount() == 0
    assert entities.list_model.busy and counts.text() == ""
    qtbot.waitUntil(lambda: not documents.model.busy and not entities.list_model.busy
                    and QThreadPool.globalInstance().activeThreadCount() == 0
                    and documents.document_id is not None and counts.text() != "",
                    timeout=60_000)
    assert documents.model.rowCount() == PAGE_SIZE
    assert documents.model.total() == DOCUMENTS + 1
    assert documents.document_id == documents.model.document_id(0)  # opened in the viewer
    assert documents.title.text() == documents.model.index(0, 0).data()
    assert entities.list_model.rowCount() > 0
    assert counts.text().startswith("5000 entities · 12500 links")
    window.grab().save(str(artifacts / "open_big_case.png"))

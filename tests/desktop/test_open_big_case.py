"""Opening a big case in the whole main window: 5,000 entities and 12,500 links shaped like
the bench's 100k case, plus 3,000 documents — more than a page of every list. Opening only
starts the big reads (they run on workers); then every list fills with its first page and
the first document opens, with no GUI block over 100 ms on the way (the shared watchdog).
The panes in hidden tabs (timeline, chain) read nothing until they are shown.
``bench/bench_open_window.py`` measures the open against an empty case and the GUI
thread's longest busy stretch."""

from __future__ import annotations

from PySide6.QtCore import QThreadPool

from db.core.casefile import CaseFile
from desktop.panes.documents.model import PAGE_SIZE
from tests.desktop.test_chain_big_case import hundred_k_shaped
from tests.desktop.watchdog import Watchdog
from tests.document_fixtures import many_documents

DOCUMENTS = 3000


def _all_read(window) -> bool:
    documents, entities = window.panes["documents"], window.panes["entities"]
    claims = window.panes["claims"]
    counts = window.findChild(type(window._status_counts), "status_counts")
    return (not documents.model.busy and not documents.opening and not entities.list_model.busy
            and not claims.claims_model.busy
            and QThreadPool.globalInstance().activeThreadCount() == 0
            and documents.document_id is not None and counts.text() != "")


def test_opening_a_big_case_reads_on_workers_and_fills_every_list(qtbot, make_window,
                                                                   tmp_path, artifacts,
                                                                   request):
    path = tmp_path / "big.casefile"
    case = CaseFile.create(path, name="Big", author="test")
    hundred_k_shaped(case)
    many_documents(case, DOCUMENTS)
    case.close()
    window = make_window(size=(1500, 950))
    qtbot.waitExposed(window)
    request.getfixturevalue("app_started")
    watchdog = Watchdog()
    watchdog.start()

    window.set_case(CaseFile.open(path))
    documents, entities = window.panes["documents"], window.panes["entities"]
    claims, timeline = window.panes["claims"], window.panes["timeline"]
    counts = window.findChild(type(window._status_counts), "status_counts")
    # Opening only started the reads: the big lists are ordered, the case counted, on workers.
    assert documents.model.busy and documents.model.rowCount() == 0
    assert entities.list_model.busy and counts.text() == ""
    # The timeline sits in a tab behind the claims: it waits to be shown.
    assert not timeline.on_screen() and timeline.waiting_to_show and timeline.loading == 0
    qtbot.waitUntil(lambda: _all_read(window), timeout=60_000)
    watchdog.stop()
    assert watchdog.ticks >= 3 and watchdog.late == 0, watchdog.report()  # it did watch

    # What a person sees: every list holds its first page, the first document is open.
    assert documents.model.rowCount() == PAGE_SIZE
    assert documents.model.total() == DOCUMENTS + 1
    assert documents.document_id == documents.model.document_id(0)  # opened in the viewer
    assert documents.title.text() == documents.model.index(0, 0).data()
    assert documents.text_view.toPlainText().strip() != ""
    assert entities.list_model.rowCount() > 0
    assert claims.claims_model.rowCount() > 0
    assert counts.text().startswith("5000 entities · 12500 links")
    assert timeline.waiting_to_show and timeline.model.rowCount() == 0
    window.grab().save(str(artifacts / "open_big_case.png"))

    # An entity chosen while the timeline is hidden: still nothing read for it; shown, the
    # timeline reads and shows that entity's items.
    entity_id = entities.list_model.entity_id(0)
    timeline.select_entity(entity_id)
    assert timeline.waiting_to_show and timeline.loading == 0
    window.docks["timeline"].raise_()
    qtbot.waitUntil(lambda: timeline.on_screen() and not timeline.waiting_to_show
                    and timeline.loading == 0 and timeline.model.rowCount() > 0,
                    timeout=20_000)
    assert timeline.header.text().startswith("Timeline of Entity ")
    window.grab().save(str(artifacts / "open_big_case_timeline.png"))

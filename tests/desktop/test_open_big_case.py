"""Opening a big case in the whole main window never blocks the GUI: 5,000 entities and
12,500 links shaped like the bench's 100k case, plus 3,000 documents — more than a page
of every list. Every pane fills from its worker while a watchdog counts GUI blocks over
100 ms (counted, not timed: a slow machine only makes the test slower)."""

from __future__ import annotations

from PySide6.QtCore import QThreadPool

from db.core.casefile import CaseFile
from desktop.panes.documents.model import PAGE_SIZE
from tests.desktop.test_chain_big_case import hundred_k_shaped
from tests.desktop.watchdog import Watchdog
from tests.document_fixtures import many_documents

DOCUMENTS = 3000


def test_opening_a_big_case_never_blocks_the_gui(qtbot, make_window, tmp_path, artifacts,
                                                  request):
    path = tmp_path / "big.casefile"
    case = CaseFile.create(path, name="Big", author="test")
    hundred_k_shaped(case)
    many_documents(case, DOCUMENTS)
    case.close()
    # The first open of a process also builds the reference schema it is checked against
    # (once; the app does it at start-up, before its window shows).
    CaseFile.open(path).close()
    window = make_window(size=(1500, 950))
    request.getfixturevalue("app_started")
    watchdog = Watchdog()
    watchdog.start()

    window.set_case(CaseFile.open(path))
    documents, entities = window.panes["documents"], window.panes["entities"]
    qtbot.waitUntil(lambda: not documents.model.busy and not entities.list_model.busy
                    and QThreadPool.globalInstance().activeThreadCount() == 0
                    and "documents" in window.findChild(type(window._status_counts),
                                                        "status_counts").text(),
                    timeout=60_000)
    assert documents.model.rowCount() == PAGE_SIZE
    assert documents.model.total() == DOCUMENTS + 1
    assert documents.document_id == documents.model.document_id(0)  # opened in the viewer
    assert entities.list_model.rowCount() > 0
    qtbot.waitUntil(lambda: watchdog.ticks > 10)  # it watched, however fast the machine
    watchdog.stop()
    window.grab().save(str(artifacts / "open_big_case.png"))
    assert watchdog.late == 0, watchdog.report()

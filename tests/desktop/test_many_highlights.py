"""A document quoted by thousands of claims opens and scrolls without blocking the window:
only the highlights on screen (and a screen around) are laid out, each distinct span
once, and scrolling brings the next ones."""

from __future__ import annotations

from db.reads.documents import ClaimSpan
from desktop.panes.documents.text_view import HIGHLIGHTS_AT_ONCE, DocumentTextView
from tests.desktop.watchdog import Watchdog

CLAIMS = 10 * HIGHLIGHTS_AT_ONCE


def _claims(count: int) -> list[ClaimSpan]:
    return [ClaimSpan(f"c{n}", n * 10, n * 10 + 4, "unverified", f"claim {n}", "B2", "wire")
            for n in range(count)]



def test_thousands_of_highlights_only_on_screen_without_a_block(qtbot, artifacts):
    view = DocumentTextView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    qtbot.waitExposed(view)
    text = "".join(f"word {n:04d}\n" for n in range(CLAIMS))  # 10 characters a line
    watchdog = Watchdog()
    watchdog.start()

    view.set_text(text, _claims(CLAIMS))
    qtbot.waitUntil(lambda: not view._window_timer.isActive())
    shown = view.extraSelections()
    assert view.windowed and 0 < len(shown) < HIGHLIGHTS_AT_ONCE
    assert shown[0].cursor.selectedText() == "word"  # the first line's claim, on screen
    view.grab().save(str(artifacts / "many_highlights.png"))

    # Scrolled to the end: the last claims are highlighted, the first ones no longer.
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    last = view.offsets.to_qt((CLAIMS - 1) * 10)
    qtbot.waitUntil(lambda: any(s.cursor.selectionStart() == last
                                for s in view.extraSelections()))
    assert all(s.cursor.selectionStart() > 0 for s in view.extraSelections())
    for _ in range(5):  # scrolling up and down stays smooth
        view.verticalScrollBar().setValue(0)
        qtbot.waitUntil(lambda: any(s.cursor.selectionStart() == 0
                                    for s in view.extraSelections()))
        view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
        qtbot.waitUntil(lambda: any(s.cursor.selectionStart() == last
                                    for s in view.extraSelections()))
    watchdog.stop()
    assert watchdog.ticks >= 3 and watchdog.late == 0, watchdog.report()


def test_many_claims_on_one_passage_are_highlighted_once_the_chosen_one_marked(qtbot):
    view = DocumentTextView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    qtbot.waitExposed(view)
    same = [ClaimSpan(f"c{n}", 0, 9, "unverified", "", "B2", "wire") for n in range(CLAIMS)]
    view.set_text("generated document", same)
    assert view.windowed and len(view.extraSelections()) == 1
    view.mark_current_claim("c77")  # chosen in the claims pane: marked on top of the rest
    assert len(view.extraSelections()) == 2
    assert view.claim_at(3) is not None  # hovering/clicking still finds a claim

"""The printed entity summary says what its listed paths leave out: "And N more paths",
uncounted paths through circular holdings, and a partial listing at the time limit."""

from __future__ import annotations

from db.reporting import entity_summary
from db.reporting.entity_summary import build_entity_summary
from desktop.reports.entity_html import entity_html
from tests.chain_shapes import ladder, tangle


def test_summary_html_says_how_many_more_paths(new_case, qtbot):
    html = entity_html(build_entity_summary(new_case, ladder(new_case)), None)
    assert html.count("And 177,142 more paths.") == 3  # the top row's three owners
    assert "Partial" not in html


def test_summary_html_says_uncounted_and_partial(new_case, qtbot, monkeypatch):
    subject = tangle(new_case)
    html = entity_html(build_entity_summary(new_case, subject), None)
    assert html.count("And more paths, through circular holdings (not counted).") == 12
    monkeypatch.setattr(entity_summary, "PATHS_SECONDS", 1e-6)
    html = entity_html(build_entity_summary(new_case, subject), None)
    assert "the search for paths stopped at its time limit." in html
    assert "more owners are not listed" in html


def test_summary_html_says_the_figure_leaves_owners_out(new_case, qtbot):
    html = entity_html(build_entity_summary(new_case, ladder(new_case, 10, 7)), (600, 400))
    assert "first owners; 10 more are listed below, not drawn." in html

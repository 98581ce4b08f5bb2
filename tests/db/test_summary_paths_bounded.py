"""The entity summary's control chain on chains with combinatorially many paths: a few
paths per owner with how many more there are, and a time bound that leaves the rest of
the owners without paths — said, never an endless enumeration."""

from __future__ import annotations

from db.reporting import entity_summary
from db.reporting.entity_summary import PATHS_PER_OWNER, build_entity_summary
from db.reporting.figure import FIGURE_OWNERS
from tests.chain_shapes import ladder, tangle


def test_ladder_summary_lists_a_few_paths_and_counts_the_rest(new_case):
    subject = ladder(new_case)
    summary = build_entity_summary(new_case, subject)
    rows = {row.name: row for row in summary.owners}
    assert len(rows) == 36 and summary.owners_without_paths == 0
    top = rows["L11-0"]
    assert len(top.paths) == PATHS_PER_OWNER == 5
    assert (top.paths_more, top.paths_partial) == (3 ** 11 - 5, False)
    assert top.paths[0].startswith("L11-0 → L10-") and top.paths[0].endswith("→ Subject")
    assert (rows["L00-2"].paths, rows["L00-2"].paths_more) == (("L00-2 → Subject",), 0)


def test_tangle_summary_says_uncounted_and_partial(new_case, monkeypatch):
    subject = tangle(new_case)
    summary = build_entity_summary(new_case, subject)
    assert {(len(r.paths), r.paths_more, r.paths_partial) for r in summary.owners} == {
        (PATHS_PER_OWNER, None, False)}
    monkeypatch.setattr(entity_summary, "PATHS_SECONDS", 1e-6)
    summary = build_entity_summary(new_case, subject)
    unlisted = [r for r in summary.owners if not r.paths]
    assert summary.owners_without_paths == len(unlisted) > 0


def test_a_big_chain_is_drawn_by_its_first_owners(new_case):
    subject = ladder(new_case, layers=10, width=7)  # 70 owners, 40 million paths each on top
    summary = build_entity_summary(new_case, subject)
    assert len(summary.owners) == 70
    drawn = [node for node in summary.figure.nodes if not node.subject]
    assert (len(drawn), summary.figure.owners_not_drawn) == (FIGURE_OWNERS, 10)
    names = {node.id: node.name for node in summary.figure.nodes}
    assert all(edge.source in names and edge.target in names for edge in summary.figure.edges)
    top = next(row for row in summary.owners if row.name == "L09-0")
    assert top.paths_more == 7 ** 9 - PATHS_PER_OWNER

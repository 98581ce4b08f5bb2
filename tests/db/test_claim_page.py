"""The claims list read a page at a time: ids ordered by SQL for every column and
filtered by SQL for every filter of the pane, rows by key in the order asked."""

from __future__ import annotations

import pytest

from db.reads import claim_page
from db.reads.claim_page import ClaimFilter
from tests.claim_fixtures import many_claims

COUNT = 120

# What each sort key means, from the row a person sees (ties: document, place in it).
EXPECTED_KEY = {
    claim_page.SORT_EXCERPT: lambda r: r.excerpt.lower(),
    claim_page.SORT_STATEMENT: lambda r: r.statement.lower(),
    claim_page.SORT_SOURCE: lambda r: (r.source or "").lower(),
    claim_page.SORT_RELIABILITY: lambda r: r.reliability,
    claim_page.SORT_CREDIBILITY: lambda r: r.credibility,
    claim_page.SORT_GRADE: lambda r: r.grade,
    claim_page.SORT_STATUS: lambda r: r.status,
    claim_page.SORT_ABOUT: lambda r: " ".join(r.about).lower().replace(":", ""),
    claim_page.SORT_DOCUMENT: lambda r: r.document.lower(),
    claim_page.SORT_AUTHOR: lambda r: r.by.lower(),
}


@pytest.fixture
def case(new_case):
    new_case.inserted = many_claims(new_case, COUNT)
    return new_case


def _rows(case, ids):
    return case.read(claim_page.claim_rows_by_id, ids)


@pytest.mark.parametrize("sort", claim_page.SORT_KEYS)
@pytest.mark.parametrize("descending", [False, True])
def test_every_sort_key_orders_the_whole_list(case, sort, descending):
    ids = case.read(claim_page.ordered_claim_ids, sort, descending)
    assert len(ids) == COUNT == case.read(claim_page.claim_count) == len(set(ids))
    rows = _rows(case, ids)
    keys = [EXPECTED_KEY[sort](r) for r in rows]
    assert keys == sorted(keys, reverse=descending)
    assert len(set(keys)) > 1  # the key does tell rows apart


def test_ties_fall_back_to_document_then_place_in_it(case):
    rows = _rows(case, case.read(claim_page.ordered_claim_ids, claim_page.SORT_STATUS))
    disputed = [(r.document.lower(), r.span_start) for r in rows if r.status == "disputed"]
    assert disputed == sorted(disputed) and len(disputed) == COUNT // 4


def _listed(case, **filters) -> list:
    return _rows(case, case.read(claim_page.ordered_claim_ids, claim_page.SORT_DOCUMENT,
                                 False, ClaimFilter(**filters)))


def test_disputed_source_and_author_filters(case):
    inserted = case.inserted
    disputed = _listed(case, disputed_only=True)
    assert {r.status for r in disputed} == {"disputed", "refuted"}
    assert len(disputed) == sum(c["status"] in ("disputed", "refuted") for c in inserted.values())
    zeta = next(r.source_id for r in disputed if r.source == "Zeta wire")
    from_zeta = _listed(case, source_id=zeta)
    assert {r.source for r in from_zeta} == {"Zeta wire"} and len(from_zeta) == COUNT // 2
    anna = _listed(case, author="Anna K.")
    assert {r.by for r in anna} == {"Anna K."} and len(anna) == COUNT // 3
    nobody = _listed(case, author="")
    assert {r.by for r in nobody} == {""} and len(nobody) == COUNT // 3
    all_three = _listed(case, disputed_only=True, source_id=zeta, author="Anna K.")
    assert all_three and all(r.status in ("disputed", "refuted") and r.source == "Zeta wire"
                             and r.by == "Anna K." for r in all_three)
    assert len(all_three) == sum(
        c["status"] in ("disputed", "refuted") and c["author"] == "Anna K."
        and c["document_id"] == from_zeta[0].document_id for c in inserted.values())
    assert case.read(claim_page.claim_authors) == ["", "Anna K.", "boris P."]


def test_text_filter_every_word_anywhere_in_the_row(case):
    assert [r.excerpt for r in _listed(case, text="CLAIM 0001")] == ["Claim 0001"]
    grade_a1 = _listed(case, text="a1")  # the grade
    assert grade_a1 and {r.grade for r in grade_a1} == {"A1"}
    assert len(grade_a1) == sum(n % 6 == 0 for n in range(COUNT))
    about = _listed(case, text="rosatom enertech")  # what it supports
    assert len(about) == COUNT // 5
    assert all(r.about == ("supports: Rosatom owns Enertech",) for r in about)
    assert len(_listed(case, text="daily boris")) == sum(  # source and author together
        n % 2 == 1 and n % 3 == 1 for n in range(COUNT))
    assert len(_listed(case, text="refuted")) == COUNT // 4
    russian = sum(n % 10 == 9 for n in range(COUNT))
    for typed in ("ренера", "Ренера", "Завод", "строит"):  # Cyrillic, whatever the case typed
        assert len(_listed(case, text=typed)) == russian, typed
    assert _listed(case, text="50%_") == []  # LIKE's own characters are plain text
    assert len(_listed(case, text="  ")) == COUNT


def test_rows_come_in_the_order_asked_and_skip_missing_ids(case):
    ids = case.read(claim_page.ordered_claim_ids)
    asked = [ids[3], "no-such-claim", ids[0]]
    assert [r.id for r in _rows(case, asked)] == [ids[3], ids[0]]

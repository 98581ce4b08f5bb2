"""The documents list read a page at a time: ids ordered by SQL for every column, rows
by key in the order asked, deleted documents left out."""

from __future__ import annotations

from db.reads import document_list as views
from tests.document_fixtures import many_documents


def _rows(case, ids):
    return case.read(views.document_rows_by_id, ids)


def test_every_sort_key_orders_the_whole_list(new_case):
    claims_of = many_documents(new_case, 120)
    ids = new_case.read(views.ordered_document_ids, views.SORT_TITLE, False)
    assert len(ids) == 121 == new_case.read(views.document_count)
    rows = _rows(new_case, ids)
    assert [r.title for r in rows] == sorted((r.title for r in rows), key=str.lower)
    by_claims = _rows(new_case, new_case.read(views.ordered_document_ids, views.SORT_CLAIMS,
                                              True))
    assert [r.claims for r in by_claims] == sorted(claims_of.values(), reverse=True)
    assert {r.id: r.claims for r in by_claims} == claims_of
    newest = _rows(new_case, new_case.read(views.ordered_document_ids))
    dates = [r.published for r in newest]
    assert dates == sorted(dates, reverse=True) and dates[0] == "2023" and dates[-1] == ""
    by_source = _rows(new_case, new_case.read(views.ordered_document_ids, views.SORT_SOURCE,
                                              False))
    names = [r.source for r in by_source]
    assert names == sorted(names, key=str.lower) and names[0] == ""
    assert names[-1] == "Zeta wire"  # case-insensitive: "alpha daily" comes first
    by_kind = _rows(new_case, new_case.read(views.ordered_document_ids, views.SORT_KIND,
                                            False))
    kinds = [views.kind_of(r.mime_type) for r in by_kind]
    assert kinds == sorted(kinds) and {"PDF", "Text"} == set(kinds)
    by_grade = _rows(new_case, new_case.read(views.ordered_document_ids, views.SORT_GRADE,
                                             True))
    assert [r.reliability for r in by_grade][:1] == ["F"]


def test_rows_come_in_the_order_asked_and_skip_missing_ids(new_case):
    many_documents(new_case, 10)
    ids = new_case.read(views.ordered_document_ids)
    asked = [ids[3], "no-such-document", ids[0]]
    assert [r.id for r in _rows(new_case, asked)] == [ids[3], ids[0]]

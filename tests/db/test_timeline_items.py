"""The timeline's read query on the sample case and on data built through the services."""

from __future__ import annotations

from datetime import date

import pytest

from db.core.commands import run
from db.reads.timeline import (
    EVENT,
    LINK,
    count_items,
    date_range,
    is_small_case,
    timeline_items,
)
from db.services import entities as E
from db.services import events as V
from db.services import links as L

# Service-level: each test runs on a case file and on a team case (PostgreSQL).
pytestmark = pytest.mark.backends("sqlite", "postgresql")


def test_whole_sample_case(sample):
    ids = sample.ids
    with sample.session() as session:
        items = timeline_items(session)
    by_id = {item.id: item for item in items}
    # 5 events (one undated) and the 5 links that carry a date.
    assert sorted(i.kind for i in items) == [EVENT] * 5 + [LINK] * 5
    stake = by_id[ids["link:stake"]]
    assert (stake.start, stake.end, stake.start_day, stake.end_day) == (
        "2022", None, date(2022, 1, 1), None)
    assert (stake.source_name, stake.target_name, stake.schema) == ("Renera", "JSC Kama",
                                                                    "Ownership")
    assert (stake.stake.share_min, stake.stake.share_max, stake.stake.value,
            stake.stake.currency) == (None, None, 6.2e9, "RUB")
    assert stake.unsourced is False
    control = by_id[ids["link:control"]]
    assert (control.source_name, control.target_name, control.start) == (
        "Rosatom", "Enertech", "2022")
    giga = by_id[ids["event:gigafactory"]]
    assert (giga.title, giga.start_day) == ("Renera gigafactory in Krasnaya Pakhra announced",
                                            date(2023, 9, 1))
    ban = by_id[ids["event:ban"]]
    assert ban.dated is False and ban.start_day is None
    assert set(ban.entity_ids) == {ids["south_korea"], ids["russia"], ids["enertech"]}
    # Undated items come last; dated ones in order of their first day.
    assert items[-1].id == ids["event:ban"]
    starts = [i.start_day for i in items[:-1]]
    assert starts == sorted(starts)
    # Undated links (the export ban as a Sanction link) are not on the time axis.
    assert ids["link:ban"] not in by_id


def test_items_of_one_entity(sample):
    ids = sample.ids
    with sample.session() as session:
        items = timeline_items(session, ids["kama"])
    assert {i.id for i in items} == {ids["link:stake"], ids["event:stake"]}


def test_in_force_fades_links_and_future_events(sample):
    ids = sample.ids
    with sample.session() as session:
        by_id = {i.id: i for i in timeline_items(session)}
    stake, giga = by_id[ids["link:stake"]], by_id[ids["event:gigafactory"]]
    assert stake.in_force(date(2021, 12, 31)) is False
    assert stake.in_force(date(2022, 6, 30)) is True
    assert stake.in_force(None) is True
    assert giga.in_force(date(2023, 8, 31)) is False
    assert giga.in_force(date(2023, 9, 1)) is True
    assert by_id[ids["event:ban"]].in_force(date(1990, 1, 1)) is True  # undated: never faded


def test_ended_link_and_date_range(new_case):
    def build(tx):
        a = E.create_entity(tx, "Company", "Alpha")
        b = E.create_entity(tx, "Company", "Beta")
        link = L.create_link(tx, "Ownership", a, b, start_date="2019-03", end_date="2020",
                             share_min=25, share_max=40)
        V.create_event(tx, "Alpha founded", "2015-05-17", entity_ids=[a])
        return link

    link_id = run(new_case, "build", build).result
    with new_case.session() as session:
        items = timeline_items(session)
        assert count_items(session) == 2
        assert date_range(session, margin_days=0) == (date(2015, 5, 17), date(2020, 12, 31))
        assert date_range(session, margin_days=10) == (date(2015, 5, 7), date(2021, 1, 10))
    link = next(i for i in items if i.kind == LINK)
    assert link.id == link_id
    assert (link.start_day, link.end_day) == (date(2019, 3, 1), date(2020, 12, 31))
    assert (link.stake.share_min, link.stake.share_max) == (25, 40)
    assert link.unsourced is True
    assert link.in_force(date(2021, 1, 1)) is False
    assert link.in_force(date(2020, 12, 31)) is True


def test_empty_case(new_case):
    with new_case.session() as session:
        assert timeline_items(session) == []
        assert date_range(session) is None
        assert count_items(session) == 0


def test_small_case_is_answered_by_capped_counts(sample):
    with sample.session() as session:  # 11 links, 5 events
        assert is_small_case(session) is True
        assert is_small_case(session, limit=11) is True
        assert is_small_case(session, limit=10) is False

"""How values read, everywhere: one spelling for shares, amounts, dates and grades."""

from __future__ import annotations

import pytest

from db import wording
from db.wording import Stake


@pytest.mark.parametrize(("stake", "schema", "expected"), [
    (Stake(51, 51), "Ownership", "51%"),
    (Stake(20, 30), "Ownership", "20–30%"),
    (Stake(None, 30), "Ownership", "0–30%"),
    (Stake(22.95, 30.6), "Ownership", "22.95–30.6%"),
    (Stake(33.333333, 33.333333), "Ownership", "33.33%"),
    (Stake(0.004, 0.004), "Ownership", "0.004%"),
    (Stake(), "Ownership", "share unknown"),
    (Stake(), "Control", ""),
    (Stake(50, 50), "Control", "50%"),
])
def test_share_text(stake, schema, expected):
    assert stake.share_text(schema) == expected


@pytest.mark.parametrize(("value", "currency", "expected"), [
    (6.2e9, "RUB", "6.2 bn RUB"), (6.2e9, None, "6.2 bn"), (1.5e6, "EUR", "1.5 m EUR"),
    (950, "USD", "950 USD"), (2.25e12, None, "2.25 tn"), (12_300, None, "12.3 k"),
])
def test_amount_text(value, currency, expected):
    assert wording.amount_text(value, currency) == expected


def test_period_and_whole_stake():
    assert wording.period_text("2022", None) == "since 2022"
    assert wording.period_text(None, "2024-01") == "until 2024-01"
    assert wording.period_text("2022-09", "2024") == "2022-09 – 2024"
    assert wording.period_text(None, None, "dates not stated") == "dates not stated"
    stake = Stake(value=6.2e9, currency="RUB", start="2022")
    assert stake.text() == "share unknown · 6.2 bn RUB · since 2022"
    assert stake.holding_text() == "share unknown · 6.2 bn RUB"
    assert Stake().holding_text("Control") == "—"
    assert Stake.of({"share_min": 10, "share_max": 10, "shares_value": None,
                     "shares_currency": None, "start_date": "2020", "end_date": None}) \
        == Stake(10, 10, start="2020")
    assert Stake(1, 2, 3, "X", "2020", "2021").columns() == {
        "share_min": 1, "share_max": 2, "shares_value": 3, "shares_currency": "X",
        "start_date": "2020", "end_date": "2021"}


def test_link_sentence():
    assert wording.link_sentence("Renera", "Ownership", "JSC Kama",
                                 Stake(value=6.2e9, currency="RUB", start="2022")) == \
        "Renera owns 6.2 bn RUB of JSC Kama since 2022"
    assert wording.link_sentence("Rosatom", "Ownership", "Renera", Stake(100, 100)) == \
        "Rosatom owns 100% of Renera"
    assert wording.link_sentence("A", "Control", "B", Stake(start="2019", end="2021")) == \
        "A controls B from 2019 to 2021"


@pytest.mark.parametrize(("text", "expected"), [
    ("", (None, None)), ("51", (51.0, 51.0)), ("51 %", (51.0, 51.0)),
    ("25–50", (25.0, 50.0)), ("25-50%", (25.0, 50.0)), ("0,5", (0.5, 0.5))])
def test_parse_share(text, expected):
    assert wording.parse_share(text) == expected


@pytest.mark.parametrize("text", ["abc", "120", "60-40", "5-"])
def test_parse_share_refuses(text):
    with pytest.raises(ValueError):
        wording.parse_share(text)


def test_parse_amount_and_inputs_round_trip():
    assert wording.parse_amount("6.2 bn") == 6.2e9
    assert wording.parse_amount("6 200 000") == 6.2e6
    assert wording.parse_amount("") is None
    with pytest.raises(ValueError, match="not an amount"):
        wording.parse_amount("lots")
    assert wording.parse_amount(wording.amount_text(6.2e9)) == 6.2e9
    assert wording.parse_share(wording.share_input(25, 50)) == (25, 50)
    assert wording.share_input(None, None) == ""


def test_translator_hook_reaches_every_phrase():
    wording.set_translator(lambda context, text: "«" + text)
    try:
        assert Stake().share_text() == "«share unknown"
        assert wording.period_text("2022", None) == "«since 2022"
        assert wording.amount_text(6.2e9, "RUB") == "6.2 «bn RUB"
        assert wording.status_text("disputed") == "«disputed"
        assert wording.about_text("supports", "A owns B") == "««supports: A owns B"
        assert wording.property_label("registrationNumber") == "«registration number"
        assert wording.property_label("someOtherProp") == "someOtherProp"
        assert wording.link_label("Ownership", "A", "B") == "A «owns B"
    finally:
        wording.set_translator(None)
    assert Stake().share_text() == "share unknown"


def test_grades_and_positions():
    assert wording.position_text(312, 398, None) == "characters 313–398"
    assert wording.position_text(0, 5, 2) == "page 2, characters 1–5"
    assert wording.grade_meaning("B2") == "usually reliable; probably true"
    assert wording.reliability_text("A") == "A (completely reliable)"

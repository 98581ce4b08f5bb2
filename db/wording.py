"""How values read, in one place: stakes (share, range, value, currency, dates), grades,
positions and relationship verbs — for every pane, the CLI and the printed summaries.

Qt-free. Every phrase passes through ``translate(context, text)``; the GUI installs Qt's
translator with ``set_translator`` so the same words are translated wherever they show.
One spelling for each thing: "51%", "20–30%", "share unknown", "6.2 bn RUB",
"since 2022", "2022 – 2024", "until 2024".

``Stake`` is the value object the six stake fields of a link make: every row type that
carries a link's share, value and dates holds one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from db.schemata import CREDIBILITY_GRADES, LINK_SCHEMATA, OWNERSHIP_LINKS, RELIABILITY_GRADES

CONTEXT = "Wording"
_translator: Callable[[str, str], str] = lambda _context, text: text  # noqa: E731


def set_translator(translator: Callable[[str, str], str] | None) -> None:
    """Route every phrase through ``translator(context, text)`` (None: English)."""
    global _translator
    _translator = translator or (lambda _context, text: text)


def translate(context: str, text: str) -> str:
    return _translator(context, text)


def _t(text: str) -> str:
    return translate(CONTEXT, text)


# -- numbers ------------------------------------------------------------------------------
def number(value: float) -> str:
    """A share or an amount as people write it: 51, 30.6, 22.95, 0.004 (no trailing zeros)."""
    if value and abs(value) < 0.01:
        return f"{value:.2g}"
    return f"{value:.2f}".rstrip("0").rstrip(".")


_SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "m"), (1e3, "k"))


def amount_text(value: float, currency: str | None = None) -> str:
    """6.2e9, "RUB" → "6.2 bn RUB"; 950 → "950"."""
    for size, unit in _SCALES:
        if abs(value) >= size:
            text = f"{number(round(value / size, 3))} {_t(unit)}"
            break
    else:
        text = number(value)
    return f"{text} {currency}" if currency else text


def share_range_text(low: float | None, high: float | None,
                     unknown: str | None = None) -> str:
    """"51%", "20–30%" (an open end reads 0 or 100), or ``unknown`` ("share unknown")."""
    if low is None and high is None:
        return _t("share unknown") if unknown is None else unknown
    if low is not None and low == high:
        return f"{number(low)}%"
    return f"{number(0 if low is None else low)}–{number(100 if high is None else high)}%"


def period_text(start: str | None, end: str | None, missing: str = "") -> str:
    """"since 2022", "until 2024", "2022 – 2024" (dates keep their precision)."""
    if start and end:
        return f"{start} – {end}"
    if start:
        return _t("since {date}").format(date=start)
    if end:
        return _t("until {date}").format(date=end)
    return missing


def dates_not_stated() -> str:
    return _t("dates not stated")


# -- the stake of a link ------------------------------------------------------------------
@dataclass(frozen=True)
class Stake:
    """What a link says about a holding: share (exact, a range or unknown), what the stake
    is worth when the share is not known, and when it held. Percent; partial ISO dates."""

    share_min: float | None = None
    share_max: float | None = None
    value: float | None = None
    currency: str | None = None
    start: str | None = None
    end: str | None = None

    @classmethod
    def of(cls, row: Any) -> Stake:
        """The stake of anything with a link's columns (an ORM link, a dict, a row)."""
        get = row.get if isinstance(row, dict) else lambda name: getattr(row, name, None)
        return cls(get("share_min"), get("share_max"), get("shares_value"),
                   get("shares_currency"), get("start_date"), get("end_date"))

    def columns(self) -> dict[str, Any]:
        """Back to the link's column names."""
        return {"share_min": self.share_min, "share_max": self.share_max,
                "shares_value": self.value, "shares_currency": self.currency,
                "start_date": self.start, "end_date": self.end}

    @property
    def share_known(self) -> bool:
        return self.share_min is not None or self.share_max is not None

    def share_text(self, schema: str = "Ownership") -> str:
        """"51%", "20–30%", "share unknown"; "" for a link that holds no shares."""
        if not self.share_known and schema not in OWNERSHIP_LINKS:
            return ""
        return share_range_text(self.share_min, self.share_max)

    def value_text(self) -> str:
        return "" if self.value is None else amount_text(self.value, self.currency)

    def period_text(self, missing: str = "") -> str:
        return period_text(self.start, self.end, missing)

    def holding_text(self, schema: str = "Ownership", missing: str = "—") -> str:
        """"51%", "share unknown · 6.2 bn RUB"; ``missing`` when the link holds nothing."""
        parts = (self.share_text(schema), self.value_text())
        return " · ".join(p for p in parts if p) or missing

    def text(self, schema: str = "Ownership", separator: str = " · ") -> str:
        """"share unknown · 6.2 bn RUB · since 2022": every part that has something to say."""
        parts = (self.share_text(schema), self.value_text(), self.period_text())
        return separator.join(p for p in parts if p)


# -- what people type ---------------------------------------------------------------------
NUMBER_PATTERN = r"\d+(?:[.,]\d+)?"
AMOUNT_MULTIPLIERS = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6,
                "billion": 1e9, "bn": 1e9, "b": 1e9, "bln": 1e9, "trillion": 1e12, "tn": 1e12}


def decimal(text: str) -> float:
    """"0,5" or "0.5" → 0.5."""
    return float(text.replace(",", "."))


def parse_share(text: str) -> tuple[float | None, float | None]:
    """"51", "51 %", "25–50", "25-50%" or "" (unknown) → (share_min, share_max)."""
    cleaned = text.strip().replace("%", "").replace(" ", "")
    if not cleaned:
        return None, None
    match = re.fullmatch(rf"({NUMBER_PATTERN})(?:[-–—]|\.\.)({NUMBER_PATTERN})", cleaned)
    if match:
        low, high = decimal(match.group(1)), decimal(match.group(2))
    elif re.fullmatch(NUMBER_PATTERN, cleaned):
        low = high = decimal(cleaned)
    else:
        raise ValueError(_t("a share is a percentage (51), a range (25–50) or blank, not "
                            "{text}").format(text=repr(text)))
    for value in (low, high):
        if not 0 <= value <= 100:
            raise ValueError(_t("a share is a percentage from 0 to 100, not {value}").format(
                value=number(value)))
    if low > high:
        raise ValueError(_t("share range {low}–{high} runs backwards").format(
            low=number(low), high=number(high)))
    return low, high


def share_input(low: float | None, high: float | None) -> str:
    """What a share field shows for editing: "51", "25–50" or ""."""
    if low is None and high is None:
        return ""
    return share_range_text(low, high).rstrip("%")


def parse_amount(text: str) -> float | None:
    """"6.2 bn", "6.2 billion", "6200000000", "6 200 000 000" or "" → a number."""
    cleaned = text.strip().casefold()
    if not cleaned:
        return None
    match = re.fullmatch(rf"({NUMBER_PATTERN}(?:[ \u00a0]\d{{3}})*)\s*([a-z]*)", cleaned)
    if match is None or (match.group(2) and match.group(2) not in AMOUNT_MULTIPLIERS):
        raise ValueError(_t("not an amount: {text} (e.g. 6.2 bn or 6200000000)").format(
            text=repr(text)))
    value = decimal(re.sub(r"[ \u00a0]", "", match.group(1)))
    return value * AMOUNT_MULTIPLIERS.get(match.group(2), 1)


# -- relationships ------------------------------------------------------------------------
_PASSIVE = {"owns": "is owned by", "controls": "is controlled by", "directs": "is directed by",
            "supplies": "is supplied by", "sanctions": "is sanctioned by",
            "pays": "is paid by", "owes": "is owed by", "represents": "is represented by",
            "is employed by": "employs", "is member of": "has member",
            "is succeeded by": "succeeds"}


def verb(schema: str, outgoing: bool = True) -> str:
    """The verb read from the source ("owns") or, ``outgoing=False``, from the target."""
    label = LINK_SCHEMATA[schema].label if schema in LINK_SCHEMATA else schema
    return translate("LinkTypes", label if outgoing else _PASSIVE.get(label, label))


def link_label(schema: str, source: str, target: str) -> str:
    """How a link reads: "Renera owns JSC Kama"."""
    return f"{source} {verb(schema)} {target}"


def link_sentence(source: str, schema: str, target: str, stake: Stake) -> str:
    """"Renera owns 6.2 bn RUB of JSC Kama since 2022" — a statement from a link's fields."""
    what = ""
    if stake.share_known:
        what = f" {stake.share_text(schema)} {_t('of')}"
    elif stake.value is not None:
        what = f" {stake.value_text()} {_t('of')}"
    text = f"{source} {verb(schema)}{what} {target}"
    if stake.start and stake.end:
        text += " " + _t("from {start} to {end}").format(start=stake.start, end=stake.end)
    elif stake.start or stake.end:
        text += " " + stake.period_text()
    return text


# -- statuses and stances -----------------------------------------------------------------
# What a claim's status and stance read as; the stored values stay these English words
# (the case file, exports and the audit log keep them), only what is shown is translated.
STATUS_TEXTS = {"unverified": "unverified", "corroborated": "corroborated",
                "disputed": "disputed", "refuted": "refuted"}
STANCE_TEXTS = {"supports": "supports", "contradicts": "contradicts"}


def status_text(status: str) -> str:
    """A claim's status as shown: "unverified" (or its translation)."""
    return _t(STATUS_TEXTS[status]) if status in STATUS_TEXTS else status


def stance_text(stance: str) -> str:
    """"supports" / "contradicts" as shown."""
    return _t(STANCE_TEXTS[stance]) if stance in STANCE_TEXTS else stance


def about_text(stance: str, what: str) -> str:
    """What a claim is about: "supports: Rosatom controls Enertech"."""
    return _t("{stance}: {what}").format(stance=stance_text(stance), what=what)


# -- entity types -------------------------------------------------------------------------
def schema_text(schema: str, role: str | None = None) -> str:
    """An entity's type as shown: "Company", "Asset · brand" (translated; the FtM name is
    what is stored, filtered on and exported)."""
    shown = translate("EntitySchema", schema)
    return f"{shown} · {translate('EntityRole', role)}" if role else shown


# -- properties ---------------------------------------------------------------------------
# How the FtM properties people meet most read; any other shows its FtM name.
PROPERTY_LABELS = {
    "name": "name", "alias": "alias",
    "previousName": "previous name", "registrationNumber": "registration number",
    "taxNumber": "tax number", "innCode": "INN", "ogrnCode": "OGRN", "leiCode": "LEI",
    "incorporationDate": "incorporated", "dissolutionDate": "dissolved",
    "birthDate": "born", "country": "country", "jurisdiction": "jurisdiction",
    "address": "address", "sector": "sector", "notes": "notes", "summary": "summary",
    "description": "description", "nationality": "nationality", "status": "status",
    "website": "website", "email": "e-mail", "phone": "phone", "position": "position",
    "title": "title", "legalForm": "legal form", "sourceUrl": "source URL",
}


def property_label(prop: str) -> str:
    """"registrationNumber" → "registration number" (or its translation)."""
    return _t(PROPERTY_LABELS[prop]) if prop in PROPERTY_LABELS else prop


def fact_text(entity: str, prop: str, value: str) -> str:
    """A fact about an entity: "Enertech: sector = Supplier of batteries"."""
    return f"{entity}: {property_label(prop)} = {value}"


# -- grades and positions -----------------------------------------------------------------
def position_text(span_start: int, span_end: int, page: int | None) -> str:
    """Characters counted from 1, both ends included: a span [312, 398) reads 313–398."""
    where = _t("characters {first}–{last}").format(first=span_start + 1, last=span_end)
    return _t("page {page}, {where}").format(page=page, where=where) if page else where


def grade_meaning(grade: str) -> str:
    """"B2" → "usually reliable; probably true"."""
    reliability = RELIABILITY_GRADES.get(grade[:1], "")
    try:
        credibility = CREDIBILITY_GRADES.get(int(grade[1:]), "")
    except ValueError:
        credibility = ""
    return "; ".join(_t(x).lower() for x in (reliability, credibility) if x)


def reliability_text(reliability: str | None) -> str:
    if not reliability:
        return ""
    return f"{reliability} ({_t(RELIABILITY_GRADES.get(reliability, '')).lower()})"

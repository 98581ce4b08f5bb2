"""How shares, dates, grades and positions read in a summary (plain English text)."""

from __future__ import annotations

from db.schemata import CREDIBILITY_GRADES, LINK_SCHEMATA, RELIABILITY_GRADES


def number(value: float) -> str:
    return f"{value:.4f}".rstrip("0").rstrip(".")


def share_text(schema: str, share_min: float | None, share_max: float | None,
               shares_value: float | None = None, shares_currency: str | None = None) -> str:
    """"51%", "20–30%", "share unknown (stake valued at 6.2 bn RUB)"; "—" for links
    that hold no shares."""
    if schema != "Ownership":
        return "—"
    if share_min is None and share_max is None:
        text = "share unknown"
        if shares_value is not None:
            text += f" (stake valued at {money(shares_value, shares_currency)})"
        return text
    if share_min == share_max:
        return f"{number(share_min)}%"
    low = 0.0 if share_min is None else share_min
    high = 100.0 if share_max is None else share_max
    return f"{number(low)}–{number(high)}%"


def money(value: float, currency: str | None) -> str:
    unit = f" {currency}" if currency else ""
    for scale, word in ((1e9, "bn"), (1e6, "m")):
        if abs(value) >= scale:
            return f"{number(value / scale)} {word}{unit}"
    return f"{value:,.0f}{unit}"


def dates_text(start: str | None, end: str | None) -> str:
    if start and end:
        return f"{start} to {end}"
    if start:
        return f"since {start}"
    if end:
        return f"until {end}"
    return "dates not stated"


def relationship(schema: str, outgoing: bool) -> str:
    """The verb read from the summarised entity: "owns" / "is owned by"."""
    label = LINK_SCHEMATA[schema].label if schema in LINK_SCHEMATA else schema
    if outgoing:
        return label
    passive = {"owns": "is owned by", "controls": "is controlled by", "directs": "is directed by",
               "supplies": "is supplied by", "sanctions": "is sanctioned by",
               "pays": "is paid by", "owes": "is owed by", "represents": "is represented by",
               "is employed by": "employs", "is member of": "has member",
               "is succeeded by": "succeeds"}
    return passive.get(label, label)


def position_text(span_start: int, span_end: int, page: int | None) -> str:
    """Characters counted from 1, both ends included: a span [312, 398) reads 313–398."""
    where = f"characters {span_start + 1}–{span_end}"
    return f"page {page}, {where}" if page else where


def grade_meaning(grade: str) -> str:
    reliability = RELIABILITY_GRADES.get(grade[:1], "")
    try:
        credibility = CREDIBILITY_GRADES.get(int(grade[1:]), "")
    except ValueError:
        credibility = ""
    return "; ".join(x.lower() for x in (reliability, credibility) if x)


def reliability_text(reliability: str | None) -> str:
    if not reliability:
        return ""
    return f"{reliability} ({RELIABILITY_GRADES.get(reliability, '').lower()})"

"""How shares, stake values and dates of a link read in the entity detail.

"share unknown · 6.2 bn RUB" says both that the article gives no percentage and what it
does give; "since 2022" reads better than "2022 – ".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("LinkWording", text)


def _percent(value: float) -> str:
    return f"{value:g}%"


def money(value: float | None, currency: str | None) -> str:
    if value is None:
        return ""
    for size, unit in ((1e9, _t("bn")), (1e6, _t("m")), (1e3, _t("k"))):
        if abs(value) >= size:
            return f"{value / size:.3g} {unit} {currency or ''}".strip()
    return f"{value:g} {currency or ''}".strip()


def share_text(schema: str, share_min: float | None, share_max: float | None,
               shares_value: float | None, shares_currency: str | None) -> str:
    """The share of an ownership (exact, a range or unknown) and its value if known."""
    parts: list[str] = []
    if share_min is not None and share_min == share_max:
        parts.append(_percent(share_min))
    elif share_min is not None or share_max is not None:
        low = _percent(share_min) if share_min is not None else "?"
        high = _percent(share_max) if share_max is not None else "?"
        parts.append(f"{low} – {high}")
    elif schema == "Ownership":
        parts.append(_t("share unknown"))
    if shares_value is not None:
        parts.append(money(shares_value, shares_currency))
    return " · ".join(parts)


def dates_text(start: str | None, end: str | None) -> str:
    if start and end:
        return f"{start} – {end}"
    if start:
        return _t("since {date}").format(date=start)
    if end:
        return _t("until {date}").format(date=end)
    return ""

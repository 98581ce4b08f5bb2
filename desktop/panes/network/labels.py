"""The words on the network: edge labels ("owns · 50% · since 2022") and owner shares.

Kept apart from drawing so the wording is tested and translated in one place.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from db.analysis import OwnerShare
from db.reads.network import EdgeRow
from db.schemata import LINK_SCHEMATA, OWNERSHIP_LINKS


def tr(text: str) -> str:
    return QCoreApplication.translate("NetworkPane", text)


def number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def money(value: float, currency: str | None) -> str:
    for size, unit in ((1e9, tr("bn")), (1e6, tr("m")), (1e3, tr("k"))):
        if abs(value) >= size:
            text = f"{number(value / size)} {unit}"
            break
    else:
        text = number(value)
    return f"{text} {currency}" if currency else text


def share(low: float | None, high: float | None) -> str | None:
    """"50%", "20–30%", or None when unknown."""
    if low is None and high is None:
        return None
    if low is not None and low == high:
        return f"{number(low)}%"
    return f"{number(low or 0)}–{number(100 if high is None else high)}%"


def dates(start: str | None, end: str | None) -> str | None:
    if start and end:
        return f"{start}–{end}"
    if start:
        return tr("since %1").replace("%1", start)
    if end:
        return tr("until %1").replace("%1", end)
    return None


def edge_label(edge: EdgeRow) -> str:
    schema = LINK_SCHEMATA.get(edge.schema)
    parts = [QCoreApplication.translate("LinkTypes", schema.label) if schema else edge.schema]
    stake = share(edge.share_min, edge.share_max)
    if stake is not None:
        parts.append(stake)
    elif edge.schema in OWNERSHIP_LINKS:
        parts.append(tr("share unknown"))
    if edge.shares_value is not None:
        parts.append(money(edge.shares_value, edge.shares_currency))
    when = dates(edge.start_date, edge.end_date)
    if when:
        parts.append(when)
    if edge.disputed:
        parts.append(tr("disputed"))
    return " · ".join(parts)


def owner_note(owner: OwnerShare) -> str:
    """The line under an owner in a chain: its effective share, and whether it controls."""
    if owner.effective_share is not None:
        text = f"{number(owner.effective_share)}%"
    elif owner.effective_share_min is not None and owner.effective_share_max is not None:
        text = f"{number(owner.effective_share_min)}–{number(owner.effective_share_max)}%"
    else:
        text = tr("share unknown")
    return f"{text} · {tr('controls')}" if owner.controls else text

"""The words on the network: edge labels ("owns · 50% · since 2022") and owner shares.

Kept apart from drawing so the wording is tested and translated in one place.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from db import wording
from db.analysis import OwnerShare
from db.reads.network import EdgeRow


def tr(text: str) -> str:
    return QCoreApplication.translate("NetworkPane", text)


def edge_label(edge: EdgeRow) -> str:
    parts = [wording.verb(edge.schema)]
    stake = edge.stake.text(edge.schema)
    if stake:
        parts.append(stake)
    if edge.disputed:
        parts.append(tr("disputed"))
    return " · ".join(parts)


def owner_note(owner: OwnerShare) -> str:
    """The line under an owner in a chain: its effective share, and whether it controls."""
    text = owner.share_text
    return f"{text} · {tr('controls')}" if owner.controls else text

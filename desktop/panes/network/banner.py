"""The line above the network: what is drawn, around whom, as of when (translated)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from db.reads.network_drawing import CHAIN, PATHS, WHOLE_CASE, Drawing


def tr(text: str) -> str:
    return QCoreApplication.translate("NetworkPane", text)


def as_of_text(drawing: Drawing) -> str:
    if drawing.as_of is None:
        return tr("as of any date")
    return tr("as of %1").replace("%1", drawing.as_of.isoformat())


def name_of(drawing: Drawing | None, entity_id: str) -> str:
    node = drawing.data.nodes.get(entity_id) if drawing else None
    return node.caption if node else entity_id


def banner_text(drawing: Drawing, focus: list[str]) -> str:
    data = drawing.data
    when = as_of_text(drawing)
    if drawing.mode == CHAIN:
        if drawing.as_of is None:  # chains without a date leave ended links out
            when = tr("(current)")
        chain = drawing.chain
        if not chain.owners:
            return tr("%1 has no known owners or controllers %2").replace(
                "%1", chain.entity_name).replace("%2", when)
        return tr("Control chain of %1 %2").replace("%1", chain.entity_name) \
            .replace("%2", when)
    if drawing.mode == PATHS:
        first, second = (name_of(drawing, e) for e in drawing.endpoints)
        count = len(drawing.paths or [])
        if count == 0:
            return tr("No connecting path between %1 and %2 (up to 6 links, %3)") \
                .replace("%1", first).replace("%2", second).replace("%3", when)
        text = tr("1 path between %1 and %2") if count == 1 else \
            tr("%n paths between %1 and %2").replace("%n", str(count))
        return text.replace("%1", first).replace("%2", second)
    if drawing.mode == WHOLE_CASE and drawing.clusters is not None:
        clusters = drawing.clusters
        text = tr("Whole case: %1 entities, %2 links in %3 groups").replace(
            "%1", f"{clusters.entity_count:,}").replace("%2", f"{clusters.link_count:,}") \
            .replace("%3", f"{len(clusters.groups):,}")
        if clusters.expanded:
            text += " — " + tr("%1 opened").replace("%1", str(len(clusters.expanded)))
        return text + " — " + tr("double-click a group to open it")
    counts = tr("%1 entities, %2 links").replace("%1", str(len(data.nodes))) \
        .replace("%2", str(len(data.edges)))
    if drawing.mode == WHOLE_CASE:
        return tr("Whole case: %1").replace("%1", counts)
    names = ", ".join(name_of(drawing, e) for e in focus)
    text = tr("Around %1: %2").replace("%1", names).replace("%2", counts)
    if data.truncated:
        text += " — " + tr("too many neighbours: the outer ring is left out")
    return text

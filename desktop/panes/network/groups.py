"""The whole case in groups, as the canvas draws it: one disc per group, sized by what it
holds, named after its best-connected entity with its count; links between groups as one
edge each, as thick as the links it stands for. An opened group is drawn entity by entity
(the pane's usual nodes) and its group edges start at its best-connected member.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from db.reads.network_clusters import LOOSE, Clustered
from desktop.panes.network.drawn import EdgeSpec, NodeSpec
from desktop.shell.icons import icon_path, schema_color, schema_style

GROUP = "group:"


def tr(text: str) -> str:
    return QCoreApplication.translate("NetworkPane", text)


def is_group(node_id: str) -> bool:
    return node_id.startswith(GROUP)


def is_group_link(link_id: str) -> bool:
    return link_id.startswith(GROUP)


def group_specs(clustered: Clustered) -> tuple[list[NodeSpec], list[EdgeSpec]]:
    opened = set(clustered.expanded)
    nodes = []
    entities = tr("%1 entities")
    styles: dict[tuple[str, str | None], tuple[str, QColor]] = {}  # one look a schema
    for group in clustered.groups.values():
        if group.id in opened:
            continue
        kind = (group.schema, group.role)
        if kind not in styles:
            styles[kind] = (icon_path(schema_style(*kind)[0]), schema_color(*kind))
        icon, colour = styles[kind]
        caption = tr("Entities without links") if group.id == LOOSE else group.caption
        nodes.append(NodeSpec(group.id, caption, entities.replace("%1", f"{group.size:,}"),
                              icon, colour, clustered.positions[group.id],
                              weight=max(group.size, 2)))
    edges = []
    one, many = tr("1 link"), tr("%1 links")
    for (first, second), count in clustered.links.items():
        ends = [clustered.groups[g].members[0] if g in opened else g for g in (first, second)]
        label = one if count == 1 else many.replace("%1", f"{count:,}")
        edges.append(EdgeSpec(f"{first}>{second}", ends[0], ends[1], label, True, False,
                              width=count, directed=False))
    return nodes, edges

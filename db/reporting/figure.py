"""The chain figure as a layered picture model: owners above what they own.

Layer 0 holds the summarised entity; every owner sits one layer above the highest thing
it holds in the chain (longest path), so arrows always point down. A circular holding
cannot be layered strictly; its back edge simply points up. Order within a layer follows
the mean position of what each node holds, which keeps arrows short and uncrossed in
ordinary chains.
"""

from __future__ import annotations

from db.analysis import ChainResult
from db.reporting.content import ChainFigure, FigureEdge, FigureNode
from db.wording import translate

FIGURE_OWNERS = 60  # owners drawn at most: the first of the chain (largest shares first)


def chain_figure(result: ChainResult, subject_schema: str) -> ChainFigure:
    """The figure of the chain's first ``FIGURE_OWNERS`` owners and the steps between
    them: a chain of 58,000 owners is no picture, and layering it costs owners × steps."""
    owners = {o.id: o for o in result.owners[:FIGURE_OWNERS]}
    steps = [s for s in result.steps.values() if s.source_id in owners
             and (s.target_id in owners or s.target_id == result.entity_id)]
    layer = {result.entity_id: 0}
    # Longest-path layering, bounded so a cycle cannot loop for ever.
    for _ in range(len(owners) + 1):
        changed = False
        for step in steps:
            if step.target_id in layer and step.source_id != result.entity_id:
                wanted = layer[step.target_id] + 1
                if wanted > layer.get(step.source_id, -1) and wanted <= len(owners):
                    layer[step.source_id] = wanted
                    changed = True
        if not changed:
            break
    position: dict[str, float] = {result.entity_id: 0.0}
    order: dict[str, int] = {result.entity_id: 0}
    for level in range(1, max(layer.values(), default=0) + 1):
        members = [n for n, lv in layer.items() if lv == level]

        def mean_below(node: str) -> float:
            below = [position[s.target_id] for s in steps
                     if s.source_id == node and s.target_id in position]
            return sum(below) / len(below) if below else 0.0

        members.sort(key=lambda n: (mean_below(n), owners[n].name.casefold() if n in owners
                                    else n))
        for index, node in enumerate(members):
            order[node] = index
            position[node] = index - (len(members) - 1) / 2
    nodes = [FigureNode(result.entity_id, result.entity_name, subject_schema, 0, 0, True,
                        False, False)]
    for owner in owners.values():
        if owner.id in layer:
            nodes.append(FigureNode(owner.id, owner.name, owner.schema, layer[owner.id],
                                    order[owner.id], False, owner.controls, owner.ultimate))
    edges = []
    names = {o.id: o.name for o in result.owners} | {result.entity_id: result.entity_name}
    ordered = sorted(steps, key=lambda s: (-layer.get(s.source_id, 0), order.get(s.source_id, 0),
                                           order.get(s.target_id, 0), s.link_id))
    for number, step in enumerate(ordered, 1):
        control = step.schema != "Ownership"
        label = translate("LinkTypes", "controls") if control \
            else step.stake.share_text(step.schema)
        if step.stake.period_text():
            label += f", {step.stake.period_text()}"
        disputed = any(c.status == "disputed" for c in step.citations
                       if c.stance == "supports")
        edges.append(FigureEdge(step.source_id, step.target_id, label, control,
                                step.unsourced, number, disputed,
                                names.get(step.source_id, ""), names.get(step.target_id, "")))
    return ChainFigure(tuple(nodes), tuple(edges), len(result.owners) - (len(nodes) - 1))

"""Who controls the entity of a chain, in time that follows the links.

``shares.controlled_sets`` gives every owner's whole group (what it controls), by a
search from each owner. Along a chain of majorities (each company holding most of the
next) those groups nest — the top owner's holds every company below it — so computing
them all costs the square of the chain's length: 20,000 hops, 200 million steps. A chain
needs less: whether each owner controls the entity, and which owners someone controls.

An owner outside any cycle whose holdings (with a share, or by a control link) all go to
one entity Y has, exactly, the group {Y} ∪ group(Y) when it holds a majority of Y or
controls it by a link, and nothing otherwise: what its group holds is what Y's holds.
So its answers come from Y's, found first (components come nearest the entity first),
in one step. Every other owner is searched as before (``shares.control_group``).
"""

from __future__ import annotations

from collections.abc import Iterable

from db.analysis.shares import _EPSILON, MAJORITY, control_group, control_index


def control_summary(holdings: Iterable[tuple[str, str, float]],
                    control_edges: Iterable[tuple[str, str]],
                    components: list[list[str]], target: str
                    ) -> tuple[set[str], set[str]]:
    """(the owners that control ``target``, every node some other node controls).

    ``components``: the strongly connected components of a graph holding every link
    given, nearest the target first (``shares.strong_components``); each node of them is
    an owner asked about. Same answers as ``controlled_sets`` over those nodes.
    """
    held_by, commands, starters = control_index(holdings, control_edges)
    controls_target: set[str] = set()
    controlled: set[str] = set()
    for component in components:
        for owner in component:
            if owner not in starters:
                continue
            single = _single_holding(owner, held_by, commands)
            if len(component) == 1 and single is not None:
                # Starter with one holding: a majority of it or a control link.
                controlled.add(single)
                if single == target or single in controls_target:
                    controls_target.add(owner)
                continue
            group = control_group(owner, held_by, commands)
            controlled |= group
            if target in group:
                controls_target.add(owner)
    return controls_target, controlled


def _single_holding(owner: str, held_by, commands) -> str | None:
    """The one entity all the owner's holdings and control links go to, if just one."""
    held = held_by.get(owner, ())
    linked = commands.get(owner)
    if linked:
        if len(linked) != 1:
            return None
        (single,) = linked
    elif held:
        single = held[0][0]
    else:
        return None
    share = 0.0
    for entity, amount in held:
        if entity != single:
            return None
        share += amount
    if single == owner:
        return None
    return single if linked or share > MAJORITY + _EPSILON else None

"""The case as a graph for Gephi and friends: GraphML out and in (GEXF: gexf.py).

Nodes are entities, edges are links (a multigraph: two entities may be linked several
times; the edge key is the link id). Every attribute is a plain string or number so
that ``networkx`` reads the file back equal to the graph written. Missing values are
left out rather than written as empty strings.

Each edge also carries a ``weight`` for Gephi: its exact share, a range's middle, else
the weight it came in with from Gephi, else 1. Import (``graph_import.py``) keeps the node ids of a file this app
exported (it carries the graph attribute ``casefile``) and reads other tools' files by
what their attributes mean.
"""

from __future__ import annotations

import hashlib
import json
import math
from pathlib import Path
from typing import Any

import networkx as nx
from sqlalchemy import select

from db.core.progress import NO_PROGRESS, Progress
from db.formats.graph_import import batch_from_graph, parse_xml_graph
from db.formats.output import replacing
from db.formats.results import ImportBatch
from db.models import Entity, Link
from db.schemata import LINK_SCHEMATA


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None and v != ""}


def weight(low: float | None, high: float | None,
           properties: dict[str, Any] | None = None) -> float:
    """The share (a range's middle); without one, a weight the link came in with
    (Gephi's, kept as a property), else 1."""
    if low is not None and high is not None:
        return (low + high) / 2
    if low is not None or high is not None:
        return float(low if low is not None else high)
    try:
        kept = float((properties or {}).get("weight", [""])[0])
    except (TypeError, ValueError, IndexError):
        return 1.0
    return kept if math.isfinite(kept) else 1.0


def build_graph(session: Any) -> nx.MultiDiGraph:
    """The case's entities and links as a networkx multigraph."""
    graph = nx.MultiDiGraph(casefile="1")
    for e in session.scalars(select(Entity).order_by(Entity.id)):
        graph.add_node(e.id, **_clean({
            "label": e.caption, "schema": e.schema, "role": e.role,
            "country": ";".join(e.values("country")) or None,
            "properties": json.dumps(e.properties, ensure_ascii=False, sort_keys=True),
            "origin": e.origin}))
    for x in session.scalars(select(Link).order_by(Link.id)):
        graph.add_edge(x.source_id, x.target_id, key=x.id, **_clean({
            "schema": x.schema, "label": LINK_SCHEMATA[x.schema].label, "role": x.role,
            "start_date": x.start_date, "end_date": x.end_date, "share_min": x.share_min,
            "share_max": x.share_max, "shares_value": x.shares_value,
            "shares_currency": x.shares_currency, "weight": weight(x.share_min, x.share_max, x.properties),
            "properties": json.dumps(x.properties, ensure_ascii=False, sort_keys=True),
            "origin": x.origin}))
    return graph


def export_graphml(case: Any, out: Path, progress: Progress = NO_PROGRESS) -> dict[str, int]:
    progress.step(0, 2, "Building the graph")
    with case.session() as session:
        graph = build_graph(session)
    progress.step(1, 2, "Writing GraphML")
    with replacing(out) as part:
        nx.write_graphml(graph, part)
    return {"entities": graph.number_of_nodes(), "links": graph.number_of_edges()}


def read_graphml(path: str | Path, progress: Progress = NO_PROGRESS) -> ImportBatch:
    path = Path(path)
    data = path.read_bytes()
    graph = parse_graphml(data, path.name)
    return batch_from_graph(graph, path.name, "GraphML", hashlib.sha256(data).hexdigest(),
                            graph.graph.get("casefile") == "1", progress)


def parse_graphml(data: bytes, name: str) -> nx.MultiDiGraph:
    """The file as a networkx multigraph, or FormatError in one line."""
    return parse_xml_graph(data, name, "GraphML",
                           lambda raw: nx.parse_graphml(raw, force_multigraph=True))

"""GEXF 1.3 (Gephi's format) out and in.

Out: a dynamic graph. Each link's dates become its GEXF interval (``start``/``end``; a
partial date spans its whole year or month: "2022" starts on 2022-01-01, and an end in
"2023" runs to 2023-12-31), its share the edge ``weight`` (the exact share, a range's
middle, 1 when unknown), and each node carries its kind (schema), a colour per kind
and a position from the app's force layout, so Gephi opens it drawn and its timeline
plays the case's history. The exact dates and our attributes also travel as attributes,
so a GEXF this app wrote comes back whole. ``networkx.read_gexf`` reads it back equal.

In: through ``graph_import.batch_from_graph`` — GEXF intervals become link dates, node
labels names, weights a link property; a file from Gephi is read by what its
attributes mean.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import networkx as nx

from db.core.progress import NO_PROGRESS, Progress
from db.formats.graph_import import batch_from_graph, parse_xml_graph
from db.formats.graphml import build_graph
from db.formats.output import replacing
from db.formats.results import ImportBatch
from db.partial_date import PartialDate

GRAPH_NAME = "Case File Explorer case"
LAYOUT_LIMIT = 5000  # nodes; above it the file goes out without positions
COLOURS = {"Person": (21, 101, 192), "Company": (46, 125, 50), "Organization": (0, 121, 107),
           "PublicBody": (183, 28, 28), "LegalEntity": (85, 139, 47), "Address": (121, 85, 72),
           "Asset": (239, 108, 0), "RealEstate": (239, 108, 0), "Vessel": (2, 119, 189)}
GREY = (117, 117, 117)


def _bound(text: str | None, first: bool) -> str | None:
    parsed = PartialDate.parse(text) if text else None
    if parsed is None:
        return None
    return (parsed.earliest() if first else parsed.latest()).isoformat()


def gexf_graph(session: Any, progress: Progress = NO_PROGRESS) -> nx.MultiDiGraph:
    """The case as the dynamic graph written to GEXF."""
    graph = build_graph(session)
    graph.graph.clear()
    graph.graph.update(mode="dynamic", name=GRAPH_NAME)
    positions: dict[str, tuple[float, float]] = {}
    if graph.number_of_nodes() <= LAYOUT_LIMIT:
        from db.analysis.force_layout import force_positions

        positions = force_positions(list(graph.nodes), [(u, v) for u, v in graph.edges()],
                                    progress=progress)
    for node, attrs in graph.nodes(data=True):
        red, green, blue = COLOURS.get(attrs.get("schema", ""), GREY)
        viz: dict[str, Any] = {"color": {"r": red, "g": green, "b": blue, "a": 1.0}}
        if node in positions:
            x, y = positions[node]
            viz["position"] = {"x": round(float(x) * 100, 3), "y": round(-float(y) * 100, 3),
                               "z": 0.0}
        attrs["viz"] = viz
    for _source, _target, key, attrs in graph.edges(keys=True, data=True):
        attrs["id"] = key
        start, end = _bound(attrs.get("start_date"), True), _bound(attrs.get("end_date"), False)
        if start:
            attrs["start"] = start
        if end:
            attrs["end"] = end
    return graph


def export_gexf(case: Any, out: Path, progress: Progress = NO_PROGRESS) -> dict[str, int]:
    progress.step(0, 2, "Building the graph")
    with case.session() as session:
        graph = gexf_graph(session, progress)
    progress.step(1, 2, "Writing GEXF")
    with replacing(out) as part:
        nx.write_gexf(graph, part, version="1.3")
    return {"entities": graph.number_of_nodes(), "links": graph.number_of_edges()}


# Gephi 0.9 writes GEXF 1.3 under "http://www.gexf.net/1.3"; the 1.3 schema (and
# networkx) says "http://gexf.net/1.3". Both mean 1.3, so the first is read as the second.
GEPHI_09_NAMESPACE = b"http://www.gexf.net/1.3"


def _version(head: bytes) -> str:
    if b"gexf.net/1.3" in head:
        return "1.3"
    return "1.1draft" if b"gexf.net/1.1draft" in head else "1.2draft"


def parse_gexf(data: bytes, name: str) -> nx.MultiDiGraph:
    version = _version(data[:4096])
    if version == "1.3" and GEPHI_09_NAMESPACE in data[:4096]:
        data = data.replace(GEPHI_09_NAMESPACE, b"http://gexf.net/1.3")
    graph = parse_xml_graph(data, name, "GEXF",
                            lambda raw: nx.read_gexf(io.BytesIO(raw), version=version))
    if graph.is_multigraph() and graph.is_directed():
        return graph
    written = {} if graph.is_directed() else _edge_ends(data)
    multi = nx.MultiDiGraph(**graph.graph)  # each edge once, in the file's direction
    multi.add_nodes_from(graph.nodes(data=True))
    for source, target, attrs in graph.edges(data=True):
        if written.get(str(attrs.get("id"))) == (str(target), str(source)):
            source, target = target, source
        multi.add_edge(source, target, **attrs)
    return multi


def _edge_ends(data: bytes) -> dict[str, tuple[str, str]]:
    """Edge id → (source, target) as the file writes them: networkx forgets the order
    of an undirected edge's ends, a person comparing the case with the file does not."""
    ends: dict[str, tuple[str, str]] = {}
    for _event, element in ElementTree.iterparse(io.BytesIO(data)):
        if element.tag.endswith("}edge") or element.tag == "edge":
            ends[element.get("id", "")] = (element.get("source", ""), element.get("target", ""))
        element.clear()
    return ends


def read_gexf(path: str | Path, progress: Progress = NO_PROGRESS) -> ImportBatch:
    path = Path(path)
    data = path.read_bytes()
    graph = parse_gexf(data, path.name)
    return batch_from_graph(graph, path.name, "GEXF", hashlib.sha256(data).hexdigest(),
                            graph.graph.get("name") == GRAPH_NAME, progress)

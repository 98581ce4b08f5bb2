"""The case as a graph for Gephi and friends: GraphML and GEXF out, GraphML in.

Nodes are entities, edges are links (a multigraph: two entities may be linked several
times; the edge key is the link id). Every attribute is a plain string or number so
that ``networkx`` reads the file back equal to the graph written. Missing values are
left out rather than written as empty strings.

GraphML import keeps the node ids of a file this app exported (it carries the graph
attribute ``casefile``); ids from other tools ("0", "1" …) are namespaced by the file's
hash so that two files cannot collide.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

import networkx as nx
from sqlalchemy import select

from db.core.progress import NO_PROGRESS, Progress
from db.formats.batch import clean_date, entity_row, link_row
from db.formats.bods import stable_id
from db.formats.results import FormatError, ImportBatch
from db.formats.validate import check_size
from db.models import Entity, Link, utc_now
from db.schemata import ENTITY_ROLES, ENTITY_SCHEMATA, LINK_SCHEMATA

NODE_ATTRIBUTES = {"label", "schema", "role", "country", "properties", "origin"}
EDGE_ATTRIBUTES = {"id", "schema", "label", "role", "start_date", "end_date", "share_min",
                   "share_max", "shares_value", "shares_currency", "properties", "origin"}


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None and v != ""}


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
            "shares_currency": x.shares_currency,
            "properties": json.dumps(x.properties, ensure_ascii=False, sort_keys=True),
            "origin": x.origin}))
    return graph


def export_graph(case: Any, out: Path, fmt: str, progress: Progress = NO_PROGRESS) -> dict[str, int]:
    progress.step(0, 2, "Building the graph")
    with case.session() as session:
        graph = build_graph(session)
    progress.step(1, 2, f"Writing {fmt.upper()}")
    if fmt == "graphml":
        nx.write_graphml(graph, out)
    elif fmt == "gexf":  # GEXF ignores multigraph keys: the link id goes in as "id"
        for _source, _target, key, attrs in graph.edges(keys=True, data=True):
            attrs["id"] = key
        nx.write_gexf(graph, out)
    else:
        raise FormatError(f"unknown graph format {fmt!r}")
    return {"entities": graph.number_of_nodes(), "links": graph.number_of_edges()}


def read_graphml(path: str | Path, progress: Progress = NO_PROGRESS) -> ImportBatch:
    path = Path(path)
    data = path.read_bytes()
    graph = parse_graphml(data, path.name)
    ours = graph.graph.get("casefile") == "1"
    salt = hashlib.sha256(data).hexdigest()
    batch = ImportBatch(label=f"Import {path.name} (GraphML)", origin=path.name)
    now = utc_now()
    ids: dict[str, str] = {}
    progress.step(0, 2, f"Reading {path.name}")
    for node, attrs in graph.nodes(data=True):
        node = str(node)
        entity_id = node if ours else stable_id("graphml-node", salt, node)
        ids[node] = entity_id
        schema = str(attrs.get("schema") or "LegalEntity")
        if schema not in ENTITY_SCHEMATA:
            batch.unknown_properties[f"node schema {schema}"] += 1
            schema = "LegalEntity"
        props = _properties(attrs, f"{path.name}, node {node}")
        caption = str(attrs.get("label") or attrs.get("name") or (props.get("name") or [node])[0])
        props.setdefault("name", [caption])
        if attrs.get("country") and "country" not in props:
            props["country"] = str(attrs["country"]).split(";")
        for key, value in attrs.items():
            if key not in NODE_ATTRIBUTES and key != "name":
                batch.unknown_properties[f"node.{key}"] += 1
                props.setdefault(key, [str(value)])
        role = attrs.get("role") if attrs.get("role") in ENTITY_ROLES else None
        batch.entities.append(entity_row(entity_id, schema, caption, props, role=role,
                                         origin=_text(attrs.get("origin")) or path.name,
                                         now=now))
    progress.step(1, 2, f"Reading {path.name}")
    for source, target, key, attrs in graph.edges(keys=True, data=True):
        schema = str(attrs.get("schema") or "UnknownLink")
        if schema not in LINK_SCHEMATA:
            batch.unknown_properties[f"edge schema {schema}"] += 1
            schema = "UnknownLink"
        where = f"{path.name}, edge {source}→{target}"
        props = _properties(attrs, where)
        for name in attrs:
            if name not in EDGE_ATTRIBUTES:
                batch.unknown_properties[f"edge.{name}"] += 1
                props.setdefault(name, [str(attrs[name])])
        shares = [_number(attrs.get(k), where) for k in ("share_min", "share_max")]
        if any(s is not None and not 0 <= s <= 100 for s in shares) or (
                None not in shares and shares[0] > shares[1]):
            raise FormatError(f"{where}: share {shares[0]}–{shares[1]} is not a percentage "
                              "range from 0 to 100")
        link_id = str(key) if ours else stable_id("graphml-edge", salt, str(source), str(target),
                                                  str(key))
        batch.links.append(link_row(
            schema, ids[str(source)], ids[str(target)], link_id=link_id,
            role=_text(attrs.get("role")), start_date=clean_date(attrs.get("start_date")),
            end_date=clean_date(attrs.get("end_date")), share_min=shares[0],
            share_max=shares[1], shares_value=_number(attrs.get("shares_value"), where),
            shares_currency=_text(attrs.get("shares_currency")), properties=props,
            origin=_text(attrs.get("origin")) or path.name, now=now))
    return batch


def parse_graphml(data: bytes, name: str) -> nx.MultiDiGraph:
    """The file as a networkx graph, or FormatError. DTDs (and so entity expansion, the
    "billion laughs") are refused before the XML parser sees the bytes."""
    check_size(len(data), name)
    head = data[:65536]
    if b"<!DOCTYPE" in head or b"<!ENTITY" in data:
        raise FormatError(f"{name}: GraphML with a document type declaration (DTD) is not read")
    try:
        return nx.parse_graphml(data, force_multigraph=True)
    except ParseError as error:
        line = error.position[0] if getattr(error, "position", None) else "?"
        reason = str(error).split(":")[0][:80]
        raise FormatError(f"{name}, line {line}: not valid GraphML XML ({reason})") from None
    except nx.NetworkXError as error:
        raise FormatError(f"{name}: not valid GraphML ({str(error)[:160]})") from None
    except LookupError:  # also KeyError: an encoding or a key the file names does not exist
        raise FormatError(f"{name}: not valid GraphML (an encoding, attribute or key it names "
                          "does not exist)") from None
    except (ValueError, TypeError, AttributeError, IndexError, UnicodeError, OverflowError):
        # networkx's reader trusts the file's keys and types; what it trips on is the
        # file's fault, and the details say nothing to the person importing.
        raise FormatError(f"{name}: not valid GraphML (an attribute or key does not match its "
                          "declaration)") from None


def _properties(attrs: dict[str, Any], where: str) -> dict[str, list[str]]:
    if not attrs.get("properties"):
        return {}
    try:
        props = json.loads(attrs["properties"])
    except (TypeError, json.JSONDecodeError):
        raise FormatError(f"{where}: the properties attribute is not JSON") from None
    if not isinstance(props, dict):
        raise FormatError(f"{where}: the properties attribute is not a JSON object")
    return {str(k): [str(x) for x in (v if isinstance(v, list) else [v])]
            for k, v in props.items()}


def _text(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def _number(value: Any, where: str) -> float | None:
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise FormatError(f"{where}: {value!r} is not a number") from None
    return number

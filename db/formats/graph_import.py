"""A networkx graph read from GraphML or GEXF, as an import batch.

Files this app wrote carry our attributes (schema, role, properties, shares, dates) and
keep their ids. Files from Gephi, yEd or other tools are read by what their attributes
mean, whatever their case: ``label``/``name`` is the entity's name, ``country`` a
country (cleaned to FtM's code), ``weight`` the edge weight (kept as a link property),
``start``/``end`` (GEXF's dynamic intervals) the link's dates, an edge's ``label`` its
role; layout and drawing attributes (x, y, size, colours, GEXF's ``viz``) and the
graph's own attributes are dropped and counted; anything else is kept as a property
and counted. Their ids are namespaced by the file's hash so two
files cannot collide.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from xml.etree.ElementTree import ParseError

import networkx as nx

from db.core.progress import NO_PROGRESS, Progress
from db.formats.batch import clean_date, entity_row, link_row
from db.formats.bods import stable_id
from db.formats.ftm_model import country_code
from db.formats.results import FormatError, ImportBatch
from db.formats.validate import check_size
from db.models import utc_now
from db.schemata import ENTITY_ROLES, ENTITY_SCHEMATA, LINK_SCHEMATA

NODE_ATTRIBUTES = {"label", "schema", "role", "country", "properties", "origin", "name",
                   "kind"}
EDGE_ATTRIBUTES = {"id", "schema", "label", "role", "start_date", "end_date", "share_min",
                   "share_max", "shares_value", "shares_currency", "properties", "origin",
                   "start", "end", "weight", "networkx_key"}
GRAPH_STRUCTURE = {"mode", "node_default", "edge_default"}
VISUAL = {"x", "y", "z", "size", "r", "g", "b", "color", "colour", "viz", "shape",
          "thickness", "fill", "font"}


def parse_xml_graph(data: bytes, name: str, kind: str, parse: Callable[[bytes], Any]) -> Any:
    """``parse(data)`` (a networkx reader), or FormatError in one line. DTDs (and so
    entity expansion, the "billion laughs") are refused before the XML parser sees the
    bytes; networkx's readers trust the file's keys and types, so what they trip on is
    the file's fault, and their internal messages say nothing to the person importing."""
    check_size(len(data), name)
    if b"<!DOCTYPE" in data[:65536] or b"<!ENTITY" in data:
        raise FormatError(f"{name}: {kind} with a document type declaration (DTD) is not read")
    try:
        return parse(data)
    except ParseError as error:
        line = error.position[0] if getattr(error, "position", None) else "?"
        reason = str(error).split(":")[0][:80]
        raise FormatError(f"{name}, line {line}: not valid {kind} XML ({reason})") from None
    except nx.NetworkXError as error:
        raise FormatError(f"{name}: not valid {kind} ({str(error)[:160]})") from None
    except LookupError:  # also KeyError: an encoding or a key the file names does not exist
        raise FormatError(f"{name}: not valid {kind} (an encoding, attribute or key it names "
                          "does not exist)") from None
    except (ValueError, TypeError, AttributeError, IndexError, UnicodeError, OverflowError):
        raise FormatError(f"{name}: not valid {kind} (an attribute or key does not match its "
                          "declaration)") from None


def _text(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def _number(value: Any, where: str) -> float | None:
    if value is None or value == "":
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        raise FormatError(f"{where}: {value!r} is not a number") from None


def _properties(attrs: dict[str, Any], where: str) -> dict[str, list[str]]:
    if not attrs.get("properties"):
        return {}
    try:
        props = json.loads(attrs["properties"])
    except (TypeError, json.JSONDecodeError, RecursionError):
        raise FormatError(f"{where}: the properties attribute is not JSON") from None
    if not isinstance(props, dict):
        raise FormatError(f"{where}: the properties attribute is not a JSON object")
    return {str(k): [str(x) for x in (v if isinstance(v, list) else [v])]
            for k, v in props.items()}


def _lower(attrs: dict[str, Any]) -> dict[str, Any]:
    """Attribute names as tools write them ("Label", "Country") read the same."""
    out: dict[str, Any] = {}
    for key, value in attrs.items():
        out.setdefault(str(key).lower() if str(key).lower() in NODE_ATTRIBUTES | EDGE_ATTRIBUTES
                       | VISUAL else str(key), value)
    return out


def _extras(batch: ImportBatch, attrs: dict[str, Any], known: set[str], kind: str,
            props: dict[str, list[str]]) -> None:
    for key, value in attrs.items():
        if key in known:
            continue
        if key == "viz" and isinstance(value, dict):  # GEXF's viz: colour, position, size …
            for part in value:
                batch.skipped[f"{kind} layout or drawing attribute viz {part}"] += 1
            continue
        if key in VISUAL:
            batch.skipped[f"{kind} layout or drawing attribute {key}"] += 1
            continue
        batch.unknown_properties[f"{kind}.{key}"] += 1
        props.setdefault(key, [str(value)])


def batch_from_graph(graph: Any, name: str, fmt: str, salt: str, ours: bool,
                     progress: Progress = NO_PROGRESS) -> ImportBatch:
    batch = ImportBatch(label=f"Import {name} ({fmt})", origin=name)
    now = utc_now()
    ids: dict[str, str] = {}
    for key, value in graph.graph.items():  # the file's own attributes (not its structure)
        if key not in GRAPH_STRUCTURE and value not in (None, "", {}) and not ours:
            batch.skipped[f"graph attribute {key} (not carried)"] += 1
    progress.step(0, 2, f"Reading {name}")
    for node, raw in graph.nodes(data=True):
        node, attrs = str(node), _lower(raw)
        entity_id = node if ours else stable_id(f"{fmt.lower()}-node", salt, node)
        ids[node] = entity_id
        schema = str(attrs.get("schema") or attrs.get("kind") or "LegalEntity")
        if schema not in ENTITY_SCHEMATA:
            batch.unknown_properties[f"node schema {schema}"] += 1
            schema = "LegalEntity"
        props = _properties(attrs, f"{name}, node {node}")
        caption = str(attrs.get("label") or attrs.get("name") or (props.get("name") or [node])[0])
        props.setdefault("name", [caption])
        if attrs.get("country") and "country" not in props:
            props["country"] = [country_code(c) or c.strip().lower()
                                for c in str(attrs["country"]).split(";") if c.strip()]
        _extras(batch, attrs, NODE_ATTRIBUTES, "node", props)
        role = attrs.get("role") if attrs.get("role") in ENTITY_ROLES else None
        batch.entities.append(entity_row(entity_id, schema, caption, props, role=role,
                                         origin=_text(attrs.get("origin")) or name, now=now))
    progress.step(1, 2, f"Reading {name}")
    for source, target, key, raw in graph.edges(keys=True, data=True):
        attrs = _lower(raw)
        schema = str(attrs.get("schema") or "UnknownLink")
        if schema not in LINK_SCHEMATA:
            batch.unknown_properties[f"edge schema {schema}"] += 1
            schema = "UnknownLink"
        where = f"{name}, edge {source}→{target}"
        props = _properties(attrs, where)
        _extras(batch, attrs, EDGE_ATTRIBUTES, "edge", props)
        shares = [_number(attrs.get(k), where) for k in ("share_min", "share_max")]
        if any(s is not None and not 0 <= s <= 100 for s in shares) or (
                None not in shares and shares[0] > shares[1]):
            raise FormatError(f"{where}: share {shares[0]}–{shares[1]} is not a percentage "
                              "range from 0 to 100")
        weight = _number(attrs.get("weight"), where)
        if weight is not None and not ours:
            props.setdefault("weight", [f"{weight:g}"])
        link_id = str(attrs.get("id") or key) if ours else stable_id(
            f"{fmt.lower()}-edge", salt, str(source), str(target), str(key))
        start = attrs.get("start_date") or _interval_day(attrs.get("start"), first=True)
        end = attrs.get("end_date") or _interval_day(attrs.get("end"), first=False)
        batch.links.append(link_row(
            schema, ids[str(source)], ids[str(target)], link_id=link_id,
            role=_text(attrs.get("role")) or (None if ours else _text(attrs.get("label"))),
            start_date=clean_date(start),
            end_date=clean_date(end), share_min=shares[0], share_max=shares[1],
            shares_value=_number(attrs.get("shares_value"), where),
            shares_currency=_text(attrs.get("shares_currency")), properties=props,
            origin=_text(attrs.get("origin")) or name, now=now))
    return batch


def _interval_day(value: Any, first: bool) -> str | None:
    """A GEXF interval bound as a date: "2022-01-01" as is, a number (a year or a
    timestamp tool) only when it is a plausible year."""
    if value is None or value == "":
        return None
    text = str(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(int(value)) if float(value).is_integer() and 1000 <= value <= 9999 else None
    return text[:10]

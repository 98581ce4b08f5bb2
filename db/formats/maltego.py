"""Maltego graphs in: ``.mtgx`` (a zip holding GraphML whose nodes carry Maltego entities),
and Maltego's entity type names wherever a sheet names them.

Each Maltego entity type maps to the FtM schema it stands for (``maltego.Person`` →
Person, ``maltego.Company`` → Company, ``maltego.Location`` → Address …), named by its
main property (a person's full name, a company's title) rather than by the graph's node
id. Types the case does not model (domains, e-mail addresses, phone numbers, IP
addresses …) are counted by type, and so are the links that touch them. Links keep
Maltego's manual link label as their role.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError, fromstring

from db.core.progress import NO_PROGRESS, Progress
from db.formats.batch import entity_row, link_row
from db.formats.bods import stable_id
from db.formats.results import FormatError, ImportBatch
from db.formats.validate import MAX_FILE_BYTES, check_size
from db.models import utc_now

MTG = "{http://maltego.paterva.com/xml/mtgx}"
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
MALTEGO_TYPES = {
    "maltego.Person": "Person", "maltego.Alias": "Person", "maltego.Company": "Company",
    "maltego.Organization": "Organization", "maltego.OnlineGroup": "Organization",
    "maltego.Location": "Address", "maltego.Address": "Address",
    "maltego.GPS": "Address", "maltego.BankAccount": "BankAccount",
    "maltego.CryptocurrencyWallet": "CryptoWallet", "maltego.Vehicle": "Vehicle",
    "maltego.Aircraft": "Airplane", "maltego.Vessel": "Vessel", "maltego.Event": "Event",
    "maltego.Document": "Note", "maltego.Phrase": "Note",
}
MAIN_PROPERTIES = ("person.fullname", "title", "location.name", "maltego.person.fullname",
                   "alias", "account.number", "cryptocurrency.address", "event.name",
                   "text", "url")


def schema_of(maltego_type: str) -> str | None:
    """The schema a Maltego type stands for ("maltego.Person" → "Person"), or None."""
    return MALTEGO_TYPES.get(maltego_type.strip())


LINK_LABELS = ("maltego.link.manual.type", "maltego.link.label")
LINK_DRAWING = frozenset({"maltego.link.color", "maltego.link.style", "maltego.link.thickness",
                          "maltego.link.show-label"})


def _count_other_parts(batch: ImportBatch, element: Element, what: str) -> None:
    """Parts of a Maltego entity or link besides its properties (notes, display
    information, bookmarks, weight …) are not carried: counted by part, not dropped
    without a word."""
    for child in element:
        part = child.tag.removeprefix(MTG)
        if part != "Properties":
            batch.skipped[f"Maltego {what} {part} (not carried)"] += 1


def _values(entity: Element) -> dict[str, str]:
    out = {}
    for prop in entity.iter(f"{MTG}Property"):
        value = prop.find(f"{MTG}Value")
        if value is not None and value.text and prop.get("name"):
            out[prop.get("name")] = value.text.strip()
    return out


def _graph_xml(data: bytes, name: str) -> Element:
    check_size(len(data), name)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        graphs = [i for i in archive.infolist() if i.filename.lower().endswith(".graphml")]
        if not graphs:
            raise FormatError(f"{name}: a Maltego file holds a graph (Graphs/*.graphml); "
                              "this one has none")
        if graphs[0].file_size > MAX_FILE_BYTES // 4:
            raise FormatError(f"{name}: the graph inside is too large to read")
        xml = archive.read(graphs[0])
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError):
        raise FormatError(f"{name}: not a Maltego .mtgx file (not a readable zip)") from None
    if b"<!DOCTYPE" in xml[:65536] or b"<!ENTITY" in xml:
        raise FormatError(f"{name}: a graph with a document type declaration (DTD) is not read")
    try:
        return fromstring(xml)
    except ParseError as error:
        line = error.position[0] if getattr(error, "position", None) else "?"
        raise FormatError(f"{name}, graph line {line}: not valid XML") from None


def read_mtgx(path: str | Path, progress: Progress = NO_PROGRESS) -> ImportBatch:
    path = Path(path)
    data = path.read_bytes()
    root = _graph_xml(data, path.name)
    salt = hashlib.sha256(data).hexdigest()
    batch = ImportBatch(label=f"Import {path.name} (Maltego)", origin=path.name)
    now = utc_now()
    ids: dict[str, str] = {}
    progress.step(0, 2, f"Reading {path.name}")
    for node in root.iter(f"{GRAPHML}node"):
        entity = next(node.iter(f"{MTG}MaltegoEntity"), None)
        kind = entity.get("type", "") if entity is not None else ""
        schema = schema_of(kind)
        if schema is None:
            batch.unknown_schemata[f"Maltego {kind or 'node without an entity'}"] += 1
            continue
        values = _values(entity)
        caption = next((values[k] for k in MAIN_PROPERTIES if values.get(k)),
                       next(iter(values.values()), None))
        if not caption:
            batch.skipped[f"Maltego {kind} without a value"] += 1
            continue
        entity_id = stable_id("maltego-node", salt, node.get("id", ""))
        ids[node.get("id", "")] = entity_id
        props = {"name": [caption[:500]]}
        extra = {f"maltego:{k}": [v] for k, v in values.items() if v != caption}
        for key in extra:
            batch.unknown_properties[f"{schema}.{key}"] += 1
        _count_other_parts(batch, entity, "entity")
        batch.entities.append(entity_row(entity_id, schema, caption, props | extra,
                                         origin=path.name, now=now))
    progress.step(1, 2, f"Reading {path.name}")
    for number, edge in enumerate(root.iter(f"{GRAPHML}edge")):
        source, target = ids.get(edge.get("source", "")), ids.get(edge.get("target", ""))
        if source is None or target is None:
            batch.skipped["Maltego links to entities the case does not model"] += 1
            continue
        if source == target:
            batch.skipped["Maltego links from an entity to itself"] += 1
            continue
        link = next(edge.iter(f"{MTG}MaltegoLink"), None)
        values = _values(link) if link is not None else {}
        label = next((values[k] for k in LINK_LABELS if values.get(k)), None)
        props: dict[str, list[str]] = {}
        for key, value in values.items():
            if value == label and key in LINK_LABELS:
                continue
            if key in LINK_DRAWING:
                batch.skipped[f"Maltego link drawing property {key}"] += 1
            else:
                props[f"maltego:{key}"] = [value]
                batch.unknown_properties[f"UnknownLink.maltego:{key}"] += 1
        if link is not None:
            _count_other_parts(batch, link, "link")
        batch.links.append(link_row(
            "UnknownLink", source, target,
            link_id=stable_id("maltego-edge", salt, edge.get("id") or str(number)),
            role=label[:500] if label else None, properties=props, origin=path.name,
            now=now))
    return batch

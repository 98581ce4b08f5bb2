"""Hostile inputs for the importers, shared by the fuzz tests and scripts/fuzz_importers.py.

Random bytes rarely get past a parser's first check, so the inputs are *mutations of
real files*: a seed (the shared FtM, BODS files, a CSV sheet, a GraphML export) parsed
where it is structured, a few of its values replaced by values of the wrong type,
huge, deep, negative, impossible dates or duplicated records, then serialised — plus
byte-level damage (cuts, flips, repeats, foreign encodings). Every mutation is drawn
from one ``random.Random`` so a failing input is reproduced from its seed number.

``case_digest`` hashes every row of every table (the audit log included), so a test
can say "the case is unchanged" after a refused import.
"""

from __future__ import annotations

import copy
import csv
import hashlib
import io
import json
import random
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from db.formats import FormatError, read_file
from db.formats.batch import write_batch
from db.formats.csv_io import CsvMapping, read_csv_bytes

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"

WEIRD_VALUES: list[Any] = [
    None, True, False, 0, -1, 1e308, float("inf"), -0.0, 150, 100.0000001, "", " ", "x" * 200_000,
    "2010-13-45", "2019-02-29", "0000-00-00", "=HYPERLINK(\"http://x\")", "\u202eevil", "\x00",
    "\ud800", [], {}, [[[[[]]]]], {"a": {"b": {"c": {}}}}, ["a", 1, None], {"reason": 5},
    "null", "Company", "Ownership", "LegalEntity", "shareholding", "indirect", "; DROP TABLE x",
]


# The case's content (what an import adds and its undo takes away). The audit log keeps
# both steps and blobs (a document's bytes) are never deleted by undo (by design,
# db/core/transaction.py), so both are left out when comparing before and after undo.
CONTENT_TABLES = ("entities", "links", "sources", "documents", "claims", "claim_targets",
                  "events", "event_entities")


def case_digest(path: str | Path, tables: tuple[str, ...] | None = None) -> str:
    """SHA-256 over every row of every table of the case file (or of ``tables``), in a
    fixed order."""
    digest = hashlib.sha256()
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = tables or tuple(r[0] for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"))
        for table in tables:
            digest.update(table.encode())
            for row in sorted(repr(r) for r in connection.execute(f'SELECT * FROM "{table}"')):
                digest.update(row.encode("utf-8", "surrogatepass"))
    finally:
        connection.close()
    return digest.hexdigest()


def deep(rng: random.Random) -> Any:
    """A marker that ``dumps`` writes as lists nested 70 to 100,000 deep (json.dumps
    itself cannot write them)."""
    return f"__DEEP_{rng.choice((70, 500, 5000, 100_000))}__"


def dumps(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    for levels in (70, 500, 5000, 100_000):
        text = text.replace(f'"__DEEP_{levels}__"', "[" * levels + '"x"' + "]" * levels)
    return text


def weird(rng: random.Random) -> Any:
    roll = rng.random()
    if roll < 0.05:
        return deep(rng)
    if roll < 0.1:
        return rng.uniform(-1e6, 1e6)
    return copy.deepcopy(rng.choice(WEIRD_VALUES))


def _containers(value: Any, out: list[Any], level: int = 0) -> None:
    if level > 20:
        return
    if isinstance(value, dict | list):
        out.append(value)
        for child in (value.values() if isinstance(value, dict) else value):
            _containers(child, out, level + 1)


def mutate_tree(tree: Any, rng: random.Random, rounds: int) -> Any:
    """Replace, delete, duplicate or retype values anywhere in a parsed JSON tree."""
    for _ in range(rounds):
        containers: list[Any] = []
        _containers(tree, containers)
        if not containers:
            return weird(rng)
        box = rng.choice(containers)
        keys = list(box) if isinstance(box, dict) else list(range(len(box)))
        action = rng.random()
        if not keys or action < 0.1:
            if isinstance(box, dict):
                box[rng.choice(["id", "schema", "properties", "casefile", "caption",
                                "share", "x"])] = weird(rng)
            else:
                box.append(weird(rng))
            continue
        key = rng.choice(keys)
        if action < 0.55:
            box[key] = weird(rng)
        elif action < 0.7:
            del box[key]
        elif action < 0.85 and isinstance(box, list):
            box.append(json.loads(json.dumps(box[key])))  # a duplicate record
        elif isinstance(box[key], str | int | float) and not isinstance(box[key], bool):
            box[key] = rng.choice([str(box[key]) * rng.randint(2, 5), -abs(hash(box[key])) % 997,
                                   str(box[key])[::-1]])
        else:
            box[key] = weird(rng)
    return tree


def mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    """Byte-level damage: a cut, flipped bytes, a repeated slice, another encoding."""
    data = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        roll = rng.random()
        if not data or roll < 0.2:
            data += bytes(rng.randrange(256) for _ in range(rng.randint(1, 20)))
        elif roll < 0.4:
            del data[rng.randrange(len(data)):]
        elif roll < 0.6:
            for _ in range(rng.randint(1, 8)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        elif roll < 0.8:
            start = rng.randrange(len(data))
            data[start:start] = data[start:start + rng.randint(1, 200)] * rng.randint(1, 5)
        else:
            text = bytes(data).decode("utf-8", "replace")
            data = bytearray(text.encode(rng.choice(["utf-16", "cp1251", "latin-1", "utf-8-sig"]),
                                         "replace"))
    return bytes(data)


# -- seeds and their mutators ---------------------------------------------------------------
def _ftm_seed() -> list[dict[str, Any]]:
    lines = (SHARED / "ftm" / "donations.ijson").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines[:40]]


def _bods_seeds() -> list[list[Any]]:
    return [json.loads(p.read_text(encoding="utf-8"))
            for p in sorted((SHARED / "bods").glob("*.json"))]


def ftm_input(rng: random.Random, seed: list[dict[str, Any]]) -> bytes:
    objects = json.loads(json.dumps(rng.sample(seed, rng.randint(1, min(12, len(seed))))))
    if rng.random() < 0.3:  # a repeated id, as FtM fragments or a conflict
        twin = json.loads(json.dumps(rng.choice(objects)))
        if rng.random() < 0.5:
            twin["schema"] = rng.choice(["Person", "Company", "Payment", "Ownership", "Thing"])
        objects.append(twin)
    if rng.random() < 0.3:
        objects.append({"id": "ctx", "schema": rng.choice(["Company", "Ownership"]),
                        "properties": {"name": ["x"]}, "casefile": weird(rng)})
    tree = mutate_tree(objects, rng, rng.randint(0, 4))
    if rng.random() < 0.3:
        text = dumps(tree)
    else:
        items = tree if isinstance(tree, list) else [tree]
        text = "\n".join(dumps(o) for o in items)
    data = text.encode("utf-8", "surrogatepass")
    return mutate_bytes(data, rng) if rng.random() < 0.2 else data


def bods_input(rng: random.Random, seeds: list[list[Any]]) -> bytes:
    tree = mutate_tree(json.loads(json.dumps(rng.choice(seeds))), rng, rng.randint(0, 3))
    if rng.random() < 0.3 and isinstance(tree, list):
        text = "\n".join(dumps(s) for s in tree)
    else:
        text = dumps(tree)
    data = text.encode("utf-8", "surrogatepass")
    return mutate_bytes(data, rng) if rng.random() < 0.2 else data


# A tuple: a mutation of one input's header must never reach the next input's.
CSV_HEADER = ("owner", "owner_type", "company", "company_no", "country", "share", "since",
              "until")
CSV_MAPPING = {"entity_name": "company", "entity_country": "country",
               "entity_identifiers": {"registrationNumber": "company_no"},
               "link_source": "owner", "link_target": "company", "link_share": "share",
               "link_start": "since", "link_end": "until", "link_entity_schema": "Person"}
CSV_CELLS = ["Anna Berg", "Acme Ltd", "Person", "Company", "gb", "25-50", "100", "150",
             "-5", "2019", "2020-03", "01.03.2015", "2010-13-45", "", "Bolt GmbH", "",
             "=1+1", "\"quoted\"", "a;b", "a\nb", "\x00", "Тест", "12345"]


# Cells a sound sheet holds, per column: what passes the mapping and gets written —
# Cyrillic, quotes, delimiters and line breaks inside cells, formula-looking text,
# Excel's local dates and "33,3" shares.
SOUND_CELLS = {
    "owner": ["Anna Berg", "Иван Петров", "O'Brien & Sons", "=cmd|' /C calc'!A0",
              'Zoë "Z" Holding', "a, b; c\nd", "  Lars  Nilsen "],
    "owner_type": ["Person", "Company", ""],
    "company": ["Acme Ltd", "ООО «Ромашка»", "Bolt GmbH", "ACME  LTD", "Ærø A/S"],
    "company_no": ["12345", "HRB 1", "", "7712345678"],
    "country": ["gb", "Germany", "Российская Федерация", "de", "", "Nowhere Land"],
    "share": ["25-50", "100", "0", "33,3", "12.5%", ""],
}
SOUND_DATES = {None: (["2015", "2019-05", "2020-03-01", ""], ["2021", "2022-12-31", ""]),
               "DD.MM.YYYY": (["01.03.2015", "03.2016", "2017", ""], ["31.12.2021", ""]),
               "MM/DD/YYYY": (["03/01/2015", "2016", ""], ["12/31/2021", "2022", ""])}


def csv_sound_input(rng: random.Random) -> tuple[bytes, dict[str, Any]]:
    """A sheet that passes its mapping: the importer must write it (and undo must take
    it away again), not refuse it."""
    date_format = rng.choice(list(SOUND_DATES))
    starts, ends = SOUND_DATES[date_format]
    rows = [list(CSV_HEADER)] + [[rng.choice(SOUND_CELLS[c]) for c in CSV_HEADER[:6]]
                           + [rng.choice(starts), rng.choice(ends)]
                           for _ in range(rng.randint(1, 8))]
    out = io.StringIO()
    delimiter = rng.choice([";", ",", "\t"])
    if rng.random() < 0.3:
        out.write(f"sep={delimiter}\r\n")
    csv.writer(out, delimiter=delimiter).writerows(rows)
    encoding = rng.choice(["utf-8", "utf-8-sig", "utf-16", "cp1251"])
    mapping = copy.deepcopy(CSV_MAPPING)
    mapping["date_format"] = date_format
    mapping["keep_unmapped"] = rng.random() < 0.7
    return out.getvalue().encode(encoding, "replace"), mapping


def csv_input(rng: random.Random) -> tuple[bytes, dict[str, Any]]:
    if rng.random() < 0.5:
        return csv_sound_input(rng)
    delimiter = rng.choice([";", ",", "\t", "|"])
    rows = [list(CSV_HEADER)] + [[rng.choice(CSV_CELLS) for _ in CSV_HEADER]
                           for _ in range(rng.randint(0, 6))]
    if rng.random() < 0.05:
        rows[-1][rng.randrange(len(CSV_HEADER))] = "x" * rng.choice((99_000, 140_000))
    if rng.random() < 0.2:
        rows.append([rng.choice(CSV_CELLS)] * rng.randint(1, 12))
    text = "\n".join(delimiter.join(row) for row in rows)
    if rng.random() < 0.2:
        text = f"sep={delimiter}\n" + text
    data = text.encode(rng.choice(["utf-8", "utf-8-sig", "cp1251", "utf-16"]), "replace")
    mapping = copy.deepcopy(CSV_MAPPING)
    if rng.random() < 0.3:
        mapping = mutate_tree({"m": mapping}, rng, rng.randint(1, 3)).get("m", {})
        mapping = mapping if isinstance(mapping, dict) else {}
    if rng.random() < 0.1:
        mapping["delimiter"] = rng.choice([";;", "", "\n", ",", '"', delimiter, 5])
    if rng.random() < 0.2:
        data = mutate_bytes(data, rng)
    return data, mapping


GRAPHML_NODE = '<node id="{id}">{data}</node>'
GRAPHML_EDGE = '<edge id="{id}" source="{s}" target="{t}">{data}</edge>'


def graphml_input(rng: random.Random) -> bytes:
    keys = ["label", "schema", "country", "properties", "role", "share_min", "share_max",
            "start_date", "weight", "x"]
    parts = ['<?xml version="1.0" encoding="utf-8"?>',
             '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">']
    typed = rng.random() < 0.85
    for key in keys:
        for where in ("node", "edge"):
            kind = "string" if typed else rng.choice(["string", "double", "int", "boolean"])
            parts.append(f'<key id="{where}{key}" for="{where}" attr.name="{key}" '
                         f'attr.type="{kind}"/>')
    parts.append('<key id="gcasefile" for="graph" attr.name="casefile" attr.type="string"/>')
    parts.append(f'<graph edgedefault="{rng.choice(["directed", "undirected"])}">'
                 + ('<data key="gcasefile">1</data>' if rng.random() < 0.3 else ""))
    values = ["Acme", "Company", "Ownership", "150", "-1", "nan", "inf", "50", "2019",
              "2010-13-45", "{", "[]", '{"name": ["x"]}', '{"name": 5}', "de", "", "x" * 1000]
    nodes = [str(rng.choice([i, f"n{i}"])) for i in range(rng.randint(0, 6))]
    for node in nodes:
        data = "".join(f'<data key="node{k}">{rng.choice(values)}</data>'
                       for k in rng.sample(keys, rng.randint(0, 4)))
        parts.append(GRAPHML_NODE.format(id=node, data=data))
    for index in range(rng.randint(0, 6)):
        ends = nodes or ["a"]
        data = "".join(f'<data key="edge{k}">{rng.choice(values)}</data>'
                       for k in rng.sample(keys, rng.randint(0, 4)))
        parts.append(GRAPHML_EDGE.format(id=rng.choice([index, "e", index]),
                                         s=rng.choice(ends), t=rng.choice(ends), data=data))
    parts.append("</graph></graphml>")
    data = "".join(parts).encode("utf-8")
    if rng.random() < 0.1:
        data = data.replace(b"<graphml", b'<!DOCTYPE g [<!ENTITY a "aaaa">]><graphml', 1)
    return mutate_bytes(data, rng) if rng.random() < 0.25 else data


GEXF_SEED = (b'<?xml version="1.0" encoding="UTF-8"?><gexf xmlns="http://gexf.net/1.3" '
             b'xmlns:viz="http://gexf.net/1.3/viz" version="1.3"><graph defaultedgetype="directed"'
             b' mode="dynamic" timeformat="date"><attributes class="node" mode="static">'
             b'<attribute id="c" title="country" type="string"/></attributes><nodes>'
             b'<node id="0" label="Acme"><attvalues><attvalue for="c" value="Germany"/>'
             b'</attvalues><viz:position x="1.0" y="2.0" z="0.0"/></node><node id="1" '
             b'label="Bolt"/></nodes><edges><edge id="0" source="0" target="1" weight="75" '
             b'start="2019-05-01" end="2021-12-31"/></edges></graph></gexf>')


def gexf_input(rng: random.Random) -> bytes:
    data = GEXF_SEED
    for old, new in ((b"75", rng.choice([b"150", b"x", b"-1", b"nan", b"75"])),
                     (b"2019-05-01", rng.choice([b"2010-13-45", b"2019", b"1e9", b"2019-05-01"])),
                     (b'target="1"', rng.choice([b'target="9"', b'target="0"', b'target="1"']))):
        data = data.replace(old, new)
    return mutate_bytes(data, rng) if rng.random() < 0.6 else data


class Importers:
    """Each format's input maker and how to read it, for one fuzzing session."""

    def __init__(self) -> None:
        self.ftm_seed = _ftm_seed()
        self.bods_seeds = _bods_seeds()

    def make(self, fmt: str, rng: random.Random) -> tuple[bytes, Any]:
        if fmt == "ftm":
            return ftm_input(rng, self.ftm_seed), None
        if fmt == "bods":
            return bods_input(rng, self.bods_seeds), None
        if fmt == "csv":
            return csv_input(rng)
        if fmt == "gexf":
            return gexf_input(rng), None
        return graphml_input(rng), None


def read_input(fmt: str, data: bytes, extra: Any, folder: Path) -> Any:
    """The importer's read of ``data`` (a batch), raising only ``FormatError`` if sound."""
    if fmt == "csv":
        mapping = CsvMapping.from_dict(extra)
        return read_csv_bytes(data, "fuzz.csv", mapping)
    path = folder / f"fuzz.{ {'ftm': 'ijson', 'bods': 'json', 'graphml': 'graphml', 'gexf': 'gexf'}[fmt]}"
    path.write_bytes(data)
    return read_file(path, fmt)


def import_or_refuse(case: Any, fmt: str, data: bytes, extra: Any, folder: Path,
                     on_unexpected: Callable[[BaseException], None]) -> str:
    """Read and write one input. "refused", "added" or "unexpected" (reported)."""
    try:
        batch = read_input(fmt, data, extra, folder)
    except FormatError:
        return "refused"
    except Exception as error:  # noqa: BLE001 - the point: anything else is a finding
        on_unexpected(error)
        return "unexpected"
    before = case_digest(case.path)
    content = case_digest(case.path, CONTENT_TABLES)
    try:
        command = write_batch(case, batch)
    except FormatError:
        if case_digest(case.path) != before:
            on_unexpected(AssertionError("a refused write changed the case"))
            return "unexpected"
        return "refused"
    except Exception as error:  # noqa: BLE001
        on_unexpected(error)
        return "unexpected"
    if any(command.result.added.values()) and case_digest(case.path, CONTENT_TABLES) == content:
        on_unexpected(AssertionError("an import said it added rows, and the case is unchanged"))
        return "unexpected"
    command.undo(case)
    if case_digest(case.path, CONTENT_TABLES) != content:
        on_unexpected(AssertionError("undo of an import left rows behind"))
        return "unexpected"
    return "added"

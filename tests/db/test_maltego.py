"""Maltego graphs come in as the entities they are, not as "n0", "n1"."""

from __future__ import annotations

import json
import zipfile

import pytest

from db.formats import FormatError, import_file
from db.models import Entity, Link

NODE = ('<node id="{id}"><data key="d0"><mtg:MaltegoEntity xmlns:mtg="http://maltego.paterva.com/'
        'xml/mtgx" type="{type}"><mtg:Properties>{props}</mtg:Properties></mtg:MaltegoEntity>'
        '</data></node>')
PROP = ('<mtg:Property displayName="x" hidden="false" name="{name}" nullable="true" '
        'readonly="false" type="string"><mtg:Value>{value}</mtg:Value></mtg:Property>')
EDGE = ('<edge id="{id}" source="{s}" target="{t}"><data key="d1"><mtg:MaltegoLink '
        'xmlns:mtg="http://maltego.paterva.com/xml/mtgx" type="maltego.link.manual-link">'
        '<mtg:Properties>' + PROP.format(name="maltego.link.manual.type", value="{label}")
        + '</mtg:Properties></mtg:MaltegoLink></data></edge>')


def _mtgx(tmp_path):
    nodes = [NODE.format(id="n0", type="maltego.Person",
                         props=PROP.format(name="person.fullname", value="Anna Berg")),
             NODE.format(id="n1", type="maltego.Company",
                         props=PROP.format(name="title", value="Acme Ltd")
                         + PROP.format(name="company.registration", value="HRB 1")),
             NODE.format(id="n2", type="maltego.Domain",
                         props=PROP.format(name="fqdn", value="acme.example")),
             NODE.format(id="n3", type="maltego.Location",
                         props=PROP.format(name="location.name", value="Berlin"))]
    edges = [EDGE.format(id="e0", s="n0", t="n1", label="owns"),
             EDGE.format(id="e1", s="n1", t="n2", label="runs"),
             EDGE.format(id="e2", s="n1", t="n3", label="registered at")]
    graph = ('<?xml version="1.0" encoding="UTF-8"?><graphml xmlns="http://graphml.graphdrawing'
             '.org/xmlns"><graph edgedefault="directed">' + "".join(nodes + edges)
             + "</graph></graphml>")
    path = tmp_path / "case.mtgx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Graphs/Graph1.graphml", graph)
        archive.writestr("Version.properties", "maltego.client.version=4.6")
    return path


def test_mtgx_entities_come_in_by_type_and_name(new_case, tmp_path):
    result = import_file(new_case, _mtgx(tmp_path))
    assert (result.added["entities"], result.added["links"]) == (3, 2)
    assert result.unknown_schemata == {"Maltego maltego.Domain": 1}
    assert result.skipped == {"Maltego links to entities the case does not model": 1}
    with new_case.session() as session:
        entities = {e.caption: e.schema for e in session.query(Entity)}
        assert entities == {"Anna Berg": "Person", "Acme Ltd": "Company", "Berlin": "Address"}
        roles = sorted(x.role for x in session.query(Link))
        assert roles == ["owns", "registered at"]


def test_not_a_maltego_file_is_refused(new_case, tmp_path):
    path = tmp_path / "bad.mtgx"
    path.write_bytes(b"PK\x03\x04 broken")
    with pytest.raises(FormatError, match=r"^bad.mtgx: not a Maltego .mtgx file"):
        import_file(new_case, path)


def test_maltego_types_in_a_sheet_map_to_schemata(new_case, tmp_path):
    sheet = tmp_path / "maltego.csv"
    sheet.write_text("Entity Type,Value\nmaltego.Person,Anna Berg\nmaltego.Company,Acme Ltd\n",
                     encoding="utf-8")
    mapping = tmp_path / "m.json"
    mapping.write_text(json.dumps({"entity_name": "Value", "entity_schema": "Entity Type"}))
    import_file(new_case, sheet, mapping_path=mapping)
    with new_case.session() as session:
        assert {e.caption: e.schema for e in session.query(Entity)} == {
            "Anna Berg": "Person", "Acme Ltd": "Company"}

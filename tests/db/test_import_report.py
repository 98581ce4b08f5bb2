"""Every importer says what it leaves out: by kind, with a count, in the import report.

One file per format, each holding something the case does not carry, and the line of
the report that says so. A dropped thing missing from the report fails here.
"""

from __future__ import annotations

import json
import zipfile

from db.formats import import_file
from db.models import ClaimTarget, Entity, Link


def _ftm(**props):
    return {"properties": {k: v if isinstance(v, list) else [v] for k, v in props.items()}}


def test_ftm_report_counts_unsupported_schemata_and_absent_references(new_case, tmp_path):
    objects = [
        {"id": "acme", "schema": "Company", **_ftm(name="Acme", addressEntity="addr-missing")},
        {"id": "bolt", "schema": "Company", "target": True, "datasets": ["x"],
         **_ftm(name="Bolt")},  # OpenSanctions' "target" flag: not carried
        {"id": "doc-1", "schema": "Document", **_ftm(title="Register extract")},
        {"id": "art-1", "schema": "Article", **_ftm(title="Acme in the news")},
        {"id": "own-1", "schema": "Ownership", **_ftm(owner="acme", asset="bolt",
                                                      percentage="40", proof="doc-1")},
        {"id": "own-2", "schema": "Ownership", **_ftm(owner="ghost", asset="bolt")},
    ]
    path = tmp_path / "report.ijson"
    path.write_text("\n".join(json.dumps(o) for o in objects), encoding="utf-8")
    result = import_file(new_case, path)
    assert (result.added["entities"], result.added["links"]) == (2, 1)
    assert result.unknown_schemata == {"Article": 1, "Document": 1}
    assert result.unknown_properties == {
        "Company.addressEntity (names an entity that is not imported)": 1,
        "Ownership.proof (names an entity that is not imported)": 1}
    assert result.skipped == {"links whose source or target is not in the file or the case": 1,
                              "FtM field target (not carried)": 1}
    lines = result.lines()
    assert "not imported: 1 × schema Document" in lines
    assert "kept but not modelled: 1 × Company.addressEntity (names an entity that is not " \
           "imported)" in lines
    with new_case.session() as session:  # the reference stays, as the id FtM wrote
        assert session.get(Entity, "acme").properties["addressEntity"] == ["addr-missing"]


def test_bods_report_counts_what_statements_carry_and_absent_records(new_case, tmp_path,
                                                                     shared_data):
    package = json.loads((shared_data / "bods" / "joint-ownership.json").read_text())
    package = [s for s in package if s["recordId"] != "f040df24d9ec"]  # Roberto Lopez goes
    package[0]["annotations"] = [{"motivation": "commenting", "description": "checked",
                                  "statementPointerTarget": ""}]
    path = tmp_path / "partial.json"
    path.write_text(json.dumps(package), encoding="utf-8")
    result = import_file(new_case, path)
    assert result.added["entities"] == 3 and result.added["links"] == 2
    assert result.skipped == {
        # Roberto Lopez's stake names a person the package no longer holds
        "links whose source or target is not in the file or the case": 1,
        "claims' links to links not added": 1,
        "statement annotations (not carried)": 1}
    with new_case.session() as session:
        assert session.query(ClaimTarget).count() == 2
        assert {link.share_min for link in session.query(Link)} == {100.0, 50.0}


def test_graphml_report_counts_graph_attributes_and_keeps_edge_labels(new_case, tmp_path):
    path = tmp_path / "yed.graphml"
    path.write_text(
        '<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
        '<key id="t" for="graph" attr.name="title" attr.type="string"/>'
        '<key id="l" for="node" attr.name="label" attr.type="string"/>'
        '<key id="e" for="edge" attr.name="label" attr.type="string"/>'
        '<graph edgedefault="directed"><data key="t">Acme network</data>'
        '<node id="n0"><data key="l">Acme</data></node>'
        '<node id="n1"><data key="l">Bolt</data></node>'
        '<edge source="n0" target="n1"><data key="e">supplies</data></edge>'
        '</graph></graphml>', encoding="utf-8")
    result = import_file(new_case, path)
    assert result.skipped == {"graph attribute title (not carried)": 1}
    with new_case.session() as session:
        assert session.query(Link).one().role == "supplies"


MTG = 'xmlns:mtg="http://maltego.paterva.com/xml/mtgx"'
PROP = ('<mtg:Property name="{name}" type="string"><mtg:Value>{value}</mtg:Value>'
        '</mtg:Property>')


def test_maltego_report_counts_notes_link_drawing_and_self_links(new_case, tmp_path):
    person = (f'<node id="n0"><data key="d0"><mtg:MaltegoEntity {MTG} type="maltego.Person">'
              '<mtg:Properties>' + PROP.format(name="person.fullname", value="Anna Berg")
              + '</mtg:Properties><mtg:Notes>met in Riga</mtg:Notes>'
              '</mtg:MaltegoEntity></data></node>')
    company = (f'<node id="n1"><data key="d0"><mtg:MaltegoEntity {MTG} type="maltego.Company">'
               '<mtg:Properties>' + PROP.format(name="title", value="Acme Ltd")
               + '</mtg:Properties></mtg:MaltegoEntity></data></node>')
    link = (f'<edge id="e0" source="n0" target="n1"><data key="d1"><mtg:MaltegoLink {MTG} '
            'type="maltego.link.manual-link"><mtg:Properties>'
            + PROP.format(name="maltego.link.manual.type", value="directs")
            + PROP.format(name="maltego.link.color", value="#ff0000")
            + PROP.format(name="maltego.link.manual.description", value="since 2019")
            + '</mtg:Properties></mtg:MaltegoLink></data></edge>')
    loop = '<edge id="e1" source="n1" target="n1"/>'
    path = tmp_path / "graph.mtgx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Graphs/Graph1.graphml",
                         '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph>'
                         + person + company + link + loop + "</graph></graphml>")
    result = import_file(new_case, path)
    assert result.skipped == {"Maltego entity Notes (not carried)": 1,
                              "Maltego link drawing property maltego.link.color": 1,
                              "Maltego links from an entity to itself": 1}
    assert result.unknown_properties == {
        "UnknownLink.maltego:maltego.link.manual.description": 1}
    with new_case.session() as session:
        (kept,) = session.query(Link).all()
        assert kept.role == "directs"
        assert kept.properties == {"maltego:maltego.link.manual.description": ["since 2019"]}


def test_csv_report_counts_rows_it_cannot_use_and_merges_repeated_entities(new_case,
                                                                           tmp_path):
    sheet = tmp_path / "owners.csv"
    sheet.write_text("owner,company,country,share\n"
                     "Anna Berg,Acme Ltd,,30\n"
                     ",,de,\n"            # nothing to import: no name, no link
                     "Anna Berg,,gb,\n"    # a source with no target: no link
                     "Anna Berg,,lv,\n", encoding="utf-8")
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps({"entity_name": "owner", "entity_country": "country",
                                   "default_schema": "Person", "link_source": "owner",
                                   "link_target": "company", "link_share": "share"}),
                       encoding="utf-8")
    result = import_file(new_case, sheet, mapping_path=mapping)
    assert result.skipped == {"rows with no entity name and no link (source and target)": 1,
                              "links with only one end (source or target empty)": 2}
    assert any("2 row(s) named an entity already read" in w for w in result.warnings)
    with new_case.session() as session:
        anna = session.query(Entity).filter_by(caption="Anna Berg").one()
        assert anna.properties["country"] == ["gb", "lv"]  # both rows' values, not the last
        assert session.query(Link).one().share_min == 30.0

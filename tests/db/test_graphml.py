"""GraphML/GEXF export read back by networkx equal to the graph; GraphML import."""

from __future__ import annotations

import networkx as nx
import pytest

from db.formats import FormatError, export_file, import_file
from db.formats.graphml import build_graph
from db.models import Entity, Link
from db.reads import queries

# Service-level: each test runs on a case file and on a team case (PostgreSQL).
pytestmark = pytest.mark.backends("sqlite", "postgresql")


def _graph(case):
    with case.session() as session:
        return build_graph(session)


def test_graphml_reads_back_equal(sample, tmp_path):
    out = tmp_path / "case.graphml"
    assert export_file(sample, out, "graphml") == {"entities": 16, "links": 11}
    written = _graph(sample)
    read = nx.read_graphml(out, force_multigraph=True)
    assert dict(read.nodes(data=True)) == dict(written.nodes(data=True))
    assert sorted(read.edges(keys=True, data=True)) == sorted(written.edges(keys=True, data=True))
    stake = read.edges[sample.ids["renera"], sample.ids["kama"], sample.ids["link:stake"]]
    assert (stake["schema"], stake["shares_value"], stake["start_date"]) == \
        ("Ownership", 6.2e9, "2022")
    assert read.nodes[sample.ids["atom"]]["role"] == "brand"


def test_gexf_reads_back_equal_with_dates_as_intervals(sample, tmp_path):
    from db.formats.gexf import gexf_graph

    out = tmp_path / "case.gexf"
    export_file(sample, out, "gexf")
    with sample.session() as session:
        written = gexf_graph(session)
    read = nx.read_gexf(out, version="1.3")
    assert out.read_text(encoding="utf-8").count('xmlns="http://gexf.net/1.3"') == 1

    def placed(nodes):  # the layout is computed per export; that there is one is the point
        return {n: {**d, "viz": {**d["viz"], "position": sorted(d["viz"]["position"])}}
                for n, d in nodes}

    assert placed(read.nodes(data=True)) == placed(written.nodes(data=True))
    edges = sorted((u, v, d) for u, v, d in read.edges(data=True))
    expected = sorted((u, v, d) for u, v, _k, d in written.edges(keys=True, data=True))
    assert edges == expected
    control = next(d for _u, _v, d in read.edges(data=True)
                   if d["id"] == sample.ids["link:control"])
    assert (control["start"], control["start_date"]) == ("2022-01-01", "2022")
    stake = next(d for _u, _v, d in read.edges(data=True)
                 if d["id"] == sample.ids["link:stake"])
    assert stake["weight"] == 1.0  # the stake's share is unknown
    rosatom = read.nodes[sample.ids["rosatom"]]
    assert rosatom["schema"] == "Company" or rosatom["schema"] in ("PublicBody", "LegalEntity")
    assert set(rosatom["viz"]) == {"color", "position"}


def test_gexf_round_trip_into_a_new_case(sample, new_case, tmp_path):
    out = tmp_path / "case.gexf"
    export_file(sample, out, "gexf")
    result = import_file(new_case, out)
    assert (result.added["entities"], result.added["links"]) == (16, 11)
    with sample.session() as a, new_case.session() as b:
        for link in a.query(Link):
            other = b.get(Link, link.id)
            assert (other.schema, other.source_id, other.target_id, other.start_date,
                    other.end_date, other.share_min, other.share_max, other.role) == \
                (link.schema, link.source_id, link.target_id, link.start_date, link.end_date,
                 link.share_min, link.share_max, link.role)


GEPHI_GEXF = """<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <meta><creator>Gephi 0.10.1</creator></meta>
  <graph defaultedgetype="directed" mode="dynamic" timeformat="date">
    <attributes class="node" mode="static">
      <attribute id="country" title="Country" type="string"/>
      <attribute id="sector" title="sector" type="string"/>
    </attributes>
    <nodes>
      <node id="0" label="Acme Holding">
        <attvalues><attvalue for="country" value="Germany"/>
          <attvalue for="sector" value="energy"/></attvalues>
        <viz:size value="10.0"/><viz:position x="1.0" y="2.0" z="0.0"/>
        <viz:color r="200" g="10" b="10"/>
      </node>
      <node id="1" label="Bolt GmbH"/>
    </nodes>
    <edges>
      <edge id="0" source="0" target="1" weight="75.0" start="2019-05-01" end="2021-12-31"/>
    </edges>
  </graph>
</gexf>
"""


def test_a_gephi_gexf_is_read_by_what_its_attributes_mean(new_case, tmp_path):
    path = tmp_path / "gephi.gexf"
    path.write_text(GEPHI_GEXF, encoding="utf-8")
    result = import_file(new_case, path)
    assert (result.added["entities"], result.added["links"]) == (2, 1)
    assert result.unknown_properties == {"node.sector": 1}
    assert result.skipped == {"node layout or drawing attribute viz size": 1,
                              "node layout or drawing attribute viz position": 1,
                              "node layout or drawing attribute viz color": 1}
    with new_case.session() as session:
        acme = session.query(Entity).filter_by(caption="Acme Holding").one()
        assert acme.properties["country"] == ["de"]
        (link,) = session.query(Link).all()
        assert (link.start_date, link.end_date, link.properties["weight"]) == \
            ("2019-05-01", "2021-12-31", ["75"])


def test_gephi_style_graphml_attributes_are_mapped(new_case, tmp_path):
    path = tmp_path / "gephi.graphml"
    path.write_text(
        '<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
        '<key id="l" for="node" attr.name="Label" attr.type="string"/>'
        '<key id="c" for="node" attr.name="Country" attr.type="string"/>'
        '<key id="x" for="node" attr.name="x" attr.type="float"/>'
        '<key id="r" for="node" attr.name="r" attr.type="int"/>'
        '<key id="w" for="edge" attr.name="Weight" attr.type="double"/>'
        '<graph edgedefault="directed"><node id="n0"><data key="l">Acme</data>'
        '<data key="c">Russian Federation</data><data key="x">3.5</data><data key="r">10</data>'
        '</node><node id="n1"><data key="l">Bolt</data></node>'
        '<edge source="n0" target="n1"><data key="w">2.5</data></edge></graph></graphml>',
        encoding="utf-8")
    result = import_file(new_case, path)
    assert result.unknown_properties == {}
    assert result.skipped == {"node layout or drawing attribute x": 1,
                              "node layout or drawing attribute r": 1}
    with new_case.session() as session:
        acme = session.query(Entity).filter_by(caption="Acme").one()
        assert acme.properties == {"name": ["Acme"], "country": ["ru"]}
        (link,) = session.query(Link).all()
        assert link.properties == {"weight": ["2.5"]}


def test_graphml_round_trip_into_a_new_case(sample, new_case, tmp_path):
    out = tmp_path / "case.graphml"
    export_file(sample, out, "graphml")
    result = import_file(new_case, out)
    assert (result.added["entities"], result.added["links"]) == (16, 11)
    with sample.session() as a, new_case.session() as b:
        for entity in a.query(Entity):
            other = b.get(Entity, entity.id)
            assert (other.schema, other.caption, other.role, other.properties) == \
                (entity.schema, entity.caption, entity.role, entity.properties)
        stake = b.get(Link, sample.ids["link:stake"])
        assert (stake.shares_value, stake.shares_currency, stake.role) == \
            (6.2e9, "RUB", "stake acquired")


def test_foreign_graphml_gets_namespaced_ids_and_report(new_case, tmp_path):
    path = tmp_path / "gephi.graphml"
    graph = nx.DiGraph()
    graph.add_node("0", label="Acme", weight=3)
    graph.add_node("1", label="Bolt")
    graph.add_edge("0", "1", schema="Ownership", share_min=25.0, share_max=50.0)
    nx.write_graphml(graph, path)
    result = import_file(new_case, path)
    assert (result.added["entities"], result.added["links"]) == (2, 1)
    assert result.unknown_properties == {"node.weight": 1}
    with new_case.session() as session:
        (link,) = session.query(Link).all()
        assert (link.schema, link.share_min, link.share_max) == ("Ownership", 25.0, 50.0)
        assert session.get(Entity, "0") is None
        assert session.get(Entity, link.source_id).caption == "Acme"


def test_malformed_graphml_is_refused(new_case, tmp_path):
    path = tmp_path / "bad.graphml"
    path.write_text('<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/'
                    'xmlns">\n<graph edgedefault="directed">\n<node id="a">\n</graph>')
    sha = new_case.file_sha256()
    with pytest.raises(FormatError, match=r"bad.graphml, line 5: not valid GraphML XML"):
        import_file(new_case, path)
    assert new_case.file_sha256() == sha
    with new_case.session() as session:
        assert queries.counts(session).entities == 0


def test_a_gexf_11_draft_file_is_read(new_case, tmp_path):
    """GEXF 1.1 (older Gephi and sigma.js examples) under its own namespace."""
    path = tmp_path / "old.gexf"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?><gexf version="1.1" '
                    'xmlns="http://www.gexf.net/1.1draft"><graph defaultedgetype="directed">'
                    '<nodes><node id="0.0" label="Myriel"/><node id="1.0" label="Napoleon"/>'
                    '</nodes><edges><edge id="0" source="1.0" target="0.0" weight="2.0"/>'
                    '</edges></graph></gexf>', encoding="utf-8")
    result = import_file(new_case, path)
    assert (result.added["entities"], result.added["links"]) == (2, 1)
    with new_case.session() as session:
        link = session.query(Link).one()
        assert session.get(Entity, link.source_id).caption == "Napoleon"
        assert link.properties == {"weight": ["2"]}

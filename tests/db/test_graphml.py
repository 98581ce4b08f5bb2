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


def test_gexf_reads_back_equal(sample, tmp_path):
    out = tmp_path / "case.gexf"
    export_file(sample, out, "gexf")
    written = _graph(sample)
    read = nx.read_gexf(out)
    assert dict(read.nodes(data=True)) == dict(written.nodes(data=True))
    edges = sorted((u, v, d) for u, v, d in read.edges(data=True))
    expected = sorted((u, v, {**d, "id": k}) for u, v, k, d in written.edges(keys=True, data=True))
    assert edges == expected


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

"""Graph files made by other tools, read as a person who made them expects.

``tests/data/lesmiserables-gephi-0.9.gexf`` is a real Gephi 0.9 export (see
tests/data/README.md for where it comes from): GEXF 1.3 under Gephi's own namespace,
undirected, a modularity attribute, edge weights and Gephi's viz colour/position/size.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import networkx as nx

from db.formats import export_file, import_file
from db.models import Entity, Link

DATA = Path(__file__).parent.parent / "data"
GEPHI_GEXF = DATA / "lesmiserables-gephi-0.9.gexf"


def _imported(case, tmp_path):
    path = tmp_path / GEPHI_GEXF.name
    shutil.copy(GEPHI_GEXF, path)
    return import_file(case, path)


def test_a_gephi_09_gexf_comes_in_with_its_names_links_and_weights(new_case, tmp_path):
    result = _imported(new_case, tmp_path)
    assert (result.added["entities"], result.added["links"]) == (10, 21)
    with new_case.session() as session:
        names = {e.id: e.caption for e in session.query(Entity)}
        assert sorted(names.values()) == [
            "Cosette", "Fantine", "Javert", "MlleBaptistine", "MmeMagloire",
            "MmeThenardier", "Myriel", "Napoleon", "Thenardier", "Valjean"]
        links = {(names[link.source_id], names[link.target_id]): link
                 for link in session.query(Link)}
    # Undirected in Gephi; each link runs from the source to the target the file writes.
    assert ("Fantine", "Valjean") in links and ("Valjean", "Fantine") not in links
    assert links[("Cosette", "Valjean")].properties["weight"] == ["31"]
    assert links[("Thenardier", "MmeThenardier")].properties["weight"] == ["13"]
    # Gephi leaves out a weight of 1; nothing is made up for it.
    assert "weight" not in links[("Napoleon", "Myriel")].properties
    assert {link.schema for link in links.values()} == {"UnknownLink"}
    assert all(link.start_date is None and link.end_date is None for link in links.values())


def test_a_gephi_09_gexf_reports_what_the_case_does_not_model(new_case, tmp_path):
    result = _imported(new_case, tmp_path)
    # Gephi's modularity class is kept on each person, and said so.
    assert result.unknown_properties == {"node.Modularity Class": 10}
    with new_case.session() as session:
        valjean = session.query(Entity).filter_by(caption="Valjean").one()
        assert valjean.properties == {"name": ["Valjean"], "Modularity Class": ["1"]}
        assert valjean.schema == "LegalEntity"  # Gephi says nothing of what a node is
    # Colours, positions and sizes are Gephi's drawing: dropped, and counted by kind.
    assert result.skipped == {"node layout or drawing attribute viz color": 10,
                              "node layout or drawing attribute viz position": 10,
                              "node layout or drawing attribute viz size": 10}
    assert "skipped: 10 × node layout or drawing attribute viz color" in result.lines()


def test_a_gephi_09_gexf_goes_back_out_readable(new_case, tmp_path):
    _imported(new_case, tmp_path)
    out = tmp_path / "back.gexf"
    export_file(new_case, out, "gexf")
    graph = nx.read_gexf(out, version="1.3")
    labels = sorted(attrs["label"] for _node, attrs in graph.nodes(data=True))
    assert labels[:3] == ["Cosette", "Fantine", "Javert"] and len(labels) == 10
    assert graph.number_of_edges() == 21
    # No shares in a co-appearance graph: Gephi's own weights go back out as they came.
    names = {node: attrs["label"] for node, attrs in graph.nodes(data=True)}
    weights = {(names[s], names[t]): attrs["weight"] for s, t, attrs in graph.edges(data=True)}
    assert weights[("Cosette", "Valjean")] == 31.0
    assert weights[("Napoleon", "Myriel")] == 1.0  # Gephi's own default
    assert sorted(weights.values()) == sorted(
        [5, 3, 3, 9, 7, 2, 12, 1, 13, 31, 4, 1, 17, 5, 1, 5, 1, 1, 8, 10, 6])

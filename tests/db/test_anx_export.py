"""The network for i2 Analyst's Notebook (ANX import specification XML)."""

from __future__ import annotations

from xml.etree.ElementTree import parse

from db.formats import export_file


def test_sample_network_as_an_anx_chart(sample, tmp_path):
    out = tmp_path / "case.anx"
    assert export_file(sample, out, "anx") == {"entities": 16, "links": 11}
    chart = parse(out).getroot()
    assert chart.tag == "Chart"
    types = {t.get("Name"): t.get("IconFile") for t in chart.iter("EntityType")}
    assert types["Person"] == "Person" and types["Company"] == "Organisation"
    assert {t.get("Name") for t in chart.iter("LinkType")} >= {"Ownership", "Control"}
    items = chart.find("ChartItemCollection")
    ids = {e.get("EntityId") for e in items.iter("Entity")}
    for link in items.iter("Link"):
        assert {link.get("End1Id"), link.get("End2Id")} <= ids
    by_end = {(i.find("Link").get("End1Id"), i.find("Link").get("End2Id")): i
              for i in items.findall("ChartItem") if i.find("Link") is not None}
    control = by_end[(sample.ids["rosatom"], sample.ids["enertech"])]
    assert control.get("Label") == "controls (control)"
    assert (control.get("DateSet"), control.get("DateTime")) == ("true", "2022-01-01T00:00:00")
    assert control.find("Link/LinkStyle").get("ArrowStyle") == "ArrowOnHead"
    renera = next(i for i in items.findall("ChartItem") if i.get("Label") == "Renera")
    assert renera.find("End/Entity/Icon/IconStyle").get("Type") == "Company"

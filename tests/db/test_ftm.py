"""FtM import/export: real donations file, round trip checked by `followthemoney`."""

from __future__ import annotations

import json

import pytest
from followthemoney import model

from db.formats import FormatError, export_file, import_file
from db.models import Entity, Link
from db.reads import queries

# Service-level: each test runs on a case file and on a team case (PostgreSQL).
pytestmark = pytest.mark.backends("sqlite", "postgresql")


def _objects(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_import_donations_counts_and_report(new_case, donations):
    result = import_file(new_case, donations)
    # 56 Company + 22 Person + 17 Organization + 89 Address entities; 290 Payments, and
    # 103 addressEntity values that name an Address of the file become Reference links.
    assert result.added["entities"] == 184
    assert result.added["links"] == 290 + 103
    assert result.unknown_schemata == {}
    assert result.unknown_properties["Payment.amountEur"] == 290
    assert result.unknown_properties["Address.city"] == 89
    assert "Company.addressEntity" not in result.unknown_properties
    with new_case.session() as session:
        counts = queries.counts(session)
        assert (counts.entities, counts.links) == (184, 393)
        payment = session.get(Link, "2216b422a31242fe204654ce194864661f515921")
        assert payment.schema == "Payment"
        assert payment.source_id == "f9c295f21b233ac878fbac4d271bb6fd13d7952a"
        assert payment.target_id == "6d03aec76fdeec8f9697d8b19954ab6fc2568bc8"
        assert payment.start_date == "2011-12-29"
        assert payment.properties["amountEur"] == ["100000"]
        person = session.get(Entity, "f9c295f21b233ac878fbac4d271bb6fd13d7952a")
        assert person.caption == "Frau Lina Dachner"
        assert "addressEntity" not in person.properties
        (at,) = session.query(Link).filter_by(source_id=person.id, schema="Reference").all()
        assert (at.target_id, at.role) == ("97149caa3aef14e2be5ae6b3974c6882e7536d88",
                                           "addressEntity")
        address = session.get(Entity, "97149caa3aef14e2be5ae6b3974c6882e7536d88")
        assert (address.schema, address.caption) == ("Address", "Schillerstraße 19, 76135 Karlsruhe")
        # four donors at one address are connected through it
        shared = session.query(Link).filter_by(
            schema="Reference", target_id="2c42a6ff38354647909b5223a5df19640fb73d5b").all()
        assert len({link.source_id for link in shared}) == 4
    again = import_file(new_case, donations)
    assert again.added["entities"] == 0 and again.added["links"] == 0
    assert again.already_present["entities"] == 184


def test_round_trip_ftm_case_ftm_is_lossless_and_valid(new_case, donations, tmp_path):
    import_file(new_case, donations)
    out = tmp_path / "out.ijson"
    assert export_file(new_case, out, "ftm") == {"entities": 184, "links": 290}
    original = {o["id"]: o for o in _objects(donations)}
    exported = {o["id"]: o for o in _objects(out)}
    assert set(exported) == set(original)
    for entity_id, obj in exported.items():
        proxy = model.get_proxy(obj, cleaned=False)  # validates values by FtM's types
        assert proxy.schema.name == original[entity_id]["schema"]
        assert proxy.to_dict()["properties"] == obj["properties"], entity_id
        assert {k: sorted(v) for k, v in obj["properties"].items()} == \
            {k: sorted(v) for k, v in original[entity_id]["properties"].items()}, entity_id


def test_sample_case_exports_valid_ftm_and_reimports_equal(sample, tmp_path, new_case):
    out = tmp_path / "sample.ijson"
    assert export_file(sample, out, "ftm") == {"entities": 16, "links": 11}
    objects = _objects(out)
    for obj in objects:
        proxy = model.get_proxy(obj, cleaned=False)
        assert proxy.to_dict()["properties"] == obj["properties"], obj["id"]
    by_id = {o["id"]: o for o in objects}
    control = by_id[sample.ids["link:control"]]
    assert control["schema"] == "Control"
    assert control["properties"]["controller"] == [sample.ids["rosatom"]]
    assert control["properties"]["controlled"] == [sample.ids["enertech"]]
    assert control["properties"]["role"] == ["control"]
    ban = by_id[sample.ids["link:ban"]]
    assert ban["schema"] == "Sanction"
    assert ban["properties"]["entity"] == [sample.ids["russia"]]
    assert ban["properties"]["authority"] == ["South Korea"]
    result = import_file(new_case, out)
    assert result.added["entities"] == 16 and result.added["links"] == 11
    with sample.session() as a, new_case.session() as b:
        for link in a.query(Link):
            other = b.get(Link, link.id)
            assert (other.schema, other.source_id, other.target_id, other.role,
                    other.start_date, other.shares_value, other.shares_currency) == \
                (link.schema, link.source_id, link.target_id, link.role, link.start_date,
                 link.shares_value, link.shares_currency)
        for entity in a.query(Entity):
            other = b.get(Entity, entity.id)
            assert (other.schema, other.caption, other.role, other.properties) == \
                (entity.schema, entity.caption, entity.role, entity.properties)


def test_json_array_is_accepted(new_case, tmp_path):
    path = tmp_path / "array.json"
    path.write_text(json.dumps([
        {"id": "p1", "schema": "Person", "properties": {"name": ["Ann"]}},
        {"id": "c1", "schema": "Company", "properties": {"name": ["Acme"], "topics": ["x"]}},
        {"id": "o1", "schema": "Ownership", "properties": {"owner": ["p1"], "asset": ["c1"],
                                                           "percentage": ["40"]}},
        {"id": "n1", "schema": "Note", "properties": {"description": ["hi"]}},
    ]))
    result = import_file(new_case, path, "ftm")
    assert result.added["entities"] == 3 and result.added["links"] == 1
    assert result.unknown_schemata == {}
    assert result.unknown_properties == {"Company.topics": 1, "Note.description": 1}
    with new_case.session() as session:
        link = session.get(Link, "o1")
        assert (link.share_min, link.share_max) == (40.0, 40.0)


def test_truncated_line_is_refused_and_case_unchanged(new_case, donations, tmp_path):
    lines = donations.read_text(encoding="utf-8").splitlines()
    bad = tmp_path / "bad.ijson"
    bad.write_text("\n".join(lines[:10] + [lines[10][:40]] + lines[11:]) + "\n")
    before = new_case.file_sha256()
    with pytest.raises(FormatError, match=r"bad.ijson, line 11: not valid JSON"):
        import_file(new_case, bad)
    assert new_case.file_sha256() == before
    with new_case.session() as session:
        assert queries.counts(session).entities == 0


def test_object_without_schema_is_refused(new_case, tmp_path):
    bad = tmp_path / "bad.ijson"
    bad.write_text('{"id": "a", "schema": "Person", "properties": {"name": ["A"]}}\n'
                   '{"id": "b", "properties": {}}\n')
    with pytest.raises(FormatError, match=r'line 2: an FtM entity needs "id" and "schema"'):
        import_file(new_case, bad)


# -- GUI: the preview shown before an import writes anything ---------------------------------


def test_property_value_that_is_not_text_is_refused(new_case, tmp_path):
    bad = tmp_path / "bad.ijson"
    bad.write_text('{"id": "a", "schema": "Person", "properties": {"name": [{"x": 1}]}}\n')
    with pytest.raises(FormatError, match=r"line 1: property 'name' holds a dict, not text"):
        import_file(new_case, bad)

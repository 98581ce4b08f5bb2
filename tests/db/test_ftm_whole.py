"""An OpenSanctions-like cluster comes in whole and goes out valid.

The cluster is built here with followthemoney's own model (nothing fetched): a company
whose caption is its current name and whose ``name`` still holds its old one, 41
sanctions whose authority is text, a passport, an occupancy of a position, an event, a
note, three companies at one address, statement metadata and referents.
"""

from __future__ import annotations

import json

import pytest
from followthemoney import model

from db.formats import export_file, import_file
from db.models import Entity, Link
from db.reads import queries

META = {"datasets": ["us_ofac_sdn", "eu_fsf"], "first_seen": "2022-02-24T10:00:00",
        "last_seen": "2026-11-30T08:00:00", "last_change": "2024-05-01T00:00:00",
        "referents": ["ofac-12345", "eu-fsf-678"]}


def _make(schema, entity_id, **props):
    entity = model.make_entity(schema)
    entity.id = entity_id
    for prop, values in props.items():
        for value in values if isinstance(values, list) else [values]:
            entity.add(prop, value)
    return entity.to_dict()


def cluster() -> list[dict]:
    izhmash = _make("Company", "kalashnikov", name=["JSC NPO IZHMASH", "Kalashnikov Concern"],
                    country="ru", addressEntity="addr-izhevsk")
    izhmash.update(META, caption="Kalashnikov Concern")
    objects = [izhmash,
               _make("Company", "ak-media", name="Kalashnikov Media",
                     addressEntity="addr-izhevsk"),
               _make("Company", "ak-arms", name="AK Arms", addressEntity="addr-izhevsk"),
               _make("Address", "addr-izhevsk", full="Deryabina 3B, Izhevsk", country="ru"),
               _make("Person", "krivoruchko", name="Alan Krivoruchko", nationality="ru"),
               _make("Passport", "passport-1", holder="krivoruchko", number="7512345678",
                     country="ru"),
               _make("Position", "ceo-position", name="CEO of Kalashnikov Concern",
                     organization="kalashnikov"),
               _make("Occupancy", "occ-1", holder="krivoruchko", post="ceo-position",
                     startDate="2018-01"),
               _make("Event", "event-1", name="Sanctions designation", date="2022-03",
                     involved=["kalashnikov", "krivoruchko"]),
               _make("Note", "note-1", entity="kalashnikov", description="Rosstec subsidiary"),
               _make("Control", "control-1", controller="krivoruchko", controlled="kalashnikov",
                     role="chief executive")]
    authorities = ["Office of Foreign Assets Control", "Council of the European Union",
                   "HM Treasury"]
    for index in range(41):
        objects.append(_make("Sanction", f"sanction-{index}",
                             entity="kalashnikov" if index % 2 else "krivoruchko",
                             authority=authorities[index % 3], program=f"PROGRAM-{index}",
                             listingDate="2022-04-06"))
    return objects


@pytest.fixture
def cluster_file(tmp_path):
    path = tmp_path / "cluster.ijson"
    path.write_text("\n".join(json.dumps(o, ensure_ascii=False) for o in cluster()) + "\n",
                    encoding="utf-8")
    return path


def assert_valid_ftm(obj: dict) -> None:
    """FtM accepts the line as it is: known schema, known properties, valid values."""
    schema = model.get(obj["schema"])
    assert schema is not None and not schema.abstract, obj["schema"]
    for prop, values in obj["properties"].items():
        spec = schema.get(prop)
        assert spec is not None, f"{obj['schema']}.{prop} is not an FtM property"
        for value in values:
            assert spec.type.validate(value), f"{obj['schema']}.{prop}: {value!r}"
    proxy = model.get_proxy(obj)  # cleaned by FtM: must not change a value
    assert {k: sorted(v) for k, v in proxy.to_dict()["properties"].items()} == \
        {k: sorted(v) for k, v in obj["properties"].items()}, obj["id"]


def test_the_cluster_comes_in_whole(new_case, cluster_file):
    result = import_file(new_case, cluster_file)
    assert result.unknown_schemata == {}
    assert result.skipped == {}
    assert any("3 sanctioning authorities" in w for w in result.warnings)
    # 9 entities of the file + 3 authorities; 41 sanctions, occupancy, control and
    # references (3 addresses, holder, organization, 2 involved, note's entity)
    assert result.added["entities"] == 9 + 3
    assert result.added["links"] == 41 + 1 + 1 + 3 + 1 + 1 + 2 + 1
    with new_case.session() as session:
        izhmash = session.get(Entity, "kalashnikov")
        assert izhmash.caption == "Kalashnikov Concern"
        assert izhmash.properties["ftmDatasets"] == ["us_ofac_sdn", "eu_fsf"]
        assert izhmash.properties["ftmFirstSeen"] == ["2022-02-24T10:00:00"]
        assert izhmash.properties["mergedIds"] == ["ofac-12345", "eu-fsf-678"]
        assert [e.id for e in queries.find_entities(session, "Kalashnikov Concern")] == \
            ["kalashnikov"]
        sanctions = session.query(Link).filter_by(schema="Sanction").all()
        assert len(sanctions) == 41
        ofac = session.query(Entity).filter_by(caption="Office of Foreign Assets Control").one()
        assert ofac.schema == "PublicBody"
        assert sum(1 for s in sanctions if s.source_id == ofac.id) == 14
        at_address = session.query(Link).filter_by(schema="Reference",
                                                   target_id="addr-izhevsk").all()
        assert {x.source_id for x in at_address} == {"kalashnikov", "ak-media", "ak-arms"}
        holder = session.query(Link).filter_by(schema="Reference", source_id="passport-1").one()
        assert (holder.target_id, holder.role) == ("krivoruchko", "holder")
        assert session.get(Entity, "passport-1").schema == "Passport"
        occupancy = session.get(Link, "occ-1")
        assert (occupancy.schema, occupancy.source_id, occupancy.target_id,
                occupancy.start_date) == ("Occupancy", "krivoruchko", "ceo-position", "2018-01")
        control = session.get(Link, "control-1")
        assert (control.schema, control.role) == ("Control", "chief executive")


def test_the_cluster_goes_out_valid_and_round_trips(new_case, cluster_file, tmp_path):
    import_file(new_case, cluster_file)
    out = tmp_path / "out.ijson"
    export_file(new_case, out, "ftm")
    objects = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    for obj in objects:
        assert_valid_ftm(obj)
    by_id = {o["id"]: o for o in objects}
    original = {o["id"]: o for o in cluster()}
    for entity_id, obj in original.items():
        assert {k: sorted(v) for k, v in by_id[entity_id]["properties"].items()} == \
            {k: sorted(v) for k, v in obj["properties"].items()}, entity_id
    izhmash = by_id["kalashnikov"]
    assert izhmash["caption"] == "Kalashnikov Concern"
    assert (izhmash["datasets"], izhmash["first_seen"], izhmash["referents"]) == \
        (META["datasets"], META["first_seen"], META["referents"])
    assert by_id["control-1"]["schema"] == "Control"
    again = tmp_path / "again.ijson"
    second = type(new_case).create(tmp_path / "second.casefile", name="again", author="t")
    try:
        import_file(second, out)
        export_file(second, again, "ftm")
    finally:
        second.engine.dispose()
    assert sorted(again.read_text(encoding="utf-8").splitlines()) == \
        sorted(out.read_text(encoding="utf-8").splitlines())


def test_export_cleans_values_and_keeps_foreign_properties_apart(new_case, tmp_path):
    graph = tmp_path / "g.graphml"
    graph.write_text(
        '<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
        '<key id="c" for="node" attr.name="country" attr.type="string"/>'
        '<key id="w" for="node" attr.name="weight" attr.type="double"/>'
        '<key id="s" for="node" attr.name="schema" attr.type="string"/>'
        '<key id="i" for="node" attr.name="incorporationDate" attr.type="string"/>'
        '<graph edgedefault="directed">'
        '<node id="a"><data key="c">germany</data><data key="w">2.5</data>'
        '<data key="s">Company</data><data key="i">01.03.2015</data></node>'
        '<node id="b"><data key="c">российская федерация</data><data key="s">Company</data>'
        '</node><node id="c"><data key="c">Atlantis</data></node></graph></graphml>',
        encoding="utf-8")
    import_file(new_case, graph)
    out = tmp_path / "out.ijson"
    export_file(new_case, out, "ftm")
    objects = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    for obj in objects:
        assert_valid_ftm(obj)
    countries = sorted(c for o in objects for c in o["properties"].get("country", []))
    assert countries == ["de", "ru"]
    kept = [o["casefile"]["properties"] for o in objects if "casefile" in o]
    assert {"weight": ["2.5"]} in [{k: v for k, v in p.items() if k == "weight"} for p in kept]
    assert any(p.get("country") == ["Atlantis"] for p in kept)
    assert any(p.get("incorporationDate") == ["01.03.2015"] for p in kept)

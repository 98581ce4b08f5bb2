"""The app's FtM registry (db/schemata.py, db/formats/ftm_model.json) against the installed
followthemoney model: every schema and property we claim exists there, with the same
names, types and ranges."""

from __future__ import annotations

import json

import pytest
from followthemoney import model

from db.formats import ftm_model
from db.formats.ftm_links import LINK_BY_FTM, ROLE_PROPERTY
from db.schemata import ENTITY_PROPERTIES, ENTITY_SCHEMATA, IDENTIFIER_PROPERTIES, LINK_SCHEMATA


def test_generated_model_is_what_the_installed_followthemoney_says():
    import scripts.ftm_registry as generator

    stored = json.loads(ftm_model.MODEL_FILE.read_text(encoding="utf-8"))
    fresh = generator.build()
    assert stored["schemata"] == fresh["schemata"], "run scripts/ftm_registry.py"
    assert stored["country_codes"] == fresh["country_codes"]
    assert stored["country_names"] == fresh["country_names"]


@pytest.mark.parametrize("name", ENTITY_SCHEMATA)
def test_entity_schemata_are_concrete_ftm_schemata(name):
    schema = model.get(name)
    assert schema is not None and not schema.abstract and not schema.edge, name


def test_entity_properties_exist_with_the_types_we_assume():
    kinds = {"incorporationDate": "date", "dissolutionDate": "date", "birthDate": "date",
             "country": "country", "jurisdiction": "country", "nationality": "country",
             "website": "url", "name": "name", "alias": "name", "previousName": "name"}
    for prop in ENTITY_PROPERTIES:
        found = [model.get(s).get(prop) for s in ENTITY_SCHEMATA if model.get(s).get(prop)]
        assert found, f"{prop} is on none of our schemata"
        if prop in kinds:
            assert {p.type.name for p in found} == {kinds[prop]}, prop
        if prop in IDENTIFIER_PROPERTIES:
            assert {p.type.name for p in found} == {"identifier"}, prop


@pytest.mark.parametrize("spec", [s for s in LINK_SCHEMATA.values() if s.ftm_schema],
                         ids=lambda s: s.name)
def test_link_schemata_map_to_ftm_edges_with_their_ranges(spec):
    schema = model.get(spec.ftm_schema)
    assert schema is not None and not schema.abstract
    if spec.ftm_schema == spec.name and spec.name != "Sanction":
        assert (schema.edge_source, schema.edge_target) == (spec.source_prop, spec.target_prop)
        for prop in (spec.source_prop, spec.target_prop):
            assert schema.get(prop).type.name == "entity"
            assert ftm_model.properties(spec.name)[prop] == \
                ["entity", schema.get(prop).range.name]
    if spec.name == "Sanction":  # FtM's authority is text; the sanctioned is an entity
        assert schema.get("authority").type.name == "string"
        assert schema.get("entity").type.name == "entity"
    role = ROLE_PROPERTY.get(spec.ftm_schema)
    if role:
        assert schema.get(role) is not None, (spec.ftm_schema, role)
    assert spec.ftm_schema in LINK_BY_FTM or spec.ftm_schema == "UnknownLink"


def test_country_cleaning_uses_ftm_codes():
    from followthemoney.types import registry

    for name, code in [("germany", "de"), ("российская федерация", "ru"), ("Russia", "ru"),
                       ("DE", "de"), ("United Kingdom", "gb")]:
        assert ftm_model.country_code(name) == code
        assert registry.country.clean(name) == code
    assert ftm_model.country_code("Atlantis") is None

"""The entity detail shows where an imported entity's data came from: FtM datasets,
first and last seen, last change, and the ids it was merged from."""

from __future__ import annotations

import json

from db.formats import import_file
from db.reads.entity_list import entity_detail
from desktop.panes.entities.detail import EntityDetailWidget


def test_detail_lists_ftm_statement_metadata(qtbot, new_case, tmp_path, artifacts):
    path = tmp_path / "one.ijson"
    path.write_text(json.dumps({
        "id": "kalashnikov", "schema": "Company", "caption": "Kalashnikov Concern",
        "properties": {"name": ["JSC NPO IZHMASH", "Kalashnikov Concern"], "country": ["ru"]},
        "datasets": ["us_ofac_sdn", "eu_fsf"], "first_seen": "2022-02-24T10:00:00",
        "last_seen": "2026-11-30T08:00:00", "last_change": "2024-05-01T00:00:00",
        "referents": ["ofac-12345"]}), encoding="utf-8")
    import_file(new_case, path)
    with new_case.session() as session:
        detail = entity_detail(session, "kalashnikov")
    widget = EntityDetailWidget()
    qtbot.addWidget(widget)
    widget.resize(520, 420)
    widget.show_detail(detail)
    widget.show()
    model = widget.properties_model
    rows = {model.index(r, 0).data(): model.index(r, 1).data() for r in range(model.rowCount())}
    assert widget.title.text() == "Kalashnikov Concern"
    assert rows["name"] == "JSC NPO IZHMASH"  # the old name, not the caption again
    assert rows["datasets"] == "us_ofac_sdn; eu_fsf"
    assert rows["first seen"] == "2022-02-24T10:00:00"
    assert rows["last seen"] == "2026-11-30T08:00:00"
    assert rows["last changed"] == "2024-05-01T00:00:00"
    assert rows["also known as (ids)"] == "ofac-12345"
    assert "ftmDatasets" not in rows
    widget.grab().save(str(artifacts / "entity_detail_provenance.png"))

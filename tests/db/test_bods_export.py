"""BODS 0.4 out: every package we write validates against the official schema, and
what the case knows — ranges, dates, components, declared indirect interests — goes out."""

from __future__ import annotations

import json

import pytest

from cli.main import main
from db.formats import export_file, import_file
from db.formats.bods_schema import package_problems

EXAMPLES = ["bods-package-fi-soe.json", "indirect-ownership.json", "joint-ownership.json",
            "listed-company-exempt-from-disclosure.json", "mixed-direct-and-indirect-ownership.json",
            "multiple-indirect-ownership.json", "tecido.json"]


def _export(case, tmp_path, **options):
    out = tmp_path / "out.json"
    export_file(case, out, "bods", **options)
    statements = json.loads(out.read_text(encoding="utf-8"))
    assert package_problems(statements) == []
    return statements


def _relationships(statements):
    return [s["recordDetails"] for s in statements if s["recordType"] == "relationship"]


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_example_goes_out_valid_and_comes_back(new_case, tmp_path, shared_data, name):
    import_file(new_case, shared_data / "bods" / name)
    statements = _export(new_case, tmp_path)
    again = type(new_case).create(tmp_path / "again.casefile", name="again", author="t")
    try:
        result = import_file(again, tmp_path / "out.json", "bods")
        assert result.added["entities"] > 0
    finally:
        again.engine.dispose()
    assert statements


def test_declared_indirect_interest_keeps_its_share_and_components(new_case, tmp_path,
                                                                  shared_data):
    import_file(new_case, shared_data / "bods" / "indirect-ownership.json")
    relationships = _relationships(_export(new_case, tmp_path))
    indirect = [r for r in relationships
                if r["interests"][0]["directOrIndirect"] == "indirect"]
    assert len(indirect) == 1
    assert indirect[0]["interests"][0]["share"] == {"exact": 30}
    assert indirect[0]["componentRecords"]
    assert all(r["isComponent"] for r in relationships if r is not indirect[0])


def test_sample_case_and_an_entitys_chain_validate(sample, tmp_path):
    statements = _export(sample, tmp_path)
    kinds = {r["interests"][0]["type"] for r in _relationships(statements)}
    assert kinds == {"shareholding", "otherInfluenceOrControl"}
    stake = next(r for r in _relationships(statements)
                 if r["subject"] == sample.ids["kama"] and r["interestedParty"] ==
                 sample.ids["renera"])
    assert stake["interests"][0]["startDate"] == "2022-01-01"
    assert "startDate rounded from 2022" in stake["interests"][0]["details"]
    chain = _export(sample, tmp_path, entity=sample.ids["kama"])
    records = {s["recordId"] for s in chain if s["recordType"] != "relationship"}
    assert sample.ids["kama"] in records and sample.ids["renera"] in records
    assert len(chain) < len(statements)


def test_ranges_and_end_dates_go_out(new_case, tmp_path, sheet):
    path, mapping = sheet
    import_file(new_case, path, mapping_path=mapping)
    relationships = _relationships(_export(new_case, tmp_path))
    shares = sorted((json.dumps(r["interests"][0].get("share"), sort_keys=True),
                     r["interests"][0].get("endDate")) for r in relationships)
    assert shares == [('{"exact": 100.0}', "2023-12-31"),
                      ('{"maximum": 50.0, "minimum": 25.0}', None)]


def test_cli_exports_bods(tmp_path, capsys, shared_data):
    case = tmp_path / "c.casefile"
    main(["new", str(case)])
    main(["import", str(case), str(shared_data / "bods" / "joint-ownership.json")])
    capsys.readouterr()
    out = tmp_path / "out.json"
    assert main(["export", str(case), str(out), "--format", "bods"]) == 0
    assert "wrote" in capsys.readouterr().out
    assert package_problems(json.loads(out.read_text(encoding="utf-8"))) == []

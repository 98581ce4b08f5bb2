"""CSV import through a column mapping; CSV export of entities, links and claims."""

from __future__ import annotations

import csv
import json
import zipfile

import pytest

from db.formats import FormatError, export_file, import_file
from db.formats.csv_io import CsvMapping, header_signature, read_header
from db.models import Entity, Link
from db.reads import queries
from tests.conftest import SHEET

# Service-level: each test runs on a case file and on a team case (PostgreSQL).
pytestmark = pytest.mark.backends("sqlite", "postgresql")


def test_import_with_mapping(new_case, sheet):
    path, mapping = sheet
    result = import_file(new_case, path, mapping_path=mapping)
    assert (result.added["entities"], result.added["links"]) == (3, 2)
    with new_case.session() as session:
        entities = {e.caption: e for e in session.query(Entity)}
        assert set(entities) == {"Anna Berg", "Acme Ltd", "Bolt GmbH"}
        # owner_type is mapped to nothing: it stays with the row's entity, not dropped
        assert entities["Acme Ltd"].properties == {"name": ["Acme Ltd"], "country": ["gb"],
                                                  "registrationNumber": ["12345"],
                                                  "owner_type": ["Person"]}
        assert entities["Acme Ltd"].schema == "Company"
        assert entities["Anna Berg"].schema == "Person"
        links = {session.get(Entity, x.source_id).caption: x for x in session.query(Link)}
        anna = links["Anna Berg"]
        assert (anna.schema, anna.share_min, anna.share_max, anna.start_date, anna.end_date) == \
            ("Ownership", 25.0, 50.0, "2019", None)
        acme = links["Acme Ltd"]
        assert (acme.share_exact, acme.start_date, acme.end_date,
                session.get(Entity, acme.target_id).caption) == \
            (100.0, "2020-03", "2023-12-31", "Bolt GmbH")
    assert sum(import_file(new_case, path, mapping_path=mapping).added.values()) == 0


def test_header_signature_is_stable(sheet):
    path, _ = sheet
    header = read_header(path)
    assert header == ["owner", "owner_type", "company", "company_no", "country", "share",
                      "since", "until"]
    assert header_signature(header) == header_signature([h.upper() for h in header])


@pytest.mark.parametrize(("bad_line", "message"), [
    ("Anna Berg;Person;Acme Ltd;12345;gb;lots;2019;", r"owners.csv, line 3: share 'lots'"),
    ("Anna Berg;Person;Acme Ltd;12345;gb;10;yesterday;",
     r"owners.csv, line 3: 'yesterday' is not a date"),
    ("Anna Berg;Person;Acme Ltd;12345;gb;10;2019;;extra", r"line 3: more cells than the header"),
])
def test_bad_rows_are_refused_and_case_unchanged(new_case, sheet, bad_line, message):
    path, mapping = sheet
    path.write_text(SHEET.splitlines()[0] + "\n" + SHEET.splitlines()[1] + "\n" + bad_line + "\n")
    sha = new_case.file_sha256()
    with pytest.raises(FormatError, match=message):
        import_file(new_case, path, mapping_path=mapping)
    assert new_case.file_sha256() == sha


def test_mapping_naming_a_missing_column_is_refused(new_case, sheet, tmp_path):
    path, _ = sheet
    mapping = tmp_path / "m.json"
    mapping.write_text(json.dumps({"entity_name": "Company name"}))
    with pytest.raises(FormatError, match=r"column 'Company name' \(mapped as entity name\)"):
        import_file(new_case, path, mapping_path=mapping)
    with pytest.raises(FormatError, match="needs a column mapping"):
        import_file(new_case, path)
    with pytest.raises(FormatError, match="unknown key"):
        CsvMapping.from_dict({"entity_nam": "x"})


def test_export_three_files_to_folder_and_zip(sample, tmp_path):
    counts = export_file(sample, tmp_path / "out", "csv")
    assert counts == {"entities": 16, "links": 11, "claims": 10}
    with open(tmp_path / "out" / "links.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    stake = next(r for r in rows if r["id"] == sample.ids["link:stake"])
    assert (stake["source"], stake["target"], stake["shares_value"], stake["share_min"]) == \
        ("Renera", "JSC Kama", "6200000000.0", "")
    with open(tmp_path / "out" / "claims.csv", encoding="utf-8", newline="") as handle:
        claims = list(csv.DictReader(handle))
    stake_claim = next(c for c in claims if c["id"] == sample.ids["claim:6"])
    assert stake_claim["excerpt"] == \
        "In 2022, Renera acquired a stake valued at 6.2 billion rubles in JSC Kama"
    assert f"link:{sample.ids['link:stake']}" in stake_claim["supports"].split()
    export_file(sample, tmp_path / "out.zip", "csv")
    with zipfile.ZipFile(tmp_path / "out.zip") as archive:
        assert sorted(archive.namelist()) == ["claims.csv", "entities.csv", "links.csv"]
        assert archive.read("links.csv").decode() == \
            (tmp_path / "out" / "links.csv").read_bytes().decode()
    with sample.session() as session:
        assert queries.counts(session).entities == 16


def test_export_neutralises_formula_cells_and_can_start_with_a_bom(new_case, tmp_path):
    from db.core.commands import run
    from db.services import entities as E

    names = ["=HYPERLINK(\"http://evil\",\"click\")", "+7 Holdings", "-minus", "@SUM(A1)",
             "Иван Петров"]
    run(new_case, "Add", lambda tx: [E.create_entity(tx, "Company", n) for n in names])
    export_file(new_case, tmp_path / "out", "csv", bom=True)
    raw = (tmp_path / "out" / "entities.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with open(tmp_path / "out" / "entities.csv", encoding="utf-8-sig", newline="") as handle:
        captions = {row["caption"] for row in csv.DictReader(handle)}
    assert captions == {"'=HYPERLINK(\"http://evil\",\"click\")", "'+7 Holdings", "'-minus",
                        "'@SUM(A1)", "Иван Петров"}
    export_file(new_case, tmp_path / "plain", "csv")
    assert not (tmp_path / "plain" / "entities.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_bom_export_comes_back_through_our_reader_with_its_cyrillic(new_case, make_case,
                                                                    tmp_path):
    """Excel itself cannot run here: what is checked is the bytes Excel needs (the UTF-8
    BOM first) and that the file reads back whole — through Python's csv with utf-8-sig
    and through this app's own CSV import."""
    from db.core.commands import run
    from db.services import entities as E

    names = ["Иван Петров", "ООО «Ромашка»", "Ærø A/S"]
    run(new_case, "Add", lambda tx: [E.create_entity(tx, "Company", n) for n in names])
    export_file(new_case, tmp_path / "out.zip", "csv", bom=True)
    with zipfile.ZipFile(tmp_path / "out.zip") as archive:
        raw = archive.read("entities.csv")
    assert raw.startswith(b"\xef\xbb\xbf") and "Иван Петров".encode() in raw
    sheet = tmp_path / "entities.csv"
    sheet.write_bytes(raw)
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps({"entity_name": "caption", "entity_schema": "schema",
                                   "entity_id": "id"}), encoding="utf-8")
    other = make_case("other")
    result = import_file(other, sheet, mapping_path=mapping)
    assert result.added["entities"] == 3 and result.warnings == []  # no encoding guess
    with new_case.session() as a, other.session() as b:
        assert {(e.id, e.caption) for e in b.query(Entity)} == \
            {(e.id, e.caption) for e in a.query(Entity)}


def test_spreadsheet_safe_cells():
    from db.formats.csv_export import spreadsheet_safe

    assert [spreadsheet_safe(v) for v in ("\tx", "\rx", "a=b", "", None, -5.0, 3)] == \
        ["'\tx", "'\rx", "a=b", "", "", -5.0, 3]

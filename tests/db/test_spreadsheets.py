"""Spreadsheets as they arrive: cp1251 text, Excel's sep= line, local dates, unmapped
columns, XLSX through the same mapping, and exports safe to open in Excel."""

from __future__ import annotations

import json

import pytest
from openpyxl import Workbook, load_workbook

from db.formats import FormatError, export_file, import_file
from db.models import Entity, Link

ROWS = [["Владелец", "Компания", "Доля", "С", "Заметка"],
        ["Иван Петров", "ООО Ромашка", "25", "01.03.2015", "=HYPERLINK(\"http://x\")"],
        ["Анна Смирнова", "АО Камский завод", "100", "03.2016", "через номинала"]]
MAPPING = {"link_source": "Владелец", "link_target": "Компания", "link_share": "Доля",
           "link_start": "С", "date_format": "DD.MM.YYYY", "link_entity_schema": "Person"}


def _files(tmp_path, data: bytes, mapping: dict, suffix=".csv"):
    path = tmp_path / f"sheet{suffix}"
    path.write_bytes(data)
    mapping_path = tmp_path / "mapping.json"
    mapping_path.write_text(json.dumps(mapping), encoding="utf-8")
    return path, mapping_path


def _check_import(case, result, first_note="=HYPERLINK(\"http://x\")"):
    assert (result.added["entities"], result.added["links"]) == (4, 2)
    with case.session() as session:
        names = {e.caption for e in session.query(Entity)}
        assert names == {"Иван Петров", "ООО Ромашка", "Анна Смирнова", "АО Камский завод"}
        starts = sorted((x.start_date, x.share_min) for x in session.query(Link))
        assert starts == [("2015-03-01", 25.0), ("2016-03", 100.0)]
        notes = sorted(x.properties["Заметка"][0] for x in session.query(Link))
        assert notes == sorted([first_note, "через номинала"])
    assert result.unknown_properties == {"column Заметка": 2}


def test_cp1251_with_a_sep_line_and_local_dates(new_case, tmp_path):
    text = "sep=;\n" + "\n".join(";".join(r) for r in ROWS) + "\n"
    path, mapping = _files(tmp_path, text.encode("cp1251"), MAPPING)
    result = import_file(new_case, path, mapping_path=mapping)
    _check_import(new_case, result)
    assert any("read as cp1251" in w for w in result.warnings)


def test_utf8_file_reads_without_a_warning(new_case, tmp_path):
    text = "\n".join(";".join(r) for r in ROWS)
    path, mapping = _files(tmp_path, text.encode("utf-8-sig"), MAPPING)
    result = import_file(new_case, path, mapping_path=mapping)
    assert result.warnings == []


def test_a_date_not_in_the_chosen_format_names_it(new_case, tmp_path):
    text = "\n".join(";".join(r) for r in ROWS).replace("01.03.2015", "2015/03/01")
    path, mapping = _files(tmp_path, text.encode("utf-8"), MAPPING)
    with pytest.raises(FormatError, match=r"sheet.csv, line 2: '2015/03/01' is not a date in "
                                          r"the format DD.MM.YYYY"):
        import_file(new_case, path, mapping_path=mapping)


def test_unmapped_columns_can_be_listed_instead(new_case, tmp_path):
    text = "\n".join(";".join(r) for r in ROWS)
    path, mapping = _files(tmp_path, text.encode("utf-8"), MAPPING | {"keep_unmapped": False})
    result = import_file(new_case, path, mapping_path=mapping)
    assert "1 column(s) not imported: Заметка" in result.warnings
    with new_case.session() as session:
        assert all("Заметка" not in x.properties for x in session.query(Link))


def test_xlsx_through_the_same_mapping(new_case, tmp_path):
    book = Workbook()
    for row in ROWS:  # a cell starting with "=" would be a formula in the workbook
        book.active.append([c.replace("=HYPERLINK", "HYPERLINK") for c in row])
    path = tmp_path / "sheet.xlsx"
    book.create_sheet("Notes").append(["not read"])
    book.create_sheet("Sources")
    book.save(path)
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps(MAPPING), encoding="utf-8")
    result = import_file(new_case, path, mapping_path=mapping)
    _check_import(new_case, result, first_note="HYPERLINK(\"http://x\")")
    assert result.warnings == [  # the sheets it did not read are named, not passed over
        "only the first sheet is read; 2 other sheet(s) not read: Notes, Sources"]


def test_not_a_workbook_is_refused_in_one_line(new_case, tmp_path):
    path, mapping = _files(tmp_path, b"PK\x03\x04 not really", MAPPING, ".xlsx")
    with pytest.raises(FormatError, match=r"^sheet.xlsx: not an XLSX workbook|^sheet.xlsx: not "
                                          r"a readable XLSX workbook"):
        import_file(new_case, path, mapping_path=mapping)


def test_xlsx_export_neutralises_formulas(new_case, tmp_path):
    text = "\n".join(";".join(r) for r in ROWS)
    path, mapping = _files(tmp_path, text.encode("utf-8"), MAPPING)
    import_file(new_case, path, mapping_path=mapping)
    from db.core.commands import run
    from db.services import entities as E

    run(new_case, "Add", lambda tx: E.create_entity(tx, "Company", "=1+1"))
    out = tmp_path / "out.xlsx"
    assert export_file(new_case, out, "xlsx")["entities"] == 5
    book = load_workbook(out)
    assert book.sheetnames == ["entities", "links", "claims"]
    captions = [row[2] for row in book["entities"].iter_rows(min_row=2, values_only=True)]
    assert "'=1+1" in captions and "=1+1" not in captions
    assert all(not (isinstance(c, str) and c.startswith("=")) for row in
               book["links"].iter_rows(values_only=True) for c in row)


def test_a_tab_named_by_the_sep_line_is_the_delimiter(new_case, tmp_path):
    """Excel writes "sep=" and the character itself; a tab is whitespace, not nothing."""
    text = "sep=\t\r\n" + "\r\n".join("\t".join(r) for r in ROWS) + "\r\n"
    path, mapping = _files(tmp_path, text.encode("utf-16"), MAPPING)
    result = import_file(new_case, path, mapping_path=mapping)
    _check_import(new_case, result)

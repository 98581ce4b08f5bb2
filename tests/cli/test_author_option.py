"""``--author`` on every writing command names the person; the default is the identity."""

from __future__ import annotations

import sqlite3

from cli.main import main
from db.core import Identity, save_identity


def _authors(path, table="audit_log", column="author") -> set[str]:
    with sqlite3.connect(path) as connection:
        return {r[0] for r in connection.execute(f"SELECT {column} FROM {table}")}


def test_new_and_import_name_the_author_given(tmp_path, donations, capsys):
    case = tmp_path / "anna.casefile"
    assert main(["new", str(case), "--author", "Anna K."]) == 0
    assert _authors(case) == {"Anna K."}
    assert main(["import", str(case), str(donations), "--author", "Boris P."]) == 0
    assert _authors(case) == {"Anna K.", "Boris P."}
    assert _authors(case, "entities", "created_by") == {"Boris P."}
    note = tmp_path / "note.txt"
    note.write_text("Renera owns 49% of JSC Kama.")
    assert main(["add", str(case), str(note), "--author", "Carla M."]) == 0
    assert _authors(case, "documents", "created_by") == {"Carla M."}


def test_the_identity_is_the_default_and_a_blank_author_is_refused(tmp_path, capsys):
    save_identity(Identity("Carla M.", "Global Witness"))
    case = tmp_path / "carla.casefile"
    assert main(["new", str(case)]) == 0
    assert _authors(case) == {"Carla M."}
    assert main(["new", str(tmp_path / "x.casefile"), "--author", " "]) == 1
    assert "cannot be empty" in capsys.readouterr().err
    assert not (tmp_path / "x.casefile").exists()

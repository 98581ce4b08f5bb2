"""``casefile add CASE FILES…``: the GUI's intake from the command line, folders too."""

from __future__ import annotations

import json

from cli.main import main
from db.core.casefile import CaseFile
from db.models import Document
from tests.document_making import docx_bytes, eml_bytes
from tests.pdf_making import GARBAGE, text_pdf


def test_add_files_and_a_folder_one_line_each(tmp_path, capsys):
    case_path = tmp_path / "kama.casefile"
    assert main(["new", str(case_path)]) == 0
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "extract.pdf").write_bytes(text_pdf([["Renera is owned by Rosatom."]]))
    (folder / "memo.docx").write_bytes(docx_bytes())
    (folder / ".hidden.txt").write_text("skipped")
    mail = tmp_path / "papers.eml"
    mail.write_bytes(eml_bytes())
    capsys.readouterr()
    assert main(["add", str(case_path), str(folder), str(mail), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["added"], report["failed"]) == (3, 0)
    assert [f["path"].rsplit("/", 1)[1] for f in report["files"]] == [
        "extract.pdf", "memo.docx", "papers.eml"]
    case = CaseFile.open(case_path)
    with case.session() as session:  # the message's two attachments came in with it
        assert session.query(Document).count() == 5
    case.close()
    bad = tmp_path / "garbage.pdf"
    bad.write_bytes(GARBAGE)
    assert main(["add", str(case_path), str(bad), str(mail)]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        "failed: garbage.pdf (the PDF could not be read (data format error))",
        "duplicate: papers.eml (already in the case as “Registry papers — Renera”)",
        "Added 0, duplicates 1, failed 1."]
    assert captured.err == "casefile: 1 of 2 files could not be added\n"

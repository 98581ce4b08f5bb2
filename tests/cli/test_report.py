"""``casefile report``: the evidence summary as PDF, headless (Qt renders it offscreen)."""

from __future__ import annotations

from tests.pdf_reading import body_text, read_pdf


def test_cli_report_writes_pdf_and_refuses_bad_input(sample, qapp, tmp_path, capsys):
    from cli.main import main

    path = str(sample.path)
    sample.engine.dispose()
    out = tmp_path / "kama.pdf"
    assert main(["report", path, "--entity", "JSC Kama", "-o", str(out)]) == 0
    assert "Renera" in body_text(read_pdf(out))
    capsys.readouterr()
    assert main(["report", path, "--entity", "Nobody Ltd", "-o", str(out)]) == 1
    assert capsys.readouterr().err == "casefile: no entity named 'Nobody Ltd'\n"
    missing = tmp_path / "no-such-folder" / "x.pdf"
    assert main(["report", path, "-o", str(missing)]) == 1
    assert capsys.readouterr().err == f"casefile: {missing.parent}: no such folder\n"
    assert main(["report", path, "-o", str(tmp_path)]) == 1
    assert "is a folder" in capsys.readouterr().err
    blocker = tmp_path / "plain-file"
    blocker.write_text("x")
    assert main(["report", path, "-o", str(blocker / "x.pdf")]) == 1
    assert capsys.readouterr().err == f"casefile: {blocker}: no such folder\n"
    assert main(["report", path, "-o", str(tmp_path / "case.pdf"), "--as-of", "2021"]) == 1
    assert not (tmp_path / "case.pdf").exists()

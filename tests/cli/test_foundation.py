"""Headless commands of the foundation: new, check, search; exit codes; bare start."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cli.main import main
from db.core.casefile import CaseFile
from db.sample.build import build_sample


@pytest.fixture
def sample_path(tmp_path) -> Path:
    path = tmp_path / "sample.casefile"
    build_sample(path).close()
    return path


def test_new_creates_a_named_case(tmp_path, capsys):
    path = tmp_path / "kama.casefile"
    assert main(["new", str(path), "--name", "Kama procurement"]) == 0
    case = CaseFile.open(path)
    assert case.name == "Kama procurement"
    case.close()
    assert main(["new", str(path)]) == 1
    assert "already exists" in capsys.readouterr().err


def test_check_sample_is_ok_with_no_unsourced_links(sample_path, capsys):
    assert main(["check", str(sample_path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is True
    assert report["unsourced_links"] == 0
    assert report["documents_checked"] == 1
    assert report["audit_rows"] > 50


def test_search_finds_kommersant(sample_path, capsys):
    assert main(["search", str(sample_path), "Kommersant", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)["hits"]
    assert {"entity", "document", "claim"} <= {h["kind"] for h in hits}
    document_hit = next(h for h in hits if h["kind"] == "document")
    assert "«Kommersant»" in document_hit["snippet"]


def test_check_reports_tampered_document_bytes(sample_path, capsys):
    import sqlite3

    connection = sqlite3.connect(sample_path)
    connection.execute("UPDATE blobs SET data = CAST('forged text' AS BLOB)")
    connection.commit()
    connection.close()
    assert main(["check", str(sample_path)]) == 1
    out = capsys.readouterr().out
    assert "PROBLEMS FOUND" in out
    assert "do not match SHA-256" in out


def test_check_reports_tampered_audit_row(sample_path, capsys):
    import sqlite3

    connection = sqlite3.connect(sample_path)
    connection.execute("UPDATE audit_log SET after = '{\"caption\": \"forged\"}' WHERE seq = 3")
    connection.commit()
    connection.close()
    assert main(["check", str(sample_path), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False
    assert report["audit_problems"] == ["audit row 3: content altered (hash mismatch)"]


def test_failures_are_one_line_with_exit_1(tmp_path, capsys):
    text = tmp_path / "notes.casefile"
    text.write_text("hello")
    assert main(["check", str(text)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "not a case file" in err
    assert main(["search", str(tmp_path / "missing.casefile"), "x"]) == 1
    assert "no such file" in capsys.readouterr().err


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as raised:
        main(["check"])
    assert raised.value.code == 2


def test_console_script_runs_as_a_process(sample_path):
    """The installed entry point works end to end (no import-time Qt for headless use)."""
    result = subprocess.run(
        [sys.executable, "-c",
         "import sys; from cli.main import main; rc = main(sys.argv[1:]); "
         "assert 'PySide6' not in sys.modules, 'Qt imported by a headless command'; "
         "sys.exit(rc)", "check", str(sample_path)],
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "links without a supporting claim: 0" in result.stdout



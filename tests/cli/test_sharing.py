"""``casefile import``, ``export`` and ``merge``: one line on failure, JSON on request."""

from __future__ import annotations

import json

from db.core import CaseFile


def test_cli_import_and_export(new_case, donations, tmp_path, capsys):
    from cli.main import main

    new_case.engine.dispose()
    bad = tmp_path / "bad.ijson"
    bad.write_text('{"id": "x", "schema": "Person"\n')
    assert main(["import", str(new_case.path), str(bad)]) == 1
    assert capsys.readouterr().err == \
        "casefile: bad.ijson, line 1: not valid JSON (Expecting ',' delimiter)\n"
    assert main(["import", str(new_case.path), str(donations), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["added"]["entities"] == 184
    out = tmp_path / "out.ijson"
    assert main(["export", str(new_case.path), str(out), "--format", "ftm"]) == 0
    assert capsys.readouterr().out == f"wrote {out}: 184 entities, 290 links\n"


def test_cli_dry_run_writes_nothing_then_merge(two_cases, capsys):
    from cli.main import main

    alice, a, bob_path, b = two_cases
    sha = alice.file_sha256()
    alice.engine.dispose()
    assert main(["merge", str(alice.path), str(bob_path), "--dry-run", "--json"]) == 0
    output = json.loads(capsys.readouterr().out)
    assert output["dry_run"] is True and output["added"] is None
    assert len(output["plan"]["matches"]) == 16
    assert CaseFile.open(alice.path).file_sha256() == sha
    assert main(["merge", str(alice.path), str(bob_path), "--accept-unsure"]) == 0
    assert "16 entities treated as the same" in capsys.readouterr().out
    assert main(["import", str(alice.path), str(bob_path), "--accept-unsure"]) == 0
    assert "added nothing new; 16 entities treated as the same" in capsys.readouterr().out

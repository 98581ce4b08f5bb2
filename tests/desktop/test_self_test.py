"""``casefile --self-test``: passes on a working installation, and names the step that
fails in one line when one does."""

from __future__ import annotations

from cli.main import build_parser
from desktop.shell import self_test


def test_self_test_passes_and_says_each_step(qapp):
    lines: list[str] = []
    assert self_test.run(lines.append) == 0
    text = "\n".join(lines)
    assert "sample case built: 16 entities, 11 links, 1 documents, 10 claims" in text
    assert "panes rendered: entities, documents, claims, network, timeline, chain" in text
    assert "evidence summary printed:" in text and "case verified: integrity ok" in text
    assert "translations: en, ru" in text
    assert lines[-1].startswith("self-test passed in ")


def test_self_test_failure_is_one_line_naming_the_step(qapp, monkeypatch):
    def broken(case):
        raise self_test.SelfTestFailure("audit row 3 does not chain\nsecond line")

    monkeypatch.setattr(self_test, "_verify", broken)
    lines: list[str] = []
    assert self_test.run(lines.append) == 1
    assert lines[-1] == "self-test FAILED at check: audit row 3 does not chain"


def test_self_test_is_a_command_line_flag():
    assert build_parser().parse_args(["--self-test"]).self_test is True
    assert "--self-test" in build_parser().format_help()

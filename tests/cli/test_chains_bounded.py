"""``casefile chains`` on chains with combinatorially many paths: top-k paths per owner
with "and N more", and a time bound that stops the listing with a PARTIAL line."""

from __future__ import annotations

import time

from cli.main import main
from db.core.casefile import CaseFile
from tests.chain_shapes import ladder, tangle


def _call(capsys, *argv):
    started = time.monotonic()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err, time.monotonic() - started


def _case_file(tmp_path, shape) -> str:
    path = tmp_path / f"{shape.__name__}.casefile"
    case = CaseFile.create(path, name=shape.__name__, author="test")
    shape(case)
    case.close()
    return str(path)


def test_ladder_lists_three_paths_and_counts_the_rest(tmp_path, capsys):
    path = _case_file(tmp_path, ladder)
    code, out, err, _ = _call(capsys, "chains", path, "Subject")
    assert code == 0, err
    top = out.split("  L11-0 (")[1].split("\n  L")[0]  # one of the top row's owners
    assert top.count("    path: ") == 3
    assert "… and 177,144 more paths" in top  # 3 ** 11 in all, three listed
    bottom = out.split("  L00-0 (")[1].split("\n  L")[0]
    assert bottom.count("    path: ") == 1 and "more" not in bottom
    assert "PARTIAL" not in out
    code, out, _, _ = _call(capsys, "chains", path, "Subject", "--paths", "1")
    assert "… and 177,146 more paths" in out


def test_a_tangle_stops_at_the_time_limit_and_says_partial(tmp_path, capsys):
    path = _case_file(tmp_path, tangle)
    code, out, err, _ = _call(capsys, "chains", path, "Tangled subject")
    assert code == 0, err
    assert out.count("… and more paths (through circular holdings: not counted)") == 12
    code, out, err, _ = _call(capsys, "chains", path, "Tangled subject",
                                    "--seconds", "0.000001")
    assert code == 0, err
    assert "PARTIAL: the paths of " in out and "more owner(s) are not listed" in out
    assert out.count("    path: ") < 12 * 3  # not every owner listed
    code, _, err, _ = _call(capsys, "chains", path, "Tangled subject", "--paths", "0")
    assert code == 1 and err.strip() == "casefile: --paths must be at least 1 and --seconds more than 0"

"""An export replaces its destination only once written whole: a cancelled or failed
export leaves an earlier file of the same name as it was, and no part file behind."""

from __future__ import annotations

import pytest

from db.core.progress import Cancelled, Progress
from db.formats import export_file
from db.formats.output import replacing


def _cancel_when(text: str) -> Progress:
    def report(done, total, step_text):
        if step_text == text:
            raise Cancelled()
    return Progress(report)


def test_export_cancelled_while_writing_keeps_the_earlier_file(sample, tmp_path):
    out = tmp_path / "out" / "case.ftm.json"
    out.parent.mkdir()
    export_file(sample, out, "ftm")
    earlier = out.read_bytes()
    with pytest.raises(Cancelled):  # the FtM export reports its steps while it writes
        export_file(sample, out, "ftm", _cancel_when("Writing entities"))
    assert out.read_bytes() == earlier
    assert [p.name for p in out.parent.iterdir()] == ["case.ftm.json"]


def test_replacing_moves_the_part_over_only_on_success(tmp_path):
    out = tmp_path / "chart.anx"
    out.write_text("earlier")
    with pytest.raises(OSError), replacing(out) as part:
        part.write_text("half")
        raise OSError("disk full")
    assert out.read_text() == "earlier" and not part.exists()
    with replacing(out) as part:
        part.write_text("whole")
    assert out.read_text() == "whole" and not part.exists()

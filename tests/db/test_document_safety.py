"""Hostile documents are parsed only in a limited child process: each ends in one line,
quickly, and the case is unchanged (issue 11, point 2)."""

from __future__ import annotations

import pytest

from db.extract import Limits, UnsafeDocument, extract_safely
from db.extract.isolated import run_isolated
from db.services.documents import add_files
from tests.pdf_making import (
    GARBAGE,
    nested_xobject_pdf,
    self_containing_page_tree_pdf,
    text_pdf,
    truncated_pdf,
)

SMALL = Limits(memory_mb=600, seconds=8)
HOSTILE = {
    "nested-forms.pdf": nested_xobject_pdf(),
    "self-tree.pdf": self_containing_page_tree_pdf(),
    "truncated.pdf": truncated_pdf(),
    "garbage.pdf": GARBAGE,
}


def test_hostile_pdfs_each_give_one_line_and_change_nothing(new_case, tmp_path):
    paths = []
    for name, data in HOSTILE.items():
        (tmp_path / name).write_bytes(data)
        paths.append(tmp_path / name)
    assert len(HOSTILE["nested-forms.pdf"]) < 20_000  # 16 KB that ask for 8**40 drawings
    result = add_files(new_case, paths, limits=SMALL)
    reasons = {f.name: f.reason for f in result.files}
    assert [f.status for f in result.files] == ["failed"] * 4
    assert reasons["nested-forms.pdf"] in (
        "reading it needed more than 600 MB (stopped)", "reading it took longer than 8 s "
        "(stopped)")
    assert reasons["self-tree.pdf"] == "the PDF could not be read (page 2 is broken)"
    assert reasons["truncated.pdf"] == "the PDF could not be read (data format error)"
    assert reasons["garbage.pdf"] == "the PDF could not be read (data format error)"
    assert all("\n" not in r for r in reasons.values())
    assert result.command is None
    with new_case.session() as session:
        from db.models import Document

        assert session.query(Document).count() == 0


def test_a_child_that_hangs_is_killed_at_its_time_limit():
    # A PDF drawn again and again: the vetting job renders it until the clock stops it.
    with pytest.raises(UnsafeDocument, match=r"^reading it (took longer than 2 s|needed "
                                             r"more than 600 MB) \(stopped\)$"):
        run_isolated("vet_pdf", nested_xobject_pdf(depth=60, fan_out=3),
                     limits=Limits(memory_mb=600, seconds=2))


def test_a_good_pdf_has_its_words_where_they_are_printed():
    data = text_pdf([["Renera is wholly owned by Rosatom."], ["Second page."]])
    extracted = extract_safely("registry.pdf", data, SMALL)
    assert extracted.text.split("\f")[0].strip() == "Renera is wholly owned by Rosatom."
    assert extracted.pages == [[0, 34], [35, 47]]
    first = extracted.geometry[0]
    assert (first.page, first.width, first.height, first.source) == (1, 612, 792, "pdf")
    # "Renera" starts at x = 72 pt; its baseline is 720 pt from the bottom (72 from the top).
    start, end, x0, y0, x1, y1 = first.boxes[0]
    assert (start, end) == (0, 6)
    assert 72 <= x0 < 74 and 60 < y0 < 72 < y1 < 76 and 105 < x1 < 115
    second = extracted.geometry[1].boxes[0]
    assert extracted.text[int(second[0]):int(second[1])] == "Second"


def _zip_bomb_docx(path, megabytes: int) -> None:
    """A .docx whose document.xml inflates to ``megabytes`` MB of spaces (~1 MB on disk)."""
    import io
    import zipfile

    from tests.document_making import docx_bytes
    with zipfile.ZipFile(io.BytesIO(docx_bytes())) as source, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bomb:
        for item in source.infolist():
            if item.filename != "word/document.xml":
                bomb.writestr(item, source.read(item))
                continue
            xml = source.read(item)
            head, tail = xml.split(b"<w:body>", 1)
            with bomb.open("word/document.xml", "w", force_zip64=True) as out:
                out.write(head + b"<w:body>")
                chunk = b" " * (1 << 20)
                for _ in range(megabytes):
                    out.write(chunk)
                out.write(tail)


def test_an_office_zip_bomb_ends_in_one_line(new_case, tmp_path):
    path = tmp_path / "memo.docx"
    _zip_bomb_docx(path, 320)
    assert path.stat().st_size < 1_000_000
    [outcome] = add_files(new_case, [path], limits=Limits(memory_mb=300, seconds=20)).files
    assert outcome.status == "failed"
    assert outcome.reason in ("reading it needed more than 300 MB (stopped)",
                              "reading it took longer than 20 s (stopped)"), outcome.reason

"""The streaming FtM import (``db.formats.ftm_stream``): bounded chunks written before the
file is read to its end, the same rows as the whole-file reader, one undoable step that
``check`` verifies, and a refusal anywhere leaves the case unchanged."""

from __future__ import annotations

import json
import sqlite3

import pytest

from db.formats import FormatError, ftm_stream
from db.formats import chunk_writer as chunks
from db.formats.batch import write_batch
from db.formats.ftm import read_ftm
from db.verify.check import check_case

CHUNK = 50


def _lines(count: int) -> list[dict]:
    items = [{"id": f"e{n}", "schema": "Company" if n % 2 else "Person",
              "properties": {"name": [f"Entity {n}"], "country": ["ru"]}}
             for n in range(count)]
    items += [{"id": f"o{n}", "schema": "Ownership",
               "properties": {"owner": [f"e{n - 1}"], "asset": [f"e{n}"], "percentage": ["51"]}}
              for n in range(1, count)]
    items.insert(2, {"id": "split", "schema": "Company", "properties": {"name": ["Split AG"]}})
    items.append({"id": "split", "schema": "Company",
                  "properties": {"alias": ["Split"], "addressEntity": ["addr"]}})
    items.append({"id": "addr", "schema": "Address", "properties": {"full": ["1 Main St"]}})
    items.append({"id": "s1", "schema": "Sanction",
                  "properties": {"entity": ["e3"], "authority": ["Entity 5"]}})
    items.append({"id": "s2", "schema": "Sanction",
                  "properties": {"entity": ["e4"], "authority": ["  Some   Ministry "]}})
    items.append({"id": "doc", "schema": "Article", "properties": {"title": ["x"]}})
    items.append({"id": "dangling", "schema": "Ownership",
                  "properties": {"owner": ["nowhere"], "asset": ["e1"]}})
    return items


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(chunks, "CHUNK", CHUNK)


def _write(path, items):
    path.write_text("\n".join(json.dumps(i) for i in items) + "\n", encoding="utf-8")
    return path


def _rows(case, sql):
    connection = sqlite3.connect(case.path)
    try:
        return sorted(connection.execute(sql).fetchall())
    finally:
        connection.close()


ENTITY_SQL = "SELECT id, schema, caption, properties, origin FROM entities"
LINK_SQL = ("SELECT id, schema, source_id, target_id, role, share_min, share_max, properties "
            "FROM links")


def test_chunks_are_written_before_the_file_is_read_to_its_end(small_chunks, monkeypatch,
                                                                tmp_path, new_case):
    path = _write(tmp_path / "big.ijson", _lines(400))
    total = len(path.read_text().splitlines())
    read = {"lines": 0}
    writes: list[tuple[str, int, int]] = []
    reading = ftm_stream.iter_file_objects

    def counting(*args, **kwargs):
        for number, item in reading(*args, **kwargs):
            read["lines"] = number
            yield number, item

    def spy(kind):
        original = getattr(chunks.ChunkWriter, kind)

        def write(self, rows):
            writes.append((kind, len(rows), read["lines"]))
            return original(self, rows)
        return write

    monkeypatch.setattr(ftm_stream, "iter_file_objects", counting)
    monkeypatch.setattr(chunks.ChunkWriter, "entities", spy("entities"))
    monkeypatch.setattr(chunks.ChunkWriter, "links", spy("links"))
    command = ftm_stream.import_ftm_file(new_case, path)

    assert command.result.added["entities"] == 400 + 3  # split, addr, an authority
    assert max(size for _kind, size, _line in writes) <= CHUNK
    first_entities = next(w for w in writes if w[0] == "entities")
    assert first_entities[2] < total / 4  # written while three quarters are still unread
    assert sum(1 for kind, *_ in writes if kind == "entities") >= 400 // CHUNK


def test_same_rows_as_the_whole_file_reader(small_chunks, tmp_path, make_case):
    path = _write(tmp_path / "mixed.ijson", _lines(120))
    streamed, whole = make_case("streamed"), make_case("whole")
    result = ftm_stream.import_ftm_file(streamed, path).result
    expected = write_batch(whole, read_ftm(path)).result
    assert _rows(streamed, ENTITY_SQL) == _rows(whole, ENTITY_SQL)
    assert _rows(streamed, LINK_SQL) == _rows(whole, LINK_SQL)
    assert result.added == expected.added
    assert result.skipped == expected.skipped
    assert result.unknown_schemata == expected.unknown_schemata == {"Article": 1}
    assert sorted(result.warnings) == sorted(expected.warnings)
    assert any("1 repeated id(s) merged" in w for w in result.warnings)
    split = [r for r in _rows(streamed, ENTITY_SQL) if r[0] == "split"][0]
    assert json.loads(split[3]) == {"name": ["Split AG"], "alias": ["Split"]}
    assert ("split", "addr") in [(r[2], r[3]) for r in _rows(streamed, LINK_SQL)]
    # the authority named like an entity of the file is that entity
    assert ("s1", "Sanction", "e5", "e3") in [r[:4] for r in _rows(streamed, LINK_SQL)]


@pytest.mark.parametrize("kept", ["rows", "keys"])
def test_one_undoable_step_that_check_verifies(small_chunks, tmp_path, new_case, monkeypatch,
                                               kept):
    if kept == "keys":  # chunks kept by key, read back by the undo (what large ones do)
        monkeypatch.setattr(chunks, "BULK_LISTED", 10)
    path = _write(tmp_path / "undo.ijson", _lines(200))
    command = ftm_stream.import_ftm_file(new_case, path)
    after = _rows(new_case, ENTITY_SQL), _rows(new_case, LINK_SQL)
    assert check_case(new_case).ok
    command.undo(new_case)
    assert _rows(new_case, ENTITY_SQL) == [] and _rows(new_case, LINK_SQL) == []
    assert check_case(new_case).ok
    command.do(new_case)  # redo from the spooled rows
    assert (_rows(new_case, ENTITY_SQL), _rows(new_case, LINK_SQL)) == after
    assert check_case(new_case).ok
    again = ftm_stream.import_ftm_file(new_case, path).result
    assert sum(again.added.values()) == 0 and again.already_present["entities"] == 203


@pytest.mark.parametrize("bad", [
    "{not json",
    json.dumps({"id": "e7", "schema": "Person", "properties": {"name": ["again"]}}),
    json.dumps({"id": "late", "schema": "Company", "properties": {"name": [["nested"]]}}),
])
def test_a_bad_line_at_the_end_refuses_the_file_and_changes_nothing(small_chunks, tmp_path,
                                                                    new_case, bad):
    path = tmp_path / "bad.ijson"
    _write(path, _lines(200))
    with path.open("a", encoding="utf-8") as handle:
        handle.write(bad + "\n")
    audit = _rows(new_case, "SELECT seq, hash FROM audit_log")
    with pytest.raises(FormatError, match="bad.ijson"):
        ftm_stream.import_ftm_file(new_case, path)
    assert _rows(new_case, ENTITY_SQL) == []
    assert _rows(new_case, "SELECT seq, hash FROM audit_log") == audit


def test_a_refusal_after_chunks_were_written_rolls_them_back(small_chunks, tmp_path, new_case):
    items = _lines(200)
    # Two values naming the same entity make one reference link twice: the database
    # refuses it after every entity chunk is already written.
    items.append({"id": "twice", "schema": "Company",
                  "properties": {"name": ["Twice"], "parent": ["e1", "e1"]}})
    path = _write(tmp_path / "late.ijson", items)
    with pytest.raises(FormatError, match="late.ijson: a record conflicts"):
        ftm_stream.import_ftm_file(new_case, path)
    assert _rows(new_case, ENTITY_SQL) == []
    assert _rows(new_case, LINK_SQL) == []


def test_cancel_while_writing_leaves_the_case_unchanged(small_chunks, tmp_path, new_case):
    from db.core.progress import Cancelled, Progress

    path = _write(tmp_path / "cancel.ijson", _lines(300))
    texts: list[str] = []
    progress = Progress(lambda done, total, text: texts.append(text),
                        lambda: any(t.startswith("Adding links") for t in texts))
    with pytest.raises(Cancelled):
        ftm_stream.import_ftm_file(new_case, path, progress)
    assert _rows(new_case, ENTITY_SQL) == [] and _rows(new_case, LINK_SQL) == []
    assert any(t == "Adding links" for t in texts)  # entities had been written by then

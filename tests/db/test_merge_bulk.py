"""A merge folding many entities at once (``Transaction.bulk_update``): one statement, the
search index kept right, exact undo and redo that ``check`` verifies, the plan's rows used
only while our case is unchanged, and a row changed since it was read refused."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from db.core import run
from db.core.casefile import CaseFile
from db.core.conflicts import EditConflict
from db.formats import import_file
from db.models import Entity
from db.reads.search import search
from db.services import entities as E
from db.services.merge import apply_merge, plan_merge
from db.verify.check import check_case

COUNT = 1200  # above the count whose search text is indexed from memory


def _ftm(path, prefix, spell, count=COUNT):
    path.write_text("\n".join(json.dumps({
        "id": f"{prefix}{n}", "schema": "Company",
        "properties": {"name": [spell(f"Entity number {n}")],
                       "registrationNumber": [str(1_000_000 + n)], "country": ["ru"]}})
        for n in range(count)) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def theirs(tmp_path):
    case = CaseFile.create(tmp_path / "theirs.casefile", name="Theirs", author="anna")
    import_file(case, _ftm(tmp_path / "theirs.ijson", "t", lambda name: f"{name} Zed"), "ftm")
    case.close()
    return tmp_path / "theirs.casefile"


def _entities(case):
    with case.session() as session:
        return sorted((dict(r._mapping) for r in session.execute(select(Entity.__table__))),
                      key=lambda r: r["id"])


@pytest.mark.backends("sqlite", "postgresql")
def test_folding_many_entities_is_searchable_undoable_and_checks(make_case, tmp_path, theirs):
    ours = make_case("ours")
    import_file(ours, _ftm(tmp_path / "ours.ijson", "o", str.upper), "ftm")
    before = _entities(ours)
    plan = plan_merge(ours, theirs)
    assert sum(1 for m in plan.matches if m.category == "same") == COUNT
    command = apply_merge(ours, plan)
    command.do(ours)
    after = _entities(ours)
    folded = {r["id"]: r for r in after}["o7"]
    assert folded["properties"]["alias"] == ["Entity number 7 Zed"]
    assert folded["properties"]["mergedIds"] == ["t7"]
    assert folded["row_version"] == 2
    with ours.session() as session:  # their spelling is now a name search finds
        assert {hit.id for hit in search(session, "Zed", 5000) if hit.kind == "entity"} == {
            f"o{n}" for n in range(COUNT)}
    if isinstance(ours, CaseFile):
        assert check_case(ours).ok
    command.undo(ours)
    assert _entities(ours) == before
    with ours.session() as session:
        assert search(session, "Zed") == []
    command.do(ours)
    assert _entities(ours) == after
    if isinstance(ours, CaseFile):
        assert check_case(ours).ok


def test_an_edit_after_the_plan_is_read_again_not_overwritten(make_case, tmp_path, theirs):
    ours = make_case("ours")
    import_file(ours, _ftm(tmp_path / "ours.ijson", "o", str.upper, count=20), "ftm")
    plan = plan_merge(ours, theirs)
    props = {r["id"]: r for r in _entities(ours)}["o3"]["properties"]
    run(ours, "Edit", lambda tx: E.edit_entity(
        tx, "o3", properties={**props, "website": ["o3.example"]}))
    apply_merge(ours, plan).do(ours)
    o3 = {r["id"]: r for r in _entities(ours)}["o3"]
    assert o3["properties"]["website"] == ["o3.example"]
    assert o3["properties"]["mergedIds"] == ["t3"]
    assert check_case(ours).ok


def test_a_row_changed_since_it_was_read_refuses_the_bulk_update(make_case, tmp_path):
    ours = make_case("ours")
    import_file(ours, _ftm(tmp_path / "ours.ijson", "o", str, count=5), "ftm")
    rows = _entities(ours)
    run(ours, "Edit", lambda tx: E.edit_entity(tx, "o2", name="Renamed"))
    afters = [{**r, "properties": {**r["properties"], "alias": ["x"]},
               "row_version": r["row_version"] + 1} for r in rows]
    with pytest.raises(EditConflict, match="this entity was changed by tester"):
        run(ours, "Fold", lambda tx: tx.bulk_update(Entity, rows, afters))
    assert {r["id"]: r["caption"] for r in _entities(ours)}["o2"] == "Renamed"
    assert all("alias" not in r["properties"] for r in _entities(ours))


@pytest.mark.parametrize("made_by", ["import", "edit"])
def test_a_row_changed_behind_the_apps_back_before_a_merge_folded_it_still_shows(
        make_case, tmp_path, theirs, made_by):
    """Folding a tampered row must not launder it: the merge's before-digests are
    compared with the history, whether the row was imported (digests over the import's
    columns) or last written by an edit (a full image)."""
    import sqlite3

    ours = make_case("ours")
    import_file(ours, _ftm(tmp_path / "ours.ijson", "o", str.upper, count=20), "ftm")
    if made_by == "edit":
        run(ours, "Edit", lambda tx: E.edit_entity(tx, "o4", name="ENTITY NUMBER 4"))
    connection = sqlite3.connect(ours.path)
    connection.execute("UPDATE entities SET caption = 'Forged' WHERE id = 'o4'")
    connection.commit()
    connection.close()
    apply_merge(ours, plan_merge(ours, theirs)).do(ours)
    findings = [(f.table, f.row_id, f.problem) for f in check_case(ours).findings]
    assert ("entities", "o4") in [(table, row) for table, row, _ in findings]
    assert any("before audit row" in message and "(a merge)" in message
               for _, _, message in findings)

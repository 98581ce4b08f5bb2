"""``check`` replays the history: a case changed only through the app checks "ok" after
edits, undo and redo, imports (bulk digests) and merges; rows changed behind the app's
back are named by table, id and field."""

from __future__ import annotations

import sqlite3

from db.core import run
from db.core.commands import Command
from db.formats import import_file
from db.services import entities as E
from db.services import evidence as X
from db.services import links as L
from db.services.merge import apply_merge, plan_merge
from db.verify.check import check_case


def assert_ok(case):
    report = check_case(case)
    assert report.ok, [str(f) for f in report.findings] + report.integrity
    return report


def test_edits_undo_and_redo_check_ok(sample):
    ids = sample.ids

    def edits(tx):
        E.edit_entity(tx, ids["renera"], name="Renera LLC")
        L.edit_link(tx, ids["link:control"], share_min=51, share_max=51)
        X.edit_source(tx, X.create_source(tx, "Registry", reliability="A"), reliability="B")
        E.delete_entity(tx, ids["turkey"])

    command = Command("Edits", edits)
    command.do(sample)
    assert_ok(sample)
    command.undo(sample)
    assert_ok(sample)
    command.do(sample)
    assert_ok(sample)


def test_import_then_edit_then_undo_checks_ok_and_bulk_rows_are_verified(sample, donations):
    result = import_file(sample, donations, "ftm")
    assert result.added["entities"] > 10
    assert_ok(sample)
    connection = sqlite3.connect(sample.path)
    edited, untouched = [row[0] for row in connection.execute(
        "SELECT id FROM entities WHERE origin = 'donations.ijson' ORDER BY rowid LIMIT 2")]
    connection.close()
    run(sample, "Rename", lambda tx: E.edit_entity(tx, edited, name="Renamed once"))
    assert_ok(sample)
    # Behind the app's back: an imported row not edited since, so only its digest
    # stands for it.
    connection = sqlite3.connect(sample.path)
    connection.execute("UPDATE entities SET caption = 'Forged' WHERE id = ?", (untouched,))
    connection.commit()
    connection.close()
    report = check_case(sample)
    assert [(f.table, f.row_id) for f in report.findings] == [("entities", untouched)]


def test_merge_and_its_undo_check_ok(two_cases):
    alice, _a, bob_path, _b = two_cases
    assert_ok(alice)
    plan = plan_merge(alice, bob_path)
    command = apply_merge(alice, plan, plan.default_decisions(accept_unsure=True))
    command.do(alice)
    assert_ok(alice)
    command.undo(alice)
    assert_ok(alice)
    command.do(alice)
    assert_ok(alice)


def test_a_tamper_the_app_later_edited_over_still_shows(sample):
    link = sample.ids["link:control"]
    connection = sqlite3.connect(sample.path)
    connection.execute("UPDATE links SET share_min = 100, share_max = 100 WHERE id = ?", (link,))
    connection.commit()
    connection.close()
    run(sample, "Re-date", lambda tx: L.edit_link(tx, link, start_date="2021"))
    findings = check_case(sample).findings
    assert any(f.table == "links" and f.row_id == link and "before audit row" in f.problem
               and "share_min" in f.field for f in findings), [str(f) for f in findings]


def test_added_documents_of_every_kind_and_a_bods_import_check_ok(sample, files, shared_data):
    from db.services.documents import add_files

    result = add_files(sample, files)
    assert result.added
    bods = sorted((shared_data / "bods").glob("*.json"))[:1]
    for path in bods:
        import_file(sample, path, "bods")
    assert_ok(sample)

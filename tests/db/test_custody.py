"""Custody outside the file: the signing key, chain heads remembered per case id,
signatures verified and listed, colleagues' keys learnt from merges."""

from __future__ import annotations

import sqlite3
import stat

from db.core import custody_warning, key_fingerprint, run
from db.core.custody import custody_folder, known_keys, remembered_head
from db.core.signing import chain_head, sign_head
from db.formats import export_file
from db.reporting import build_case_summary
from db.sample.build import AUTHOR
from db.services import entities as E
from db.services.merge import apply_merge, plan_merge
from db.verify.check import check_case


def test_key_is_made_once_private_and_never_in_the_case(sample):
    fingerprint = key_fingerprint()
    assert fingerprint == key_fingerprint() and len(fingerprint) == 64
    key_file = custody_folder() / "signing_key.pem"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    sign_head(sample, "save")
    pem = key_file.read_bytes()
    assert pem.split(b"\n")[1] not in sample.path.read_bytes()


def test_every_commit_is_remembered_and_an_older_copy_is_named_on_open(sample, tmp_path):
    case_id = sample.meta()["case_id"]
    assert remembered_head(case_id) == sample.read(chain_head)
    old = tmp_path / "older.casefile"
    sample.close()
    old.write_bytes(sample.path.read_bytes())
    run(sample, "Rename", lambda tx: E.edit_entity(tx, sample.ids["renera"], name="Renera JSC"))
    assert remembered_head(case_id) == sample.read(chain_head)
    assert custody_warning(sample) is None
    from db.core import CaseFile
    older = CaseFile.open(old)
    warning = custody_warning(older)
    older.engine.dispose()
    assert warning is not None and "rows were removed, or this is an older copy" in warning


def test_close_summary_and_export_sign_and_check_lists_the_signers(sample, tmp_path):
    run(sample, "Rename", lambda tx: E.edit_entity(tx, sample.ids["renera"], name="Renera JSC"))
    header = build_case_summary(sample).header
    head = sample.read(chain_head)
    assert header.chain_head == f"{head.seq}:{head.hash}"
    export_file(sample, tmp_path / "out.ftm.json", "ftm")
    sample.close()
    report = check_case(sample)
    assert report.ok, [str(f) for f in report.findings]
    assert [(s.signer, s.reason, s.seq, s.problem) for s in report.signatures] == [
        (AUTHOR, "summary", head.seq, None), (AUTHOR, "export", head.seq, None),
        (AUTHOR, "close", head.seq, None)]
    assert {s.fingerprint for s in report.signatures} == {key_fingerprint()}


def test_a_rewrite_breaks_every_signature_after_it(sample):
    sign_head(sample, "save")
    first = sample.read(chain_head)
    run(sample, "Rename", lambda tx: E.edit_entity(tx, sample.ids["renera"], name="Renera JSC"))
    sign_head(sample, "save")
    connection = sqlite3.connect(sample.path)
    connection.execute("UPDATE audit_log SET hash = 'x' || substr(hash, 2) WHERE seq = ?",
                       (first.seq,))
    connection.commit()
    connection.close()
    problems = [s.problem for s in check_case(sample).signatures]
    assert problems == [
        f"the history up to audit row {first.seq} was rewritten after it was signed",
        f"the history it signed no longer holds together at audit row {first.seq}"]


def test_a_colleagues_key_becomes_known_on_merge_and_a_forger_is_flagged(
        two_cases, tmp_path, monkeypatch):
    alice, _a, bob_path, _b = two_cases
    bob_key = key_fingerprint()  # the fixture's laptop: Bob signed his file on close
    from db.core import CaseFile
    monkeypatch.setenv("CASEFILE_DATA_HOME", str(tmp_path / "alice-laptop"))
    plan = plan_merge(alice, bob_path)
    apply_merge(alice, plan, plan.default_decisions()).do(alice)
    assert known_keys()["bob"] == bob_key
    # Someone else's laptop signs a copy as "bob".
    forged = tmp_path / "forged.casefile"
    forged.write_bytes(bob_path.read_bytes())
    monkeypatch.setenv("CASEFILE_DATA_HOME", str(tmp_path / "mallory-laptop"))
    fake = CaseFile.open(forged, author="bob")
    sign_head(fake, "send")
    fake.engine.dispose()
    monkeypatch.setenv("CASEFILE_DATA_HOME", str(tmp_path / "alice-laptop"))
    fake = CaseFile.open(forged)
    report = check_case(fake)
    fake.engine.dispose()
    flagged = [s for s in report.signatures if s.problem]
    assert len(flagged) == 1 and "bob's known key is" in flagged[0].problem
    assert any(f.table == "signatures" for f in report.findings)


def test_check_can_be_cancelled(sample):
    import pytest

    from db.core import Cancelled, Progress

    with pytest.raises(Cancelled):
        check_case(sample, Progress(is_cancelled=lambda: True))


def test_signer_keys_say_whether_a_key_is_known(sample):
    from db.core.custody import learn_key
    from db.core.signing import signer_keys

    sign_head(sample, "send")
    assert sample.read(signer_keys) == [(sample.author, key_fingerprint(), "known")]
    learn_key("Someone", "0" * 64)
    sample.author = "Someone"
    run(sample, "Edit", lambda tx: E.edit_entity(tx, sample.ids["renera"], name="R"))
    sign_head(sample, "send")
    assert ("Someone", key_fingerprint(), "other key") in sample.read(signer_keys)

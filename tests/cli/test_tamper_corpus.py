"""A corpus of tampered copies of the sample case, each made with ``sqlite3`` the way a
tester (or a forger) would: every one must make ``casefile check`` exit 1 with a line
naming the table and the row. The untouched copy must check "ok".

The sample is built once, through the app, in a data folder shared by the module's
tests: that folder holds the investigator's key and the chain head remembered on close,
exactly as on a real laptop.
"""

from __future__ import annotations

import base64
import json
import shutil
import sqlite3
from collections.abc import Callable

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from cli.main import main
from db.core.audit import entry_hash
from db.core.signing import signed_message
from db.sample.build import build_sample

Tamper = Callable[[sqlite3.Connection], tuple[str, str]]


def one(connection: sqlite3.Connection, sql: str, *params) -> str:
    return connection.execute(sql, params).fetchone()[0]


def change_row(table: str, pick: str, change: str) -> Tamper:
    """A tamper that edits one row: ``pick`` (a WHERE clause) finds it, ``change`` is the
    SET clause, or "DELETE" to remove it."""
    def tamper(c: sqlite3.Connection) -> tuple[str, str]:
        row_id = one(c, f"SELECT id FROM {table} WHERE {pick} ORDER BY rowid LIMIT 1")
        if change == "DELETE":
            c.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))
        else:
            c.execute(f"UPDATE {table} SET {change} WHERE id = ?", (row_id,))
        return table, row_id
    return tamper


SOURCING_CLAIM = "id IN (SELECT claim_id FROM claim_targets WHERE link_id IS NOT NULL)"

EDITS: dict[str, Tamper] = {
    "share_to_100": change_row("links", "schema = 'Ownership'", "share_min = 100, share_max = 100"),
    "claim_grade_6_to_1": change_row("claims", "credibility > 1", "credibility = 1"),
    "source_regraded_to_a": change_row("sources", "reliability != 'A'", "reliability = 'A'"),
    "entity_renamed": change_row("entities", "caption = 'Rosatom'", "caption = 'Rostec'"),
    "entity_deleted": change_row("entities", "caption = 'Turkey'", "DELETE"),
    "origin_rewritten": change_row("entities", "caption = 'Renera'",
                                   "origin = 'someone-else.casefile'"),
    "created_by_rewritten": change_row("links", "1", "created_by = 'A. Colleague'"),
    "document_text_edited": change_row("documents", "1",
                                       "text = replace(text, 'Rosatom', 'Rostec')"),
    "claim_target_deleted": change_row("claim_targets", "1", "DELETE"),
    "event_redated": change_row("events", "1", "date = '2019'"),
    "alias_added": change_row("entities", "caption = 'Enertech'",
                              "properties = json_set(properties, '$.alias', "
                              "json_array('Rosatom Batteries'))"),
    "signature_edited": change_row("signatures", "1", "signer = 'Chief Editor'"),
    "excerpt_edited": change_row("claims", SOURCING_CLAIM, "excerpt = 'Rosatom denied it'"),
    "claim_status_changed": change_row("claims", SOURCING_CLAIM, "status = 'corroborated'"),
}

def claim_of_link(c: sqlite3.Connection) -> str:
    return one(c, "SELECT claim_id FROM claim_targets WHERE link_id IS NOT NULL "
                  "ORDER BY rowid LIMIT 1")


def link_inserted(c):
    source, target = (one(c, "SELECT id FROM entities WHERE caption = ?", name)
                      for name in ("Rosatom", "Mosgortrans"))
    c.execute("INSERT INTO links (id, schema, source_id, target_id, share_min, share_max, "
              "properties, row_version, created_at) VALUES ('forgedlink', 'Ownership', ?, ?, "
              "60, 60, '{}', 1, '2026-01-01T00:00:00+00:00')", (source, target))
    return "links", "forgedlink"


def claim_repointed(c):
    target = one(c, "SELECT id FROM claim_targets WHERE link_id IS NOT NULL ORDER BY rowid")
    other = one(c, "SELECT id FROM links WHERE id != (SELECT link_id FROM claim_targets "
                   "WHERE id = ?) ORDER BY rowid LIMIT 1", target)
    c.execute("UPDATE claim_targets SET link_id = ? WHERE id = ?", (other, target))
    return "claim_targets", target


def marking_changed(c):
    c.execute("UPDATE case_meta SET value = 'PUBLIC' WHERE key = 'marking'")
    return "case_meta", "marking"


def document_bytes_and_sha_replaced(c):
    document, old = c.execute("SELECT id, sha256 FROM documents").fetchone()
    import hashlib
    data = b"A different article entirely."
    sha = hashlib.sha256(data).hexdigest()
    c.execute("INSERT INTO blobs (sha256, data) VALUES (?, ?)", (sha, data))
    c.execute("UPDATE documents SET sha256 = ?, size = ? WHERE id = ?", (sha, len(data), document))
    c.execute("DELETE FROM blobs WHERE sha256 = ?", (old,))
    return "documents", document


def search_index_hides_entity(c):
    entity = one(c, "SELECT id FROM entities WHERE caption = 'Rosatom'")
    c.execute("UPDATE entity_fts SET names = 'nothing to see' WHERE entity_id = ?", (entity,))
    return "entity_fts", entity


def search_index_row_deleted(c):
    claim = claim_of_link(c)
    c.execute("DELETE FROM claim_fts WHERE claim_id = ?", (claim,))
    return "claim_fts", claim


def last_audit_rows_deleted(c):
    last = one(c, "SELECT max(seq) FROM audit_log")
    c.execute("DELETE FROM audit_log WHERE seq > ?", (last - 3,))
    return "audit_log", str(last)


def audit_log_emptied(c):
    last = one(c, "SELECT max(seq) FROM audit_log")
    c.execute("DELETE FROM audit_log")
    return "audit_log", str(last)


def consistent_chain_rewrite(c):
    """Regrade a claim and rewrite its history to match, every hash recomputed."""
    claim = one(c, "SELECT id FROM claims WHERE credibility > 1 ORDER BY rowid LIMIT 1")
    c.execute("UPDATE claims SET credibility = 1 WHERE id = ?", (claim,))
    rows = c.execute("SELECT seq, at, author, action, object_type, object_id, before, after "
                     "FROM audit_log ORDER BY seq").fetchall()
    previous, rewriting = "0" * 64, False
    for seq, at, author, action, object_type, object_id, before, after in rows:
        before, after = (json.loads(v) if v is not None else None for v in (before, after))
        if object_type == "claims" and object_id == claim and after is not None:
            after["credibility"] = 1
            rewriting = True
        digest = entry_hash(previous, at, author, action, object_type, object_id, before, after)
        if rewriting:
            c.execute("UPDATE audit_log SET after = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                      (json.dumps(after), previous, digest, seq))
        previous = digest
    return "audit_log", str(rows[-1][0])


def blob_bit_flip(c):
    sha, data = c.execute("SELECT sha256, data FROM blobs").fetchone()
    flipped = bytearray(data)
    flipped[100] ^= 0x01
    c.execute("UPDATE blobs SET data = ? WHERE sha256 = ?", (bytes(flipped), sha))
    return "blobs", sha


def audit_row_edited(c):
    c.execute("UPDATE audit_log SET author = 'Somebody else' WHERE seq = 5")
    return "audit_log", "5"


def middle_audit_row_deleted(c):
    c.execute("DELETE FROM audit_log WHERE seq = 20")
    return "audit_log", "21"


def judgement_inserted(c):
    left, right = (one(c, "SELECT id FROM entities WHERE caption = ?", name)
                   for name in ("Rosatom", "Renera"))
    c.execute("INSERT INTO judgements (id, left_id, right_id, decision, author, created_at) "
              "VALUES ('forgedjudgement', ?, ?, 'same', 'x', '2026')", (left, right))
    return "judgements", "forgedjudgement"


def signature_forged_with_another_key(c):
    """A valid Ed25519 signature by a key that is not the one known for that name."""
    case_id = one(c, "SELECT value FROM case_meta WHERE key = 'case_id'")
    seq, head = c.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC").fetchone()
    signer = one(c, "SELECT signer FROM signatures LIMIT 1")
    key = Ed25519PrivateKey.generate()
    raw = key.public_key().public_bytes(serialization.Encoding.Raw,
                                        serialization.PublicFormat.Raw)
    import hashlib
    fingerprint = hashlib.sha256(raw).hexdigest()
    message = signed_message(case_id, seq, head, signer, fingerprint, "send", "2026-12-01")
    c.execute("INSERT INTO signatures (id, seq, head_hash, signer, fingerprint, public_key, "
              "signature, reason, signed_at) VALUES ('forgedsig', ?, ?, ?, ?, ?, ?, 'send', "
              "'2026-12-01')", (seq, head, signer, fingerprint, base64.b64encode(raw).decode(),
                                base64.b64encode(key.sign(message)).decode()))
    return "signatures", "forgedsig"


TAMPERS: dict[str, Tamper] = {**EDITS, **{tamper.__name__: tamper for tamper in (
    link_inserted, claim_repointed, marking_changed, document_bytes_and_sha_replaced,
    search_index_hides_entity, search_index_row_deleted, last_audit_rows_deleted,
    audit_log_emptied, consistent_chain_rewrite, blob_bit_flip, audit_row_edited,
    middle_audit_row_deleted, judgement_inserted,
    signature_forged_with_another_key)}}


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    """(the sample case as the app left it, the data folder it was made with)."""
    folder = tmp_path_factory.mktemp("tamper")
    data_home = folder / "data"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CASEFILE_DATA_HOME", str(data_home))
        build_sample(folder / "sample.casefile").close()
    return folder / "sample.casefile", data_home


@pytest.fixture
def copy(pristine, tmp_path, monkeypatch):
    path, data_home = pristine
    monkeypatch.setenv("CASEFILE_DATA_HOME", str(data_home))
    target = tmp_path / "copy.casefile"
    shutil.copy(path, target)
    return target


def test_untouched_copy_checks_ok(copy, capsys):
    assert main(["check", str(copy)]) == 0, capsys.readouterr().out
    out = capsys.readouterr().out
    assert "ok" in out.splitlines()[0]
    assert "signed history up to row" in out and "valid" in out


def test_corpus_has_the_issues_kinds():
    assert len(TAMPERS) >= 24


@pytest.mark.parametrize("kind", list(TAMPERS))
def test_tamper_is_detected_naming_table_and_id(kind, copy, capsys):
    connection = sqlite3.connect(copy)
    table, row_id = TAMPERS[kind](connection)
    connection.commit()
    connection.close()
    assert main(["check", str(copy)]) == 1
    out = capsys.readouterr().out
    assert "PROBLEMS FOUND" in out
    assert f"! {table} {row_id}" in out, out


def test_expect_head_catches_a_rewrite_on_a_computer_that_never_saw_the_case(
        copy, capsys, tmp_path, monkeypatch):
    assert main(["check", str(copy), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)["head"]
    head = f"{printed['seq']}:{printed['hash']}"
    connection = sqlite3.connect(copy)
    consistent_chain_rewrite(connection)
    connection.execute("DELETE FROM signatures")  # the forger drops what would betray them
    connection.commit()
    connection.close()
    monkeypatch.setenv("CASEFILE_DATA_HOME", str(tmp_path / "another-computer"))
    assert main(["check", str(copy)]) == 0  # nothing in the file itself betrays it
    capsys.readouterr()
    assert main(["check", str(copy), "--expect-head", head]) == 1
    assert f"! audit_log {printed['seq']}: no row of the history has hash" in \
        capsys.readouterr().out
    assert main(["check", str(copy), "--expect-head", "not-a-head"]) == 1
    assert "is not a chain head" in capsys.readouterr().err


def test_repair_rebuilds_the_search_index(copy, capsys):
    connection = sqlite3.connect(copy)
    search_index_hides_entity(connection)
    connection.commit()
    connection.close()
    assert main(["check", str(copy)]) == 1
    capsys.readouterr()
    assert main(["check", str(copy), "--repair"]) == 0
    assert "repaired: search index rebuilt" in capsys.readouterr().out
    assert main(["search", str(copy), "Rosatom", "--json"]) == 0
    assert any(h["kind"] == "entity" for h in json.loads(capsys.readouterr().out)["hits"])


def test_other_commands_warn_when_the_history_was_cut(copy, capsys):
    connection = sqlite3.connect(copy)
    last_audit_rows_deleted(connection)
    connection.commit()
    connection.close()
    assert main(["search", str(copy), "Rosatom"]) == 0
    err = capsys.readouterr().err
    assert err.startswith("warning: copy.casefile: audit row ")
    assert "rows were removed, or this is an older copy" in err

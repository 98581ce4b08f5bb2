"""Who you are: saved in the data folder, named by every write, overridable per command."""

from __future__ import annotations

import json

import pytest

from db.core import CaseFile, Identity, current_identity, default_author, run, save_identity
from db.core.identity import identity_path, login_name
from db.models import AuditEntry, Claim
from db.services import evidence as X


def test_without_identity_the_login_name_is_used():
    assert current_identity() == Identity(login_name())
    assert default_author() == login_name()


def test_saved_identity_names_claims_and_audit_rows(tmp_path):
    save_identity(Identity("  Anna K. ", "OCCRP", "anna@example.org"))
    assert json.loads(identity_path().read_text())["organisation"] == "OCCRP"
    assert current_identity().signature_line() == "Anna K. (OCCRP, anna@example.org)"
    case = CaseFile.create(tmp_path / "anna.casefile")
    assert case.author == "Anna K." and case.meta()["author"] == "Anna K."

    def make(tx):
        doc = X.add_document(tx, "note.txt", b"Renera owns 49% of JSC Kama.")
        return X.create_claim_for_excerpt(tx, doc, "Renera owns 49%")

    claim_id = run(case, "Claim", make).result
    with case.session() as session:
        assert session.get(Claim, claim_id).author == "Anna K."
        assert {a.author for a in session.query(AuditEntry)} == {"Anna K."}
    case.engine.dispose()


def test_an_empty_name_is_refused_and_a_broken_file_falls_back(tmp_path):
    with pytest.raises(ValueError, match="cannot be empty"):
        save_identity(Identity("   "))
    identity_path().write_text("{not json")
    assert current_identity().name == login_name()

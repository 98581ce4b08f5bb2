"""Team cases on PostgreSQL: opening by URL, push/pull without loss, two people at once.

The service-level modules of tests/db run each of their tests on both engines (see
``pytest.mark.backends``); this module covers what only a team case has.
"""

from __future__ import annotations

import pytest

from cli.main import main
from db.core import CaseFile, CaseFileError, EditConflict, TeamCase, copy_case, open_case, run
from db.core.transfer import content_sha256, table_rows
from db.models import AuditEntry, Base, Claim
from db.services import evidence as X
from db.verify.check import check_case


@pytest.fixture
def team_url(postgres_server):
    return postgres_server.new_database()


def _every_table(case: CaseFile) -> dict[str, list[dict]]:
    return {table.name: table_rows(case, table) for table in Base.metadata.sorted_tables}


@pytest.mark.backends("sqlite")
def test_push_then_pull_of_the_sample_loses_nothing(sample, team_url, tmp_path, capsys):
    sample_path = sample.path
    sample.close()  # signs the head: part of what must come over
    source = CaseFile.open(sample_path)
    before = _every_table(source)
    digest = content_sha256(source)
    case_id = source.meta()["case_id"]
    source.close()
    assert before["signatures"]

    assert main(["push", str(sample_path), team_url]) == 0
    team = open_case(team_url)
    assert _every_table(team) == before  # every row, hashes and bytes' digests included
    assert content_sha256(team) == digest
    assert team.meta()["case_id"] == case_id
    assert check_case(team).ok
    team.close()

    pulled = tmp_path / "pulled.casefile"
    assert main(["pull", team_url, str(pulled)]) == 0
    out = capsys.readouterr().out
    assert "pushed sample.casefile" in out and "pulled postgresql://" in out
    copy = CaseFile.open(pulled)
    assert _every_table(copy) == before
    assert check_case(copy).ok
    # The audit chain came over verbatim and goes on from where it was.
    with copy.session() as session:
        last = session.query(AuditEntry).order_by(AuditEntry.seq.desc()).first()
    assert last.hash == before["audit_log"][-1]["hash"]
    copy.close()


@pytest.mark.backends("sqlite")
def test_push_refuses_to_overwrite_a_team_case_with_work_in_it(sample, team_url, capsys):
    sample_path = sample.path
    sample.close()
    assert main(["push", str(sample_path), team_url]) == 0
    assert main(["push", str(sample_path), team_url]) == 1
    assert "already holds a team case" in capsys.readouterr().err
    assert main(["push", str(sample_path), team_url, "--replace"]) == 0


def test_team_case_is_created_from_the_migrations_and_reopened(team_url, capsys):
    assert main(["new", team_url, "--name", "Kama team", "--author", "anna"]) == 0
    assert "created postgresql://" in capsys.readouterr().out
    case = open_case(team_url)
    assert isinstance(case, TeamCase)
    assert case.meta()["name"] == "Kama team"
    assert "password" not in str(case.path)
    case.close()


def test_an_empty_database_is_not_opened_as_a_case_unless_asked(team_url):
    with pytest.raises(CaseFileError, match="empty, not a team case"):
        open_case(team_url)
    open_case(team_url, create_team_case=True).close()


def test_a_foreign_database_and_an_unreachable_server_are_one_line(postgres_server, team_url,
                                                                   tmp_path):
    import psycopg

    with psycopg.connect(team_url, autocommit=True) as connection:
        connection.execute("CREATE TABLE entities (id text)")
    with pytest.raises(CaseFileError, match="not a Case File Explorer team case") as found:
        open_case(team_url)
    assert "\n" not in str(found.value)
    nowhere = f"postgresql://postgres:secret@/nothing?host={tmp_path}"
    with pytest.raises(CaseFileError, match="cannot reach the team case") as found:
        open_case(nowhere)
    assert "secret" not in str(found.value) and "\n" not in str(found.value)


def _extract(sentence: str, reliability: str = "B", credibility: int = 3):
    """An operation adding a registry extract that says ``sentence`` and a claim on it."""

    def add(tx) -> str:
        source = X.create_source(tx, "Registry", reliability=reliability)
        document = X.add_document(tx, "extract.txt", sentence.encode() + b".",
                                  source_id=source)
        return X.create_claim_for_excerpt(tx, document, sentence, credibility=credibility)

    return add


def _two_clients(url: str) -> tuple[TeamCase, TeamCase, str]:
    anna = TeamCase.connect(url, author="anna", create=True)
    ben = TeamCase.connect(url, author="ben")
    return anna, ben, run(anna, "Add evidence", _extract("Renera owns 49% of JSC Kama")).result


def _claim(case: TeamCase, claim_id: str) -> Claim:
    with case.session() as session:
        return session.get(Claim, claim_id)


def test_an_edit_made_on_what_someone_else_changed_is_a_conflict_not_an_overwrite(team_url):
    anna, ben, claim_id = _two_clients(team_url)
    shown = _claim(ben, claim_id).row_version  # Ben opens the claim editor …
    run(anna, "Edit claim", lambda tx: X.edit_claim(  # … Anna saves first
        tx, claim_id, expected_version=_claim(anna, claim_id).row_version,
        statement="Renera holds 49% of JSC Kama."))
    with pytest.raises(EditConflict, match="changed by anna at") as found:
        run(ben, "Edit claim", lambda tx: X.edit_claim(
            tx, claim_id, expected_version=shown, statement="Renera owns half of JSC Kama."))
    assert "\n" not in str(found.value)
    claim = _claim(ben, claim_id)
    assert claim.statement == "Renera holds 49% of JSC Kama."  # Anna's edit stands
    assert claim.row_version == shown + 1
    # Ben reloads and edits again: now it goes through, under his name.
    run(ben, "Edit claim", lambda tx: X.edit_claim(
        tx, claim_id, expected_version=claim.row_version, credibility=2))
    final = _claim(anna, claim_id)
    assert (final.statement, final.credibility) == ("Renera holds 49% of JSC Kama.", 2)
    with anna.session() as session:
        authors = [a for (a,) in session.query(AuditEntry.author)
                   .filter(AuditEntry.object_type == "claims", AuditEntry.object_id == claim_id)]
    assert authors == ["anna", "anna", "ben"]  # created, Anna's edit, Ben's edit


def test_two_transactions_at_once_on_one_claim_the_later_is_refused(team_url):
    anna, ben, claim_id = _two_clients(team_url)
    with pytest.raises(EditConflict, match="changed by anna"):
        with ben.transaction("Edit claim") as tx:
            stale = tx.session.get(Claim, claim_id)  # Ben's transaction has read the row
            run(anna, "Edit claim", lambda t: X.edit_claim(t, claim_id, credibility=1))
            tx.update(stale, statement="Ben's wording")  # … and writes after Anna committed
    claim = _claim(anna, claim_id)
    assert claim.credibility == 1 and claim.statement != "Ben's wording"


def test_edits_of_different_rows_at_once_are_all_kept(team_url):
    anna, ben, claim_id = _two_clients(team_url)
    with ben.transaction("Add source") as tx:
        source = X.create_source(tx, "Kommersant", reliability="B")
        run(anna, "Grade claim", lambda t: X.edit_claim(t, claim_id, credibility=2))
    assert _claim(anna, claim_id).credibility == 2
    with anna.session() as session:
        from db.models import Source

        assert session.get(Source, source).name == "Kommersant"
    assert check_case(anna).ok


@pytest.mark.backends("sqlite", "postgresql")
def test_conflicts_are_detected_on_case_files_too(make_case):
    case = make_case()
    claim_id = run(case, "Add", _extract("Renera owns 49%")).result
    run(case, "Edit", lambda tx: X.edit_claim(tx, claim_id, expected_version=1, credibility=2))
    with pytest.raises(EditConflict):
        run(case, "Edit", lambda tx: X.edit_claim(tx, claim_id, expected_version=1,
                                                  credibility=4))
    assert _claim(case, claim_id).credibility == 2


def test_copy_case_is_all_or_nothing(sample, team_url):
    target = TeamCase.connect(team_url, author="anna", create=True)
    before = _every_table(target)

    class Stop(Exception):
        pass

    class Failing:
        def step(self, done, total, text=""):
            if done > 5:
                raise Stop

    with pytest.raises(Stop):
        copy_case(sample, target, Failing())
    assert _every_table(target) == before
    target.close()


def test_undo_of_an_edit_someone_has_since_changed_is_refused(team_url):
    anna, ben, claim_id = _two_clients(team_url)
    edit = run(anna, "Grade claim", lambda tx: X.edit_claim(tx, claim_id, credibility=2))
    run(ben, "Reword claim", lambda tx: X.edit_claim(tx, claim_id, statement="Ben's words"))
    with pytest.raises(EditConflict, match="changed by ben"):
        edit.undo(anna)
    claim = _claim(anna, claim_id)
    assert (claim.credibility, claim.statement) == (2, "Ben's words")


@pytest.mark.backends("sqlite")
def test_work_taken_offline_merges_back_into_the_team_case(sample, team_url, tmp_path):
    sample_path = sample.path
    sample.close()
    assert main(["push", str(sample_path), team_url]) == 0
    offline = tmp_path / "offline.casefile"
    assert main(["pull", team_url, str(offline)]) == 0

    copy = CaseFile.open(offline, author="ben")
    claim_id = run(copy, "Add evidence offline",
                   _extract("TVEL holds 100% of Renera", "A", 1)).result
    copy.close()

    assert main(["merge", team_url, str(offline)]) == 0
    team = open_case(team_url)
    with team.session() as session:
        merged = session.get(Claim, claim_id)
        assert merged is not None and merged.excerpt == "TVEL holds 100% of Renera"
    assert check_case(team).ok
    team.close()

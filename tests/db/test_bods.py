"""BODS 0.4 import: every example file, record history, verbatim claims, bad input."""

from __future__ import annotations

import json
import shutil

import pytest
from sqlalchemy import select

from db.formats import FormatError, import_file
from db.models import Claim, ClaimTarget, Document, Entity, Link, Source
from db.reads import queries

# Service-level: each test runs on a case file and on a team case (PostgreSQL).
pytestmark = pytest.mark.backends("sqlite", "postgresql")

# file → (entities, links, claims, claim targets)
EXPECTED = {
    "bods-package-fi-soe.json": (4, 5, 5, 5),
    "indirect-ownership.json": (3, 3, 3, 3),
    "joint-ownership.json": (4, 3, 3, 3),
    "listed-company-exempt-from-disclosure.json": (1, 0, 1, 1),
    "mixed-direct-and-indirect-ownership.json": (3, 4, 3, 4),
    "multiple-indirect-ownership.json": (4, 5, 5, 5),
    "tecido.json": (3, 15, 7, 18),
}


@pytest.fixture
def bods_dir(tmp_path, shared_data):
    folder = tmp_path / "bods"
    shutil.copytree(shared_data / "bods", folder)
    return folder


def _by_name(session, name):
    return session.scalars(select(Entity).where(Entity.caption == name)).one()


def _links(session, source, target):
    return list(session.scalars(select(Link).where(
        Link.source_id == source.id, Link.target_id == target.id).order_by(Link.start_date)))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_example_file_imports_with_exact_counts(new_case, bods_dir, name):
    path = bods_dir / name
    result = import_file(new_case, path)
    entities, links, claims, targets = EXPECTED[name]
    assert (result.added["entities"], result.added["links"], result.added["claims"],
            result.added["claim_targets"]) == (entities, links, claims, targets)
    assert result.added["documents"] == 1 and result.added["sources"] == 1
    with new_case.session() as session:
        document = session.scalars(select(Document)).one()
        assert document.text == path.read_text(encoding="utf-8")
        for claim in session.scalars(select(Claim)):
            assert claim.excerpt == document.text[claim.span_start:claim.span_end]
            statement = json.loads(claim.excerpt)
            assert statement["recordType"] == "relationship"
    again = import_file(new_case, path)
    assert sum(again.added.values()) == 0


def test_indirect_ownership_keeps_declared_share_once(new_case, bods_dir):
    import_file(new_case, bods_dir / "indirect-ownership.json")
    with new_case.session() as session:
        person, a, b = (_by_name(session, n) for n in ("Person 1", "Company A", "Company B"))
        assert person.schema == "Person" and person.properties["nationality"] == ["gb"]
        assert a.properties["registrationNumber"] == ["XE9999"]
        declared = _links(session, person, a)
        assert [(x.schema, x.share_min, x.share_max, x.start_date, x.properties["bodsIndirect"])
                for x in declared] == [("Ownership", 30.0, 30.0, "2017-11-01", ["true"])]
        (component,) = _links(session, person, b)
        assert component.schema == "UnknownLink"
        (direct,) = _links(session, b, a)
        assert (direct.schema, direct.share_exact) == ("Ownership", 60.0)
        source = session.scalars(select(Source)).one()
        assert source.name == "XXXXXXXXX"
        citations = queries.link_citations(session, declared[0].id)
        assert len(citations) == 1
        assert '"statementId": "cdb6acc7-426e-4a7a-9410-895d556fd329"' in citations[0].excerpt


def test_tecido_history_becomes_dated_links(new_case, bods_dir):
    import_file(new_case, bods_dir / "tecido.json")
    with new_case.session() as session:
        tecido, maria, shear = (_by_name(session, n) for n in
                                ("Tecido Ltd", "Maria Esteves", "Shear Trust"))
        assert tecido.properties["country"] == ["us"]
        maria_stakes = [(x.share_exact, x.start_date, x.end_date)
                        for x in _links(session, maria, tecido) if x.schema == "Ownership"]
        assert maria_stakes == [(100.0, "2002-03-09", "2021-09-23"),
                                (40.0, "2021-09-24", "2022-09-20"),
                                (30.0, "2022-09-21", "2023-03-03")]
        shear_stakes = [(x.share_exact, x.start_date, x.end_date)
                        for x in _links(session, shear, tecido) if x.schema == "Ownership"]
        assert shear_stakes == [(60.0, "2021-09-24", "2022-09-20"),
                                (70.0, "2022-09-21", "2023-02-28"),
                                (80.0, "2023-03-01", None)]
        control = [(x.role, x.share_exact, x.start_date) for x in _links(session, maria, tecido)
                   if x.schema == "Control"]
        assert ("votingRights", 100.0, "2002-03-09") in control
        assert ("boardChair", None, "2002-03-09") in control
        assert maria.properties["bodsClosed"] == ["2023-03-03"]
        # The closing statement is the claim that ends Maria's last three links.
        closing = session.scalars(select(Claim).where(
            Claim.excerpt.contains("crxpru421725837794196421988314976072"))).one()
        ended = set(session.scalars(select(ClaimTarget.link_id).where(
            ClaimTarget.claim_id == closing.id)))
        assert {session.get(Link, i).end_date for i in ended} == {"2023-03-03"}
        assert len(ended) == 3


def test_exempt_owner_is_reported_and_noted(new_case, bods_dir):
    result = import_file(new_case, bods_dir / "listed-company-exempt-from-disclosure.json")
    assert result.skipped == {
        "relationships with an unspecified interested party (subjectExemptFromDisclosure)": 1,
        # What the case does not keep is counted by kind, never dropped without a word.
        "entity publicListing (not carried)": 1, "statement source (not carried)": 2}
    with new_case.session() as session:
        company = _by_name(session, "Listed Company OS-17")
        assert company.properties["notes"] == [
            "Owner not disclosed (subjectExemptFromDisclosure): Exempt from disclosure as a "
            "company listed on a recognised stock exchange"]
        assert len(queries.entity_citations(session, company.id)) == 1


def test_state_owned_enterprise(new_case, bods_dir):
    import_file(new_case, bods_dir / "bods-package-fi-soe.json")
    with new_case.session() as session:
        state = _by_name(session, "Suomen tasavalta")
        ministry = _by_name(session, "Valtiovarainministerio")
        assert (state.schema, state.role, ministry.schema) == ("PublicBody", "state", "PublicBody")
        (control,) = _links(session, state, ministry)
        assert (control.schema, control.role) == ("Control", "otherInfluenceOrControl")


@pytest.mark.parametrize(("text", "message"), [
    ('[{"statementId": "s1", "recordId": "r1", "recordType": "entity", '
     '"statementDate": "2020-01-01"}]',
     r"broken.json, statement 1 \(s1\) is not valid BODS 0.4: /: '\w+' is a required "
     r"property \(and 2 more\)"),
    ('[{"statementId": "s1", "recordId": "r1", "recordType": "relationship", '
     '"statementDate": "2020-01-01", "recordDetails": {"subject": "x"}}]',
     r"statement 1 \(s1\) is not valid BODS 0.4: /: '\w+' is a required property"),
    ('[{"statementId": "s1",\n "recordId": "r1"', r"broken.json, line 2: not valid JSON"),
    ('true', r"a BODS package is a JSON array of statements, or one statement a line"),
    ('{"statementId": "s1"}', r"broken.json, statement 1 \(s1\) is not valid BODS 0.4"),
])
def test_malformed_packages_are_refused_and_case_unchanged(new_case, tmp_path, text, message):
    bad = tmp_path / "broken.json"
    bad.write_text(text)
    with new_case.session() as session:
        before_counts = queries.counts(session)
    before = new_case.file_sha256()
    with pytest.raises(FormatError, match=message):
        import_file(new_case, bad, "bods")
    assert new_case.file_sha256() == before
    with new_case.session() as session:
        assert queries.counts(session) == before_counts


def test_import_is_one_undoable_step(new_case, bods_dir):
    from db.formats.batch import write_batch
    from db.formats.bods import read_bods

    command = write_batch(new_case, read_bods(bods_dir / "tecido.json"))
    command.undo(new_case)
    with new_case.session() as session:
        assert queries.counts(session).entities == 0
        assert queries.counts(session).claims == 0
    command.do(new_case)
    with new_case.session() as session:
        assert (queries.counts(session).links, queries.counts(session).claims) == (15, 7)


@pytest.mark.parametrize(("name", "owner", "company", "as_of", "share"), [
    ("indirect-ownership.json", "Person 1", "Company A", None, 30.0),
    ("multiple-indirect-ownership.json", "Person 1", "Company B", None, 60.0),
    ("mixed-direct-and-indirect-ownership.json", "Person 1", "Company A", "2018-06-01", 50.0),
    ("mixed-direct-and-indirect-ownership.json", "Person 1", "Company A", "2020-01-01", 100.0),
    ("tecido.json", "Maria Esteves", "Tecido Ltd", "2023-06-01", None),
])
def test_chains_agree_with_declared_indirect_interests(new_case, bods_dir, name, owner,
                                                       company, as_of, share):
    from datetime import date

    from db.analysis import control_chains

    import_file(new_case, bods_dir / name)
    with new_case.session() as session:
        result = control_chains(session, _by_name(session, company).id,
                                date.fromisoformat(as_of) if as_of else None)
        owners = {o.name: o.effective_share for o in result.owners}
    if share is None:
        assert owner not in owners  # her stake was closed on 2023-03-03
    else:
        assert owners[owner] == share


def test_cancelled_import_leaves_case_unchanged(new_case, bods_dir):
    from db.core.progress import Cancelled, Progress
    from db.formats.batch import write_batch
    from db.formats.bods import read_bods

    batch = read_bods(bods_dir / "tecido.json")
    steps = []
    progress = Progress(lambda *a: steps.append(a), lambda: len(steps) >= 3)
    sha = new_case.file_sha256()
    with pytest.raises(Cancelled):
        write_batch(new_case, batch, progress)
    assert new_case.file_sha256() == sha
    assert len(steps) == 3

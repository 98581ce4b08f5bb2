"""Suite-wide setup, Qt-free: an isolated home, a fresh case per test, shared data files.

The headless tests (tests/db, tests/cli) never import Qt; tests/desktop/conftest.py
sets up Qt for the GUI tests.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).parent / "artifacts"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """The user's folders (data folder, settings) go to a temporary home, never the real
    one. Qt-free: the GUI tests add Qt's own settings paths (tests/desktop/conftest.py)."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.delenv("CASEFILE_DATA_HOME", raising=False)
    return home


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


# -- the two engines a case lives in -------------------------------------------------------
# A module marked ``pytestmark = pytest.mark.backends("sqlite", "postgresql")`` runs each
# of its tests on a case file and on a team case; every other test on a case file only.
def pytest_configure(config):
    config.addinivalue_line("markers", "backends(*names): engines the case fixtures run on")


def pytest_generate_tests(metafunc):
    if "backend" in metafunc.fixturenames:
        marker = metafunc.definition.get_closest_marker("backends")
        metafunc.parametrize("backend", marker.args if marker else ("sqlite",), indirect=True)


@pytest.fixture(scope="session")
def postgres_server():
    """A private PostgreSQL server for the run (tests/postgres_server.py). Its absence is a
    visible skip on a developer's machine and a failure in CI, where setup installs it."""
    from tests.postgres_server import PostgresServer, PostgresUnavailable

    try:
        server = PostgresServer().start()
    except PostgresUnavailable as error:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI: {error}")
        pytest.skip(f"team-case tests need PostgreSQL: {error}")
    yield server
    server.stop()


@pytest.fixture
def backend(request):
    return getattr(request, "param", "sqlite")


@pytest.fixture
def make_case(backend, tmp_path, request):
    """Make an empty case on this test's engine: ``make_case(file_stem, name, author)``."""
    opened = []

    def make(stem: str = "test", name: str = "Test case", author: str = "tester"):
        if backend == "postgresql":
            from db.core.team import TeamCase

            server = request.getfixturevalue("postgres_server")
            case = TeamCase.connect(server.new_database(), author=author, name=name)
        else:
            from db.core.casefile import CaseFile

            case = CaseFile.create(tmp_path / f"{stem}.casefile", name=name, author=author)
        opened.append(case)
        return case

    yield make
    for case in opened:
        case.engine.dispose()


@pytest.fixture
def make_closed_case():
    """``make_closed_case(folder)``: a closed case file ``shared.casefile`` in ``folder``
    holding one entity (Acme), written by ann — what another process or medium holds."""

    def make(folder: Path) -> Path:
        from db.core import CaseFile, run
        from db.services import entities

        case = CaseFile.create(folder / "shared.casefile", name="Shared case", author="ann")
        run(case, "add", lambda tx: entities.create_entity(tx, "Company", "Acme"))
        case.close()
        return folder / "shared.casefile"

    return make


@pytest.fixture
def closed_case(make_closed_case, tmp_path) -> Path:
    return make_closed_case(tmp_path)


@pytest.fixture
def new_case(make_case):
    return make_case()


@pytest.fixture
def sample(make_case):
    """The sample case (a fresh build) and its key → id map."""
    from db.core.commands import run
    from db.sample.build import AUTHOR, CASE_NAME, populate

    case = make_case("sample", CASE_NAME, AUTHOR)
    ids = run(case, "Build sample case", populate).result
    case.ids = ids
    yield case
    case.engine.dispose()


@pytest.fixture
def shared_data() -> Path:
    return SHARED / "data"


SHEET = """owner;owner_type;company;company_no;country;share;since;until
Anna Berg;Person;Acme Ltd;12345;gb;25-50;2019;
Acme Ltd;Company;Bolt GmbH;HRB 1;de;100;2020-03;2023-12-31
"""


@pytest.fixture
def sheet(tmp_path):
    """A semicolon-separated ownership sheet and the column mapping that reads it."""
    path = tmp_path / "owners.csv"
    path.write_text(SHEET, encoding="utf-8")
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps({
        "entity_name": "company", "entity_country": "country",
        "entity_identifiers": {"registrationNumber": "company_no"},
        "link_source": "owner", "link_target": "company", "link_share": "share",
        "link_start": "since", "link_end": "until", "link_entity_schema": "Person"}))
    return path, mapping


@pytest.fixture
def donations(tmp_path, shared_data):
    path = tmp_path / "donations.ijson"
    shutil.copy(shared_data / "ftm" / "donations.ijson", path)
    return path


@pytest.fixture
def two_cases(tmp_path):
    """Alice's and Bob's copies of the sample, each edited on its own (Bob adds TVEL's
    sourced 100% stake in Renera); Bob's file closed, ready to be merged."""
    from db.core import CaseFile, run
    from db.models import Entity
    from db.sample.build import populate
    from db.services import entities as E
    from db.services import evidence as X
    from db.services import links as L

    alice = CaseFile.create(tmp_path / "alice.casefile", name="Alice's case", author="alice")
    a = run(alice, "Build", populate).result
    bob = CaseFile.create(tmp_path / "bob.casefile", name="Bob's case", author="bob")
    b = run(bob, "Build", populate).result

    def alice_edits(tx):
        E.edit_entity(tx, a["renera"], properties={
            **tx.session.get(Entity, a["renera"]).properties, "website": ["renera.ru"]})

    def bob_edits(tx):
        renera = tx.session.get(Entity, b["renera"])
        E.edit_entity(tx, b["renera"], properties={**renera.properties,
                                                    "website": ["www.renera.ru"]})
        b["tvel"] = E.create_entity(tx, "Company", "TVEL", properties={"country": ["ru"]})
        b["stake"] = L.create_link(tx, "Ownership", b["tvel"], b["renera"], share=100,
                                   start_date="2021")
        source = X.create_source(tx, "Rosatom annual report", reliability="B")
        b["doc"] = X.add_document(tx, "report.txt", b"TVEL owns 100% of Renera.",
                                  source_id=source)
        b["claim"] = X.create_claim_for_excerpt(tx, b["doc"], "TVEL owns 100% of Renera",
                                                credibility=2)
        X.attach_claim(tx, b["claim"], link_id=b["stake"])

    run(alice, "Alice edits", alice_edits)
    run(bob, "Bob edits", bob_edits)
    bob.close()
    yield alice, a, tmp_path / "bob.casefile", b
    alice.engine.dispose()


@pytest.fixture
def files(tmp_path):
    """Files of every kind to add as documents: readable, a copy, broken, unreadable, gone."""
    (tmp_path / "a.txt").write_text("Renera bought a stake in JSC Kama.")
    (tmp_path / "b.md").write_text("# Note\n\nRosatom controls Enertech.")
    (tmp_path / "c.html").write_text("<html><head><title>Page</title></head>"
                                     "<body><p>Mosgortrans</p></body></html>")
    (tmp_path / "copy.txt").write_text("Renera bought a stake in JSC Kama.")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / "mail.eml").write_text("From: a@example.org\nTo: b@example.org\n"
                                       "Subject: Batteries\n\nShipment delayed.\n")
    return [tmp_path / n for n in ("a.txt", "b.md", "c.html", "copy.txt", "broken.pdf",
                                   "image.png", "mail.eml", "missing.txt")]

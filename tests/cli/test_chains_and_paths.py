"""``casefile chains`` and ``casefile path`` through the real dispatcher."""

from __future__ import annotations

import json

import pytest

from cli.main import main
from db.core.casefile import CaseFile
from db.core.commands import run
from db.sample.build import build_sample
from db.services import entities as E
from db.services import links as L

OWNER_KEYS = {"id", "name", "schema", "effective_share", "effective_share_min",
              "effective_share_max", "controls", "ultimate", "paths"}


@pytest.fixture(scope="module")
def sample_path(tmp_path_factory):
    """The sample, plus an unsourced 100% stake of Russia in Rosatom and a second Renera."""
    path = tmp_path_factory.mktemp("cli") / "sample.casefile"
    case = build_sample(path)

    def extra(tx):
        from db.reads.queries import find_entities

        russia = find_entities(tx.session, "Russia")[0].id
        rosatom = find_entities(tx.session, "Rosatom")[0].id
        L.create_link(tx, "Ownership", russia, rosatom, share=100)
        E.create_entity(tx, "Company", "Twin")
        E.create_entity(tx, "Company", "Twin")

    run(case, "extra", extra)
    case.close()
    return str(path)


def call(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_chains_json_for_kama(capsys, sample_path):
    for as_of in ([], ["--as-of", "2022-06-30"], ["--as-of", "2025-01-01"]):
        code, out, _ = call(capsys, "chains", sample_path, "jsc kama", "--json", *as_of)
        assert code == 0
        data = json.loads(out)
        assert data["entity"]["name"] == "JSC Kama"
        assert data["as_of"] == (as_of[1] if as_of else None)
        [owner] = data["owners"]
        assert OWNER_KEYS <= set(owner)
        assert (owner["name"], owner["schema"], owner["effective_share"],
                owner["effective_share_min"], owner["effective_share_max"],
                owner["controls"], owner["ultimate"]) == (
            "Renera", "Company", None, None, None, False, True)
        assert owner["paths"] == [[owner["id"], data["entity"]["id"]]]
        [step] = data["steps"]
        assert step["citations"][0]["excerpt"].startswith("In 2022, Renera acquired a stake")
    code, out, _ = call(capsys, "chains", sample_path, "JSC Kama", "--json", "--as-of",
                        "2021-12-31")
    assert (code, json.loads(out)["owners"]) == (0, [])


def test_chains_json_for_enertech_control_depends_on_the_date(capsys, sample_path):
    code, out, _ = call(capsys, "chains", sample_path, "Enertech", "--as-of", "2024-01-01",
                        "--json")
    data = json.loads(out)
    assert code == 0
    owners = {o["name"]: o for o in data["owners"]}
    assert set(owners) == {"Rosatom", "Russia"}
    assert owners["Rosatom"]["controls"] and owners["Russia"]["controls"]
    assert owners["Russia"]["ultimate"] and not owners["Rosatom"]["ultimate"]
    assert data["controllers"] == [owners["Russia"]["id"]]
    assert owners["Russia"]["paths"] == [[owners["Russia"]["id"], owners["Rosatom"]["id"],
                                          data["entity"]["id"]]]
    code, out, _ = call(capsys, "chains", sample_path, "Enertech", "--as-of", "2021-06-30",
                        "--json")
    owners = {o["name"]: o for o in json.loads(out)["owners"]}
    assert code == 0 and "Rosatom" not in owners and "Russia" not in owners


def test_chains_human_output_names_claims_or_unsourced(capsys, sample_path):
    code, out, _ = call(capsys, "chains", sample_path, "Enertech", "--as-of", "2024-01-01")
    assert code == 0
    assert "Owners of Enertech (as of 2024-01-01)" in out
    assert "Ultimate controllers: Russia" in out
    assert ("supported by [B2] “Enertech, which has been under Rosatom’s control since 2022, "
            "according to Kommersant”") in out
    assert "Russia → Rosatom: Ownership, 100%" in out
    assert "UNSOURCED" in out  # Russia's stake rests on no claim
    code, out, _ = call(capsys, "chains", sample_path, "JSC Kama")
    assert "[C2] “In 2022, Renera acquired a stake valued at 6.2 billion rubles in JSC Kama”" in out
    assert "unknown" in out
    code, out, _ = call(capsys, "chains", sample_path, "Turkey")
    assert code == 0 and "no owners or controllers" in out


@pytest.mark.parametrize("argv, message", [
    (["Nobody"], "no entity named 'Nobody'"),
    (["Twin"], "'Twin' is ambiguous"),
    (["Enertech", "--as-of", "2024-13-01"], "not a date"),
    (["Enertech", "--as-of", "2024"], "use YYYY-MM-DD"),
])
def test_chains_errors_exit_1(capsys, sample_path, argv, message):
    code, out, err = call(capsys, "chains", sample_path, *argv)
    assert code == 1 and message in err and out == ""


def test_path_json_and_human(capsys, sample_path):
    code, out, _ = call(capsys, "path", sample_path, "Rosatom", "South Korea", "--json")
    assert code == 0
    data = json.loads(out)
    assert (data["a"]["name"], data["b"]["name"], data["as_of"], data["types"]) == (
        "Rosatom", "South Korea", None, None)
    # The added (unsourced) stake of Russia in Rosatom is the shortest way; the article's
    # own chain through Enertech comes second.
    first, second = data["paths"]
    assert [(h["schema"], h["direction"], h["unsourced"]) for h in first["hops"]] == [
        ("Ownership", "backward", True), ("Sanction", "backward", False)]
    assert [(h["schema"], h["direction"]) for h in second["hops"]] == [
        ("Control", "forward"), ("Contract", "forward"), ("Sanction", "backward")]
    assert all(len(h["supporting"]) == 1 for h in second["hops"])
    code, out, _ = call(capsys, "path", sample_path, "Rosatom", "South Korea")
    assert "Path 1 (2 hops): Rosatom — Russia — South Korea" in out
    assert "Rosatom ←Ownership← Russia" in out and "claims: UNSOURCED" in out
    assert "Path 2 (3 hops): Rosatom — Enertech — Russia — South Korea" in out
    assert "Russia ←Sanction← South Korea" in out
    code, out, _ = call(capsys, "path", sample_path, "Rosatom", "South Korea", "--json",
                        "--types", "Ownership,Control")
    assert (code, json.loads(out)["paths"]) == (0, [])
    assert json.loads(out)["types"] == ["Control", "Ownership"]
    code, out, _ = call(capsys, "path", sample_path, "Enertech", "South Korea", "--as-of",
                        "2021-06-30", "--types", "Control,Ownership")
    assert (code, out.strip()) == (0, "no path between Enertech and South Korea")


@pytest.mark.parametrize("argv, message", [
    (["Rosatom", "Nobody"], "no entity named 'Nobody'"),
    (["Twin", "Rosatom"], "ambiguous"),
    (["Rosatom", "rosatom"], "same entity"),
    (["Rosatom", "Russia", "--types", "Owns"], "unknown link type: 'Owns'"),
    (["Rosatom", "Russia", "--as-of", "yesterday"], "not a date"),
])
def test_path_errors_exit_1(capsys, sample_path, argv, message):
    code, out, err = call(capsys, "path", sample_path, *argv)
    assert code == 1 and message in err and out == ""


def test_commands_leave_the_case_unchanged(capsys, sample_path):
    case = CaseFile.open(sample_path)
    before = case.file_sha256()
    case.close()
    call(capsys, "chains", sample_path, "Enertech", "--json")
    call(capsys, "path", sample_path, "Rosatom", "Russia", "--json")
    case = CaseFile.open(sample_path)
    assert case.file_sha256() == before
    case.close()

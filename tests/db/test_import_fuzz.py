"""Every importer, fed hostile input, ends in success or one ``FormatError`` — and a refused
import leaves the case exactly as it was (a digest of every table before and after).

Inputs are mutations of real files (tests/fuzzing.py) plus raw bytes; Hypothesis draws
the seeds. Bounded for CI; scripts/fuzz_importers.py runs the same with 100,000 inputs.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzzing import Importers, case_digest, import_or_refuse

FUZZ = settings(max_examples=30, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])


@pytest.fixture(scope="module")
def importers():
    return Importers()


def _check(case, fmt, data, extra, folder):
    unexpected: list[BaseException] = []
    outcome = import_or_refuse(case, fmt, data, extra, folder, unexpected.append)
    assert not unexpected, f"{fmt}: {type(unexpected[0]).__name__}: {unexpected[0]}"
    assert outcome in ("added", "refused")


@pytest.mark.parametrize("fmt", ["ftm", "bods", "csv", "graphml", "gexf"])
@FUZZ
@given(seed=st.integers(0, 2 ** 32 - 1))
def test_mutated_real_files_are_added_or_refused(new_case, tmp_path, importers, fmt, seed):
    data, extra = importers.make(fmt, random.Random(seed))
    _check(new_case, fmt, data, extra, tmp_path)


@pytest.mark.parametrize("fmt", ["ftm", "bods", "csv", "graphml", "gexf"])
@FUZZ
@given(data=st.binary(max_size=600))
def test_random_bytes_are_refused_in_one_line(new_case, tmp_path, fmt, data):
    from tests.fuzzing import CSV_MAPPING

    _check(new_case, fmt, data, CSV_MAPPING if fmt == "csv" else None, tmp_path)


@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(seed=st.integers(0, 2 ** 32 - 1))
def test_sound_sheets_are_written_then_undone(new_case, tmp_path, seed):
    """The write path, not only the refusals: a sheet that passes its mapping (Cyrillic,
    quotes and line breaks in cells, sep= lines, four encodings, local dates) is added —
    the case changes — and its undo takes every row away again."""
    from tests.fuzzing import csv_sound_input

    data, mapping = csv_sound_input(random.Random(seed))
    unexpected: list[BaseException] = []
    outcome = import_or_refuse(new_case, "csv", data, mapping, tmp_path, unexpected.append)
    assert not unexpected, f"{type(unexpected[0]).__name__}: {unexpected[0]}"
    assert outcome == "added"


def test_a_refused_write_leaves_every_table_as_it_was(sample, tmp_path):
    """The digest sees a change when there is one, and none after a refusal."""
    from db.formats import FormatError, import_file

    before = case_digest(sample.path)
    bad = tmp_path / "twice.ijson"
    bad.write_text('{"id": "a", "schema": "Company", "properties": {"name": ["A"]}}\n'
                   '{"id": "a", "schema": "Ownership", "properties": {}}\n')
    with pytest.raises(FormatError, match=r"lines 1 and 2: one id with two schemata"):
        import_file(sample, bad)
    assert case_digest(sample.path) == before
    good = tmp_path / "one.ijson"
    good.write_text('{"id": "b", "schema": "Company", "properties": {"name": ["B"]}}\n')
    import_file(sample, good)
    assert case_digest(sample.path) != before

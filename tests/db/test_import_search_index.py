"""A big FtM import (the bulk full-text path) is searchable, undoable and redoable."""

from __future__ import annotations

import json

import pytest

from db.formats import read_file
from db.formats.batch import import_command
from db.reads.search import search

# Service-level: each test runs on a case file and on a team case (PostgreSQL).
pytestmark = pytest.mark.backends("sqlite", "postgresql")


def test_bulk_import_indexes_names_and_aliases_and_undo_redo_keep_the_index(new_case, tmp_path):
    path = tmp_path / "many.ijson"
    with open(path, "w", encoding="utf-8") as handle:
        for number in range(1500):
            handle.write(json.dumps({
                "id": f"co-{number:05d}", "schema": "Company",
                "properties": {"name": [f"Holding {number:05d}"],
                               "alias": [f"Ålias{number:05d} Ventures"],
                               "registrationNumber": [f"RN{number:05d}"]}}) + "\n")
    command = import_command(read_file(path, "ftm"))
    command.do(new_case)

    def entity_hits(query: str) -> list[str]:
        with new_case.session() as session:
            return [h.id for h in search(session, query) if h.kind == "entity"]

    assert entity_hits("alias01234") == ["co-01234"]  # diacritics folded, alias indexed
    assert entity_hits("RN00007") == ["co-00007"]
    assert entity_hits("Holding 01499") == ["co-01499"]
    command.undo(new_case)
    assert entity_hits("alias01234") == []
    command.do(new_case)
    assert entity_hits("alias01234") == ["co-01234"]

"""Suite-wide setup: offscreen Qt, isolated settings, a fresh case per test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ARTIFACTS = Path(__file__).parent / "artifacts"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory, monkeypatch):
    """QSettings and the app data folder go to a temporary home, never the real one."""
    from PySide6.QtCore import QSettings

    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    # Qt reads the environment once; point its settings at this test's home explicitly
    # so nothing remembered by one test (dialog choices, geometry) leaks into the next.
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.NativeFormat, scope, str(home / ".config"))
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(home / ".config"))
    yield


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def new_case(tmp_path):
    from db.core.casefile import CaseFile

    case = CaseFile.create(tmp_path / "test.casefile", name="Test case", author="tester")
    yield case
    case.engine.dispose()


@pytest.fixture
def sample(tmp_path):
    """The sample case (a fresh build) and its key → id map."""
    from db.core.casefile import CaseFile
    from db.core.commands import run
    from db.sample.build import AUTHOR, CASE_NAME, populate

    case = CaseFile.create(tmp_path / "sample.casefile", name=CASE_NAME, author=AUTHOR)
    ids = run(case, "Build sample case", populate).result
    case.ids = ids
    yield case
    case.engine.dispose()


@pytest.fixture
def shared_data() -> Path:
    return SHARED / "data"

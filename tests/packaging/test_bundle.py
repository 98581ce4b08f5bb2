"""The standalone bundle: built with PyInstaller from this checkout, it runs its
self-test offscreen with no Python anywhere on PATH, and the headless commands work.

Slow (minutes: PyInstaller analyses ~300 MB), so outside the quick suite:
    .venv/bin/python -m pytest -m packaging tests/packaging
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.packaging


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("bundle")
    env = dict(os.environ, CASEFILE_VENV=str(Path(sys.executable).parent.parent),
               CASEFILE_DIST=str(work / "dist"), CASEFILE_BUILD=str(work / "build"))
    result = subprocess.run(["bash", str(ROOT / "packaging" / "build.sh")], env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    print(result.stdout.strip().splitlines()[-1])  # "built … (size)"
    (folder,) = (work / "dist").glob("casefile-*")
    return folder


def run_bundled(bundle: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    """The bundle's casefile with an empty PATH and no Python variables: what an
    investigator's machine without Python gives it."""
    empty = tmp_path / "empty-bin"
    empty.mkdir(exist_ok=True)
    env = {"HOME": str(tmp_path), "PATH": str(empty), "QT_QPA_PLATFORM": "offscreen",
           "LANG": "C.UTF-8"}
    return subprocess.run([str(bundle / "casefile"), *args], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=300)


def test_bundle_self_test_passes_without_python(bundle, tmp_path):
    result = run_bundled(bundle, tmp_path, "--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "panes rendered: entities, documents, claims, network, timeline, chain" \
        in result.stdout
    assert "translations: en, ru" in result.stdout
    assert result.stdout.strip().splitlines()[-1].startswith("self-test passed")


def test_bundle_headless_commands(bundle, tmp_path):
    case = tmp_path / "new.casefile"
    assert run_bundled(bundle, tmp_path, "new", str(case), "--name", "Kama").returncode == 0
    checked = run_bundled(bundle, tmp_path, "check", str(case))
    assert checked.returncode == 0 and "new.casefile: ok" in checked.stdout
    bad = run_bundled(bundle, tmp_path, "check", str(tmp_path / "missing.casefile"))
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1


def test_bundle_leaves_unused_qt_out(bundle):
    names = {p.name for p in bundle.rglob("*.so*")}
    assert not any(n.startswith(("libQt6Quick", "libQt6Qml", "libQt6WebEngine", "libQt63D"))
                   for n in names)
    assert any(n.startswith("libQt6Pdf") for n in names)
    translations = {p.name for p in bundle.rglob("*.qm")}
    assert {"casefile_ru.qm", "qtbase_ru.qm"} <= translations
    assert "qtbase_de.qm" not in translations

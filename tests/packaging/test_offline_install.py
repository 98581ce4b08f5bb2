"""Offline installation: the locked runtime downloaded into a wheelhouse, then installed
into a new virtual environment with no index at all, the project built by the locked
setuptools; the installed casefile passes its self-test.

Slow (downloads ~340 MB once), so outside the quick suite:
    .venv/bin/python -m pytest -m packaging tests/packaging
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.packaging


def test_install_from_wheelhouse_with_no_index(tmp_path):
    script = str(ROOT / "scripts" / "wheelhouse.sh")
    wheelhouse, venv = tmp_path / "wheelhouse", tmp_path / "venv"
    downloaded = subprocess.run(["bash", script, "download", str(wheelhouse)],
                                capture_output=True, text=True)
    assert downloaded.returncode == 0, downloaded.stderr[-2000:]
    # No index and no network settings: only the wheelhouse can supply packages.
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": str(tmp_path), "PIP_NO_INDEX": "1",
           "PIP_CONFIG_FILE": "/dev/null"}
    installed = subprocess.run(["bash", script, "install", str(wheelhouse), str(venv)],
                               capture_output=True, text=True, env=env)
    assert installed.returncode == 0, installed.stderr[-2000:]
    result = subprocess.run([str(venv / "bin" / "casefile"), "--self-test"],
                            capture_output=True, text=True, cwd=tmp_path, timeout=300,
                            env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
                                 "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "translations: en, ru" in result.stdout

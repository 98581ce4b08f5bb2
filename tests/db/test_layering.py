"""The seams of DESIGN.md, held by tests where import-linter cannot see (it checks imports;
these check what the code says): engine-specific SQL only in the seam, no sessions in the
GUI or the CLI, modules small."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEAM = ROOT / "db" / "core" / "seam"
# Words only SQLite's SQL (or its driver) uses; a read that needs one asks the seam.
ENGINE_SPECIFIC = re.compile(
    r"exec_driver_sql|\.connection\(\)\.connection|json_each|json_extract|\browid\b|"
    r"\bMATCH\b|PRAGMA|sqlite_master|COLLATE NOCASE|^\s*import sqlite3|^\s*from sqlite3",
    re.M)
# Over 400 lines, each with its reason (STYLE.md: rarely over 500).
LONG_MODULES: dict[str, str] = {
    "desktop/dialogs/new_claim.py": "one dialog, three target pages; split with the "
                                    "provenance/PDF-anchor work (12, 14)",
    "desktop/panes/documents/pane.py": "the viewer's three views; split by the documents "
                                       "issues (11, 14)",
    "desktop/panes/network/pane.py": "redrawn by the large-network issue (15)",
}


def _python(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (ROOT / folder).rglob("*.py"))


def _code(path: Path) -> str:
    """The module without comments and docstrings (those may name what they avoid)."""
    text = re.sub(r'"""(?:.|\n)*?"""', '""', path.read_text(encoding="utf-8"))
    return re.sub(r"#.*", "", text)


def test_engine_specific_sql_lives_only_in_the_seam():
    offenders = [f"{p.relative_to(ROOT)}: {m.group(0).strip()}"
                 for p in _python("db", "desktop", "cli")
                 if SEAM not in p.parents and "migrations" not in p.parts
                 for m in [ENGINE_SPECIFIC.search(_code(p))] if m]
    assert offenders == []


def test_the_gui_and_the_cli_never_hold_a_session():
    offenders = [str(p.relative_to(ROOT)) for p in _python("desktop", "cli")
                 if re.search(r"\.session\(\)|\bSession\b", _code(p))]
    assert offenders == []


def test_modules_stay_small():
    long = {str(p.relative_to(ROOT)): n for p in _python("db", "desktop", "cli")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    unexplained = {name: n for name, n in long.items() if name not in LONG_MODULES}
    assert unexplained == {}

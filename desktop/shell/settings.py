"""One typed registry of settings, with defaults, over QSettings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")

ORGANIZATION = "CaseFileExplorer"
APPLICATION = "Case File Explorer"
MAX_RECENT = 10


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    default: T

    def get(self) -> T:
        value = _settings().value(self.key, self.default)
        if isinstance(self.default, bool) and isinstance(value, str):
            return value.lower() == "true"  # type: ignore[return-value]
        if isinstance(self.default, list) and not isinstance(value, list):
            return [value] if value else []  # type: ignore[return-value]
        return value  # type: ignore[return-value]

    def set(self, value: T) -> None:
        _settings().setValue(self.key, value)


def _settings() -> QSettings:
    return QSettings(ORGANIZATION, APPLICATION)


WINDOW_GEOMETRY: Setting[QByteArray] = Setting("window/geometry", QByteArray())
WINDOW_STATE: Setting[QByteArray] = Setting("window/state", QByteArray())
RECENT_FILES: Setting[list[str]] = Setting("files/recent", [])
LAST_FOLDER: Setting[str] = Setting("files/last_folder", "")
LAST_TEAM_CASE: Setting[str] = Setting("files/last_team_case", "")  # URL, no password
THEME: Setting[str] = Setting("view/theme", "system")  # system | light | dark
# Who you are lives in the data folder (db.core.identity), shared with the CLI, not here.
DEFAULT_MARKING: Setting[str] = Setting("cases/default_marking", "CONFIDENTIAL")
# The as-of date a summary's print dialog proposes: "today" or "timeline" (the timeline's
# as-of line when one is set, else today). Always shown and changeable before printing.
AS_OF_DEFAULT: Setting[str] = Setting("reports/as_of_default", "today")
# "" follows the system; "en", "ru" … (translations are loaded at start-up).
LANGUAGE: Setting[str] = Setting("language", "")
# Tesseract languages scans are read in, "+"-joined ("eng+rus").
OCR_LANGUAGES: Setting[str] = Setting("documents/ocr_languages", "eng")
CSV_MAPPINGS: Setting[str] = Setting("import/csv_mappings", "{}")  # JSON by header signature


def add_recent(path: str) -> list[str]:
    recent = [p for p in RECENT_FILES.get() if p != path]
    recent.insert(0, path)
    RECENT_FILES.set(recent[:MAX_RECENT])
    return recent[:MAX_RECENT]

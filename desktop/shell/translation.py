"""The interface in the person's language: our catalogue and Qt's own (its dialogs and
buttons), chosen once at start from the ``language`` setting ("" follows the system).

The catalogues are built from ``resources/translations/*.ts`` by
``scripts/translations.py`` (pyside6-lupdate / pyside6-lrelease); the .qm files are
committed beside them. What ``db/`` words itself (statuses, link verbs, chains, summaries)
asks ``db.wording.translate``; ``install`` points that at the same catalogue, so the words
made below the interface read in the interface's language too.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

import resources
from db import wording

SOURCE_LANGUAGE = "en"
CATALOGUE_DIR = Path(resources.__file__).parent / "translations"
CATALOGUE_PREFIX = "casefile_"


def available_languages() -> list[str]:
    """The languages the interface can be shown in: English (the source) and each catalogue."""
    built = sorted(p.stem.removeprefix(CATALOGUE_PREFIX)
                   for p in CATALOGUE_DIR.glob(f"{CATALOGUE_PREFIX}*.qm"))
    return [SOURCE_LANGUAGE, *built]


def language_name(language: str) -> str:
    """A language as its own speakers write it: "English", "Русский", "Deutsch"."""
    if language == SOURCE_LANGUAGE:
        return "English"  # Qt says "American English" for the bare "en"
    name = QLocale(language).nativeLanguageName()
    return name[:1].upper() + name[1:] if name else language


def resolve_language(setting: str) -> str:
    """The language to show: the setting when it names one we have, else the system's when
    we have it, else English."""
    languages = available_languages()
    if setting in languages:
        return setting
    for name in QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in languages:
            return code
    return SOURCE_LANGUAGE


class CatalogueTranslator(QTranslator):
    """Looks a text up under the context that asked, then under the empty context, where
    the build puts every message once more: PySide's ``tr()`` asks under the caller's class
    (a flow calling ``window.tr`` asks as MainWindow), so a text is found whichever object
    asked for it."""

    def translate(self, context, source_text, disambiguation=None, n=-1):
        text = super().translate(context or "", source_text, disambiguation, n)
        if not text and context:
            text = super().translate("", source_text, disambiguation, n)
        # None, not "": Qt takes an empty string for a translation and shows nothing, a
        # null one for "not here" and asks the next translator or keeps the source.
        return text or None


_installed: list[QTranslator] = []


def install(language_setting: str) -> str:
    """Install the translators for ``language_setting`` on the running application,
    replacing any installed before; returns the language now shown."""
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = resolve_language(language_setting)
    if language == SOURCE_LANGUAGE:
        QLocale.setDefault(QLocale.system())
        wording.set_translator(None)
        return language
    locale = QLocale(language)
    QLocale.setDefault(locale)
    qt_own = QTranslator(app)
    if qt_own.load(locale, "qtbase", "_", qt_translations_dir()):
        _installed.append(qt_own)
    ours = CatalogueTranslator(app)
    if ours.load(f"{CATALOGUE_PREFIX}{language}", str(CATALOGUE_DIR)):
        _installed.append(ours)
    for translator in _installed:
        app.installTranslator(translator)
    wording.set_translator(_qt_translate)
    return language


def _qt_translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def qt_translations_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)

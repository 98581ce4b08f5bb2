"""The interface in Russian: every visible text of the main window changes, Qt's own
dialogs too, and the committed catalogue is the one built from the .ts."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox

from desktop.shell import settings, translation
from desktop.shell.main_window import MainWindow
from tests.desktop.widget_walk import visible_texts

ROOT = Path(__file__).resolve().parents[2]
# Texts that read the same in both languages: names and symbols.
SAME_IN_EVERY_LANGUAGE = {"Case File Explorer", "%", "RUB"}


@pytest.fixture
def russian(qapp):
    assert translation.install("ru") == "ru"
    yield
    translation.install("en")


def _window(qtbot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1500, 950)
    window.show()
    return window


def _english_texts(qtbot) -> list[tuple[str, str]]:
    translation.install("en")
    return visible_texts(_window(qtbot))


def test_every_visible_text_of_the_main_window_changes_in_russian(qtbot, artifacts):
    english = _english_texts(qtbot)
    assert translation.install("ru") == "ru"
    try:
        window = _window(qtbot)
        russian = visible_texts(window)
        window.grab().save(str(artifacts / "main_window_ru_empty.png"))
    finally:
        translation.install("en")
    assert [where for where, _ in english] == [where for where, _ in russian]
    checked = [(where, en, ru) for (where, en), (_, ru) in zip(english, russian, strict=True)
               if any(c.isalpha() for c in en) and en not in SAME_IN_EVERY_LANGUAGE]
    assert len(checked) > 100  # menus, actions, docks, pane labels, headers, tips
    unchanged = [(where, en) for where, en, ru in checked if en == ru]
    assert unchanged == []
    assert ("menu bar", "&Файл") in russian
    assert ("dock dock_claims", "Утверждения") in russian


def test_qt_own_buttons_are_translated(russian, qtbot):
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Отмена"


def test_a_text_is_found_whichever_object_asks(russian):
    """Flows call window.tr(); PySide asks under the caller's class name."""
    assert QCoreApplication.translate("MainWindow", "Open Case File") == "Открыть файл дела"
    assert QCoreApplication.translate("Anything", "Unknown text") == "Unknown text"


def test_language_setting_chooses_at_start(qapp):
    from desktop.shell.app import make_app

    settings.LANGUAGE.set("ru")
    try:
        make_app()
        assert QCoreApplication.translate("Menus", "&File") == "&Файл"
    finally:
        settings.LANGUAGE.set("")
        translation.install("")
    assert QCoreApplication.translate("Menus", "&File") == "&File"


def test_available_languages_and_fallback():
    assert translation.available_languages() == ["en", "ru"]
    assert translation.resolve_language("ru") == "ru"
    assert translation.resolve_language("xx") in ("en", "ru")  # then the system's


def _script():
    spec = importlib.util.spec_from_file_location("translations_script",
                                                  ROOT / "scripts" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_catalogue_is_built_from_the_ts_and_complete():
    assert _script().problems() == []


def _extractor():
    """The script, its wrappers, and (context, text) of what it finds in one file."""
    script = _script()
    wrappers = script._all_wrappers()

    def texts(relative):
        return {(c, t) for c, t, _ in script.wrapped_texts(ROOT / relative, wrappers)}

    return script, wrappers, texts


def test_texts_lupdate_cannot_see_are_extracted():
    """Texts given to a module's tr() wrapper, to one imported from another module, and
    the menu titles, each under the context that asks for them at run time."""
    _, wrappers, texts = _extractor()
    assert wrappers["desktop.flows.files"] == {"tr": "Files"}
    assert ("Files", "New Case File") in texts("desktop/flows/files.py")
    assert ("Actions", "&Open Case File…") in texts("desktop/shell/actions.py")
    assert ("Menus", "&File") in texts("desktop/shell/actions.py")
    assert ("Report", "Case summary") in texts("desktop/reports/case_html.py")


def test_db_texts_are_extracted():
    """db/ words through db.wording.translate (directly, or a module's _t around it with
    the context a constant): each under its context."""
    script, wrappers, texts = _extractor()
    assert wrappers["db.wording"] == {"_t": "Wording"}
    assert ("Wording", "share unknown") in texts("db/wording.py")
    assert ("Provenance", "you") in texts("db/reads/provenance.py")
    assert ("Report", "Event: {title}") in texts("db/reporting/case_summary.py")
    assert ("Progress", "Matching entities") in texts("db/services/merge/plan.py")
    messages = {(c, t) for c, t, _n in script.messages_of(script.extract("ru"))}
    assert {("LinkTypes", "is owned by"), ("Wording", "unverified"),
            ("Wording", "Usually reliable"), ("Report", "Facts about entities")} <= messages

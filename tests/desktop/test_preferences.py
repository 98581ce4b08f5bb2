"""Edit ▸ Preferences… and the first-run greeting: who you are, theme, marking, as-of
default and language — saved where the CLI and the next start find them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from db.core import current_identity, key_fingerprint, saved_identity, short_fingerprint
from desktop.dialogs.preferences import PreferencesDialog
from desktop.flows import view
from desktop.shell import settings
from desktop.shell.actions import ActionId


def _ok(dialog):
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)


def test_preferences_save_identity_and_settings(qtbot, make_window, new_case, artifacts):
    window = make_window(new_case, panes=("claims",))
    window.actions[ActionId.PREFERENCES].trigger()
    (dialog,) = window.findChildren(PreferencesDialog, "preferences")
    assert dialog.isVisible() and not dialog.isModal()
    for field, text in ((dialog.name, "Anna K."), (dialog.organisation, "OCCRP"),
                        (dialog.email, "anna@example.org"), (dialog.marking, "SECRET")):
        field.clear()
        qtbot.keyClicks(field, text)
    dialog.language.setCurrentIndex(dialog.language.findData("ru"))
    assert dialog.language.currentText() == "Русский"
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.as_of.setCurrentIndex(dialog.as_of.findData("timeline"))
    assert dialog.fingerprint.toolTip() == key_fingerprint()  # the custody key, shown
    assert dialog.fingerprint.text() == short_fingerprint(key_fingerprint()) + " …"
    dialog.grab().save(str(artifacts / "preferences.png"))
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    assert saved_identity().signature_line() == "Anna K. (OCCRP, anna@example.org)"
    assert (settings.LANGUAGE.get(), settings.THEME.get(), settings.DEFAULT_MARKING.get(),
            settings.AS_OF_DEFAULT.get()) == ("ru", "dark", "SECRET", "timeline")
    assert new_case.author == "Anna K."  # what this session writes from now on
    assert window.statusBar().currentMessage() == "You are Anna K."
    settings.THEME.set("system")


def test_an_empty_name_is_refused_in_place(qtbot, make_window):
    window = make_window(panes=())
    dialog = view.preferences(window)
    dialog.name.clear()
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "cannot be empty" in dialog.error.text()
    assert saved_identity() is None
    dialog.reject()


def test_first_run_greets_once_with_the_login_filled_in(qtbot, make_window, artifacts):
    window = make_window(panes=())
    greeting = view.greet_first_run(window)
    assert greeting is not None and not greeting.isModal()
    assert greeting.windowTitle() == "Welcome — who are you?"
    assert greeting.name.text() == current_identity().name  # the login name
    greeting.grab().save(str(artifacts / "first_run.png"))
    greeting.organisation.setText("Proekt")
    qtbot.mouseClick(_ok(greeting), Qt.MouseButton.LeftButton)
    assert saved_identity().organisation == "Proekt"
    assert view.greet_first_run(window) is None  # known now: never asked again


def test_language_list_is_what_is_shipped_each_in_its_own_name(qtbot, tmp_path, monkeypatch):
    from desktop.shell import translation

    for language in ("ru", "de"):
        (tmp_path / f"casefile_{language}.qm").write_bytes(b"")
    (tmp_path / "casefile_fr.ts").write_text("")  # a catalogue not built is not offered
    monkeypatch.setattr(translation, "CATALOGUE_DIR", tmp_path)
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    combo = dialog.language
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "System default", "English", "Deutsch", "Русский"]
    assert [combo.itemData(i) for i in range(combo.count())] == ["", "en", "de", "ru"]


def test_language_list_in_this_checkout(qtbot):
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    shipped = [dialog.language.itemText(i) for i in range(1, dialog.language.count())]
    assert shipped == ["English", "Русский"]

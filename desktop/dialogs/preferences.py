"""Edit ▸ Preferences…: who you are, and the settings a person expects to choose — theme,
the marking new cases get, the as-of date summaries propose, the language.

Who you are is kept in the data folder (``db.core.identity``, shared with the CLI), with
the fingerprint of the key that signs your custody events; the rest in the typed settings
registry (``desktop.shell.settings``). The same dialog greets
a first run (``first_run=True``): it is not modal, the login name is already filled in,
and closing it keeps that name — the app works on without it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from db.core import (
    Identity,
    current_identity,
    key_fingerprint,
    save_identity,
    short_fingerprint,
)
from desktop.shell import settings, translation

THEMES = (("system", "Follow the system"), ("light", "Light"), ("dark", "Dark"))
AS_OF_CHOICES = (("today", "Today"), ("timeline", "The timeline's as-of date, if set"))


def signing_fingerprint() -> str | None:
    """This investigator's signing key fingerprint (signed custody), None if the key
    cannot be read or made (the dialog still opens)."""
    try:
        return key_fingerprint()
    except (OSError, ValueError):
        return None


class PreferencesDialog(QDialog):
    sig_identity_changed = Signal(str)  # the new author name

    def __init__(self, parent: QWidget | None = None, first_run: bool = False):
        super().__init__(parent)
        self.setObjectName("preferences")
        self.setWindowTitle(self.tr("Welcome — who are you?") if first_run
                            else self.tr("Preferences"))
        identity = current_identity()
        self.name = QLineEdit(identity.name, self)
        self.name.setObjectName("identity_name")
        self.organisation = QLineEdit(identity.organisation, self)
        self.organisation.setObjectName("identity_organisation")
        self.email = QLineEdit(identity.email, self)
        self.email.setObjectName("identity_email")
        self.email.setPlaceholderText(self.tr("optional"))
        fingerprint = signing_fingerprint()
        self.fingerprint = QLabel(short_fingerprint(fingerprint) + " …" if fingerprint
                                  else self.tr("the signing key could not be read"))
        self.fingerprint.setToolTip(fingerprint or "")
        self.fingerprint.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint.setObjectName("identity_fingerprint")
        self.fingerprint.setWordWrap(True)
        who = QGroupBox(self.tr("Who you are"), self)
        form = QFormLayout(who)
        if first_run:
            intro = QLabel(self.tr("Every claim, judgement and summary you make names you. "
                                   "Colleagues who merge your case file see it too."))
            intro.setWordWrap(True)
            form.addRow(intro)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Organisation:"), self.organisation)
        form.addRow(self.tr("&E-mail:"), self.email)
        form.addRow(self.tr("Signing key:"), self.fingerprint)

        self.theme = self._combo("pref_theme", THEMES, settings.THEME.get())
        self.marking = QLineEdit(settings.DEFAULT_MARKING.get(), self)
        self.marking.setObjectName("pref_marking")
        self.as_of = self._combo("pref_as_of", AS_OF_CHOICES, settings.AS_OF_DEFAULT.get())
        self.language = self._language_combo(settings.LANGUAGE.get())
        general = QGroupBox(self.tr("Working"), self)
        form2 = QFormLayout(general)
        form2.addRow(self.tr("&Theme:"), self.theme)
        form2.addRow(self.tr("&Marking of new cases:"), self.marking)
        form2.addRow(self.tr("Summaries are &as of:"), self.as_of)
        form2.addRow(self.tr("&Language:"), self.language)
        form2.addRow(QLabel(self.tr("A new language applies at the next start.")))
        self.error = QLabel(self)
        self.error.setObjectName("preferences_error")
        self.error.setStyleSheet("color: #c62828")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(who)
        if not first_run:
            layout.addWidget(general)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _combo(self, name: str, choices, current: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        for value, text in choices:
            combo.addItem(self.tr(text), value)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        return combo

    def _language_combo(self, current: str) -> QComboBox:
        """"System default", then English and each catalogue shipped, every language named
        in its own language, as programs list them."""
        combo = QComboBox(self)
        combo.setObjectName("pref_language")
        combo.addItem(self.tr("System default"), "")
        for language in translation.available_languages():
            combo.addItem(translation.language_name(language), language)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        return combo

    def accept(self) -> None:
        try:
            save_identity(Identity(self.name.text(), self.organisation.text(),
                                   self.email.text()))
        except (ValueError, OSError) as error:
            self.error.setText(str(error))
            self.error.show()
            return
        settings.THEME.set(self.theme.currentData())
        settings.DEFAULT_MARKING.set(self.marking.text().strip() or "CONFIDENTIAL")
        settings.AS_OF_DEFAULT.set(self.as_of.currentData())
        settings.LANGUAGE.set(self.language.currentData())
        self.sig_identity_changed.emit(self.name.text().strip())
        super().accept()

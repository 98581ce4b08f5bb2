"""Which languages scans are read in: a check box per installed Tesseract language.

Chosen once and remembered (``settings.OCR_LANGUAGES``); every scan added afterwards is
read in them. Without Tesseract the dialog says so and how to install it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from db.extract.ocr import OFFERED_LANGUAGES, installed_languages

# Names a person reads; Tesseract's codes stay visible beside them.
LANGUAGE_NAMES = {"eng": "English", "rus": "Russian", "ukr": "Ukrainian", "kor": "Korean",
                  "tur": "Turkish", "deu": "German"}


class OcrLanguagesDialog(QDialog):
    def __init__(self, chosen: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ocr_languages_dialog")
        self.setWindowTitle(self.tr("OCR Languages"))
        layout = QVBoxLayout(self)
        installed = installed_languages()
        self.note = QLabel(self)
        self.note.setObjectName("ocr_note")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.note)
        self.boxes: dict[str, QCheckBox] = {}
        if not installed:
            self.note.setText(self.tr(
                "OCR is not installed: scanned pages cannot be read. Install Tesseract "
                "(Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-eng "
                "tesseract-ocr-rus …) and reopen this dialog."))
        else:
            self.note.setText(self.tr("Scans added from now on are read in the languages "
                                      "ticked (more languages: slower, sometimes less "
                                      "accurate)."))
        for code in sorted(set(installed) | set(OFFERED_LANGUAGES),
                           key=lambda c: (c not in OFFERED_LANGUAGES, c)):
            name = self.tr(LANGUAGE_NAMES.get(code, code))
            box = QCheckBox(f"{name} ({code})", self)
            box.setObjectName(f"ocr_{code}")
            box.setChecked(code in chosen and code in installed)
            box.setEnabled(code in installed)
            if code not in installed:
                box.setToolTip(self.tr("Not installed: apt-get install "
                                       "tesseract-ocr-{code}").format(code=code))
            self.boxes[code] = box
            layout.addWidget(box)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def chosen(self) -> list[str]:
        return [code for code, box in self.boxes.items() if box.isChecked()] or ["eng"]

"""Every interactive widget a screen reader reaches has a name, in the main window and in
each dialog it opens; every pane is reachable from the keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox

from desktop.shell.context import CaseContext
from tests.desktop.widget_walk import unnamed_interactive


def test_main_window_has_no_unnamed_interactive_widget(make_window, sample, qtbot):
    window = make_window(sample)
    qtbot.waitUntil(lambda: window.panes["entities"].list_model.rowCount() == 16)
    assert unnamed_interactive(window, combos_by_item=True) == []
    # Combo boxes named by a label or a name of their own, not by their current item.
    for name, pane in window.panes.items():
        assert unnamed_interactive(pane) == [], name


def test_combo_named_only_by_its_item_is_reported(qtbot):
    from PySide6.QtWidgets import QComboBox, QFormLayout, QWidget

    root = QWidget()
    qtbot.addWidget(root)
    combo = QComboBox(root)
    combo.setObjectName("bare")
    combo.addItem("Unsure")
    form = QFormLayout(root)
    form.addRow(combo)
    assert unnamed_interactive(root) == ["QComboBox 'bare' in QWidget"]
    assert unnamed_interactive(root, combos_by_item=True) == []
    form.addRow("&Decision:", QComboBox(root))  # a label naming it as its buddy will do
    assert unnamed_interactive(root) == ["QComboBox 'bare' in QWidget"]


def test_unnamed_widget_is_reported(qtbot):
    """The walk can fail: a bare line edit is found."""
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

    root = QWidget()
    qtbot.addWidget(root)
    edit = QLineEdit(root)
    edit.setObjectName("bare")
    QVBoxLayout(root).addWidget(edit)
    assert unnamed_interactive(root) == ["QLineEdit 'bare' in QWidget"]
    edit.setAccessibleName("Named")
    assert unnamed_interactive(root) == []


def _dialogs(context, ids):
    from db.verify.check import check_case
    from desktop.dialogs.case_details import CaseDetailsDialog
    from desktop.dialogs.claim_editor import ClaimEditorDialog
    from desktop.dialogs.csv_mapping import CsvMappingDialog
    from desktop.dialogs.entity_editor import EntityEditorDialog
    from desktop.dialogs.judgements import JudgementsDialog
    from desktop.dialogs.keyboard_shortcuts import ShortcutsDialog
    from desktop.dialogs.merge_entities import MergeEntitiesDialog
    from desktop.dialogs.new_claim import NewClaimDialog
    from desktop.dialogs.ocr_languages import OcrLanguagesDialog
    from desktop.dialogs.preferences import PreferencesDialog
    from desktop.dialogs.search import SearchDialog
    from desktop.dialogs.summary_options import SummaryOptionsDialog
    from desktop.dialogs.verify_case import VerifyCaseDialog

    return {
        "case details": lambda: CaseDetailsDialog(context),
        "claim editor": lambda: ClaimEditorDialog(context, ids["claim:2"]),
        "csv mapping": lambda: CsvMappingDialog("people.csv", ["name", "owner", "share"],
                                                [["Kama", "Renera", "51"]]),
        "new entity": lambda: EntityEditorDialog(context),
        "edit entity": lambda: EntityEditorDialog(context, ids["renera"]),
        "judgements": lambda: JudgementsDialog(context),
        "merge entities": lambda: MergeEntitiesDialog(context, ids["renera"], ids["kama"]),
        "new claim": lambda: NewClaimDialog(context, ids["document"], 0, 60),
        "search": lambda: SearchDialog(context),
        "keyboard shortcuts": lambda: ShortcutsDialog(),
        "preferences": lambda: PreferencesDialog(),
        "ocr languages": lambda: OcrLanguagesDialog(["eng", "rus"]),
        "summary options": lambda: SummaryOptionsDialog(None, "Renera", True, None),
        "verify case": lambda: VerifyCaseDialog("sample.casefile", check_case(context.case),
                                                0.5),
    }


DIALOGS = ["case details", "claim editor", "csv mapping", "new entity", "edit entity",
           "judgements", "merge entities", "new claim", "search", "keyboard shortcuts",
           "preferences", "ocr languages", "summary options", "verify case"]


@pytest.mark.parametrize("name", DIALOGS)
def test_dialog_has_no_unnamed_interactive_widget(name, sample, qtbot):
    context = CaseContext(sample)
    dialog = _dialogs(context, sample.ids)[name]()
    _walk(qtbot, dialog)


def _walk(qtbot, dialog) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    assert unnamed_interactive(dialog) == []
    dialog.reject()


def test_import_preview_has_no_unnamed_interactive_widget(donations, qtbot):
    from db.formats.ftm import read_ftm
    from desktop.dialogs.import_preview import ImportPreviewDialog

    _walk(qtbot, ImportPreviewDialog(read_ftm(donations)))


def test_merge_review_has_no_unnamed_interactive_widget(two_cases, qtbot):
    from db.services.merge import plan_merge
    from desktop.dialogs.merge_review import MatchTableModel, MergeReviewDialog

    alice, _a, bob_path, _b = two_cases
    dialog = MergeReviewDialog(plan_merge(alice, bob_path))
    qtbot.addWidget(dialog)
    dialog.show()
    # The decision editor a person opens in the table is named too.
    dialog.match_view.edit(dialog.matches.index(0, MatchTableModel.COLUMN_DECISION))
    qtbot.waitUntil(lambda: dialog.match_view.state() == dialog.match_view.State.EditingState)
    (editor,) = dialog.match_view.viewport().findChildren(QComboBox)
    assert editor.accessibleName() == "Decision"
    assert unnamed_interactive(dialog) == []
    dialog.reject()


def test_every_pane_is_reached_from_the_keyboard(make_window, sample, qtbot):
    """Ctrl+1…6 put the keyboard focus inside each pane; Tab then moves within it."""
    window = make_window(sample)
    window.activateWindow()
    for number, name in enumerate(["entities", "documents", "claims", "network", "timeline",
                                   "chain"], start=1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number),
                       Qt.KeyboardModifier.ControlModifier)
        pane = window.panes[name]
        qtbot.waitUntil(lambda pane=pane: pane.isAncestorOf(QApplication.focusWidget()))
        focused = QApplication.focusWidget()
        assert focused.focusPolicy() & Qt.FocusPolicy.TabFocus, (name, focused)


def test_keyboard_shortcuts_dialog_lists_the_action_table(make_window, qtbot, monkeypatch,
                                                          artifacts):
    from desktop.dialogs.keyboard_shortcuts import ShortcutsDialog
    from desktop.shell.actions import ActionId

    shown = []
    monkeypatch.setattr(ShortcutsDialog, "exec", lambda dialog: shown.append(dialog))
    window = make_window()
    help_menu = window.menuBar().actions()[-1].menu()
    action = window.actions[ActionId.KEYBOARD_SHORTCUTS]
    assert action in help_menu.actions() and action.shortcut().toString() == "F1"
    action.trigger()
    (dialog,) = shown
    qtbot.addWidget(dialog)
    rows = dialog.model.rows
    assert ("File ▸ Open Case File", "Ctrl+O") in rows
    assert ("Edit ▸ Search Everything", "Ctrl+K") in rows
    assert ("Go to pane: Entities", "Ctrl+1") in rows
    assert ("Go to pane: Control chain", "Ctrl+6") in rows
    shortcuts = [a.shortcut().toString() for a in window.actions.values()
                 if not a.shortcut().isEmpty()]
    assert sorted(keys for _, keys in rows[:len(shortcuts)]) == sorted(shortcuts)
    dialog.show()
    dialog.grab().save(str(artifacts / "keyboard_shortcuts.png"))

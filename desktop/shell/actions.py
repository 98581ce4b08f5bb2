"""Every menu action, declared once: its text, shortcut, what it does, whether it needs an
open case, and where it stands in the menus.

Adding an action means adding an ``ActionId``, its ``ActionSpec`` and its place in
``MENUS`` — all here; the main window builds the menus, connects the handlers and
enables what needs a case from these tables alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum, auto
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from desktop.flows import documents, files, reporting, review, sharing, verify, view

if TYPE_CHECKING:
    from desktop.shell.main_window import MainWindow


class ActionId(Enum):
    NEW = auto()
    OPEN = auto()
    OPEN_TEAM = auto()
    REFRESH = auto()
    MERGE = auto()
    IMPORT = auto()
    EXPORT = auto()
    ADD_DOCUMENTS = auto()
    OCR_LANGUAGES = auto()
    PRINT = auto()
    PRINT_PREVIEW = auto()
    EXPORT_PDF = auto()
    CASE_DETAILS = auto()
    VERIFY = auto()
    QUIT = auto()
    UNDO = auto()
    REDO = auto()
    GLOBAL_SEARCH = auto()
    NEW_ENTITY = auto()
    REVIEW_JUDGEMENTS = auto()
    PREFERENCES = auto()
    BACK = auto()
    FORWARD = auto()
    SHOW_CHAIN = auto()
    FIND_PATHS = auto()
    THEME_SYSTEM = auto()
    THEME_LIGHT = auto()
    THEME_DARK = auto()
    RESET_LAYOUT = auto()
    KEYBOARD_SHORTCUTS = auto()
    ABOUT = auto()


Handler = Callable[["MainWindow"], None]


@dataclass(frozen=True)
class ActionSpec:
    text: str
    handler: Handler
    shortcut: QKeySequence.StandardKey | str | None = None
    tip: str = ""
    needs_case: bool = False
    checkable: bool = False
    group: str | None = None  # actions of one group are exclusive (the themes)
    writes: bool = False  # changes the case: disabled while it is open read-only


def _t(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


def specs() -> dict[ActionId, ActionSpec]:
    key = QKeySequence.StandardKey
    a = ActionId
    return {
        a.NEW: ActionSpec(_t("&New Case File…"), files.new_case, key.New),
        a.OPEN: ActionSpec(_t("&Open Case File…"), files.open_case_dialog, key.Open),
        a.OPEN_TEAM: ActionSpec(_t("Open &Team Case…"), files.open_team_case_dialog, None,
                                _t("Work on a case shared by a team in PostgreSQL")),
        a.REFRESH: ActionSpec(_t("Re&fresh"), files.refresh, key.Refresh,
                              _t("Read the case again (a team case: colleagues' edits appear)"),
                              True),
        a.MERGE: ActionSpec(_t("&Merge Case File…"), sharing.merge_case, None,
                            _t("Bring a colleague's case file into this one"), True,
                            writes=True),
        a.IMPORT: ActionSpec(_t("&Import…"), sharing.import_file, "Ctrl+I",
                             _t("Import FtM, BODS, CSV or GraphML"), True, writes=True),
        a.EXPORT: ActionSpec(_t("&Export…"), sharing.export_case, "Ctrl+E", needs_case=True),
        a.ADD_DOCUMENTS: ActionSpec(_t("Add &Documents…"), documents.add_documents, "Ctrl+D",
                                    needs_case=True, writes=True),
        a.OCR_LANGUAGES: ActionSpec(_t("OCR &Languages…"), documents.choose_ocr_languages),
        a.PRINT: ActionSpec(_t("&Print…"), reporting.print_summary, key.Print,
                            needs_case=True),
        a.PRINT_PREVIEW: ActionSpec(_t("Print Pre&view…"), reporting.preview_summary,
                                    "Ctrl+Shift+P", needs_case=True),
        a.EXPORT_PDF: ActionSpec(_t("Export Summary as P&DF…"), reporting.export_summary_pdf,
                                 needs_case=True),
        a.CASE_DETAILS: ActionSpec(_t("Case &Details…"), review.edit_case_details,
                                   needs_case=True, writes=True),
        a.VERIFY: ActionSpec(_t("&Verify Case…"), verify.verify_case, None,
                             _t("Replay the history against every row, re-hash documents, "
                                "check signatures"), needs_case=True),
        a.QUIT: ActionSpec(_t("&Quit"), lambda w: w.close(), key.Quit),
        a.UNDO: ActionSpec(_t("&Undo"), lambda w: w.undo(), key.Undo),
        a.REDO: ActionSpec(_t("&Redo"), lambda w: w.redo(), "Ctrl+Shift+Z"),
        a.GLOBAL_SEARCH: ActionSpec(_t("&Search Everything…"), review.search_everything,
                                    "Ctrl+K", _t("Search entities, documents and claims"),
                                    True),
        a.NEW_ENTITY: ActionSpec(_t("New &Entity…"), lambda w: w.new_entity(), "Ctrl+Shift+N",
                                 needs_case=True, writes=True),
        a.REVIEW_JUDGEMENTS: ActionSpec(
            _t("Review Possible &Duplicates…"), review.review_judgements, None,
            _t("Decide the 'unsure' matches left by merges: same, or not the same"), True,
            writes=True),
        a.PREFERENCES: ActionSpec(_t("&Preferences…"), view.preferences,
                                  QKeySequence.StandardKey.Preferences,
                                  _t("Who you are, theme, marking, as-of date, language")),
        a.BACK: ActionSpec(_t("&Back"), lambda w: w.coordinator.back(), "Alt+Left"),
        a.FORWARD: ActionSpec(_t("&Forward"), lambda w: w.coordinator.forward(), "Alt+Right"),
        a.SHOW_CHAIN: ActionSpec(
            _t("Show &Control Chain"),
            lambda w: w.coordinator.show_chain(w.coordinator.current_entity or ""),
            "Ctrl+Shift+C", needs_case=True),
        a.FIND_PATHS: ActionSpec(_t("Find Connecting &Paths"), review.find_paths,
                                 "Ctrl+Shift+F", needs_case=True),
        a.THEME_SYSTEM: ActionSpec(_t("Follow &System Theme"),
                                   lambda w: view.set_theme(w, "system"), checkable=True,
                                   group="theme"),
        a.THEME_LIGHT: ActionSpec(_t("&Light Theme"), lambda w: view.set_theme(w, "light"),
                                  checkable=True, group="theme"),
        a.THEME_DARK: ActionSpec(_t("&Dark Theme"), lambda w: view.set_theme(w, "dark"),
                                 checkable=True, group="theme"),
        a.RESET_LAYOUT: ActionSpec(_t("&Reset Layout"), lambda w: w.reset_layout()),
        a.KEYBOARD_SHORTCUTS: ActionSpec(_t("&Keyboard Shortcuts…"), view.keyboard_shortcuts,
                                         key.HelpContents),
        a.ABOUT: ActionSpec(_t("&About Case File Explorer"), view.about),
    }


# Where each action stands. SEPARATOR, RECENT (the Open Recent submenu) and PANES (one
# show/hide toggle per pane) are places the main window fills itself.
SEPARATOR, RECENT, PANES = "-", "recent", "panes"
MENUS: tuple[tuple[str, tuple[ActionId | str, ...]], ...] = (
    ("&File", (ActionId.NEW, ActionId.OPEN, ActionId.OPEN_TEAM, RECENT, SEPARATOR,
               ActionId.ADD_DOCUMENTS, ActionId.OCR_LANGUAGES, ActionId.IMPORT, ActionId.EXPORT,
               ActionId.MERGE, SEPARATOR, ActionId.PRINT,
               ActionId.PRINT_PREVIEW, ActionId.EXPORT_PDF, SEPARATOR, ActionId.CASE_DETAILS,
               ActionId.VERIFY,
               SEPARATOR, ActionId.QUIT)),
    ("&Edit", (ActionId.UNDO, ActionId.REDO, SEPARATOR, ActionId.NEW_ENTITY,
               ActionId.REVIEW_JUDGEMENTS, ActionId.GLOBAL_SEARCH, SEPARATOR,
               ActionId.PREFERENCES)),
    ("&View", (ActionId.REFRESH, SEPARATOR, ActionId.BACK, ActionId.FORWARD, SEPARATOR, PANES,
               SEPARATOR,
               ActionId.THEME_SYSTEM, ActionId.THEME_LIGHT, ActionId.THEME_DARK, SEPARATOR,
               ActionId.RESET_LAYOUT)),
    ("&Analysis", (ActionId.SHOW_CHAIN, ActionId.FIND_PATHS)),
    ("&Help", (ActionId.KEYBOARD_SHORTCUTS, ActionId.ABOUT)),
)


def menu_title(title: str) -> str:
    return QCoreApplication.translate("Menus", title)


def create_actions(parent: QWidget) -> dict[ActionId, QAction]:
    actions: dict[ActionId, QAction] = {}
    for action_id, spec in specs().items():
        action = QAction(spec.text, parent)
        action.setObjectName(f"action_{action_id.name.lower()}")
        if spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
        if spec.tip:
            action.setStatusTip(spec.tip)
        action.setCheckable(spec.checkable)
        actions[action_id] = action
    return actions

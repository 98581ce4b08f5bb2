"""Every menu/toolbar action, declared once and keyed by an enum.

The main window creates them with ``create_actions`` and connects their ``triggered``
signals; panes and dialogs refer to them by ``ActionId``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


class ActionId(Enum):
    NEW = auto()
    OPEN = auto()
    MERGE = auto()
    IMPORT = auto()
    EXPORT = auto()
    ADD_DOCUMENTS = auto()
    PRINT = auto()
    PRINT_PREVIEW = auto()
    EXPORT_PDF = auto()
    CASE_DETAILS = auto()
    QUIT = auto()
    UNDO = auto()
    REDO = auto()
    GLOBAL_SEARCH = auto()
    NEW_ENTITY = auto()
    REVIEW_JUDGEMENTS = auto()
    BACK = auto()
    FORWARD = auto()
    SHOW_CHAIN = auto()
    FIND_PATHS = auto()
    THEME_SYSTEM = auto()
    THEME_LIGHT = auto()
    THEME_DARK = auto()
    RESET_LAYOUT = auto()
    ABOUT = auto()


@dataclass(frozen=True)
class ActionSpec:
    text: str
    shortcut: QKeySequence.StandardKey | str | None = None
    tip: str = ""
    checkable: bool = False


def _t(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


def specs() -> dict[ActionId, ActionSpec]:
    key = QKeySequence.StandardKey
    return {
        ActionId.NEW: ActionSpec(_t("&New Case File…"), key.New),
        ActionId.OPEN: ActionSpec(_t("&Open Case File…"), key.Open),
        ActionId.MERGE: ActionSpec(_t("&Merge Case File…"), None,
                                   _t("Bring a colleague's case file into this one")),
        ActionId.IMPORT: ActionSpec(_t("&Import…"), "Ctrl+I",
                                    _t("Import FtM, BODS, CSV or GraphML")),
        ActionId.EXPORT: ActionSpec(_t("&Export…"), "Ctrl+E"),
        ActionId.ADD_DOCUMENTS: ActionSpec(_t("Add &Documents…"), "Ctrl+D"),
        ActionId.PRINT: ActionSpec(_t("&Print…"), key.Print),
        ActionId.PRINT_PREVIEW: ActionSpec(_t("Print Pre&view…"), "Ctrl+Shift+P"),
        ActionId.EXPORT_PDF: ActionSpec(_t("Export Summary as P&DF…"), None),
        ActionId.CASE_DETAILS: ActionSpec(_t("Case &Details…"), None),
        ActionId.QUIT: ActionSpec(_t("&Quit"), key.Quit),
        ActionId.UNDO: ActionSpec(_t("&Undo"), key.Undo),
        ActionId.REDO: ActionSpec(_t("&Redo"), "Ctrl+Shift+Z"),
        ActionId.GLOBAL_SEARCH: ActionSpec(_t("&Search Everything…"), "Ctrl+K",
                                           _t("Search entities, documents and claims")),
        ActionId.NEW_ENTITY: ActionSpec(_t("New &Entity…"), "Ctrl+Shift+N"),
        ActionId.REVIEW_JUDGEMENTS: ActionSpec(
            _t("Review Possible &Duplicates…"), None,
            _t("Decide the 'unsure' matches left by merges: same, or not the same")),
        ActionId.BACK: ActionSpec(_t("&Back"), "Alt+Left"),
        ActionId.FORWARD: ActionSpec(_t("&Forward"), "Alt+Right"),
        ActionId.SHOW_CHAIN: ActionSpec(_t("Show &Control Chain"), "Ctrl+Shift+C"),
        ActionId.FIND_PATHS: ActionSpec(_t("Find Connecting &Paths"), "Ctrl+Shift+F"),
        ActionId.THEME_SYSTEM: ActionSpec(_t("Follow &System Theme"), None, "", True),
        ActionId.THEME_LIGHT: ActionSpec(_t("&Light Theme"), None, "", True),
        ActionId.THEME_DARK: ActionSpec(_t("&Dark Theme"), None, "", True),
        ActionId.RESET_LAYOUT: ActionSpec(_t("&Reset Layout"), None),
        ActionId.ABOUT: ActionSpec(_t("&About Case File Explorer"), None),
    }


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

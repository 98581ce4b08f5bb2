"""The main window: assembles panes as docks, actions into menus, and the coordinator.

Nothing else lives here: what menu items do is in ``desktop/flows`` (which take the
window as a ``Shell``), the actions and their places in ``desktop/shell/actions``, the
dock layout in ``desktop/shell/layout``, each pane in its own package.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from functools import partial

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMenu, QMessageBox, QWidget

from db.core import CaseFile, Changes
from db.reads import queries, records
from desktop.flows import documents, files, reporting
from desktop.panes import PANES, PaneSpec
from desktop.panes.base import Pane
from desktop.shell import layout, settings
from desktop.shell.actions import (
    MENUS,
    RECENT,
    SEPARATOR,
    ActionId,
    create_actions,
    menu_title,
    specs,
)
from desktop.shell.actions import (
    PANES as PANE_TOGGLES,
)
from desktop.shell.context import CaseContext
from desktop.shell.coordinator import Coordinator
from desktop.shell.icons import icon
from desktop.shell.verification_badge import VerificationBadge
from desktop.shell.worker import run_task


class MainWindow(QMainWindow):
    """``panes``: which panes to build (default: all of ``desktop.panes.PANES``)."""

    def __init__(self, panes: Iterable[PaneSpec] | None = None) -> None:
        super().__init__()
        self.setObjectName("MainWindow")
        self.setWindowIcon(icon("app"))
        self.context: CaseContext | None = None
        self.actions = create_actions(self)
        self.panes: dict[str, Pane] = {}
        self.docks: dict[str, QDockWidget] = {}
        self.setDockNestingEnabled(True)
        self._overview = QLabel(self)
        self._overview.setObjectName("case_overview")
        self._overview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._overview.setTextFormat(Qt.TextFormat.PlainText)
        self.setCentralWidget(self._overview)
        self._build_panes(PANES if panes is None else tuple(panes))
        self.coordinator = Coordinator(self.panes, self)
        self.coordinator.sig_focus_pane.connect(self.focus_pane)
        self.coordinator.sig_history_changed.connect(self._history_changed)
        self.coordinator.sig_print_summary.connect(
            lambda entity_id: reporting.preview_summary(self, entity_id))
        self.coordinator.sig_add_documents.connect(self._add_documents)
        self._build_menus()
        self._default_state = self.saveState()
        self._status_access = QLabel(self)
        self._status_access.setObjectName("status_access")
        self._status_access.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self._status_access)
        self._status_counts = QLabel(self)
        self._status_counts.setObjectName("status_counts")
        self.statusBar().addPermanentWidget(self._status_counts)
        self.verification_badge = VerificationBadge(self)
        self.statusBar().addPermanentWidget(self.verification_badge)
        layout.restore(self)
        self._counts_generation = 0
        self._counts_timer = QTimer(self, singleShot=True, interval=150)
        self._counts_timer.timeout.connect(self._update_counts)
        self.set_case(None)

    # -- construction ------------------------------------------------------------------------
    def _build_panes(self, chosen: tuple[PaneSpec, ...]) -> None:
        for spec in chosen:
            module = importlib.import_module(spec.module)
            pane: Pane = getattr(module, spec.class_name)(self)
            pane.setObjectName(f"pane_{spec.name}")
            dock = QDockWidget(self.tr(spec.title), self)
            dock.setObjectName(f"dock_{spec.name}")
            dock.setWidget(pane)
            # A tab chosen: the pane loads what waited for it to be shown (Pane.when_shown).
            dock.visibilityChanged.connect(lambda visible, pane=pane: visible and pane.shown())
            self.addDockWidget(spec.area, dock)
            pane.sig_status.connect(lambda text: self.show_status(text, 5000))
            self.panes[spec.name] = pane
            self.docks[spec.name] = dock
            focus = QAction(self)
            focus.setShortcut(QKeySequence(spec.shortcut))
            focus.triggered.connect(partial(self.focus_pane, spec.name))
            self.addAction(focus)
        layout.arrange_docks(self)
        self._overview.setVisible(not self.panes)

    def _build_menus(self) -> None:
        groups: dict[str, QActionGroup] = {}
        for action_id, spec in specs().items():
            action = self.actions[action_id]
            action.triggered.connect(partial(self._run, spec.handler))
            if spec.group:
                groups.setdefault(spec.group, QActionGroup(self)).addAction(action)
        for title, places in MENUS:
            menu = self.menuBar().addMenu(menu_title(title))
            for place in places:
                if place == SEPARATOR:
                    menu.addSeparator()
                elif place == RECENT:
                    self.recent_menu = QMenu(self.tr("Open &Recent"), self)
                    self.recent_menu.setObjectName("menu_recent")
                    self.recent_menu.aboutToShow.connect(self._fill_recent)
                    menu.addMenu(self.recent_menu)
                elif place == PANE_TOGGLES:
                    for dock in self.docks.values():
                        menu.addAction(dock.toggleViewAction())
                else:
                    menu.addAction(self.actions[place])
        theme = {"light": ActionId.THEME_LIGHT, "dark": ActionId.THEME_DARK}.get(
            settings.THEME.get(), ActionId.THEME_SYSTEM)
        self.actions[theme].setChecked(True)
        self.actions[ActionId.BACK].setEnabled(False)
        self.actions[ActionId.FORWARD].setEnabled(False)

    def _run(self, handler, _checked: bool = False) -> None:
        handler(self)

    # -- the Shell the flows use ------------------------------------------------------------------
    def dialog_parent(self) -> QWidget:
        return self

    def show_status(self, text: str, timeout_ms: int = 8000) -> None:
        self.statusBar().showMessage(text, timeout_ms)

    def set_verification(self, ok: bool, problems: int, head: str) -> None:
        self.verification_badge.set_result(ok, problems, head)

    def show_warning(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # names from files are data, not markup
        box.exec()

    # -- the open case ---------------------------------------------------------------------------
    def set_case(self, case: CaseFile | None) -> None:
        if self.context is not None:
            self.context.close()
            self.context.deleteLater()
        self.context = CaseContext(case, self) if case is not None else None
        for pane in self.panes.values():
            pane.set_context(self.context)
        has_case = self.context is not None
        read_only = case.read_only_reason if case is not None else None
        for action_id, spec in specs().items():
            if spec.needs_case:
                self.actions[action_id].setEnabled(has_case and not (spec.writes and read_only))
        self._show_access(case)
        if self.context is not None:
            stack = self.context.undo_stack
            stack.canUndoChanged.connect(self.actions[ActionId.UNDO].setEnabled)
            stack.canRedoChanged.connect(self.actions[ActionId.REDO].setEnabled)
            stack.undoTextChanged.connect(self._undo_text)
            stack.redoTextChanged.connect(self._redo_text)
            self.context.sig_changed.connect(self._on_changes)
            self.context.sig_error.connect(lambda message: self.show_warning(
                self.tr("Case File Explorer"), message))
            self.context.sig_notice.connect(lambda text: self.show_status(text, 2000))
            settings.add_recent(str(case.path))
        self.actions[ActionId.UNDO].setEnabled(False)
        self.actions[ActionId.REDO].setEnabled(False)
        self.verification_badge.reset()
        self._undo_text("")
        self._redo_text("")
        self._update_title()
        self._update_counts()

    def _add_documents(self, paths) -> None:
        if self.context is not None and self.context.case.read_only:
            self.show_status(self.tr("Read-only ({reason}): documents cannot be added")
                             .format(reason=self.context.case.read_only_reason))
            return
        documents.add_documents(self, paths)

    def _show_access(self, case: CaseFile | None) -> None:
        """Say, for as long as the case is open, when it cannot be changed and why."""
        if case is not None and case.read_only_reason is not None:
            self._status_access.setText(self.tr("Read-only: {reason} — editing is off")
                                        .format(reason=self.tr(case.read_only_reason)))
        elif case is not None and case.in_use_by is not None:
            self._status_access.setText(self.tr("Also {holder}; your changes wait for theirs")
                                        .format(holder=case.in_use_by.describe()))
        else:
            self._status_access.setText("")
        self._status_access.setVisible(bool(self._status_access.text()))

    def _on_changes(self, changes: Changes) -> None:
        for pane in self.panes.values():
            pane.on_changes(changes)
        if (changes.entities or changes.everything) and self.context is not None \
                and self.coordinator.history:
            # Only the (short) navigation history needs checking, however much changed.
            history = set(self.coordinator.history)
            present = self.context.case.read(records.existing_entities, history)
            self.coordinator.forget(history - present)
        if changes.meta:
            self._update_title()
        self.verification_badge.mark_changed()
        self._counts_timer.start()

    def _update_title(self) -> None:
        if self.context is None:
            self.setWindowTitle(self.tr("Case File Explorer"))
            return
        title = self.tr("{name} — {file} — Case File Explorer").format(
            name=self.context.case.name, file=self.context.case.path.name)
        if self.context.case.read_only:
            title = self.tr("{title} [read-only]").format(title=title)
        self.setWindowTitle(title)

    def _update_counts(self) -> None:
        """Count off the GUI thread: on a case of 250,000 links counting the unsourced
        ones alone takes a few hundred milliseconds."""
        self._counts_generation += 1
        if self.context is None:
            self._status_counts.setText("")
            self._overview.setText(self.tr("Open a case file (File ▸ Open) or create one."))
            return
        generation, case = self._counts_generation, self.context.case
        run_task(None, "", lambda _progress: case.read(queries.counts),
                 lambda counted: self._show_counts(generation, case, counted),
                 on_error=lambda _message: None, show_progress=False)

    def _show_counts(self, generation: int, case: CaseFile, c: queries.Counts) -> None:
        if generation != self._counts_generation:
            return  # a newer count (or another case) replaced this one
        text = self.tr("{e} entities · {l} links ({u} unsourced) · {d} documents · "
                       "{c} claims").format(e=c.entities, l=c.links, u=c.unsourced_links,
                                            d=c.documents, c=c.claims)
        self._status_counts.setText(text)
        self._status_counts.setToolTip(str(case.path))
        self._overview.setText(f"{case.name}\n\n{text}")

    # -- what actions ask of the window itself ------------------------------------------------------
    def undo(self) -> None:
        if self.context is not None:
            self.context.undo_stack.undo()

    def redo(self) -> None:
        if self.context is not None:
            self.context.undo_stack.redo()

    def new_entity(self) -> None:
        pane = self.panes.get("entities")
        if pane is not None and hasattr(pane, "new_entity"):
            self.focus_pane("entities")
            pane.new_entity()

    def _undo_text(self, text: str) -> None:
        self.actions[ActionId.UNDO].setText(
            self.tr("&Undo {label}").format(label=text) if text else self.tr("&Undo"))

    def _redo_text(self, text: str) -> None:
        self.actions[ActionId.REDO].setText(
            self.tr("&Redo {label}").format(label=text) if text else self.tr("&Redo"))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = settings.RECENT_FILES.get()
        for path in recent:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(partial(files.open_case_path, self, path))
        if not recent:
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def _history_changed(self, back: bool, forward: bool) -> None:
        self.actions[ActionId.BACK].setEnabled(back)
        self.actions[ActionId.FORWARD].setEnabled(forward)

    def focus_pane(self, name: str) -> None:
        dock = self.docks.get(name)
        if dock is None:
            return
        dock.show()
        dock.raise_()
        widget: QWidget = dock.widget()
        # The first widget of the pane that takes Tab focus, so keys work at once.
        target = widget.nextInFocusChain()
        while target is not widget and not (
                widget.isAncestorOf(target) and target.isVisible() and target.isEnabled()
                and target.focusPolicy() & Qt.FocusPolicy.TabFocus):
            target = target.nextInFocusChain()
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- layout ----------------------------------------------------------------------------------------
    def reset_layout(self) -> None:
        self.restoreState(self._default_state)
        for dock in self.docks.values():
            dock.show()
        layout.default_sizes(self)

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt override
        layout.save(self)
        if self.context is not None:
            self.context.close()
            self.context = None
        super().closeEvent(event)

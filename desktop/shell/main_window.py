"""The main window: assembles panes as docks, actions into menus, and the coordinator.

Nothing else lives here: flows (files, sharing, reporting) are in ``desktop/flows``,
each pane in its own package, actions in ``desktop/actions``.
"""

from __future__ import annotations

import importlib
from functools import partial

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMenu, QMessageBox, QWidget

from db import APP_VERSION
from db.core.casefile import CaseFile
from db.core.changes import Changes
from db.reads import queries
from desktop.flows import files, reporting, sharing
from desktop.panes import PANES
from desktop.panes.base import Pane
from desktop.shell import settings
from desktop.shell.actions import ActionId, create_actions
from desktop.shell.context import CaseContext
from desktop.shell.coordinator import Coordinator
from desktop.shell.icons import icon


class MainWindow(QMainWindow):
    def __init__(self) -> None:
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
        self._build_panes()
        self.coordinator = Coordinator(self.panes, self)
        self.coordinator.sig_focus_pane.connect(self.focus_pane)
        self.coordinator.sig_history_changed.connect(self._history_changed)
        self.coordinator.sig_print_summary.connect(
            lambda entity_id: reporting.preview_summary(self, entity_id))
        self._build_menus()
        self._connect_actions()
        self._default_state = self.saveState()
        self._status_counts = QLabel(self)
        self._status_counts.setObjectName("status_counts")
        self.statusBar().addPermanentWidget(self._status_counts)
        self._restore_layout()
        self._counts_timer = QTimer(self, singleShot=True, interval=150)
        self._counts_timer.timeout.connect(self._update_counts)
        self.set_case(None)

    # -- construction ------------------------------------------------------------------------
    def _build_panes(self) -> None:
        for spec in PANES:
            try:
                module = importlib.import_module(spec.module)
            except ModuleNotFoundError as error:
                if error.name and spec.module.startswith(error.name):
                    continue  # that pane is not part of this build
                raise
            pane: Pane = getattr(module, spec.class_name)(self)
            pane.setObjectName(f"pane_{spec.name}")
            dock = QDockWidget(self.tr(spec.title), self)
            dock.setObjectName(f"dock_{spec.name}")
            dock.setWidget(pane)
            self.addDockWidget(spec.area, dock)
            pane.sig_status.connect(lambda text: self.statusBar().showMessage(text, 5000))
            self.panes[spec.name] = pane
            self.docks[spec.name] = dock
            focus = QAction(self)
            focus.setShortcut(QKeySequence(spec.shortcut))
            focus.triggered.connect(partial(self.focus_pane, spec.name))
            self.addAction(focus)
        if {"claims", "timeline"} <= self.docks.keys():
            self.tabifyDockWidget(self.docks["claims"], self.docks["timeline"])
        if {"claims", "chain"} <= self.docks.keys():
            self.tabifyDockWidget(self.docks["claims"], self.docks["chain"])
        if {"documents", "network"} <= self.docks.keys():
            self.splitDockWidget(self.docks["documents"], self.docks["network"],
                                 Qt.Orientation.Horizontal)
        if "claims" in self.docks:
            self.docks["claims"].raise_()

        self._overview.setVisible(not self.panes)

    def _build_menus(self) -> None:
        a = self.actions
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(a[ActionId.NEW])
        file_menu.addAction(a[ActionId.OPEN])
        self.recent_menu = QMenu(self.tr("Open &Recent"), self)
        self.recent_menu.setObjectName("menu_recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        for action_id in (ActionId.ADD_DOCUMENTS, ActionId.IMPORT, ActionId.EXPORT,
                          ActionId.MERGE):
            file_menu.addAction(a[action_id])
        file_menu.addSeparator()
        for action_id in (ActionId.PRINT, ActionId.PRINT_PREVIEW, ActionId.EXPORT_PDF):
            file_menu.addAction(a[action_id])
        file_menu.addSeparator()
        file_menu.addAction(a[ActionId.CASE_DETAILS])
        file_menu.addSeparator()
        file_menu.addAction(a[ActionId.QUIT])
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(a[ActionId.UNDO])
        edit_menu.addAction(a[ActionId.REDO])
        edit_menu.addSeparator()
        edit_menu.addAction(a[ActionId.NEW_ENTITY])
        edit_menu.addAction(a[ActionId.REVIEW_JUDGEMENTS])
        edit_menu.addAction(a[ActionId.GLOBAL_SEARCH])
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(a[ActionId.BACK])
        view_menu.addAction(a[ActionId.FORWARD])
        view_menu.addSeparator()
        for dock in self.docks.values():
            view_menu.addAction(dock.toggleViewAction())
        view_menu.addSeparator()
        themes = QActionGroup(self)
        for action_id in (ActionId.THEME_SYSTEM, ActionId.THEME_LIGHT, ActionId.THEME_DARK):
            themes.addAction(a[action_id])
            view_menu.addAction(a[action_id])
        current = settings.THEME.get()
        {"light": a[ActionId.THEME_LIGHT], "dark": a[ActionId.THEME_DARK]}.get(
            current, a[ActionId.THEME_SYSTEM]).setChecked(True)
        view_menu.addSeparator()
        view_menu.addAction(a[ActionId.RESET_LAYOUT])
        analysis_menu = bar.addMenu(self.tr("&Analysis"))
        analysis_menu.addAction(a[ActionId.SHOW_CHAIN])
        analysis_menu.addAction(a[ActionId.FIND_PATHS])
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(a[ActionId.ABOUT])
        a[ActionId.BACK].setEnabled(False)
        a[ActionId.FORWARD].setEnabled(False)

    def _connect_actions(self) -> None:
        a = self.actions
        a[ActionId.NEW].triggered.connect(lambda: files.new_case(self))
        a[ActionId.OPEN].triggered.connect(lambda: files.open_case_dialog(self))
        a[ActionId.QUIT].triggered.connect(self.close)
        a[ActionId.IMPORT].triggered.connect(lambda: sharing.import_file(self))
        a[ActionId.EXPORT].triggered.connect(lambda: sharing.export_case(self))
        a[ActionId.MERGE].triggered.connect(lambda: sharing.merge_case(self))
        a[ActionId.ADD_DOCUMENTS].triggered.connect(lambda: sharing.add_documents(self))
        a[ActionId.PRINT].triggered.connect(
            lambda: reporting.print_summary(self, self._report_entity()))
        a[ActionId.PRINT_PREVIEW].triggered.connect(
            lambda: reporting.preview_summary(self, self._report_entity()))
        a[ActionId.EXPORT_PDF].triggered.connect(
            lambda: reporting.export_summary_pdf(self, self._report_entity()))
        a[ActionId.CASE_DETAILS].triggered.connect(self._edit_case_details)
        a[ActionId.UNDO].triggered.connect(self._undo)
        a[ActionId.REDO].triggered.connect(self._redo)
        a[ActionId.GLOBAL_SEARCH].triggered.connect(self._global_search)
        a[ActionId.NEW_ENTITY].triggered.connect(self._new_entity)
        a[ActionId.REVIEW_JUDGEMENTS].triggered.connect(self._review_judgements)
        a[ActionId.BACK].triggered.connect(self.coordinator.back)
        a[ActionId.FORWARD].triggered.connect(self.coordinator.forward)
        a[ActionId.SHOW_CHAIN].triggered.connect(
            lambda: self.coordinator.show_chain(self.coordinator.current_entity or ""))
        a[ActionId.FIND_PATHS].triggered.connect(self._find_paths)
        a[ActionId.THEME_SYSTEM].triggered.connect(lambda: self._set_theme("system"))
        a[ActionId.THEME_LIGHT].triggered.connect(lambda: self._set_theme("light"))
        a[ActionId.THEME_DARK].triggered.connect(lambda: self._set_theme("dark"))
        a[ActionId.RESET_LAYOUT].triggered.connect(self.reset_layout)
        a[ActionId.ABOUT].triggered.connect(self._about)

    # -- the open case ---------------------------------------------------------------------------
    def set_case(self, case: CaseFile | None) -> None:
        if self.context is not None:
            self.context.case.close()
            self.context.deleteLater()
        self.context = CaseContext(case, self) if case is not None else None
        for pane in self.panes.values():
            pane.set_context(self.context)
        has_case = self.context is not None
        for action_id in (ActionId.MERGE, ActionId.IMPORT, ActionId.EXPORT,
                          ActionId.ADD_DOCUMENTS, ActionId.PRINT, ActionId.PRINT_PREVIEW,
                          ActionId.EXPORT_PDF, ActionId.CASE_DETAILS, ActionId.NEW_ENTITY,
                          ActionId.GLOBAL_SEARCH, ActionId.SHOW_CHAIN, ActionId.FIND_PATHS,
                          ActionId.REVIEW_JUDGEMENTS):
            self.actions[action_id].setEnabled(has_case)
        if self.context is not None:
            stack = self.context.undo_stack
            stack.canUndoChanged.connect(self.actions[ActionId.UNDO].setEnabled)
            stack.canRedoChanged.connect(self.actions[ActionId.REDO].setEnabled)
            stack.undoTextChanged.connect(self._undo_text)
            stack.redoTextChanged.connect(self._redo_text)
            self.context.sig_changed.connect(self._on_changes)
            self.context.sig_error.connect(self._show_error)
            settings.add_recent(str(case.path))
        self.actions[ActionId.UNDO].setEnabled(False)
        self.actions[ActionId.REDO].setEnabled(False)
        self._undo_text("")
        self._redo_text("")
        self._update_title()
        self._update_counts()

    def _on_changes(self, changes: Changes) -> None:
        for pane in self.panes.values():
            pane.on_changes(changes)
        if (changes.entities or changes.everything) and self.context is not None \
                and self.coordinator.history:
            # Only the (short) navigation history needs checking, however much changed.
            with self.context.case.session() as session:
                from db.models import Entity

                gone = {e for e in set(self.coordinator.history)
                        if session.get(Entity, e) is None}
            self.coordinator.forget(gone)
        if changes.meta:
            self._update_title()
        self._counts_timer.start()

    def _update_title(self) -> None:
        if self.context is None:
            self.setWindowTitle(self.tr("Case File Explorer"))
            return
        self.setWindowTitle(self.tr("{name} — {file} — Case File Explorer").format(
            name=self.context.case.name, file=self.context.case.path.name))

    def _update_counts(self) -> None:
        if self.context is None:
            self._status_counts.setText("")
            self._overview.setText(self.tr("Open a case file (File ▸ Open) or create one."))
            return
        with self.context.case.session() as session:
            c = queries.counts(session)
        text = self.tr("{e} entities · {l} links ({u} unsourced) · {d} documents · "
                       "{c} claims").format(e=c.entities, l=c.links, u=c.unsourced_links,
                                            d=c.documents, c=c.claims)
        self._status_counts.setText(text)
        self._status_counts.setToolTip(str(self.context.case.path))
        self.statusBar().showMessage(str(self.context.case.path))
        self._overview.setText(f"{self.context.case.name}\n\n{text}")

    # -- actions ------------------------------------------------------------------------------------
    def _undo(self) -> None:
        if self.context is not None:
            self.context.undo_stack.undo()

    def _redo(self) -> None:
        if self.context is not None:
            self.context.undo_stack.redo()

    def _undo_text(self, text: str) -> None:
        self.actions[ActionId.UNDO].setText(
            self.tr("&Undo {label}").format(label=text) if text else self.tr("&Undo"))

    def _redo_text(self, text: str) -> None:
        self.actions[ActionId.REDO].setText(
            self.tr("&Redo {label}").format(label=text) if text else self.tr("&Redo"))

    def _show_error(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Case File Explorer"), message)

    def _report_entity(self) -> str | None:
        return None  # the File menu prints the whole case; entity menus pass their id

    def _global_search(self) -> None:
        if self.context is None:
            return
        from desktop.dialogs.search import SearchDialog

        dialog = SearchDialog(self.context, self)
        dialog.sig_entity_chosen.connect(self.coordinator.open_detail)
        dialog.sig_document_chosen.connect(self.coordinator.show_document)
        dialog.sig_claim_chosen.connect(self._claim_chosen)
        dialog.open()
        self.search_dialog = dialog

    def _claim_chosen(self, claim_id: str) -> None:
        for pane in self.panes.values():
            pane.select_claim(claim_id)
        if self.context is not None:
            with self.context.case.session() as session:
                citation = queries.claim_citation(session, claim_id)
            if citation is not None:
                self.coordinator.show_document(citation.document_id, citation.span_start,
                                               citation.span_end)

    def _new_entity(self) -> None:
        pane = self.panes.get("entities")
        if pane is not None and hasattr(pane, "new_entity"):
            self.focus_pane("entities")
            pane.new_entity()

    def _review_judgements(self) -> None:
        if self.context is None:
            return
        from desktop.dialogs.judgements import JudgementsDialog

        dialog = JudgementsDialog(self.context, self)
        dialog.sig_entity_chosen.connect(self.coordinator.entity_selected)
        dialog.open()
        self.judgements_dialog = dialog

    def _find_paths(self) -> None:
        chosen = self.coordinator.selected_entities
        if len(chosen) >= 2:
            self.coordinator.show_paths(chosen[0], chosen[1])
        else:
            self.statusBar().showMessage(
                self.tr("Select two entities (Ctrl+click) to find the paths between them."),
                6000)

    def _edit_case_details(self) -> None:
        if self.context is None:
            return
        from desktop.dialogs.case_details import CaseDetailsDialog

        CaseDetailsDialog(self.context, self).open()

    def _set_theme(self, theme: str) -> None:
        from PySide6.QtWidgets import QApplication

        from desktop.shell.theme import apply_theme

        settings.THEME.set(theme)
        apply_theme(QApplication.instance())

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About Case File Explorer"), self.tr(
            "Case File Explorer {version}\nOffline case files for investigators: entities, "
            "documents, quoted and graded claims, control chains, evidence summaries."
        ).format(version=APP_VERSION))

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
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- layout ----------------------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry = settings.WINDOW_GEOMETRY.get()
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            screen = self.screen().availableGeometry()
            self.resize(min(1500, screen.width() - 40), min(950, screen.height() - 60))
        state = settings.WINDOW_STATE.get()
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        else:
            # Proportions need the window's real size: apply them once it is shown.
            QTimer.singleShot(0, self._default_sizes)

    def _default_sizes(self) -> None:
        """The first-run layout: the article, the list and the network side by side on
        top, the tabbed claims/timeline/chain strip below at about a third of the height."""
        width, height = self.width(), self.height()
        top = [d for d in (self.docks.get(n) for n in ("entities", "documents", "network"))
               if d is not None]
        shares = {"entities": 0.3, "documents": 0.37, "network": 0.33}
        self.resizeDocks(top, [int(width * shares[d.objectName()[5:]]) for d in top],
                         Qt.Orientation.Horizontal)
        bottom = [d for d in (self.docks.get(n) for n in ("claims", "timeline", "chain"))
                  if d is not None]
        if bottom:
            self.resizeDocks(bottom[:1], [int(height * 0.32)], Qt.Orientation.Vertical)


    def reset_layout(self) -> None:
        self.restoreState(self._default_state)
        for dock in self.docks.values():
            dock.show()
        self._default_sizes()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        settings.WINDOW_GEOMETRY.set(self.saveGeometry())
        settings.WINDOW_STATE.set(self.saveState())
        if self.context is not None:
            self.context.case.close()
            self.context = None
        super().closeEvent(event)

"""The network pane: the link chart an investigator reasons with.

By default it shows the neighbourhood of the selected entity; on request the whole case,
the control chain of an entity (owners above, effective shares, controllers in bold) or
the connecting paths between two entities. Every view honours the shared "as of" date.
Reading and layout are in ``loading`` (Qt-free, run in a worker when large); drawing is in
``canvas``/``items``; the only edits here — moving and pinning nodes — go through
``context.execute`` and are undoable.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QMenu,
    QSpinBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from db.core import NO_PROGRESS, Changes
from db.reads import network_drawing as loading
from db.reads.network import count_entities
from db.reads.network_drawing import (
    CHAIN,
    FORCE,
    HIERARCHICAL,
    NEIGHBOURHOOD,
    PATHS,
    WHOLE_CASE,
    Drawing,
)
from db.services.entities import set_position
from desktop.panes.base import Pane
from desktop.panes.network import labels
from desktop.panes.network.canvas import GraphCanvas
from desktop.shell.icons import icon_path, schema_color, schema_style
from desktop.shell.worker import run_task

SYNC_LAYOUT_LIMIT = 150  # nodes to lay out on the GUI thread; more go to a worker
OVERVIEW_LIMIT = 500  # nodes: above, an overview (no labels, arrows or dragging)
# A case this small opens on its whole network, the selection highlighted and centred
# (on the sample, Enertech among South Korea, Rosatom, Renera, JSC Kama, Mosgortrans);
# a bigger one opens on the neighbourhood of the selection. The toolbar toggles either way.
SMALL_CASE_LIMIT = 100


class NetworkPane(Pane):
    sig_drawn = Signal()  # a new drawing is on screen

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.mode = NEIGHBOURHOOD
        self.focus: list[str] = []  # the entities whose neighbourhood is shown
        self.expanded: list[str] = []  # nodes whose neighbours were added
        self.hidden: set[str] = set()
        self.selected: list[str] = []
        self.selected_link: str | None = None
        self.chain_entity: str | None = None
        self.path_ends: tuple[str, str] | None = None
        self.drawing: Drawing | None = None
        self._generation = 0  # a newer request makes an older worker's result stale
        self._own_edit = False
        self._fit_next = True
        self._focus_depth: int | None = None  # overrides the depth box (0: just the focus)
        self._home: dict[str, tuple[float, float]] = {}  # laid-out place before a first drag
        self._build()

    # -- widgets -------------------------------------------------------------------------
    def _build(self) -> None:
        self.toolbar = QToolBar(self)
        self.whole_case_action = QAction(self.tr("Whole case"), self, checkable=True)
        self.whole_case_action.setToolTip(self.tr("Show every entity of the case"))
        self.whole_case_action.toggled.connect(self._whole_case_toggled)
        self.toolbar.addAction(self.whole_case_action)
        self.toolbar.addWidget(QLabel(self.tr(" Depth "), self))
        self.depth = QSpinBox(self)
        self.depth.setAccessibleName(self.tr("Depth"))
        self.depth.setRange(1, 3)
        self.depth.setValue(2)
        self.depth.setToolTip(self.tr("How many links away from the selection to show"))
        self.depth.valueChanged.connect(lambda _: self._reload(fit=True))
        self.toolbar.addWidget(self.depth)
        self.layout_choice = QComboBox(self)
        self.layout_choice.addItem(self.tr("Force-directed"), FORCE)
        self.layout_choice.addItem(self.tr("Hierarchical (owners above)"), HIERARCHICAL)
        self.layout_choice.currentIndexChanged.connect(lambda _: self.relayout())
        self.toolbar.addWidget(self.layout_choice)
        self.relayout_action = self.toolbar.addAction(self.tr("Re-layout"), self.relayout)
        self.fit_action = self.toolbar.addAction(self.tr("Fit"), self.fit)
        self.fit_action.setToolTip(self.tr("Fit the graph in the view (F)"))
        self.unhide_action = self.toolbar.addAction(self.tr("Show hidden"), self.show_hidden)
        self.unhide_action.setEnabled(False)
        self.export_action = self.toolbar.addAction(self.tr("Export…"), self._export_dialog)
        self.banner = QLabel(self)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setObjectName("networkBanner")
        self.banner.setWordWrap(True)
        font = self.banner.font()
        font.setBold(True)
        self.banner.setFont(font)
        self.canvas = GraphCanvas(self)
        self.canvas.setAccessibleName(self.tr("Network of entities and links"))
        self.legend = QLabel(self.tr("Solid: sourced · Dashed: unsourced · Red: disputed · "
                                     "Bold outline: controls · Dot: pinned"), self)
        self.legend.setTextFormat(Qt.TextFormat.PlainText)
        self.legend.setWordWrap(True)  # a narrow dock wraps it instead of growing wide
        self.legend.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for widget in (self.toolbar, self.banner, self.canvas, self.legend):
            layout.addWidget(widget)
        self.canvas.sig_node_clicked.connect(self._node_clicked)
        self.canvas.sig_node_double_clicked.connect(self.expand)
        self.canvas.sig_node_menu.connect(self._show_menu)
        self.canvas.sig_node_moved.connect(self._node_moved)
        self.canvas.sig_edge_clicked.connect(self._edge_clicked)
        self.canvas.sig_background_clicked.connect(lambda: self._set_selection([]))
        self.canvas.sig_rubber_band.connect(self._rubber_band)
        for keys, slot in (("F", self.fit), ("H", self._hide_selected),
                           ("Escape", lambda: self._set_selection([]))):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self._set_enabled(False)
        self._say(self.tr("Open a case to see its network."))

    def _set_enabled(self, enabled: bool) -> None:
        self.toolbar.setEnabled(enabled)

    def _say(self, text: str) -> None:
        self.banner.setText(text)

    # -- Pane API --------------------------------------------------------------------------
    def set_context(self, context) -> None:
        super().set_context(context)
        self._generation += 1
        self.mode, self.focus, self.expanded, self.hidden = NEIGHBOURHOOD, [], [], set()
        self.selected, self.selected_link, self.drawing = [], None, None
        self._home.clear()
        self.whole_case_action.blockSignals(True)
        self.whole_case_action.setChecked(False)
        self.whole_case_action.blockSignals(False)
        self.canvas.clear_graph()
        self._set_enabled(context is not None)
        if context is None:
            self._say(self.tr("Open a case to see its network."))
            return
        if context.case.read(count_entities, SMALL_CASE_LIMIT + 1) <= SMALL_CASE_LIMIT:
            self.whole_case_action.setChecked(True)  # draws the whole case
            return
        self._say(self.tr("Select an entity to see its neighbourhood, or choose "
                          "“Whole case”."))

    def select_entity(self, entity_id: str) -> None:
        if self.context is None:
            return
        if self.mode == WHOLE_CASE or (self.mode in (CHAIN, PATHS)
                                       and entity_id in self.canvas.nodes):
            self._set_selection([entity_id], announce=False)
            self.canvas.centre_on(entity_id)
            return
        self.mode, self.focus, self.expanded, self.hidden = NEIGHBOURHOOD, [entity_id], [], set()
        self.selected, self._focus_depth = [entity_id], None
        self._reload(fit=True)

    def select_entities(self, entity_ids: list[str]) -> None:
        drawn = set(self.canvas.nodes) | set(self.canvas.overview_ids)
        shown = [e for e in entity_ids if e in drawn]
        if shown or not entity_ids:
            self._set_selection(shown, announce=False)
        elif self.mode == NEIGHBOURHOOD and self.context is not None:
            self.focus, self.expanded, self.selected = list(entity_ids), [], list(entity_ids)
            self._focus_depth = None
            self._reload(fit=True)

    def select_link(self, link_id: str) -> None:
        self.selected_link = link_id
        for edge_id, item in self.canvas.edges.items():
            item.set_state(selected=edge_id == link_id)

    def show_chain(self, entity_id: str) -> None:
        if self.context is None:
            return
        self.mode, self.chain_entity, self.hidden = CHAIN, entity_id, set()
        self.selected = [entity_id]
        self._reload(fit=True)

    def show_paths(self, first_id: str, second_id: str) -> None:
        if self.context is None:
            return
        self.mode, self.path_ends, self.hidden = PATHS, (first_id, second_id), set()
        self.selected = [first_id, second_id]
        self._reload(fit=True)

    def on_changes(self, changes: Changes) -> None:
        if self.context is None or self._own_edit or self.drawing is None:
            return
        shown = set(self.drawing.data.nodes) | set(self.focus) | set(self.hidden)
        if self.chain_entity:
            shown.add(self.chain_entity)
        if (changes.everything or changes.entities & shown
                or changes.links & set(self.drawing.data.edges)):
            self._reload(fit=False)

    # -- loading ---------------------------------------------------------------------------
    @property
    def layout_kind(self) -> str:
        return self.layout_choice.currentData()

    def _loader(self):
        case, as_of = self.context.case, self.context.as_of
        if self.mode == WHOLE_CASE:
            return lambda: loading.load_whole_case(case, as_of)
        if self.mode == CHAIN:
            return lambda: loading.load_chain(case, self.chain_entity, as_of)
        if self.mode == PATHS:
            first, second = self.path_ends
            return lambda: loading.load_paths(case, first, second, as_of)
        depth = self.depth.value() if self._focus_depth is None else self._focus_depth
        focus, expanded = list(self.focus), list(self.expanded)
        return lambda: loading.load_neighbourhood(case, focus, expanded, depth, as_of)

    def _reload(self, fit: bool = False, relayout: bool = False) -> None:
        """Query what the mode shows, lay it out (in a worker when big) and draw it."""
        if self.context is None or (self.mode == NEIGHBOURHOOD and not self.focus):
            return
        self._generation += 1
        generation = self._generation
        self._fit_next = self._fit_next or fit
        keep = {} if relayout else {i: self._home.get(i, (n.pos().x(), n.pos().y()))
                                    for i, n in self.canvas.nodes.items()}
        layout = self.layout_kind
        loader = self._loader()

        def lay_out(drawing: Drawing, progress=NO_PROGRESS) -> Drawing:
            if drawing.needs_layout:
                drawing.positions = loading.place(drawing.data, layout, keep, progress,
                                                  relayout=relayout)
            return drawing

        def done(drawing: Drawing) -> None:
            if generation == self._generation and self.context is not None:
                self._draw(drawing)

        def failed(message: str) -> None:
            if generation == self._generation:
                self._say(message)

        if self.mode == WHOLE_CASE:
            self._say(self.tr("Loading the whole case…"))
            run_task(self, self.tr("Laying out the network…"),
                     lambda progress: lay_out(loader(), progress), done, failed)
            return
        try:
            drawing = loader()
        except (LookupError, ValueError) as error:
            self.drawing = None
            self.canvas.clear_graph()
            self._say(str(error))
            return
        if not drawing.needs_layout or drawing.unplaced(keep) <= SYNC_LAYOUT_LIMIT:
            done(lay_out(drawing))
        else:
            run_task(self, self.tr("Laying out the network…"),
                     lambda progress: lay_out(drawing, progress), done, failed)

    def relayout(self) -> None:
        self._home.clear()
        self._reload(fit=True, relayout=True)

    def _as_of_changed(self, _value) -> None:
        self._reload(fit=False)

    def _whole_case_toggled(self, checked: bool) -> None:
        if checked:
            self.mode = WHOLE_CASE
        else:
            self.mode = NEIGHBOURHOOD
            if not self.focus and self.selected:
                self.focus = [self.selected[0]]
        self._reload(fit=True)

    # -- drawing ---------------------------------------------------------------------------
    def _draw(self, drawing: Drawing) -> None:
        self.drawing = drawing
        self.canvas.clear_graph()
        data = drawing.data
        notes: dict[str, str] = {}
        if drawing.chain is not None:
            notes = {o.id: labels.owner_note(o) for o in drawing.chain.owners}
        if len(data.nodes) > OVERVIEW_LIMIT:
            self._draw_overview(drawing)
            return
        for node_id, node in data.nodes.items():
            if node_id in self.hidden:
                continue
            item = self.canvas.add_node(
                node_id, node.caption, notes.get(node_id, ""),
                icon_path(schema_style(node.schema, node.role)[0]),
                schema_color(node.schema, node.role), drawing.positions[node_id])
            item.set_state(emphasised=node_id in drawing.emphasised,
                           highlighted=node_id in drawing.highlighted_nodes,
                           pinned=node.pinned)
        self.canvas.add_edges([(e.id, e.source_id, e.target_id, labels.edge_label(e),
                                e.sourced, e.disputed) for e in data.edges.values()])
        for link_id in drawing.highlighted_links:
            if link_id in self.canvas.edges:
                self.canvas.edges[link_id].set_state(highlighted=True)
        self._set_selection([s for s in self.selected if s in self.canvas.nodes],
                            announce=False)
        if self.selected_link:
            self.select_link(self.selected_link)
        self.unhide_action.setEnabled(bool(self.hidden))
        self.layout_choice.setEnabled(drawing.mode != CHAIN)
        self._say(self._banner_text(drawing))
        if self._fit_next:
            self._fit_next = False
            self.canvas.fit()
        self.sig_drawn.emit()

    def _draw_overview(self, drawing: Drawing) -> None:
        data = drawing.data
        self.canvas.set_overview(
            [(i, schema_color(n.schema, n.role), drawing.positions[i])
             for i, n in data.nodes.items() if i not in self.hidden],
            [(e.source_id, e.target_id, e.sourced, e.disputed) for e in data.edges.values()])
        self._set_selection([s for s in self.selected if s in data.nodes], announce=False)
        self._say(self._banner_text(drawing) + " — " + self.tr(
            "overview: select an entity to see names, arrows and shares around it"))
        if self._fit_next:
            self._fit_next = False
            self.canvas.fit()
        self.sig_drawn.emit()

    def _as_of_text(self, drawing: Drawing) -> str:
        if drawing.as_of is None:
            return self.tr("as of any date")
        return self.tr("as of %1").replace("%1", drawing.as_of.isoformat())

    def _name(self, entity_id: str) -> str:
        node = self.drawing.data.nodes.get(entity_id) if self.drawing else None
        return node.caption if node else entity_id

    def _banner_text(self, drawing: Drawing) -> str:
        data = drawing.data
        when = self._as_of_text(drawing)
        if drawing.mode == CHAIN:
            if drawing.as_of is None:  # chains without a date leave ended links out
                when = self.tr("(current)")
            chain = drawing.chain
            if not chain.owners:
                return self.tr("%1 has no known owners or controllers %2").replace(
                    "%1", chain.entity_name).replace("%2", when)
            return self.tr("Control chain of %1 %2").replace("%1", chain.entity_name) \
                .replace("%2", when)
        if drawing.mode == PATHS:
            first, second = (self._name(e) for e in drawing.endpoints)
            count = len(drawing.paths or [])
            if count == 0:
                return self.tr("No connecting path between %1 and %2 (up to 6 links, %3)") \
                    .replace("%1", first).replace("%2", second).replace("%3", when)
            text = self.tr("1 path between %1 and %2") if count == 1 else \
                self.tr("%n paths between %1 and %2").replace("%n", str(count))
            return text.replace("%1", first).replace("%2", second)
        counts = self.tr("%1 entities, %2 links").replace("%1", str(len(data.nodes))) \
            .replace("%2", str(len(data.edges)))
        if drawing.mode == WHOLE_CASE:
            text = self.tr("Whole case: %1").replace("%1", counts)
            if data.truncated:
                text += " — " + self.tr("the %1 best connected of %2 entities").replace(
                    "%1", str(len(data.nodes))).replace("%2", str(data.total_nodes))
            return text
        names = ", ".join(self._name(e) for e in self.focus)
        text = self.tr("Around %1: %2").replace("%1", names).replace("%2", counts)
        if data.truncated:
            text += " — " + self.tr("too many neighbours: the outer ring is left out")
        return text

    # -- selection -------------------------------------------------------------------------
    def _set_selection(self, entity_ids: list[str], announce: bool = False) -> None:
        self.selected = list(dict.fromkeys(entity_ids))
        chosen = set(self.selected)
        if self.canvas.overview_ids:
            self.canvas.select_in_overview(self.selected)
        for node_id, item in self.canvas.nodes.items():
            if item.selected != (node_id in chosen):
                item.set_state(selected=node_id in chosen)
        if announce:
            if len(self.selected) == 1:
                self.sig_entity_selected.emit(self.selected[0])
            elif self.selected:
                self.sig_entities_selected.emit(list(self.selected))

    def _node_clicked(self, entity_id: str, add: bool) -> None:
        if add:
            chosen = [e for e in self.selected if e != entity_id]
            if entity_id not in self.selected:
                chosen.append(entity_id)
            self._set_selection(chosen, announce=True)
        else:
            self._set_selection([entity_id], announce=True)

    def _edge_clicked(self, link_id: str) -> None:
        self.select_link(link_id)
        self.sig_link_selected.emit(link_id)

    def _rubber_band(self, rect: QRectF) -> None:
        inside = self.canvas.ids_in(rect)
        self._set_selection(inside, announce=bool(inside))

    # -- node actions ----------------------------------------------------------------------
    def node_menu(self, entity_id: str) -> QMenu:
        """The context menu of a node (built, not shown: tests trigger its actions)."""
        menu = QMenu(self)
        pair = self._path_pair(entity_id)
        menu.addAction(self.tr("Show control chain"),
                       lambda: self.sig_show_chain.emit(entity_id))
        paths = menu.addAction(self.tr("Find connecting paths"),
                               lambda: self.sig_find_paths.emit(*pair))
        paths.setEnabled(pair is not None)
        if pair is None:
            paths.setToolTip(self.tr("Ctrl+click a second entity first"))
        menu.addAction(self.tr("Print evidence summary"),
                       lambda: self.sig_print_summary.emit(entity_id))
        menu.addSeparator()
        menu.addAction(self.tr("Expand"), lambda: self.expand(entity_id))
        menu.addAction(self.tr("Hide"), lambda: self.hide_nodes([entity_id]))
        node = self.drawing.data.nodes.get(entity_id) if self.drawing else None
        pinned = bool(node and node.pinned)
        menu.addAction(self.tr("Unpin") if pinned else self.tr("Pin"),
                       lambda: self.pin(entity_id, not pinned))
        return menu

    def _path_pair(self, entity_id: str) -> tuple[str, str] | None:
        if len(self.selected) == 2 and entity_id in self.selected:
            return self.selected[0], self.selected[1]
        if len(self.selected) == 1 and self.selected[0] != entity_id:
            return self.selected[0], entity_id
        return None

    def _show_menu(self, entity_id: str, where: QPoint) -> None:
        if entity_id not in self.selected:
            self._set_selection([entity_id], announce=True)
        self.node_menu(entity_id).exec(where)

    def expand(self, entity_id: str) -> None:
        if self.context is None:
            return
        if self.mode != NEIGHBOURHOOD:
            # Leave the chain/path figure for a working neighbourhood around what is shown.
            self.focus = list(self.canvas.nodes) or [entity_id]
            self.mode, self._focus_depth = NEIGHBOURHOOD, 0
            self.whole_case_action.blockSignals(True)
            self.whole_case_action.setChecked(False)
            self.whole_case_action.blockSignals(False)
        if entity_id not in self.expanded:
            self.expanded.append(entity_id)
        self.hidden.discard(entity_id)
        self._reload(fit=False)

    def hide_nodes(self, entity_ids: list[str]) -> None:
        self.hidden.update(entity_ids)
        self.selected = [s for s in self.selected if s not in self.hidden]
        if self.drawing is not None:
            self._draw(self.drawing)

    def _hide_selected(self) -> None:
        if self.selected:
            self.hide_nodes(list(self.selected))

    def show_hidden(self) -> None:
        self.hidden.clear()
        if self.drawing is not None:
            self._draw(self.drawing)

    def pin(self, entity_id: str, pinned: bool = True) -> None:
        item = self.canvas.nodes.get(entity_id)
        if item is None or self.context is None:
            return
        x, y = item.pos().x(), item.pos().y()
        label = self.tr("Pin node") if pinned else self.tr("Unpin node")
        self.context.execute(label, lambda tx: set_position(tx, entity_id, x, y, pinned))

    def _node_moved(self, entity_id: str, x: float, y: float) -> None:
        if self.context is None:
            return
        self._own_edit = True
        try:
            command = self.context.execute(self.tr("Move node"),
                                           lambda tx: set_position(tx, entity_id, x, y))
        finally:
            self._own_edit = False
        if command is not None and self.drawing is not None:
            node = self.drawing.data.nodes.get(entity_id)
            if node is not None:
                if node.x is None and entity_id in self.drawing.positions:
                    self._home.setdefault(entity_id, self.drawing.positions[entity_id])
                self.drawing.data.nodes[entity_id] = replace(node, x=x, y=y)
                self.drawing.positions[entity_id] = (x, y)

    # -- view ------------------------------------------------------------------------------
    def fit(self) -> None:
        self.canvas.fit()

    def export(self, path: str) -> bool:
        """Save the view as PNG or SVG (by the file's suffix)."""
        if path.lower().endswith(".svg"):
            return self.canvas.export_svg(path, self.banner.text())
        return self.canvas.export_png(path)

    def _export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export network"), "network.png",
            self.tr("PNG image (*.png);;SVG drawing (*.svg)"))
        if path:
            if self.export(path):
                self.sig_status.emit(self.tr("Network exported to %1").replace("%1", path))
            else:
                self.sig_status.emit(self.tr("Could not write %1").replace("%1", path))

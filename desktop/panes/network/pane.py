"""The network pane: the link chart an investigator reasons with.

By default it shows the neighbourhood of the selected entity; on request the whole case,
the control chain of an entity (owners above, effective shares, controllers in bold) or
the connecting paths between two entities. Every view honours the shared "as of" date.
Reading and layout are in ``loading`` (Qt-free, always run in a worker, so the window never
waits on a query or a layout); drawing is in ``canvas`` and its three batched layers. Every
position drawn is remembered for the open case, so a refresh, an undo or a new "as of" date
adds to the picture instead of redrawing it. The only edits here — moving and pinning
nodes — go through ``context.execute`` and are undoable.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
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
from db.reads.provenance import link_provenance_text
from db.reads.search import search
from db.services.entities import set_position
from desktop.panes.base import Pane
from desktop.panes.network import labels
from desktop.panes.network.banner import banner_text, name_of
from desktop.panes.network.canvas import GraphCanvas
from desktop.panes.network.drawn import EdgeSpec, NodeSpec
from desktop.panes.network.groups import group_specs, is_group, is_group_link
from desktop.shell.icons import icon_path, schema_color, schema_style
from desktop.shell.worker import run_task

# A case this small opens on its whole network, the selection highlighted and centred
# (on the sample, Enertech among South Korea, Rosatom, Renera, JSC Kama, Mosgortrans);
# a bigger one opens on the neighbourhood of the selection. The toolbar toggles either way.
SMALL_CASE_LIMIT = 100
FOCUS_WIDTH = 2_000.0  # scene units across the view after going to an entity


class NetworkPane(Pane):
    sig_drawn = Signal()  # a new drawing is on screen

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.mode = NEIGHBOURHOOD
        self.focus: list[str] = []  # the entities whose neighbourhood is shown
        self.expanded: list[str] = []  # nodes whose neighbours were added
        self.opened_groups: list[str] = []  # groups of a big whole case drawn entity by entity
        self._clustered = None  # the big whole case in groups, while it is current
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
        self._places: dict[str, tuple[float, float]] = {}  # where each node was last drawn
        self._centre_next: str | None = None  # zoom to this entity once it is drawn
        self._open_next: str | None = None  # a group being opened: shown once it is drawn
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
        self.layout_choice.setAccessibleName(self.tr("Layout"))
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
        self.find = QLineEdit(self)
        self.find.setAccessibleName(self.tr("Find in the network"))
        self.find.setPlaceholderText(self.tr("Find in the network…"))
        self.find.setToolTip(self.tr("Type a name and press Enter to go to that entity"))
        self.find.setClearButtonEnabled(True)
        self.find.returnPressed.connect(self._find)
        self.toolbar.addWidget(self.find)
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
        self.canvas.edge_tooltip = self._edge_provenance
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
        self._places.clear()
        self.opened_groups, self._clustered = [], None
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
        clustered = self._clustered if self.mode == WHOLE_CASE else None
        if clustered is not None and entity_id not in self.canvas.nodes \
                and entity_id in clustered.group_of:
            # In a case drawn in groups: open the entity's group and go to it.
            self.opened_groups.append(clustered.group_of[entity_id])
            self.selected, self._centre_next = [entity_id], entity_id
            self._reload(fit=False)
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
        drawn = set(self.canvas.nodes)
        shown = [e for e in entity_ids if e in drawn]
        if shown or not entity_ids:
            self._set_selection(shown, announce=False)
        elif self.mode == NEIGHBOURHOOD and self.context is not None:
            self.focus, self.expanded, self.selected = list(entity_ids), [], list(entity_ids)
            self._focus_depth = None
            self._reload(fit=True)

    def select_link(self, link_id: str) -> None:
        self.selected_link = link_id
        graph = self.canvas.graph
        if graph is not None:
            graph.edge_selected[:] = False
            if link_id in graph.edge_index:
                graph.edge_selected[graph.edge_index[link_id]] = True
            self.canvas.update_layers()

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
        """Redraw after any edit, undo or redo that touches what is drawn — in the whole
        case, any entity or link (a new entity belongs to the whole case)."""
        if self.context is None or self._own_edit:
            return
        if self.drawing is None:
            if self.mode == WHOLE_CASE or self.focus:
                self._reload(fit=True)
            return
        shown = set(self.drawing.data.nodes) | set(self.focus) | set(self.hidden)
        if self.chain_entity:
            shown.add(self.chain_entity)
        if self.mode == WHOLE_CASE and (changes.everything or changes.entities
                                        or changes.links):
            self._clustered = None  # the groups are recomputed with the change
        if (changes.everything or changes.entities & shown
                or changes.links & set(self.drawing.data.edges)
                or (self.mode == WHOLE_CASE and (changes.entities or changes.links))):
            self._reload(fit=False)

    # -- loading ---------------------------------------------------------------------------
    @property
    def layout_kind(self) -> str:
        return self.layout_choice.currentData()

    def _loader(self):
        case, as_of = self.context.case, self.context.as_of
        if self.mode == WHOLE_CASE:
            opened, clustered = list(self.opened_groups), self._clustered
            return lambda: loading.load_whole_case(case, as_of, opened, clustered)
        if self.mode == CHAIN:
            return lambda: loading.load_chain(case, self.chain_entity, as_of)
        if self.mode == PATHS:
            first, second = self.path_ends
            return lambda: loading.load_paths(case, first, second, as_of)
        depth = self.depth.value() if self._focus_depth is None else self._focus_depth
        focus, expanded = list(self.focus), list(self.expanded)
        return lambda: loading.load_neighbourhood(case, focus, expanded, depth, as_of)

    def _reload(self, fit: bool = False, relayout: bool = False) -> None:
        """Query what the mode shows and lay it out in a worker, then draw it.

        Nothing here waits on the case: a selection in a 100,000-entity case returns at
        once and the drawing follows; a newer request makes an older result stale.
        """
        if self.context is None or (self.mode == NEIGHBOURHOOD and not self.focus):
            return
        self._generation += 1
        generation = self._generation
        self._fit_next = self._fit_next or fit
        keep = {} if relayout else {**self._places, **self._home}
        layout = self.layout_kind
        loader = self._loader()
        aspect = max(self.canvas.width(), 100) / max(self.canvas.height(), 100)

        def work(progress=NO_PROGRESS) -> Drawing:
            drawing = loader()
            if drawing.needs_layout:
                drawing.positions = loading.place(drawing.data, layout, keep, progress,
                                                  relayout=relayout, aspect=aspect)
            return drawing

        def done(drawing: Drawing) -> None:
            if generation == self._generation and self.context is not None:
                self._draw(drawing)

        def failed(message: str) -> None:
            if generation == self._generation:
                self.drawing = None
                self.canvas.clear_graph()
                self._say(message)
                self.sig_drawn.emit()

        whole = self.mode == WHOLE_CASE
        if whole:
            self._say(self.tr("Loading the whole case…"))
        run_task(self, self.tr("Laying out the network…"), work, done, failed,
                 show_progress=whole)

    def relayout(self) -> None:
        self._home.clear()
        self._places.clear()
        self._reload(fit=True, relayout=True)

    def _as_of_changed(self, _value) -> None:
        self._reload(fit=False)

    def _whole_case_toggled(self, checked: bool) -> None:
        if checked:
            self.mode = WHOLE_CASE
        else:
            self.mode = NEIGHBOURHOOD
            entities = [e for e in self.selected if not is_group(e)]
            if not self.focus and entities:
                self.focus = [entities[0]]
        self._reload(fit=True)

    # -- drawing ---------------------------------------------------------------------------
    def _draw(self, drawing: Drawing) -> None:
        self.drawing = drawing
        data = drawing.data
        notes: dict[str, str] = {}
        if drawing.chain is not None:
            notes = {o.id: labels.owner_note(o) for o in drawing.chain.owners}
        nodes = [NodeSpec(node_id, node.caption, notes.get(node_id, ""),
                          icon_path(schema_style(node.schema, node.role)[0]),
                          schema_color(node.schema, node.role), drawing.positions[node_id],
                          emphasised=node_id in drawing.emphasised,
                          highlighted=node_id in drawing.highlighted_nodes,
                          pinned=node.pinned)
                 for node_id, node in data.nodes.items() if node_id not in self.hidden]
        edges = [EdgeSpec(e.id, e.source_id, e.target_id, labels.edge_label(e), e.sourced,
                          e.disputed) for e in data.edges.values()]
        self._clustered = drawing.clusters
        if drawing.clusters is not None:
            group_nodes, group_edges = group_specs(drawing.clusters)
            nodes, edges = group_nodes + nodes, group_edges + edges
        self.canvas.set_graph(nodes, edges)
        self._places.update(drawing.positions)
        for link_id in drawing.highlighted_links:
            if link_id in self.canvas.edges:
                self.canvas.edges[link_id].set_state(highlighted=True)
        self._set_selection([s for s in self.selected if s in self.canvas.nodes],
                            announce=False)
        if self.selected_link:
            self.select_link(self.selected_link)
        self.unhide_action.setEnabled(bool(self.hidden))
        self.layout_choice.setEnabled(drawing.mode != CHAIN)
        self._say(banner_text(drawing, self.focus))
        if self._fit_next:
            self._fit_next = False
            self.canvas.fit()
        if self._centre_next in self.canvas.nodes:
            self.canvas.centre_on(self._centre_next, zoom_to=FOCUS_WIDTH)
            self._centre_next = None
        elif self._open_next and drawing.clusters and self._open_next in drawing.clusters.groups:
            self.canvas.show_nodes(drawing.clusters.groups[self._open_next].members)
        self._open_next = None
        self.sig_drawn.emit()

    def _name(self, entity_id: str) -> str:
        return name_of(self.drawing, entity_id)

    # -- selection -------------------------------------------------------------------------
    def _set_selection(self, entity_ids: list[str], announce: bool = False) -> None:
        self.selected = list(dict.fromkeys(entity_ids))
        graph = self.canvas.graph
        if graph is not None:
            graph.selected[:] = False
            graph.selected[[graph.index[e] for e in self.selected if e in graph.index]] = True
            self.canvas.update_layers()
        if announce:
            if len(self.selected) == 1:
                self.sig_entity_selected.emit(self.selected[0])
            elif self.selected:
                self.sig_entities_selected.emit(list(self.selected))

    def _node_clicked(self, entity_id: str, add: bool) -> None:
        if is_group(entity_id):  # a group is no entity: nothing to tell the other panes
            self._set_selection([entity_id], announce=False)
            self.sig_status.emit(self.tr("Double-click a group to open it"))
            return
        if add:
            chosen = [e for e in self.selected if e != entity_id]
            if entity_id not in self.selected:
                chosen.append(entity_id)
            self._set_selection(chosen, announce=True)
        else:
            self._set_selection([entity_id], announce=True)

    def _edge_provenance(self, link_id: str) -> str:
        """Hovering a link: whose it and its claims are (one small read)."""
        if self.context is None or is_group_link(link_id):
            return ""
        return self.context.case.read(link_provenance_text, link_id, self.context.case.author)

    def _edge_clicked(self, link_id: str) -> None:
        if is_group_link(link_id):
            return
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
        if is_group(entity_id):
            return
        if entity_id not in self.selected:
            self._set_selection([entity_id], announce=True)
        self.node_menu(entity_id).exec(where)

    def expand(self, entity_id: str) -> None:
        if self.context is None:
            return
        if is_group(entity_id):  # open a group of the whole case where it stands
            if entity_id not in self.opened_groups:
                self.opened_groups.append(entity_id)
            self._open_next = entity_id
            self._reload(fit=False)
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
                self._places[entity_id] = (x, y)

    def _find(self) -> None:
        """Search-to-focus: the best entity match, selected everywhere and centred here."""
        text = self.find.text().strip()
        if self.context is None or not text:
            return
        hits = [h for h in self.context.case.read(search, text, 20) if h.kind == "entity"]
        if not hits:
            self.sig_status.emit(self.tr("No entity matches “%1”").replace("%1", text))
            return
        self.select_entity(hits[0].id)
        self.sig_entity_selected.emit(hits[0].id)

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

"""The owners of an entity as a tree: owner → (path →) step → the claims behind it.

Top-level rows are owners with their effective share, control and ultimate flags; under
each owner, the steps of its paths to the entity; under each step, the claims that
support or contradict it — or a red "UNSOURCED" row when none supports it, so a weak link
in a chain is never hidden behind a confident percentage.

Everything is built when the view asks for it (``canFetchMore``/``fetchMore``): owners a
batch at a time as the list scrolls (a last row says how many are left), an owner's paths
when it is expanded. Paths already searched (the pane searches the first owners' on the
worker) appear at once; others are asked for with ``sig_paths_wanted`` and shown as
"Searching paths…" until ``set_paths`` brings them. After an owner's paths a row says
what is not listed: "and 1,234 more paths", "and more paths", or that the search stopped.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from db.analysis import COUNT_CAP, ChainStep, OwnerShare, PathList
from db.reads.chain_load import ChainData
from db.reads.queries import Citation
from desktop.shell.icons import icon, schema_icon

OWNER, PATH, STEP, CLAIM, UNSOURCED = "owner", "path", "step", "claim", "unsourced"
MORE, PENDING = "more", "pending"  # "and N more …" rows; "Searching paths…"
OWNER_BATCH = 100  # owner rows added per fetch as the list scrolls

KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # one of the kinds above
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # entity id (owner), link id (step), claim id (claim)
SPAN_ROLE = Qt.ItemDataRole.UserRole + 3  # claim: (document id, span start, span end)

EXCERPT_CHARS = 140  # longer excerpts are elided in the row; the tooltip has them whole
UNSOURCED_COLOR = QColor("#c62828")
CONTRADICT_COLOR = QColor("#e65100")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChainTreeModel", text)


def _plain_tooltip(lines: list[str]) -> str:
    # Qt guesses whether a tooltip is HTML; data such as "<b>Evil</b>" must show literally.
    return "<p>" + "<br>".join(html.escape(line) for line in lines) + "</p>"


def elide(text: str, limit: int = EXCERPT_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


@dataclass
class Node:
    kind: str
    parent: Node | None
    columns: list[str]
    payload: Any = None
    children: list[Node] = field(default_factory=list)
    row: int = 0
    filled: bool = True  # False: an owner whose paths are not yet in the tree

    def add(self, child: Node) -> Node:
        child.row = len(self.children)
        self.children.append(child)
        return child


class ChainTreeModel(QAbstractItemModel):
    NAME, SHARE, CONTROLS, ULTIMATE, DIRECT = range(5)
    HEADERS = ("Owner", "Effective share", "Controls", "Ultimate", "Held")

    sig_paths_wanted = Signal(str)  # owner id: search its paths (off the GUI thread)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._root = Node("root", None, [])
        self.data_: ChainData | None = None
        self._shown = 0  # owners in the tree so far
        # False (a model on its own): every owner's paths are searched as it is added.
        self.search_in_background = False

    # -- filling ------------------------------------------------------------------------------
    def set_chain(self, data: ChainData | None) -> None:
        self.beginResetModel()
        self.data_ = data
        self._root = Node("root", None, [])
        self._shown = 0
        if data is not None:
            self._add_owners(OWNER_BATCH)
        self.endResetModel()

    def owners_left(self) -> int:
        return len(self.data_.result.owners) - self._shown if self.data_ else 0

    def _add_owners(self, count: int) -> None:
        """The next ``count`` owners, then the "and N more owners" row if some are left."""
        assert self.data_ is not None
        children = self._root.children
        if children and children[-1].kind == MORE:
            children.pop()
        for owner in self.data_.result.owners[self._shown:self._shown + count]:
            self._add_owner(owner)
        self._shown = min(self._shown + count, len(self.data_.result.owners))
        left = self.owners_left()
        if left:
            self._root.add(Node(MORE, self._root, [_tr(
                "… and {count} more owners (scroll down to list them)").format(
                    count=f"{left:,}")]))

    def _add_owner(self, owner: OwnerShare) -> None:
        share = owner.share_text
        node = self._root.add(Node(OWNER, self._root, [
            owner.name, share, "✓" if owner.controls else "", "✓" if owner.ultimate else "",
            _tr("directly") if owner.direct else _tr("indirectly")], owner, filled=False))
        if not self.search_in_background:  # a model on its own builds everything now
            self._fill_owner(node, owner.path_list())

    def _fill_owner(self, node: Node, listing: PathList) -> None:
        """An owner's paths (their steps and claims) and what is not listed."""
        assert self.data_ is not None
        node.children = []
        paths = listing.paths
        for number, path in enumerate(paths, 1):
            parent = node
            if len(paths) > 1:
                names = " → ".join(self.data_.name(e) for e in path)
                parent = node.add(Node(PATH, node, [_tr("Path {n}: {names}").format(
                    n=number, names=names)], path))
            for source, target in zip(path, path[1:], strict=False):
                for step in self.data_.result.links_between(source, target):
                    self._add_step(parent, step)
        more = more_paths_text(listing)
        if more:
            node.add(Node(MORE, node, [more], listing))
        node.filled = True

    def set_paths(self, owner_id: str, listing: PathList) -> None:
        """The paths searched on the worker for an owner shown as "Searching paths…"."""
        for node in self._root.children:
            if node.kind == OWNER and node.payload.id == owner_id and not node.filled:
                parent = self.createIndex(node.row, 0, node)
                if node.children:
                    self.beginRemoveRows(parent, 0, len(node.children) - 1)
                    node.children = []
                    self.endRemoveRows()
                self._insert_paths(parent, node, listing)
                return

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        if not parent.isValid():
            return self.owners_left() > 0
        node = self._node(parent)
        return node.kind == OWNER and not node.filled and not node.children

    def fetchMore(self, parent=QModelIndex()) -> None:
        if not parent.isValid():
            if self.owners_left() <= 0:
                return
            first = len(self._root.children) - 1  # the "and N more" row is replaced
            self.beginRemoveRows(QModelIndex(), first, first)
            self._root.children.pop()
            self.endRemoveRows()
            before = len(self._root.children)
            probe_count = min(OWNER_BATCH, self.owners_left()) + (
                1 if self.owners_left() > OWNER_BATCH else 0)
            self.beginInsertRows(QModelIndex(), before, before + probe_count - 1)
            self._add_owners(OWNER_BATCH)
            self.endInsertRows()
            return
        node = self._node(parent)
        if node.kind != OWNER or node.filled or node.children:
            return
        owner: OwnerShare = node.payload
        listing = owner.chain_paths.listed(owner.id) if owner.chain_paths else None
        if listing is None:
            self.beginInsertRows(parent, 0, 0)
            node.add(Node(PENDING, node, [_tr("Searching paths…")]))
            self.endInsertRows()
            self.sig_paths_wanted.emit(owner.id)
            return
        self._insert_paths(parent, node, listing)

    def _insert_paths(self, parent: QModelIndex, node: Node, listing: PathList) -> None:
        probe = Node(OWNER, None, [], node.payload)
        self._fill_owner(probe, listing)
        node.filled = True
        if not probe.children:
            return
        self.beginInsertRows(parent, 0, len(probe.children) - 1)
        for child in probe.children:
            child.parent = node
        node.children = probe.children
        self.endInsertRows()

    def hasChildren(self, parent=QModelIndex()) -> bool:
        node = self._node(parent)
        if node.kind == OWNER and not node.filled:
            return True
        return bool(node.children) and (not parent.isValid() or parent.column() == 0)

    def _add_step(self, parent: Node, step: ChainStep) -> None:
        data = self.data_
        assert data is not None
        parts = [f"{data.name(step.source_id)} → {data.name(step.target_id)}",
                 QCoreApplication.translate("LinkSchema", step.schema)]
        stake = step.stake.text(step.schema)
        if stake:
            parts.append(stake)
        if _disputed(step):
            parts.append(_tr("DISPUTED — colleagues state different stakes"))
        node = parent.add(Node(STEP, parent, [" · ".join(parts)], step))
        for citation in step.citations:
            node.add(Node(CLAIM, node, [self._claim_text(citation)], citation))
        if step.unsourced:
            node.add(Node(UNSOURCED, node, [_tr("UNSOURCED — no claim supports this step")],
                          step))

    @staticmethod
    def _claim_text(citation: Citation) -> str:
        text = _tr("“{excerpt}” — {grade}").format(excerpt=elide(citation.excerpt),
                                                    grade=citation.grade)
        if citation.source_name:
            text += f" · {citation.source_name}"
        if citation.status == "disputed":
            text += " · " + _tr("disputed")
        if citation.provenance.author:
            text += " · " + _tr("by {who}").format(who=citation.provenance.badge())
        if citation.stance == "contradicts":
            text = _tr("Contradicts: {claim}").format(claim=text)
        return text

    # -- QAbstractItemModel ---------------------------------------------------------------------
    def _node(self, index: QModelIndex | QPersistentModelIndex) -> Node:
        return index.internalPointer() if index.isValid() else self._root

    def index(self, row: int, column: int, parent=QModelIndex()) -> QModelIndex:
        node = self._node(parent)
        if not (0 <= row < len(node.children) and 0 <= column < len(self.HEADERS)):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index=QModelIndex()):
        if not index.isValid():
            return QModelIndex()
        parent = self._node(index).parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row, 0, parent)

    def rowCount(self, parent=QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent=QModelIndex()) -> int:
        return len(self.HEADERS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(self.HEADERS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node = self._node(index)
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return node.columns[column] if column < len(node.columns) else None
        if role == KIND_ROLE:
            return node.kind
        if role == ID_ROLE:
            return self._id(node)
        if role == SPAN_ROLE and node.kind == CLAIM:
            c: Citation = node.payload
            return (c.document_id, c.span_start, c.span_end)
        if role == Qt.ItemDataRole.DecorationRole and column == self.NAME:
            return self._icon(node)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node)
        if role == Qt.ItemDataRole.FontRole:
            if node.kind in (MORE, PENDING):
                font = QFont()
                font.setItalic(True)
                return font
            if node.kind == OWNER and node.payload.controls:
                font = QFont()
                font.setBold(True)
                return font
            if node.kind == UNSOURCED:
                font = QFont()
                font.setBold(True)
                return font
        if role == Qt.ItemDataRole.ForegroundRole:
            if node.kind == UNSOURCED or (node.kind == STEP and _disputed(node.payload)) \
                    or (node.kind == CLAIM and node.payload.status == "disputed"):
                return QBrush(UNSOURCED_COLOR)
            if node.kind == MORE and isinstance(node.payload, PathList) and node.payload.stopped:
                return QBrush(CONTRADICT_COLOR)
            if node.kind == CLAIM and node.payload.stance == "contradicts":
                return QBrush(CONTRADICT_COLOR)
        if role == Qt.ItemDataRole.TextAlignmentRole and node.kind == OWNER and column in (
                self.SHARE, self.CONTROLS, self.ULTIMATE):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- helpers ---------------------------------------------------------------------------------
    @staticmethod
    def _id(node: Node) -> str | None:
        if node.kind == OWNER:
            return node.payload.id
        if node.kind in (STEP, UNSOURCED):
            return node.payload.link_id
        if node.kind == CLAIM:
            return node.payload.claim_id
        return None

    def _icon(self, node: Node):
        if node.kind == OWNER:
            roles = self.data_.roles if self.data_ else {}
            return schema_icon(node.payload.schema, roles.get(node.payload.id))
        if node.kind == STEP:
            return icon("link")
        if node.kind == CLAIM:
            return icon("claim")
        return None

    @staticmethod
    def _tooltip(node: Node) -> str | None:
        if node.kind == CLAIM:
            c: Citation = node.payload
            lines = [c.excerpt, "", _tr("Grade {grade}").format(grade=c.grade)]
            if c.source_name:
                lines.append(_tr("Source: {name}").format(name=c.source_name))
            lines.append(_tr("Document: {title}").format(title=c.document_title))
            if c.provenance.author:
                lines.append(c.provenance.text())
            lines.append(_tr("Click to open the quote in its document"))
            return _plain_tooltip(lines)
        if node.kind == OWNER:
            return _plain_tooltip([_tr("Click to select {name}; paths and claims below").format(
                name=node.payload.name)])
        return _plain_tooltip(node.columns[:1])

    def iter_nodes(self, parent: QModelIndex | None = None, fetch: bool = True):
        """Every index of column 0, depth first (for tests and for finding a row).

        ``fetch``: build what is not built yet on the way (owners' paths included);
        False walks only the rows already in the tree."""
        parent = parent or QModelIndex()
        if fetch and parent.isValid() and self.canFetchMore(parent):
            self.fetchMore(parent)
        for row in range(self.rowCount(parent)):
            index = self.index(row, 0, parent)
            yield index
            yield from self.iter_nodes(index, fetch)


def more_paths_text(listing: PathList) -> str:
    """What an owner's listed paths leave out; "" when they are all there."""
    if listing.stopped:
        return _tr("Search stopped before the end: {count} path(s) found so far, more may "
                   "exist").format(count=len(listing.paths))
    if not listing.truncated:
        return ""
    if listing.more is None:
        return _tr("… and more paths, not counted (they run through circular holdings)")
    if listing.more >= COUNT_CAP:
        return _tr("… and more than {count} more paths").format(count=f"{COUNT_CAP:,}")
    return _tr("… and {count} more paths").format(count=f"{listing.more:,}")


def _disputed(step: ChainStep) -> bool:
    """Colleagues' claims disagree on this step (a merge found different stakes)."""
    return any(c.status == "disputed" for c in step.citations if c.stance == "supports")

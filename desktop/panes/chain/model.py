"""The owners of an entity as a tree: owner → (path →) step → the claims behind it.

Top-level rows are owners with their effective share, control and ultimate flags; under
each owner, the steps of its paths to the entity; under each step, the claims that
support or contradict it — or a red "UNSOURCED" row when none supports it, so a weak link
in a chain is never hidden behind a confident percentage.
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
)
from PySide6.QtGui import QBrush, QColor, QFont

from db.analysis import ChainStep, OwnerShare
from db.reads.chain_load import ChainData
from db.reads.queries import Citation
from desktop.shell.icons import icon, schema_icon

OWNER, PATH, STEP, CLAIM, UNSOURCED = "owner", "path", "step", "claim", "unsourced"

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

    def add(self, child: Node) -> Node:
        child.row = len(self.children)
        self.children.append(child)
        return child


class ChainTreeModel(QAbstractItemModel):
    NAME, SHARE, CONTROLS, ULTIMATE, DIRECT = range(5)
    HEADERS = ("Owner", "Effective share", "Controls", "Ultimate", "Held")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._root = Node("root", None, [])
        self.data_: ChainData | None = None

    # -- filling ------------------------------------------------------------------------------
    def set_chain(self, data: ChainData | None) -> None:
        self.beginResetModel()
        self.data_ = data
        self._root = Node("root", None, [])
        if data is not None:
            for owner in data.result.owners:
                self._add_owner(data, owner)
        self.endResetModel()

    def _add_owner(self, data: ChainData, owner: OwnerShare) -> None:
        share = owner.share_text
        node = self._root.add(Node(OWNER, self._root, [
            owner.name, share, "✓" if owner.controls else "", "✓" if owner.ultimate else "",
            _tr("directly") if owner.direct else _tr("indirectly")], owner))
        paths = owner.paths
        for number, path in enumerate(paths, 1):
            parent = node
            if len(paths) > 1:
                names = " → ".join(data.name(e) for e in path)
                parent = node.add(Node(PATH, node, [_tr("Path {n}: {names}").format(
                    n=number, names=names)], path))
            for source, target in zip(path, path[1:], strict=False):
                for step in data.result.links_between(source, target):
                    self._add_step(data, parent, step)

    def _add_step(self, data: ChainData, parent: Node, step: ChainStep) -> None:
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

    def iter_nodes(self, parent: QModelIndex | None = None):
        """Every index of column 0, depth first (for spanning rows and for tests)."""
        parent = parent or QModelIndex()
        for row in range(self.rowCount(parent)):
            index = self.index(row, 0, parent)
            yield index
            yield from self.iter_nodes(index)


def _disputed(step: ChainStep) -> bool:
    """Colleagues' claims disagree on this step (a merge found different stakes)."""
    return any(c.status == "disputed" for c in step.citations if c.stance == "supports")

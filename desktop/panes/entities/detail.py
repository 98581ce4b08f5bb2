"""The detail of one entity: who it is, its links in and out, and the claims behind them.

Every list here is a small Qt table model over ``db.reads.entity_list.EntityDetail``.
A link without a supporting claim says UNSOURCED; a claim is one click from its quote
(``sig_claim_clicked`` carries the document and span); a counterpart one click from its
own detail.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.reads.entity_list import EntityDetail, LinkLine
from db.reads.queries import Citation
from db.schemata import INTERNAL_PROPERTIES
from db.wording import property_label, schema_text
from desktop.shell.icons import origin_badge, schema_icon

IdRole = Qt.ItemDataRole.UserRole + 1
UNSOURCED_COLOR = QColor("#c62828")


class PropertiesModel(QAbstractTableModel):
    COL_PROPERTY, COL_VALUE = range(2)
    _HIDDEN = {"name"} | INTERNAL_PROPERTIES
    # Where the entity's data came from (FtM statement metadata), shown last.
    _PROVENANCE = {"ftmDatasets": "datasets", "ftmFirstSeen": "first seen",
                   "ftmLastSeen": "last seen", "ftmLastChange": "last changed",
                   "mergedIds": "also known as (ids)"}

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[tuple[str, str]] = []

    def set_detail(self, detail: EntityDetail | None) -> None:
        self.beginResetModel()
        self._rows = []
        if detail is not None:
            # the caption is the title; the other names (an FtM caption may not be
            # the first name: an old name can come first) are listed
            names = [n for n in detail.properties.get("name", []) if n != detail.caption]
            if names:
                self._rows.append((property_label("name"), "; ".join(names)))
            self._rows += [(property_label(key), "; ".join(values))
                           for key, values in detail.properties.items()
                           if key not in self._HIDDEN and key not in self._PROVENANCE and values]
            self._rows += [(self.tr(label), "; ".join(detail.properties[key]))
                           for key, label in self._PROVENANCE.items()
                           if detail.properties.get(key)]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Property"), self.tr("Value"))[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._rows[index.row()][index.column()]
        return None


class LinksModel(QAbstractTableModel):
    COL_COUNTERPART, COL_RELATIONSHIP, COL_EVIDENCE, COL_SHARE, COL_DATES, COL_BY = range(6)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.lines: list[LinkLine] = []

    def set_detail(self, detail: EntityDetail | None) -> None:
        self.beginResetModel()
        self.lines = list(detail.links) if detail else []
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("With"), self.tr("Relationship"), self.tr("Evidence"),
                    self.tr("Share"), self.tr("Dates"), self.tr("By"))[section]
        return None

    def evidence(self, line: LinkLine) -> str:
        if not line.supporting:
            text = self.tr("UNSOURCED")
        else:
            text = f"{line.best_source or self.tr('unknown source')}, {line.best_grade}"
            if line.supporting > 1:
                text += self.tr(" (+{n} more)").format(n=line.supporting - 1)
        if line.contradicting:
            text += self.tr(" · {n} contradicting").format(n=line.contradicting)
        if line.disputed:
            text += self.tr(" · DISPUTED")
        return text

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self.lines[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.COL_COUNTERPART:
                return ("→ " if line.outgoing else "← ") + line.counterpart
            if column == self.COL_RELATIONSHIP:
                if role == Qt.ItemDataRole.ToolTipRole and line.role:
                    return f"{line.label} ({line.role})"
                return line.label
            if column == self.COL_SHARE:
                return line.stake.holding_text(line.schema, missing="")
            if column == self.COL_DATES:
                return line.stake.period_text()
            if column == self.COL_EVIDENCE:
                return self.evidence(line)
            if column == self.COL_BY:
                if role == Qt.ItemDataRole.ToolTipRole:
                    return "\n".join(line.by_text)
                return ", ".join(line.by)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COL_EVIDENCE \
                and (not line.supporting or line.contradicting or line.disputed):
            return UNSOURCED_COLOR
        if role == Qt.ItemDataRole.FontRole and column == self.COL_COUNTERPART:
            font = QFont()
            font.setUnderline(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and column == self.COL_COUNTERPART:
            return None
        if role == IdRole:
            return line.link_id
        return None


class ClaimsModel(QAbstractTableModel):
    COL_GRADE, COL_EXCERPT, COL_SOURCE, COL_ABOUT, COL_BY = range(5)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.citations: list[Citation] = []
        self.about: dict[str, str] = {}
        self.me = ""

    def set_detail(self, detail: EntityDetail | None) -> None:
        self.beginResetModel()
        self.citations = list(detail.claims) if detail else []
        self.about = dict(detail.claim_about) if detail else {}
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.citations)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Grade"), self.tr("Excerpt"), self.tr("Source"),
                    self.tr("About"), self.tr("By"))[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        citation = self.citations[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (citation.grade, f"“{citation.excerpt}”",
                    citation.source_name or self.tr("unknown source"),
                    self.about.get(citation.claim_id, ""),
                    citation.provenance.badge())[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{excerpt}\n— {title}, {grade}\n{whose}").format(
                excerpt=citation.excerpt, title=citation.document_title, grade=citation.grade,
                whose=citation.provenance.text(self.me))
        if role == Qt.ItemDataRole.DecorationRole and column == self.COL_BY:
            return origin_badge(citation.provenance.key)
        if role == IdRole:
            return citation.claim_id
        return None


def _table(model: QAbstractTableModel, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(22)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setHighlightSections(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    return view


def _section(title: str) -> QLabel:
    label = QLabel(title)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class EntityDetailWidget(QWidget):
    sig_entity_clicked = Signal(str)
    sig_link_clicked = Signal(str)
    sig_claim_clicked = Signal(str, str, int, int)  # claim, document, start, end
    sig_edit_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.entity_id: str | None = None
        self.icon_label = QLabel()
        self.title = QLabel()
        self.title.setObjectName("entity_title")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("entity_subtitle")
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(
            lambda: self.entity_id and self.sig_edit_requested.emit(self.entity_id))
        self.title.setMinimumWidth(60)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        title_row = QHBoxLayout()
        title_row.addWidget(self.icon_label)
        title_row.addWidget(self.title, 1)
        header = QVBoxLayout()
        header.setSpacing(0)
        header.addLayout(title_row)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.subtitle, 1)
        kind_row.addWidget(self.edit_button)
        header.addLayout(kind_row)

        self.properties_model = PropertiesModel(self)
        self.links_model = LinksModel(self)
        self.claims_model = ClaimsModel(self)
        self.properties_view = _table(self.properties_model, "detail_properties")
        self.properties_view.setAccessibleName(self.tr("Properties"))
        self.properties_view.horizontalHeader().hide()
        self.links_view = _table(self.links_model, "detail_links")
        self.links_view.setAccessibleName(self.tr("Links"))
        self.claims_view = _table(self.claims_model, "detail_claims")
        self.claims_view.setAccessibleName(self.tr("Claims"))
        self.links_view.clicked.connect(self._link_clicked)
        self.claims_view.clicked.connect(self._claim_clicked)
        self.links_label = _section(self.tr("Links"))
        self.claims_label = _section(self.tr("Claims"))

        splitter = QSplitter(Qt.Orientation.Vertical)
        for label, view in ((None, self.properties_view), (self.links_label, self.links_view),
                            (self.claims_label, self.claims_view)):
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 2, 0, 0)
            column.setSpacing(2)
            if label is not None:
                column.addWidget(label)
            column.addWidget(view)
            splitter.addWidget(box)
        splitter.setSizes([60, 200, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(header)
        layout.addWidget(splitter, 1)

    def show_pending(self, entity_id: str, caption: str, schema: str,
                     role: str | None) -> None:
        """The entity's name and kind at once (known from the list), its properties, links
        and claims when they are read (``show_detail``)."""
        self.show_detail(None)
        self.entity_id = entity_id
        self.title.setText(caption)
        self.subtitle.setText(f"{schema} · {role}" if role else schema)
        self.icon_label.setPixmap(schema_icon(schema, role).pixmap(22, 22))
        self.links_label.setText(self.tr("Links (reading…)"))
        self.claims_label.setText(self.tr("Claims (reading…)"))
        self.edit_button.setEnabled(True)

    def show_detail(self, detail: EntityDetail | None) -> None:
        self.entity_id = detail.id if detail else None
        self.title.setText(detail.caption if detail else "")
        if detail is None:
            self.subtitle.setText("")
            self.icon_label.clear()
        else:
            self.subtitle.setText(schema_text(detail.schema, detail.role))
            self.icon_label.setPixmap(schema_icon(detail.schema, detail.role).pixmap(22, 22))
        for model in (self.properties_model, self.links_model, self.claims_model):
            model.set_detail(detail)
        count = len(detail.links) if detail else 0
        unsourced = sum(1 for line in (detail.links if detail else ()) if not line.supporting)
        self.links_label.setText(self.tr("Links ({n}, {u} unsourced)").format(n=count, u=unsourced)
                                 if unsourced else self.tr("Links ({n})").format(n=count))
        self.claims_label.setText(self.tr("Claims ({n})").format(
            n=len(detail.claims) if detail else 0))
        self.edit_button.setEnabled(detail is not None)
        for view, widths in ((self.links_view, (100, 190, 170, 150, 90)),
                             (self.claims_view, (46, 300, 150, 200))):
            for column, width in enumerate(widths):
                view.setColumnWidth(column, width)
        self.properties_view.setColumnWidth(0, 140)
        shown = max(1, min(self.properties_model.rowCount(), 5))
        self.properties_view.setMaximumHeight(shown * 22 + 4)

    def _link_clicked(self, index: QModelIndex) -> None:
        line = self.links_model.lines[index.row()]
        if index.column() == LinksModel.COL_COUNTERPART:
            self.sig_entity_clicked.emit(line.counterpart_id)
        else:
            self.sig_link_clicked.emit(line.link_id)

    def _claim_clicked(self, index: QModelIndex) -> None:
        citation = self.claims_model.citations[index.row()]
        self.sig_claim_clicked.emit(citation.claim_id, citation.document_id,
                                    citation.span_start, citation.span_end)

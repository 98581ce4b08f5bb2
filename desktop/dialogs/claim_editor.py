"""Edit a claim: its statement and grade, and what it supports or contradicts.

A claim is attached to a link (pick the two entities, then the link between them) or to
an entity fact (entity, property, value), as supporting or contradicting; attachments
can be removed. Everything done in the dialog is one undoable command when OK is pressed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.reads import claim_list
from db.schemata import CLAIM_STATUSES, CREDIBILITY_GRADES, ENTITY_PROPERTIES, RELIABILITY_GRADES
from db.services import evidence
from desktop.shell.context import CaseContext
from desktop.shell.icons import origin_badge
from desktop.widgets.entity_picker import EntityPicker


@dataclass
class Attachment:
    """A row of the "attached to" list: existing (target_id) or to be added (kwargs)."""

    stance: str
    text: str
    target_id: str | None = None
    new: dict[str, Any] | None = None


class AttachmentsModel(QAbstractTableModel):
    COL_STANCE, COL_WHAT = range(2)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.rows: list[Attachment] = []

    def set_rows(self, rows: list[Attachment]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def add(self, row: Attachment) -> None:
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
        self.rows.append(row)
        self.endInsertRows()

    def remove(self, position: int) -> Attachment:
        self.beginRemoveRows(QModelIndex(), position, position)
        row = self.rows.pop(position)
        self.endRemoveRows()
        return row

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Stance"), self.tr("Attached to"))[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self.rows[index.row()]
        if index.column() == self.COL_STANCE:
            return self.tr(row.stance) + (self.tr(" (new)") if row.new else "")
        return row.text


class ClaimEditorDialog(QDialog):
    def __init__(self, context: CaseContext, claim_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.claim_id = claim_id
        self._detached: list[str] = []
        self.setWindowTitle(self.tr("Edit Claim"))
        self.setMinimumWidth(620)
        rows = context.case.read(claim_list.claim_rows, [claim_id])
        targets = context.case.read(claim_list.target_texts, [claim_id]).get(claim_id, [])
        if not rows:
            raise LookupError(f"no claim with id {claim_id}")
        self.row = row = rows[0]

        excerpt = QLabel(f"“{row.excerpt}”")
        excerpt.setObjectName("claim_excerpt")
        excerpt.setTextFormat(Qt.TextFormat.PlainText)
        excerpt.setWordWrap(True)
        font = excerpt.font()
        font.setItalic(True)
        excerpt.setFont(font)
        where = QLabel(self.tr("— {source}, in “{document}”").format(
            source=row.source or self.tr("unknown source"), document=row.document))
        where.setTextFormat(Qt.TextFormat.PlainText)
        where.setWordWrap(True)
        self.whose = QLabel(row.provenance.text(context.case.author))
        self.whose.setObjectName("claim_provenance")
        self.whose.setTextFormat(Qt.TextFormat.PlainText)
        self.whose.setWordWrap(True)
        # The origin badge: the same colour as in the claims table's By column.
        self.whose_badge = QLabel()
        self.whose_badge.setPixmap(origin_badge(row.provenance.key).pixmap(12, 12))

        self.statement = QPlainTextEdit(row.statement)
        self.statement.setObjectName("claim_statement")
        self.statement.setFixedHeight(56)
        self.credibility = QComboBox()
        self.credibility.setObjectName("claim_credibility")
        for grade, text in CREDIBILITY_GRADES.items():
            self.credibility.addItem(f"{grade} — {self.tr(text)}", grade)
        self.credibility.setCurrentIndex(self.credibility.findData(row.credibility))
        self.reliability = QComboBox()
        self.reliability.setObjectName("claim_reliability")
        source_grade = row.reliability if row.reliability_override is None else None
        self.reliability.addItem(self.tr("From the source ({grade})").format(
            grade=source_grade or "…") if source_grade else self.tr("From the source"), None)
        for grade, text in RELIABILITY_GRADES.items():
            self.reliability.addItem(f"{grade} — {self.tr(text)}", grade)
        self.reliability.setCurrentIndex(max(0, self.reliability.findData(
            row.reliability_override)) if row.reliability_override else 0)
        self.status = QComboBox()
        self.status.setObjectName("claim_status")
        for status in CLAIM_STATUSES:
            self.status.addItem(self.tr(status), status)
        self.status.setCurrentIndex(self.status.findData(row.status))
        form = QFormLayout()
        form.addRow(self.tr("&Statement:"), self.statement)
        form.addRow(self.tr("&Credibility:"), self.credibility)
        form.addRow(self.tr("&Reliability:"), self.reliability)
        form.addRow(self.tr("S&tatus:"), self.status)

        self.attachments = AttachmentsModel(self)
        self.attachments.set_rows([Attachment(t.stance, t.text, target_id=t.id) for t in targets])
        self.attachments_view = QTableView()
        self.attachments_view.setObjectName("claim_attachments")
        self.attachments_view.setAccessibleName(self.tr("What the claim supports or contradicts"))
        self.attachments_view.setModel(self.attachments)
        self.attachments_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.attachments_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.attachments_view.verticalHeader().hide()
        self.attachments_view.horizontalHeader().setStretchLastSection(True)
        self.attachments_view.setColumnWidth(0, 110)
        self.attachments_view.setFixedHeight(110)
        self.detach_button = QPushButton(self.tr("&Detach"))
        self.detach_button.setObjectName("claim_detach")
        self.detach_button.clicked.connect(self.detach_selected)

        self.attach_box = self._build_attach_box()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(excerpt)
        layout.addWidget(where)
        whose = QHBoxLayout()
        whose.addWidget(self.whose_badge)
        whose.addWidget(self.whose, 1)
        layout.addLayout(whose)
        layout.addLayout(form)
        attached = QHBoxLayout()
        attached.addWidget(self.attachments_view, 1)
        attached.addWidget(self.detach_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(QLabel(self.tr("Supports or contradicts:")))
        layout.addLayout(attached)
        layout.addWidget(self.attach_box)
        layout.addWidget(buttons)

    # -- attaching --------------------------------------------------------------------------------
    def _build_attach_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Attach to"))
        self.stance = QComboBox()
        self.stance.setObjectName("attach_stance")
        self.stance.setAccessibleName(self.tr("Supports or contradicts"))
        self.stance.addItem(self.tr("supports"), "supports")
        self.stance.addItem(self.tr("contradicts"), "contradicts")
        self.kind = QComboBox()
        self.kind.setObjectName("attach_kind")
        self.kind.setAccessibleName(self.tr("Attach to what"))
        self.kind.addItem(self.tr("a link between two entities"), "link")
        self.kind.addItem(self.tr("a fact about an entity"), "fact")
        top = QHBoxLayout()
        top.addWidget(self.stance)
        top.addWidget(self.kind, 1)

        self.first = EntityPicker(self.context)
        self.first.setObjectName("attach_first")
        self.second = EntityPicker(self.context)
        self.second.setObjectName("attach_second")
        self.link = QComboBox()
        self.link.setObjectName("attach_link")
        self.first.sig_entity_changed.connect(self._refill_links)
        self.second.sig_entity_changed.connect(self._refill_links)
        link_page = QWidget()
        link_form = QFormLayout(link_page)
        link_form.setContentsMargins(0, 0, 0, 0)
        link_form.addRow(self.tr("Between:"), self.first)
        link_form.addRow(self.tr("and:"), self.second)
        link_form.addRow(self.tr("Link:"), self.link)

        self.fact_entity = EntityPicker(self.context)
        self.fact_entity.setObjectName("attach_entity")
        self.fact_prop = QComboBox()
        self.fact_prop.setObjectName("attach_property")
        self.fact_prop.setEditable(True)
        self.fact_prop.addItems(list(ENTITY_PROPERTIES))
        self.fact_value = QLineEdit()
        self.fact_value.setObjectName("attach_value")
        fact_page = QWidget()
        fact_form = QFormLayout(fact_page)
        fact_form.setContentsMargins(0, 0, 0, 0)
        fact_form.addRow(self.tr("Entity:"), self.fact_entity)
        fact_form.addRow(self.tr("Property:"), self.fact_prop)
        fact_form.addRow(self.tr("Value:"), self.fact_value)

        self.pages = QStackedWidget()
        self.pages.addWidget(link_page)
        self.pages.addWidget(fact_page)
        self.kind.currentIndexChanged.connect(self.pages.setCurrentIndex)
        self.attach_button = QPushButton(self.tr("&Attach"))
        self.attach_button.setObjectName("claim_attach")
        self.attach_button.clicked.connect(self.attach)
        self.attach_error = QLabel()
        self.attach_error.setStyleSheet("color: #c62828")
        self.attach_error.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(box)
        layout.addLayout(top)
        layout.addWidget(self.pages)
        bottom = QHBoxLayout()
        bottom.addWidget(self.attach_error, 1)
        bottom.addWidget(self.attach_button)
        layout.addLayout(bottom)
        return box

    def _refill_links(self, *_args) -> None:
        self.link.clear()
        first, second = self.first.entity_id(), self.second.entity_id()
        if not first or not second:
            return
        links = self.context.case.read(claim_list.links_between, first, second)
        for link in links:
            when = f" ({link.stake.start})" if link.stake.start else ""
            self.link.addItem(f"{link.label}{when}", link.id)
        if not links:
            self.link.addItem(self.tr("(no link between them)"), None)

    def attach(self) -> None:
        stance = self.stance.currentData()
        self.attach_error.clear()
        if self.kind.currentData() == "link":
            link_id = self.link.currentData()
            if not link_id:
                self.attach_error.setText(self.tr("Pick two entities and a link between them."))
                return
            self.attachments.add(Attachment(stance, self.link.currentText(),
                                            new={"link_id": link_id}))
        else:
            entity_id = self.fact_entity.entity_id()
            prop, value = self.fact_prop.currentText().strip(), self.fact_value.text().strip()
            if not entity_id or not prop or not value:
                self.attach_error.setText(self.tr("Pick an entity, a property and a value."))
                return
            self.attachments.add(Attachment(
                stance, f"{self.fact_entity.currentText()}: {prop} = {value}",
                new={"entity_id": entity_id, "prop": prop, "value": value}))

    def detach_selected(self) -> None:
        rows = self.attachments_view.selectionModel().selectedRows()
        if not rows:
            return
        removed = self.attachments.remove(rows[0].row())
        if removed.target_id:
            self._detached.append(removed.target_id)

    # -- saving ------------------------------------------------------------------------------------
    def changed_values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        statement = self.statement.toPlainText().strip()
        if statement != self.row.statement:
            values["statement"] = statement
        if self.credibility.currentData() != self.row.credibility:
            values["credibility"] = self.credibility.currentData()
        if self.reliability.currentData() != self.row.reliability_override:
            values["reliability"] = self.reliability.currentData()
        if self.status.currentData() != self.row.status:
            values["status"] = self.status.currentData()
        return values

    def accept(self) -> None:
        values = self.changed_values()
        detached = list(self._detached)
        added = [(row.stance, dict(row.new)) for row in self.attachments.rows if row.new]
        if not values and not detached and not added:
            super().accept()
            return
        claim_id, shown = self.claim_id, self.row.row_version  # a colleague's edit since wins

        def save(tx) -> None:
            if values:
                evidence.edit_claim(tx, claim_id, expected_version=shown, **values)
            for target_id in detached:
                evidence.detach_claim(tx, target_id)
            for stance, target in added:
                evidence.attach_claim(tx, claim_id, stance=stance, **target)

        if self.context.execute(self.tr("Edit claim"), save) is not None:
            super().accept()

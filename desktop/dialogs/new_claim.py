"""New claim from a selected passage — and, usually, the relationship it establishes.

Everything is pre-filled so that the common case takes the key and OK: the excerpt and
its position come from the selection; the relationship's type, direction, entities,
share, value and dates are guessed from the passage (``db.services.claim_flow``,
``db.reads.excerpt_entities``) or remembered from the last claim. OK writes the claim,
any new source, the new link and the attachment as ONE undoable command.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db import wording
from db.partial_date import PartialDateError, normalise
from db.reads import documents as views
from db.reads import records
from db.reads.excerpt_entities import entities_in_excerpt
from db.schemata import (
    CLAIM_STATUSES,
    CREDIBILITY_GRADES,
    ENTITY_PROPERTIES,
    LINK_SCHEMATA,
    RELIABILITY_GRADES,
    STANCES,
)
from db.services import claim_flow as flow
from db.services.evidence import page_of
from desktop.shell.context import CaseContext
from desktop.widgets.entity_picker import EntityPicker

NEW_LINK, EXISTING_LINK, ENTITY_FACT, NO_TARGET = range(4)


class NewClaimDialog(QDialog):
    # Remembered from the last claim made in this session (the next passage is often alike).
    memory: dict[str, object] = {"schema": None, "mode": NEW_LINK, "credibility": 6,
                                 "status": "unverified", "stance": "supports"}

    def __init__(self, context: CaseContext, document_id: str, span_start: int,
                 span_end: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("new_claim_dialog")
        self.setWindowTitle(self.tr("New Claim"))
        self.context = context
        self.document_id = document_id
        self.span = (span_start, span_end)
        self.result_ids: flow.FlowResult | None = None
        self._statement_edited = False
        document = context.case.read(records.document, document_id)
        if document is None:
            raise LookupError(f"no document with id {document_id}")
        self.excerpt_text = document.text[span_start:span_end]
        self.page = page_of(document, span_start)
        self.document_title = document.title
        self.document_source = document.source_id
        self.sources = context.case.read(views.sources)
        self.mentions = context.case.read(entities_in_excerpt, self.excerpt_text)
        self.links = context.case.read(views.links_between,
                                       [m.entity_id for m in self.mentions])
        self.guess = flow.guess_relationship(self.excerpt_text, self.mentions)
        self._build()
        self._prefill()

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        excerpt_box = QGroupBox(self.tr("Excerpt"), self)
        excerpt_layout = QVBoxLayout(excerpt_box)
        self.excerpt = QPlainTextEdit(self.excerpt_text, excerpt_box)
        self.excerpt.setObjectName("excerpt")
        self.excerpt.setReadOnly(True)
        self.excerpt.setMaximumHeight(84)
        self.excerpt.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.excerpt.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        font = QFont(self.excerpt.font())
        font.setItalic(True)
        self.excerpt.setFont(font)
        position = self.tr("Characters {start}–{end} of “{title}”").format(
            start=f"{self.span[0]:,}", end=f"{self.span[1]:,}", title=self.document_title)
        if self.page:
            position += self.tr(", page {page}").format(page=self.page)
        self.position = QLabel(position, excerpt_box)
        self.position.setObjectName("excerpt_position")
        self.position.setTextFormat(Qt.TextFormat.PlainText)
        self.position.setWordWrap(True)
        self.position.setStyleSheet("color: palette(placeholder-text);")
        excerpt_layout.addWidget(self.excerpt)
        excerpt_layout.addWidget(self.position)
        layout.addWidget(excerpt_box)

        claim_box = QGroupBox(self.tr("Claim"), self)
        form = QFormLayout(claim_box)
        self.statement = QLineEdit(claim_box)
        self.statement.setObjectName("statement")
        self.statement.setPlaceholderText(self.tr("What the passage asserts, in your words"))
        self.statement.textEdited.connect(self._statement_typed)
        form.addRow(self.tr("&Statement:"), self.statement)
        self.source = QComboBox(claim_box)
        self.source.setObjectName("source")
        self.source.setEditable(True)
        self.source.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.source.lineEdit().setPlaceholderText(self.tr("Who speaks (pick or type a new one)"))
        for source_id, name, reliability in self.sources:
            self.source.addItem(name, source_id)
            self.source.setItemData(self.source.count() - 1, reliability,
                                    Qt.ItemDataRole.UserRole + 1)
        self.source.currentIndexChanged.connect(self._source_changed)
        form.addRow(self.tr("S&ource:"), self.source)
        grades = QHBoxLayout()
        self.reliability = QComboBox(claim_box)
        self.reliability.setObjectName("reliability")
        self.reliability.setAccessibleName(self.tr("Reliability of the source"))
        self.reliability.addItem("", None)
        for letter, meaning in RELIABILITY_GRADES.items():
            self.reliability.addItem(f"{letter} — {self.tr(meaning)}", letter)
        self.credibility = QComboBox(claim_box)
        self.credibility.setObjectName("credibility")
        self.credibility.setAccessibleName(self.tr("Credibility of the information"))
        for number, meaning in CREDIBILITY_GRADES.items():
            self.credibility.addItem(f"{number} — {self.tr(meaning)}", number)
        grades.addWidget(self.reliability, 1)
        grades.addWidget(self.credibility, 1)
        form.addRow(self.tr("Grade:"), grades)
        self.status = QComboBox(claim_box)
        self.status.setObjectName("status")
        for status in CLAIM_STATUSES:
            self.status.addItem(self.tr(status), status)
        form.addRow(self.tr("S&tatus:"), self.status)
        layout.addWidget(claim_box)

        target_box = QGroupBox(self.tr("What it establishes"), self)
        target_layout = QVBoxLayout(target_box)
        mode_row = QHBoxLayout()
        self.mode = QComboBox(target_box)
        self.mode.setObjectName("target_mode")
        self.mode.setAccessibleName(self.tr("What it establishes"))
        self.mode.addItems([self.tr("Creates a relationship"),
                            self.tr("Attach to an existing link"),
                            self.tr("A fact about an entity"), self.tr("Nothing yet")])
        self.stance = QComboBox(target_box)
        self.stance.setObjectName("stance")
        self.stance.setAccessibleName(self.tr("Supports or contradicts"))
        for stance in STANCES:
            self.stance.addItem(self.tr(stance), stance)
        mode_row.addWidget(self.mode, 2)
        mode_row.addWidget(self.stance, 1)
        target_layout.addLayout(mode_row)
        self.pages = QStackedWidget(target_box)
        self.pages.addWidget(self._new_link_page())
        self.pages.addWidget(self._existing_link_page())
        self.pages.addWidget(self._entity_fact_page())
        nothing = QLabel(self.tr("The claim is kept; attach it later in the Claims pane."))
        nothing.setWordWrap(True)
        self.pages.addWidget(nothing)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        target_layout.addWidget(self.pages)
        layout.addWidget(target_box)

        self.error = QLabel(self)
        self.error.setObjectName("error")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create Claim"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(620)

    def _new_link_page(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        form.setContentsMargins(0, 4, 0, 0)
        self.link_type = QComboBox(page)
        self.link_type.setObjectName("link_type")
        for name, schema in LINK_SCHEMATA.items():
            self.link_type.addItem(f"{self.tr(name)} — {self.tr(schema.label)}", name)
        form.addRow(self.tr("T&ype:"), self.link_type)
        self.from_entity = EntityPicker(self.context, page)
        self.from_entity.setObjectName("from_entity")
        self.from_entity.setAccessibleName(self.tr("From entity"))
        self.to_entity = EntityPicker(self.context, page)
        self.to_entity.setObjectName("to_entity")
        swap = QToolButton(page)
        swap.setObjectName("swap_entities")
        swap.setText("⇅")
        swap.setToolTip(self.tr("Swap the two entities"))
        swap.clicked.connect(self._swap)
        from_row = QHBoxLayout()
        from_row.addWidget(self.from_entity, 1)
        from_row.addWidget(swap)
        form.addRow(self.tr("From:"), from_row)
        form.addRow(self.tr("T&o:"), self.to_entity)
        self.share = QLineEdit(page)
        self.share.setObjectName("share")
        self.share.setAccessibleName(self.tr("Share in percent"))
        self.share.setPlaceholderText(self.tr("51 or 25–50"))
        self.value = QLineEdit(page)
        self.value.setObjectName("value")
        self.value.setAccessibleName(self.tr("Value"))
        self.value.setPlaceholderText(self.tr("value, e.g. 6.2 bn"))
        self.currency = QLineEdit(page)
        self.currency.setObjectName("currency")
        self.currency.setAccessibleName(self.tr("Currency"))
        self.currency.setPlaceholderText(self.tr("RUB"))
        self.currency.setMaximumWidth(70)
        share_row = QHBoxLayout()
        share_row.addWidget(self.share, 2)
        share_row.addWidget(QLabel(self.tr("%"), page))
        share_row.addSpacing(12)
        share_row.addWidget(self.value, 2)
        share_row.addWidget(self.currency)
        form.addRow(self.tr("Share / value:"), share_row)
        self.share.setToolTip(self.tr("Exact percentage (51), a range (25–50), or blank "
                                      "when the share is unknown"))
        self.start_date = QLineEdit(page)
        self.start_date.setObjectName("start_date")
        self.start_date.setAccessibleName(self.tr("Since"))
        self.end_date = QLineEdit(page)
        self.end_date.setObjectName("end_date")
        self.end_date.setAccessibleName(self.tr("Until"))
        for edit in (self.start_date, self.end_date):
            edit.setPlaceholderText(self.tr("2022, 2022-09 or 2022-09-14"))
        dates = QHBoxLayout()
        dates.addWidget(self.start_date)
        dates.addWidget(QLabel(self.tr("until"), page))
        dates.addWidget(self.end_date)
        form.addRow(self.tr("Since:"), dates)
        self.duplicate_hint = QLabel(page)
        self.duplicate_hint.setObjectName("duplicate_hint")
        self.duplicate_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.duplicate_hint.setWordWrap(True)
        self.duplicate_hint.setStyleSheet("color: palette(placeholder-text);")
        self.duplicate_hint.hide()
        form.addRow(self.duplicate_hint)
        for signal in (self.link_type.currentIndexChanged, self.from_entity.currentIndexChanged,
                       self.to_entity.currentIndexChanged, self.share.textChanged,
                       self.value.textChanged, self.currency.textChanged,
                       self.start_date.textChanged, self.end_date.textChanged):
            signal.connect(self._update_statement)
        return page

    def _existing_link_page(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        form.setContentsMargins(0, 4, 0, 0)
        self.existing_link = QComboBox(page)
        self.existing_link.setObjectName("existing_link")
        for link in self.links:
            self.existing_link.addItem(link.text, link.id)
        if not self.links:
            self.existing_link.addItem(self.tr("(no links between the entities named here)"),
                                       None)
        form.addRow(self.tr("&Link:"), self.existing_link)
        return page

    def _entity_fact_page(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        form.setContentsMargins(0, 4, 0, 0)
        self.fact_entity = EntityPicker(self.context, page)
        self.fact_entity.setObjectName("fact_entity")
        self.fact_prop = QComboBox(page)
        self.fact_prop.setObjectName("fact_prop")
        self.fact_prop.addItem("", None)
        for prop in ENTITY_PROPERTIES:
            self.fact_prop.addItem(prop, prop)
        self.fact_value = QLineEdit(page)
        self.fact_value.setObjectName("fact_value")
        form.addRow(self.tr("&Entity:"), self.fact_entity)
        form.addRow(self.tr("&Property:"), self.fact_prop)
        form.addRow(self.tr("&Value:"), self.fact_value)
        return page

    # -- pre-filling ----------------------------------------------------------------------
    def _prefill(self) -> None:
        memory = NewClaimDialog.memory
        index = self.source.findData(self.document_source) if self.document_source else -1
        speaker = flow.guess_attribution(self.excerpt_text)
        if speaker:  # "…, according to Kommersant": Kommersant speaks, if the case knows it
            wanted = speaker.casefold().removeprefix("the ")
            named = [i for i in range(self.source.count())
                     if self.source.itemText(i).casefold().removeprefix("the ") == wanted]
            index = named[0] if named else index
        self.source.setCurrentIndex(index)
        if index < 0:
            self.source.lineEdit().clear()
        self._source_changed()
        self.credibility.setCurrentIndex(self.credibility.findData(memory["credibility"]))
        self.status.setCurrentIndex(self.status.findData(memory["status"]))
        self.stance.setCurrentIndex(self.stance.findData(memory["stance"]))
        guess = self.guess
        schema = guess.schema or memory["schema"] or "Ownership"
        self.link_type.setCurrentIndex(self.link_type.findData(schema))
        self.from_entity.set_entity(guess.source_id)
        self.to_entity.set_entity(guess.target_id)
        stake = guess.stake
        self.share.setText(wording.share_input(stake.share_min, stake.share_max))
        if stake.value is not None:
            self.value.setText(wording.amount_text(stake.value))
            self.currency.setText(stake.currency or "")
        self.start_date.setText(stake.start or "")
        self.end_date.setText(stake.end or "")
        if self.mentions:
            self.fact_entity.set_entity(self.mentions[0].entity_id)
        mode = memory["mode"]
        if mode == EXISTING_LINK and not self.links:
            mode = NEW_LINK
        self.mode.setCurrentIndex(int(mode))
        self._mode_changed(self.mode.currentIndex())
        self._update_statement()

    def _source_changed(self, _index: int = -1) -> None:
        index = self.source.currentIndex()
        grade = self.source.itemData(index, Qt.ItemDataRole.UserRole + 1) if index >= 0 else None
        self.reliability.setItemText(0, self.tr("Source's grade ({grade})").format(
            grade=grade or "F"))

    def _mode_changed(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self.stance.setEnabled(index != NO_TARGET)
        self._update_statement()

    def _swap(self) -> None:
        first, second = self.from_entity.entity_id(), self.to_entity.entity_id()
        self.from_entity.set_entity(second)
        self.to_entity.set_entity(first)

    def _statement_typed(self, text: str) -> None:
        self._statement_edited = bool(text.strip())

    def _update_statement(self, *_args: object) -> None:
        if not hasattr(self, "duplicate_hint"):
            return
        self._update_duplicate_hint()
        if self._statement_edited:
            return
        text = ""
        if self.mode.currentIndex() == NEW_LINK:
            source, target = self.from_entity.entity_id(), self.to_entity.entity_id()
            if source and target:
                try:
                    low, high = wording.parse_share(self.share.text())
                    value = wording.parse_amount(self.value.text())
                except ValueError:
                    low = high = value = None
                stake = wording.Stake(low, high, value, self.currency.text().strip() or None,
                                      self.start_date.text().strip() or None,
                                      self.end_date.text().strip() or None)
                text = wording.link_sentence(
                    self.from_entity.currentText(), self.link_type.currentData(),
                    self.to_entity.currentText(), stake)
        self.statement.setText(text)

    def _update_duplicate_hint(self) -> None:
        same = [link for link in self.links if (link.schema, link.source_id, link.target_id)
                == (self.link_type.currentData(), self.from_entity.entity_id(),
                    self.to_entity.entity_id())]
        if same:
            self.existing_link.setCurrentIndex(self.existing_link.findData(same[0].id))
        if same and self.mode.currentIndex() == NEW_LINK:
            self.duplicate_hint.setText(self.tr(
                "The case already has: {link}. To add this passage as further evidence for "
                "it, choose “Attach to an existing link”.").format(link=same[0].text))
        self.duplicate_hint.setVisible(bool(same) and self.mode.currentIndex() == NEW_LINK)

    # -- OK -------------------------------------------------------------------------------
    def draft(self) -> flow.ClaimDraft:
        """What the dialog says, checked; raises ValueError with a one-line reason."""
        draft = flow.ClaimDraft(self.document_id, *self.span,
                                statement=self.statement.text().strip(),
                                reliability=self.reliability.currentData(),
                                credibility=self.credibility.currentData(),
                                status=self.status.currentData(),
                                stance=self.stance.currentData())
        name = self.source.currentText().strip()
        index = self.source.currentIndex()
        if index >= 0 and self.source.itemText(index) == name:
            draft.source_id = self.source.itemData(index)
        elif name:
            matching = [s for s in self.sources if s[1].casefold() == name.casefold()]
            if matching:
                draft.source_id = matching[0][0]
            else:
                draft.new_source_name = name
        mode = self.mode.currentIndex()
        if mode == NEW_LINK:
            draft.target = self._new_link()
        elif mode == EXISTING_LINK:
            link_id = self.existing_link.currentData()
            if not link_id:
                raise ValueError(self.tr("There is no link to attach the claim to."))
            draft.target = flow.ExistingLink(link_id)
        elif mode == ENTITY_FACT:
            entity_id = self.fact_entity.entity_id()
            if not entity_id:
                raise ValueError(self.tr("Choose the entity the fact is about."))
            draft.target = flow.EntityFact(entity_id, self.fact_prop.currentData(),
                                           self.fact_value.text().strip() or None)
        return draft

    def _new_link(self) -> flow.NewLink:
        source, target = self.from_entity.entity_id(), self.to_entity.entity_id()
        if not source or not target:
            raise ValueError(self.tr("Choose both entities of the relationship."))
        if source == target:
            raise ValueError(self.tr("A relationship needs two different entities."))
        low, high = wording.parse_share(self.share.text())
        value = wording.parse_amount(self.value.text())
        currency = self.currency.text().strip().upper() or None
        try:
            start = normalise(self.start_date.text())
            end = normalise(self.end_date.text())
        except PartialDateError as error:
            raise ValueError(str(error)) from None
        stake = wording.Stake(low, high, value, currency if value is not None else None,
                              start, end)
        return flow.NewLink(self.link_type.currentData(), source, target, stake)

    def accept(self) -> None:
        try:
            draft = self.draft()
        except ValueError as error:
            self.error.setText(str(error))
            self.error.show()
            return
        command = self.context.execute(self.tr("New claim"),
                                       lambda tx: flow.create_claim_from_passage(tx, draft))
        if command is None:
            return  # refused: the main window showed why
        self.result_ids = command.result
        NewClaimDialog.memory.update(
            schema=self.link_type.currentData(), mode=self.mode.currentIndex(),
            credibility=draft.credibility, status=draft.status, stance=draft.stance)
        super().accept()


"""The documents pane: the list, the viewer with highlighted claims, adding files, and
"select a passage → new claim".

Layout: the list of documents on top, the open document below (its title, the toolbar
with New Claim / Text–Page toggle / Find, the find bar, then the text or the PDF pages).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.core import Changes
from db.extract import ExtractionError
from db.reads import documents as views
from db.reads import records
from db.reads.document_bytes import original_bytes, original_text
from db.reads.timeline import is_small_case
from desktop.panes.base import Pane
from desktop.panes.documents.family_bar import FamilyBar
from desktop.panes.documents.find_bar import FindBar
from desktop.panes.documents.html_view import HtmlPageView
from desktop.panes.documents.model import PAGE_SIZE, DocumentTableModel, IdRole
from desktop.panes.documents.opening import DocumentReader, ReadDocument, read_document
from desktop.panes.documents.page_side import PageSide
from desktop.panes.documents.pdf_view import PdfPageView
from desktop.panes.documents.text_view import (
    NEW_CLAIM_SHORTCUT,
    DocumentTextView,
    legend_html,
)
from desktop.shell.context import CaseContext
from desktop.shell.icons import icon

TEXT_PAGE, PDF_PAGE, HTML_PAGE = range(3)
HTML_MIME = "text/html"
PAGE_MIMES = (HTML_MIME, "multipart/related")  # shown rendered in the Page view (MHTML too)


class DocumentsPane(Pane):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.document_id: str | None = None
        self.mime_type = ""
        self.page_spans: list[list[int]] | None = None
        self._selecting = False
        self.last_dialog = None
        self._build()
        self.set_context(None)

    # -- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        self.model = DocumentTableModel(self)
        self.model.sig_loaded.connect(self._list_loaded)
        self.reader = DocumentReader(self)  # the first document of a big case
        self.reader.sig_read.connect(self._first_read)
        self.table = QTableView(self)
        self.table.setObjectName("documents_table")
        self.table.setAccessibleName(self.tr("Documents"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(DocumentTableModel.PUBLISHED, Qt.SortOrder.DescendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        # Fixed widths for the short columns, never sized to contents: that would read
        # every loaded row again at each page. Title and source share what is left, so a
        # long source name cannot squeeze the title to nothing in a narrow dock (both
        # elide; tooltips give them whole).
        digit = self.table.fontMetrics().horizontalAdvance("0")
        for column, digits in ((DocumentTableModel.PUBLISHED, 11), (DocumentTableModel.GRADE, 7),
                               (DocumentTableModel.CLAIMS, 7), (DocumentTableModel.KIND, 12)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, digit * digits + 16)
        header.setSectionResizeMode(DocumentTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DocumentTableModel.SOURCE, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        self.title = QLabel(self)
        self.title.setObjectName("document_title")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title.setFont(font)
        self.subtitle = QLabel(self)
        self.subtitle.setObjectName("document_subtitle")
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle.setStyleSheet("color: palette(placeholder-text);")
        self.family = FamilyBar(self)
        self.family.sig_open_document.connect(self.open_document)

        self.add_button = self._tool_button("add_document", self.tr("Add…"), "document",
                                            self.tr("Add documents from files (or drop files "
                                                    "on this pane)"), lambda: self.add_files([]))
        self.new_claim_button = self._tool_button(
            "new_claim", self.tr("New Claim"), "claim",
            self.tr("New claim from the selected passage ({key})").format(
                key=NEW_CLAIM_SHORTCUT), self.new_claim_from_selection)
        self.text_button = self._tool_button("show_text", self.tr("Text"), None,
                                             self.tr("Extracted text: select passages here"),
                                             lambda: self.show_page(TEXT_PAGE))
        self.pdf_button = self._tool_button("show_pages", self.tr("Pages"), None,
                                            self.tr("The PDF's pages as printed"),
                                            lambda: self.show_page(
                                                HTML_PAGE if self.mime_type in PAGE_MIMES
                                                else PDF_PAGE))
        for button in (self.text_button, self.pdf_button):
            button.setCheckable(True)
            button.setAutoExclusive(True)
        self.text_button.setChecked(True)
        tools = QHBoxLayout()
        tools.setContentsMargins(0, 0, 0, 0)
        tools.addWidget(self.new_claim_button)
        tools.addSpacing(12)
        self.legend = QLabel(legend_html(self.tr), self)
        self.legend.setObjectName("claim_legend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        # A narrow dock clips the legend (its tooltip still explains) rather than growing.
        self.legend.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.legend.setToolTip(self.tr("Claims are highlighted by status; hover one for its "
                                       "grade and statement, click it to select it"))
        tools.addWidget(self.legend)
        tools.addStretch(1)
        tools.addWidget(self.text_button)
        tools.addWidget(self.pdf_button)
        tools.addSpacing(8)
        tools.addWidget(self.add_button)

        self.text_view = DocumentTextView(self)
        self.text_view.sig_claim_clicked.connect(self._claim_clicked)
        self.text_view.sig_new_claim_requested.connect(self.new_claim_from_selection)
        self.text_view.sig_find_requested.connect(self.open_find)
        self.text_view.selectionChanged.connect(self._update_buttons)
        self.pdf_view = PdfPageView(self)
        self.pdf_view.sig_selection_changed.connect(self._update_buttons)
        self.pdf_view.sig_claim_clicked.connect(self._claim_clicked)
        self.pages = PageSide(self.pdf_view, self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.text_view)
        self.stack.addWidget(self.pdf_view)
        self.html_view = HtmlPageView(self)
        self.html_view.setToolTip(self.tr("The page as published, without scripts, images "
                                          "or external content; select passages in Text "
                                          "to create claims"))
        self.html_view.sig_link_clicked.connect(self._link_clicked)
        self.stack.addWidget(self.html_view)
        self.find_bar = FindBar(self.text_view, self)
        self.find_bar.sig_search_changed.connect(self.pdf_view.search)
        self.find_bar.hide()

        viewer = QWidget(self)
        viewer_layout = QVBoxLayout(viewer)
        viewer_layout.setContentsMargins(6, 6, 6, 0)
        viewer_layout.setSpacing(4)
        viewer_layout.addWidget(self.title)
        viewer_layout.addWidget(self.subtitle)
        viewer_layout.addWidget(self.family)
        viewer_layout.addLayout(tools)
        viewer_layout.addWidget(self.find_bar)
        viewer_layout.addWidget(self.stack, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(viewer)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([140, 520])
        self.message = QLabel(self)
        self.message.setObjectName("documents_message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.message)
        self._message_timer = QTimer(self, singleShot=True, interval=10_000)
        self._message_timer.timeout.connect(self.message.hide)

        self.new_claim_action = QAction(self.tr("New Claim from Selection…"), self)
        self.new_claim_action.setShortcut(QKeySequence(NEW_CLAIM_SHORTCUT))
        self.new_claim_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.new_claim_action.triggered.connect(self.new_claim_from_selection)
        self.addAction(self.new_claim_action)
        find = QAction(self.tr("Find in Document…"), self)
        find.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        find.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.triggered.connect(self.open_find)
        self.addAction(find)

    def _tool_button(self, name: str, text: str, icon_name: str | None, tip: str,
                     slot) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(text)
        button.setToolTip(tip)
        if icon_name:
            button.setIcon(icon(icon_name))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    # -- the case ---------------------------------------------------------------------------
    @property
    def opening(self) -> bool:
        """The first document is being read on the worker."""
        return self.reader.pending is not None

    def set_context(self, context: CaseContext | None) -> None:
        super().set_context(context)
        self.reader.cancel()
        self._close_document()
        self.add_button.setEnabled(context is not None)
        self.model.set_case(context.case if context is not None else None)

    def reload_list(self) -> None:
        self.model.reload()

    def _list_loaded(self) -> None:
        """The list's first page is in: open its first document if none is open (read on
        the worker when the list came from the worker: a big case)."""
        if self.context is None:
            return
        if self.document_id is None and self.model.document_id(0) is not None:
            self._open_first()
        else:
            self._select_row(self.document_id)

    def _open_first(self) -> None:
        """Open the list's first document: read on the worker when the case is big."""
        first = self.model.document_id(0)
        if self.context is None or self.document_id is not None or first is None:
            return
        case = self.context.case
        if self.model.total() > PAGE_SIZE or not case.read(is_small_case):
            self.reader.read(case, first)  # a big case: its document may hold many claims
        else:
            self.open_document(first)

    def _first_read(self, read: ReadDocument | None) -> None:
        if self.context is not None and self.document_id is None and read is not None:
            self._show_document(read)

    def on_changes(self, changes: Changes) -> None:
        if self.context is None or not (changes.everything or changes.documents
                                        or changes.claims or changes.sources):
            return
        if self.document_id is not None:
            if not self.context.case.read(records.document_exists, self.document_id):
                self._close_document()  # the reloaded list opens its first document
            else:
                self._reload_claims()
        self.reload_list()

    # -- opening documents ------------------------------------------------------------------
    def _row_changed(self, current, _previous) -> None:
        if self._selecting or not current.isValid():
            return
        document_id = current.data(IdRole)
        if document_id != self.document_id:
            self.open_document(document_id)

    def _select_row(self, document_id: str | None) -> None:
        row = self.model.row_of(document_id) if document_id else -1
        self._selecting = True
        try:
            if row < 0:
                self.table.clearSelection()
            else:
                self.model.fetch_until(row)
                index = self.model.index(row, 0)
                self.table.setCurrentIndex(index)
                self.table.scrollTo(index)
        finally:
            self._selecting = False

    def open_document(self, document_id: str) -> bool:
        if self.context is None:
            return False
        read = read_document(self.context.case, document_id)
        if read is None:
            return False
        self._show_document(read)
        return True

    def _show_document(self, read: ReadDocument) -> None:
        """Show a document read by ``read_document`` (here or on the worker)."""
        self.reader.cancel()  # an older first-document read is stale now
        document_id, view = read.document_id, read.view
        document, claims = view.document, view.claims
        text, title, mime = document.text, document.title, document.mime_type
        self.page_spans = document.pages
        subtitle = " · ".join(x for x in (document.published or "", document.file_name or "",
                                          document.author or "") if x)
        self.document_id, self.mime_type = document_id, mime
        self.title.setText(title)
        self.subtitle.setText(subtitle)
        self.family.set_family(read.family)
        self.text_view.set_text(text, claims)
        has_pdf = PageSide.shows(mime)
        if has_pdf:  # drawn once a child process has read it safely (page_side)
            self.pages.open(self.context, document, text, view.pdf_bytes)
        else:
            self.pages.close()
        self.html_view.clear_page()  # rendered on demand, when Page is shown
        is_html = mime in PAGE_MIMES
        self.pdf_button.setText(self.tr("Page") if is_html else self.tr("Pages"))
        self.pdf_button.setToolTip(
            self.tr("The page as published (rendered safely: no scripts, no external "
                    "loads); select passages in Text to create claims") if is_html
            else self.tr("The pages as printed or scanned; drag over words to select a "
                         "passage"))
        self.text_button.setVisible(has_pdf or is_html)
        self.pdf_button.setVisible(has_pdf or is_html)
        self.show_page(TEXT_PAGE)
        self.find_bar.refresh()
        self._select_row(document_id)
        self._update_buttons()

    def _close_document(self) -> None:
        self.document_id = None
        self.page_spans = None
        self.title.setText(self.tr("No document open") if self.context else "")
        self.subtitle.setText(self.tr("Drop files here, or use Add…") if self.context else "")
        self.text_view.set_text("", [])
        self.family.set_family(None)
        self.pages.close()
        self.html_view.clear_page()
        self.text_button.hide()
        self.pdf_button.hide()
        self.stack.setCurrentIndex(TEXT_PAGE)
        self._update_buttons()

    def _reload_claims(self) -> None:
        if self.context is None or self.document_id is None:
            return
        claims = self.context.case.read(views.claim_spans, self.document_id)
        current = self.text_view.current_claim
        self.text_view.set_claims(claims)
        if current and any(c.id == current for c in claims):
            self.text_view.mark_current_claim(current)
        self.pages.reload_claims(current)

    def show_page(self, page: int) -> None:
        if page == PDF_PAGE and self.pages.record is None:
            page = TEXT_PAGE
        if page == HTML_PAGE and not self._render_html():
            page = TEXT_PAGE
        self.stack.setCurrentIndex(page)
        (self.text_button if page == TEXT_PAGE else self.pdf_button).setChecked(True)
        if page == PDF_PAGE:
            span = self.text_view.selected_span()
            if span and self.page_spans:
                pages = [n for n, (a, b) in enumerate(self.page_spans, 1) if a <= span[0] <= b]
                if pages:
                    self.pdf_view.go_to_page(pages[0])
        self._update_buttons()

    def _render_html(self) -> bool:
        """Render the open HTML document's original file in the Page view (once)."""
        if self.context is None or self.document_id is None or self.mime_type not in PAGE_MIMES:
            return False
        if self.mime_type != HTML_MIME:
            if self.html_view.document_id != self.document_id:
                self.html_view.show_saved_page(self.document_id, self.context.case.read(
                    original_bytes, self.document_id))
            return True
        if self.html_view.document_id != self.document_id:
            try:
                markup = self.context.case.read(original_text, self.document_id)
            except (LookupError, ValueError, ExtractionError) as error:
                self.show_message(str(error))
                return False
            self.html_view.show_html(self.document_id, markup)
        return True

    def _link_clicked(self, url: str) -> None:
        self.sig_status.emit(self.tr("Link (not opened): {url}").format(url=url))

    def _update_buttons(self) -> None:
        enabled = (self.context is not None and self.document_id is not None
                   and self._selected_span() is not None)
        self.new_claim_button.setEnabled(enabled)
        self.new_claim_action.setEnabled(self.context is not None)

    # -- called by the coordinator -------------------------------------------------------------
    def show_document(self, document_id: str, start: int = -1, end: int = -1) -> None:
        if document_id != self.document_id and not self.open_document(document_id):
            return
        self.show_page(TEXT_PAGE)
        if start >= 0:
            self.text_view.select_span(start, end if end >= start else start)

    def select_claim(self, claim_id: str) -> None:
        if self.context is None:
            return
        located = self.context.case.read(views.document_of_claim, claim_id)
        if located is None:
            return
        on_pages = self.stack.currentIndex() == PDF_PAGE
        self.show_document(*located)
        self.text_view.mark_current_claim(claim_id)
        if on_pages:
            self.show_page(PDF_PAGE)
            self.pdf_view.show_claim(claim_id)

    def _claim_clicked(self, claim_id: str) -> None:
        self.sig_claim_selected.emit(claim_id)

    # -- find ---------------------------------------------------------------------------------
    def open_find(self) -> None:
        if self.document_id is not None:
            self.find_bar.open_bar()

    # -- new claim ----------------------------------------------------------------------------
    def new_claim_from_selection(self) -> None:
        """Open the new-claim dialog on the selected passage (the text view's selection)."""
        if self.context is None or self.document_id is None:
            return
        span = self._selected_span()
        if span is None:
            self.show_message(self.tr("Select a passage in the document first."))
            return
        from desktop.dialogs.new_claim import NewClaimDialog

        dialog = NewClaimDialog(self.context, self.document_id, *span, self)
        self.last_dialog = dialog
        dialog.accepted.connect(lambda: self._claim_created(dialog))
        dialog.open()

    def _selected_span(self) -> tuple[int, int] | None:
        """The passage selected in the view shown: the text, or words on a page."""
        if self.stack.currentIndex() == PDF_PAGE:
            return self.pdf_view.selected_span()
        if self.stack.currentIndex() == TEXT_PAGE:
            return self.text_view.selected_span()
        return None

    def _claim_created(self, dialog) -> None:
        result = dialog.result_ids
        if result is None:
            return
        self.text_view.mark_current_claim(result.claim_id)
        self.pdf_view.clear_selection()
        self.sig_claim_selected.emit(result.claim_id)
        if result.link_id:
            self.sig_link_selected.emit(result.link_id)
        self.sig_status.emit(self.tr("Claim created: {statement}").format(
            statement=dialog.statement.text()))

    # -- adding files ---------------------------------------------------------------------------
    def add_files(self, paths: list[str]) -> None:
        """Ask for ``paths`` to be stored as documents (all adding goes through one flow);
        with no paths, the flow asks which files."""
        if self.context is not None:
            self.sig_add_documents.emit(list(paths))

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self._message_timer.start()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # Qt override
        if self.context is not None and event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # Qt override
        if self.context is not None and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # Qt override
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if self.context is None or not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.add_files(paths)

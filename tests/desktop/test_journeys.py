"""The five journeys of SCENARIOS.md, end to end, in the full main window.

Each pane has its own tests; these check that the panes work *together* the way an
investigator meets them: one selection, seen everywhere; one edit, undone everywhere.
"""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from sqlalchemy import select

from db.core.casefile import CaseFile
from db.core.commands import run
from db.models import Claim, Entity, Link
from db.reads import queries
from db.services import entities as entity_service
from db.services import evidence, links
from desktop.flows import files, sharing
from desktop.shell.actions import ActionId

REGISTRY_SENTENCE = "Renera is wholly owned by Rosatom State Corporation since 2021."
KAMA_REGISTRATION = "1021602013971"


@pytest.fixture
def window(make_window):
    return make_window(size=(1600, 1000))


def open_sample(window, qtbot) -> CaseFile:
    path = files.fresh_sample_copy()
    assert files.open_case_path(window, str(path))
    qtbot.waitUntil(lambda: window.panes["entities"].list_model.rowCount() == 16)
    return window.context.case


def entity_id(case: CaseFile, name: str) -> str:
    with case.session() as session:
        (entity,) = queries.find_entities(session, name)
        return entity.id


def click_entity(qtbot, window, name: str, double: bool = False) -> None:
    from desktop.panes.entities.model import COL_NAME

    pane = window.panes["entities"]
    model = pane.list_model
    row = [model.data(model.index(r, COL_NAME)) for r in range(model.rowCount())].index(name)
    rect = pane.list_view.visualRect(model.index(row, COL_NAME))
    qtbot.mouseClick(pane.list_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    if double:  # a person's double-click: press-release, then the double-click event
        qtbot.mouseDClick(pane.list_view.viewport(), Qt.MouseButton.LeftButton,
                          pos=rect.center())


def table_texts(view) -> list[list[str]]:
    model = view.model()
    return [[str(model.data(model.index(r, c)) or "") for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def network_captions(window) -> set[str]:
    return {item.caption for item in window.panes["network"].canvas.nodes.values()}


def wait_chain(qtbot, window, entity: str) -> list[tuple[str, str]]:
    """Show the control chain of ``entity``; (owner, effective share) as the pane lists them."""
    chain = window.panes["chain"]
    window.coordinator.show_chain(entity)
    qtbot.waitUntil(lambda: not chain.computing and chain.chain is not None
                    and chain.chain.result.entity_id == entity
                    and chain.chain.result.as_of == window.context.as_of, timeout=10_000)
    model = chain.model
    return [(model.index(r, 0).data(), model.index(r, 1).data())
            for r in range(model.rowCount())]


def test_journey_1_first_launch(qtbot, window, artifacts):
    case = open_sample(window, qtbot)
    assert case.path.parent == files.data_folder()  # a fresh copy, never a shipped file
    # The documents pane shows the article with its claims highlighted.
    documents = window.panes["documents"]
    qtbot.waitUntil(lambda: documents.document_id is not None)
    assert len(documents.text_view.extraSelections()) == 10
    # Click Enertech: the detail says controlled by Rosatom since 2022 — Kommersant, B2.
    click_entity(qtbot, window, "Enertech", double=True)
    detail = window.panes["entities"].detail
    qtbot.waitUntil(detail.isVisible)
    qtbot.waitUntil(lambda: not window.panes["entities"].loading)  # read on the worker
    assert ["← Rosatom", "Rosatom controls Enertech", "Kommersant, B2", "", "since 2022",
            "Sample case builder"] \
        in table_texts(detail.links_view)
    # The network shows the case around it; the sourced control edge is solid.
    enertech = entity_id(case, "Enertech")
    network = window.panes["network"]
    qtbot.waitUntil(lambda: enertech in network.canvas.nodes
                    and network.canvas.nodes[enertech].selected)
    assert {"South Korea", "Enertech", "Rosatom", "Renera", "JSC Kama",
            "Mosgortrans"} <= network_captions(window)
    control = [e for e in network.canvas.edges.values()
               if e.source.caption == "Rosatom" and e.target.caption == "Enertech"]
    assert len(control) == 1 and control[0].sourced
    assert all(edge.sourced for edge in network.canvas.edges.values())  # nothing dashed
    # The quote is one click away: the claim opens the article at the excerpt.
    from desktop.panes.entities.detail import ClaimsModel

    rect = detail.claims_view.visualRect(detail.claims_model.index(0, ClaimsModel.COL_EXCERPT))
    qtbot.mouseClick(detail.claims_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    selected = documents.text_view.textCursor().selectedText()
    assert selected.replace("\u2029", "\n") == \
        "Enertech, which has been under Rosatom’s control since 2022, according to Kommersant"
    window.grab().save(str(artifacts / "journey_1_first_launch.png"))


def make_registry_pdf(path: Path) -> None:
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(96)
    document = QTextDocument()
    document.setPlainText(f"Extract from the register of legal entities\n\n{REGISTRY_SENTENCE}"
                          "\n\nIssued by the registry.")
    document.setPageSize(QSizeF(writer.width(), writer.height()))
    document.print_(writer)
    del writer


def test_journey_2_adding_evidence(qtbot, window, tmp_path, artifacts):
    case = open_sample(window, qtbot)
    documents = window.panes["documents"]
    pdf = tmp_path / "renera-registry-extract.pdf"
    make_registry_pdf(pdf)
    # Drag the PDF onto the documents pane: stored, hashed, text extracted.
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(pdf))])
    documents.dropEvent(QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime,
                                   Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    qtbot.waitUntil(lambda: documents.title.text() == "renera-registry-extract",
                    timeout=15_000)
    assert window.statusBar().currentMessage() == "Added 1, duplicates 0, failed 0."
    added = documents.document_id
    # Select the sentence, press the new-claim key; the guesses need one click: OK.
    pattern = r"\s+".join(re.escape(word) for word in REGISTRY_SENTENCE.rstrip(".").split())
    start, end = re.search(pattern, documents.text_view.text).span()
    documents.text_view.select_span(start, end)
    documents.text_view.setFocus()
    qtbot.keyClick(documents.text_view, Qt.Key.Key_M,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: documents.last_dialog is not None
                    and documents.last_dialog.isVisible())
    dialog = documents.last_dialog
    rosatom, renera, kama = (entity_id(case, n) for n in ("Rosatom", "Renera", "JSC Kama"))
    # The dialog remembers the last kind of target chosen in this session; this person
    # wants a new relationship, as the journey says.
    from desktop.dialogs.new_claim import NEW_LINK

    if dialog.mode.currentIndex() != NEW_LINK:
        dialog.mode.setCurrentIndex(NEW_LINK)
    assert dialog.link_type.currentData() == "Ownership"
    assert (dialog.from_entity.entity_id(), dialog.to_entity.entity_id()) == (rosatom, renera)
    assert dialog.share.text() in ("100", "100%")
    dialog.credibility.setCurrentIndex(dialog.credibility.findData(2))
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    result = dialog.result_ids
    with case.session() as session:
        claim = session.get(Claim, result.claim_id)
        assert claim.page == 1 and claim.document_id == added
        link = session.get(Link, result.link_id)
        assert (link.source_id, link.target_id, link.share_min, link.start_date) == \
            (rosatom, renera, 100.0, "2021")
    # The edge appears in the network, sourced.
    network = window.panes["network"]
    qtbot.waitUntil(lambda: result.link_id in network.canvas.edges)
    assert network.canvas.edges[result.link_id].sourced
    # "Show control chain" on JSC Kama now runs from Rosatom down through Renera; the
    # article gives only a value in roubles, so the shares stay unknown.
    owners = dict(wait_chain(qtbot, window, kama))
    assert owners == {"Renera": "share unknown", "Rosatom": "share unknown"}
    with case.session() as session:
        from db.analysis import control_chains

        chain = control_chains(session, kama)
    rosatom_owner = next(o for o in chain.owners if o.id == rosatom)
    assert rosatom_owner.paths == [[rosatom, renera, kama]] and rosatom_owner.ultimate
    window.grab().save(str(artifacts / "journey_2_adding_evidence.png"))


def test_journey_3_time(qtbot, window, artifacts):
    case = open_sample(window, qtbot)
    enertech, kama = entity_id(case, "Enertech"), entity_id(case, "JSC Kama")
    network = window.panes["network"]
    context = window.context
    stake = next(link_id for link_id, e in network.canvas.edges.items()
                 if e.source.caption == "Renera" and e.target.caption == "JSC Kama")
    control = next(link_id for link_id, e in network.canvas.edges.items()
                   if e.source.caption == "Rosatom" and e.target.caption == "Enertech")
    # Back to 2021: Rosatom's control and Renera's stake leave the network and the chain.
    context.set_as_of(date(2021, 6, 30))
    qtbot.waitUntil(lambda: stake not in network.canvas.edges
                    and control not in network.canvas.edges)
    assert wait_chain(qtbot, window, enertech) == []
    window.grab().save(str(artifacts / "journey_3_as_of_2021.png"))
    # Forward to 2024: they return.
    context.set_as_of(date(2024, 1, 1))
    assert wait_chain(qtbot, window, enertech) == [("Rosatom", "share unknown")]
    assert wait_chain(qtbot, window, kama) == [("Renera", "share unknown")]
    # The timeline shows the stake, the change of control, the gigafactory and the ban.
    timeline = window.panes["timeline"]
    window.docks["timeline"].raise_()  # its tab chosen: it reads (on the worker)
    qtbot.waitUntil(lambda: not timeline.waiting_to_show and timeline.loading == 0)
    titles = " | ".join(timeline.plot.labels().values())
    for expected in ("stake in JSC Kama · 2022", "Enertech comes under Rosatom's control",
                     "gigafactory in Krasnaya Pakhra announced · 2023-09"):
        assert expected in titles
    undated = [timeline.undated_model.index(r, 0).data()
               for r in range(timeline.undated_model.rowCount())] \
        if hasattr(timeline, "undated_model") else []
    assert any("export" in (text or "") for text in undated) or "export" in titles


def colleague_case(path: Path) -> None:
    """The colleague's kama-procurement.casefile: their own names, ids, sources, author."""
    other = CaseFile.create(path, name="Kama procurement", author="colleague")

    def build(tx) -> None:
        kama = entity_service.create_entity(tx, "Company", "JSC KAMA", properties={
            "country": ["ru"], "registrationNumber": [KAMA_REGISTRATION]})
        renera = entity_service.create_entity(tx, "Company", "Renera LLC",
                                              properties={"country": ["ru"]})
        registry = evidence.create_source(tx, "Unified State Register of Legal Entities",
                                          reliability="A", kind="registry")
        extract = evidence.add_document(
            tx, "egrul-kama.txt", (b"Extract: Renera LLC holds a stake valued at 7.0 billion "
                                   b"rubles in JSC KAMA since 2022."),
            source_id=registry)
        stake = links.create_link(tx, "Ownership", renera, kama, start_date="2022",
                                  shares_value=7.0e9, shares_currency="RUB")
        claim = evidence.create_claim_for_excerpt(
            tx, extract, "Renera LLC holds a stake valued at 7.0 billion rubles in JSC KAMA",
            credibility=1)
        evidence.attach_claim(tx, claim, link_id=stake)

    run(other, "Build colleague's case", build)
    other.close()


def test_journey_4_merging_a_colleagues_case(qtbot, window, tmp_path, artifacts):
    case = open_sample(window, qtbot)
    kama = entity_id(case, "JSC Kama")
    window.context.execute("Add registration number", lambda tx: entity_service.edit_entity(
        tx, kama, properties={"name": ["JSC Kama"], "country": ["ru"],
                              "registrationNumber": [KAMA_REGISTRATION]}))
    before = queries.counts(case.session().__enter__())
    other = tmp_path / "kama-procurement.casefile"
    colleague_case(other)
    seen: dict[str, list] = {}

    def review() -> None:
        from desktop.dialogs.merge_review import MergeReviewDialog

        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, MergeReviewDialog):
            QTimer.singleShot(50, review)
            return
        seen["matches"] = table_texts(dialog.match_view)
        seen["conflicts"] = table_texts(dialog.conflict_view)
        dialog.grab().save(str(artifacts / "journey_4_merge_review.png"))
        dialog.accept()

    QTimer.singleShot(50, review)
    sharing.merge_case(window, str(other))
    qtbot.waitUntil(lambda: "matches" in seen, timeout=15_000)
    qtbot.waitUntil(lambda: window.context.undo_stack.count() == 2, timeout=15_000)
    matches = [" ".join(row) for row in seen["matches"]]
    assert any("JSC KAMA" in row and "JSC Kama" in row and "same registration number" in row
               and "Same" in row
               for row in matches)
    assert any("Renera LLC" in row and "Renera" in row and "nsure" in row for row in matches)
    conflicts = " ".join(" ".join(row) for row in seen["conflicts"])
    assert "6.2 bn RUB" in conflicts and "7 bn RUB" in conflicts
    # Nothing lost, every item names whose it was.
    with case.session() as session:
        merged = session.scalars(select(Claim).where(Claim.author == "colleague")).all()
        assert len(merged) == 1 and merged[0].origin.startswith("Kama procurement [")
        assert session.get(Entity, kama).values("alias") .count("JSC KAMA") == 1
        after = queries.counts(session)
    assert (after.claims, after.documents, after.sources) == \
        (before.claims + 1, before.documents + 1, before.sources + 1)
    # Undo takes the whole merge back.
    window.actions[ActionId.UNDO].trigger()
    with case.session() as session:
        assert queries.counts(session) == before


def test_journey_5_the_summary_for_the_editor(qtbot, window, tmp_path, artifacts):
    case = open_sample(window, qtbot)
    kama = entity_id(case, "JSC Kama")
    from db.reporting import build_entity_summary
    from desktop.reports import write_pdf

    summary = build_entity_summary(case, kama)
    out = tmp_path / "jsc-kama-summary.pdf"
    write_pdf(summary, out)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout
    flat = " ".join(text.split())
    assert "CONFIDENTIAL" in flat
    assert case.file_sha256() in text.replace(" ", "").replace("\n", "")
    assert "Renera" in flat and "share unknown" in flat
    assert "In 2022, Renera acquired a stake valued at 6.2 billion rubles in JSC Kama" in flat
    with case.session() as session:
        article = session.scalar(select(Claim.document_id))
        from db.models import Document

        digest = session.get(Document, article).sha256
    assert digest in text.replace(" ", "").replace("\n", "")
    assert re.search(r"Page 1 of \d+", flat)
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "2", str(out),
                    str(artifacts / "journey_5_summary")], check=True)


def test_back_and_forward_walk_the_selection_history(qtbot, window):
    case = open_sample(window, qtbot)
    enertech, renera = entity_id(case, "Enertech"), entity_id(case, "Renera")
    network = window.panes["network"]
    entities = window.panes["entities"]
    click_entity(qtbot, window, "Enertech")
    click_entity(qtbot, window, "Renera")
    qtbot.waitUntil(lambda: network.canvas.nodes[renera].selected)
    assert window.actions[ActionId.BACK].isEnabled()
    assert not window.actions[ActionId.FORWARD].isEnabled()
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: network.canvas.nodes[enertech].selected)
    assert not network.canvas.nodes[renera].selected
    assert entities.selected_ids() == [enertech]
    assert window.actions[ActionId.FORWARD].isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: network.canvas.nodes[renera].selected)
    assert entities.selected_ids() == [renera]

"""Whose it is, end to end: two investigators with their own identities each build part
of a case, merge both ways, and every claim — in every pane and in the printed summary —
names its author and where it came from. Identifiers make a sure match, a name in another
script a proposed one with its reasons; the stake stays one link, disputed; Undo takes
the whole merge back."""

from __future__ import annotations

import subprocess

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt, QTimer
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QLabel, QToolTip
from sqlalchemy import select

from db.core import CaseFile, save_identity
from db.models import Link
from db.reads import queries
from db.reporting import build_case_summary, build_entity_summary
from desktop.flows import sharing
from desktop.panes.claims.model import ClaimTableModel, IdRole
from desktop.shell.actions import ActionId
from tests.pdf_reading import normalise, save_pngs
from tests.provenance_cases import ANNA, BORIS, build_anna, build_boris


@pytest.fixture
def halves(tmp_path):
    anna, a = build_anna(tmp_path)
    boris, b = build_boris(tmp_path)
    anna.close()
    boris.close()
    return tmp_path / "anna.casefile", a, tmp_path / "boris.casefile", b


def _review_and_accept(qtbot, window, other, artifacts, name, accept_proposed):
    """File ▸ Merge: look at the review, accept the proposed matches, merge."""
    seen = {}

    def review():
        from desktop.dialogs.merge_review import MatchTableModel, MergeReviewDialog

        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, MergeReviewDialog):
            QTimer.singleShot(50, review)
            return
        model = dialog.matches
        seen["rows"] = [[model.data(model.index(r, c)) for c in range(model.columnCount())]
                        for r in range(model.rowCount())]
        seen["summary"] = dialog.findChild(QLabel, "merge_summary").text()
        dialog.grab().save(str(artifacts / f"{name}_merge_review.png"))
        for row in range(model.rowCount()):
            if model.matches[row].our_caption in accept_proposed:
                model.setData(model.index(row, MatchTableModel.COLUMN_DECISION), "same")
        dialog.accept()

    QTimer.singleShot(50, review)
    before = window.context.undo_stack.count()
    sharing.merge_case(window, str(other))
    qtbot.waitUntil(lambda: "rows" in seen, timeout=15_000)
    qtbot.waitUntil(lambda: window.context.undo_stack.count() == before + 1, timeout=15_000)
    return seen


def _claim_rows(pane):
    model = pane.claims_proxy
    return [[str(model.data(model.index(r, c)) or "") for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def test_two_investigators_merge_both_ways_and_every_claim_says_whose(
        qtbot, make_window, halves, artifacts, tmp_path):
    anna_path, a, boris_path, b = halves

    # -- Anna merges Boris's file --------------------------------------------------------------
    save_identity(ANNA)
    window = make_window(CaseFile.open(anna_path), size=(1700, 1000))
    case = window.context.case
    assert case.author == "Anna K."
    with case.session() as session:
        before = queries.counts(session)
    seen = _review_and_accept(qtbot, window, boris_path, artifacts, "anna",
                              accept_proposed={"Renera"})
    rows = {row[0]: row for row in seen["rows"]}
    # Identifiers: a sure match, whatever the script; a name in Cyrillic: proposed, with why.
    assert rows["АО «Кама»"][1:4] == ["JSC Kama", "sure 1.00",
                                     "same registration number 1021602013971; "
                                     "same name"]
    assert rows["Ренера"][1:4] == ["Renera", "proposed 0.75",
                                  "same name in another script; both Company; same country"]
    assert "by Boris P. (Proekt)" in seen["summary"]

    # No duplicate link: Boris's 49% attached to our stake, which is now disputed.
    with case.session() as session:
        stakes = session.scalars(select(Link).where(Link.schema == "Ownership",
                                                    Link.target_id == a["kama"])).all()
        assert len(stakes) == 1 and stakes[0].id == a["link:stake"]
        after = queries.counts(session)
    assert (after.links, after.claims) == (before.links, before.claims + 1)

    # Claims pane: a By column on every claim, an origin badge, the hover text, a filter.
    pane = window.panes["claims"]
    qtbot.waitUntil(lambda: pane.claims_proxy.rowCount() == after.claims and not pane.busy)
    by = ClaimTableModel.COL_BY
    table = _claim_rows(pane)
    assert all(row[by] for row in table)
    (boris_row,) = [r for r in range(len(table)) if table[r][by].startswith("Boris P.")]
    boris_claim = pane.claims_proxy.index(boris_row, 0).data(IdRole)
    assert table[boris_row][by] == "Boris P. · Kama procurement"
    assert table[boris_row][ClaimTableModel.COL_STATUS] == "disputed"
    index = pane.claims_proxy.index(boris_row, by)
    today = case.read(lambda s: s.get(type(stakes[0]), a["link:stake"]).created_at[:10])
    hover = index.data(Qt.ItemDataRole.ToolTipRole)
    assert hover.startswith("from Boris P.'s 'Kama procurement', merged ")
    assert hover.endswith(" by you") and today[:4] in hover
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None  # the badge
    pane.claims_view.horizontalHeader().resizeSection(by, 230)
    pane.claims_view.scrollTo(index)
    window.grab().save(str(artifacts / "provenance_claims_pane.png"))
    pane.author.setCurrentIndex(pane.author.findData("Boris P."))
    qtbot.waitUntil(lambda: pane.claims_proxy.rowCount() == 1)
    pane.grab().save(str(artifacts / "provenance_claims_by_boris.png"))
    pane.author.setCurrentIndex(0)

    # Entity detail: the stake's evidence says DISPUTED and names both sides.
    entities = window.panes["entities"]
    entities.open_entity_detail(a["kama"])
    detail = entities.detail
    qtbot.waitUntil(detail.isVisible)
    qtbot.waitUntil(lambda: not entities.loading)  # the detail is read on the worker
    links = [[detail.links_model.data(detail.links_model.index(r, c)) or ""
              for c in range(detail.links_model.columnCount())]
             for r in range(detail.links_model.rowCount())]
    (stake_line,) = [r for r in links if r[1] == "Renera owns JSC Kama"]
    assert "DISPUTED" in stake_line[2]
    assert set(stake_line[5].split(", ")) == {"Sample case builder",
                                             "Boris P. · Kama procurement"}
    claims = detail.claims_model
    assert all(claims.data(claims.index(r, 4)) for r in range(claims.rowCount()))

    # Chain pane: the step is a dispute, in red, with both claims and whose they are.
    chain = window.panes["chain"]
    chain.show_chain(a["kama"])
    qtbot.waitUntil(lambda: not chain.computing and chain.chain is not None, timeout=10_000)
    texts = [i.data() for i in chain.model.iter_nodes()]
    step = next(t for t in texts if t.startswith("Renera → JSC Kama"))
    assert "DISPUTED" in step
    assert any("by Boris P. · Kama procurement" in t and "disputed" in t for t in texts)
    window.focus_pane("chain")
    chain.view.expandAll()
    chain.grab().save(str(artifacts / "provenance_chain_pane.png"))

    # Network and timeline hover texts say whose the link and its claims are.
    network_text = window.panes["network"]._edge_provenance(a["link:stake"])
    assert "from Boris P.'s 'Kama procurement', merged" in network_text
    assert "DISPUTED — stakes differ: share unknown · 6.2 bn RUB here" in network_text
    assert "49% from Kama procurement" in network_text
    canvas = window.panes["network"].canvas  # … and a person hovering the link sees it
    qtbot.waitUntil(lambda: canvas.graph is not None
                    and a["link:stake"] in list(canvas.graph.edge_ids), timeout=10_000)
    middle = canvas.graph.middles()[list(canvas.graph.edge_ids).index(a["link:stake"])]
    at = canvas.view_to_widget(QPointF(float(middle[0]), float(middle[1])))
    QApplication.sendEvent(canvas.viewport(), QHelpEvent(
        QEvent.Type.ToolTip, at, canvas.viewport().mapToGlobal(at)))
    assert QToolTip.text() == network_text
    QToolTip.hideText()
    from db.reads.timeline import timeline_items

    items = case.read(timeline_items)
    assert all(item.provenance for item in items)
    timeline = window.panes["timeline"]
    window.focus_pane("timeline")
    qtbot.waitUntil(lambda: a["link:stake"] in timeline.plot.labels(), timeout=10_000)
    hovered = timeline.plot.item_at(timeline.plot.scene_point(a["link:stake"]))
    assert hovered.provenance == "by Anna K., added " + today  # the link: she made it

    # Edit Claim says whose the claim is, in the badge's colour.
    pane.edit_claim(boris_claim)
    editor = pane.editor_dialog
    assert editor.whose.text().startswith("from Boris P.'s 'Kama procurement', merged ")
    assert editor.whose.text().endswith(" by you")
    editor.grab().save(str(artifacts / "provenance_claim_editor.png"))
    editor.reject()

    # The printed summary: every citation names author and case; the conflict is open.
    from desktop.reports import write_pdf

    pdf = tmp_path / "kama.pdf"
    summary = build_entity_summary(case, a["kama"])
    write_pdf(summary, pdf)
    text = normalise(subprocess.run(["pdftotext", "-layout", str(pdf), "-"],
                                    capture_output=True, text=True, check=True).stdout)
    assert "Open conflicts" in text and "DISPUTED" in text
    assert "49% · since 2022 from “Kama procurement” (Boris P.)" in text
    assert "Prepared by Anna K. (OCCRP, anna@example.org)" in text
    assert text.count("By: ") == sum(len(d.excerpts) for d in summary.annex) > 1
    assert "By: Boris P. · case “Kama procurement” (Boris P., Proekt) · added" in text
    assert "By: Sample case builder · this case (“Kama notes”)" in text
    assert "mergedIds" not in text and "disputedStakes" not in text
    save_pngs(pdf, artifacts, "provenance_summary", last=4)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "Keywords:" in info and "chain-head:" in info
    whole = tmp_path / "case.pdf"
    write_pdf(build_case_summary(case), whole)
    case_text = normalise(subprocess.run(["pdftotext", str(whole), "-"], capture_output=True,
                                         text=True, check=True).stdout)
    assert "Open conflicts" in case_text and "Renera owns JSC Kama" in case_text

    # Undo takes the whole merge back.
    window.actions[ActionId.UNDO].trigger()
    with case.session() as session:
        assert queries.counts(session) == before
    window.set_case(None)

    # -- Boris merges Anna's file (the other way) --------------------------------------------
    save_identity(BORIS)
    other = make_window(CaseFile.open(boris_path), size=(1700, 1000))
    boris_case = other.context.case
    seen = _review_and_accept(qtbot, other, anna_path, artifacts, "boris",
                              accept_proposed={"Ренера"})
    rows = {row[0]: row for row in seen["rows"]}
    assert rows["JSC Kama"][2] == "sure 1.00"
    assert rows["Renera"][2].startswith("proposed")
    with boris_case.session() as session:
        stakes = session.scalars(select(Link).where(Link.schema == "Ownership",
                                                    Link.target_id == b["kama"])).all()
        assert [s.id for s in stakes] == [b["stake"]]
    claims_pane = other.panes["claims"]
    qtbot.waitUntil(lambda: claims_pane.claims_proxy.rowCount() > 1)
    table = _claim_rows(claims_pane)
    assert all(row[by] for row in table)
    assert {row[by] for row in table} == {"Boris P.", "Sample case builder · Kama notes"}
    other.set_case(None)

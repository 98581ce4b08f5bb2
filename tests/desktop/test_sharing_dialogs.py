"""The sharing dialogs and flows: CSV mapping, import preview, merge review, adding
documents — driven as a person would."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from db.reads import queries
from db.services.merge import plan_merge


def test_mapping_dialog_builds_the_mapping(qtbot, sheet):
    from desktop.dialogs.csv_mapping import CsvMappingDialog
    from desktop.flows.sharing import _csv_sample

    path, _ = sheet
    header, rows = _csv_sample(path)
    dialog = CsvMappingDialog(path.name, header, rows)
    qtbot.addWidget(dialog)
    assert dialog.preview.model().rowCount() == 2
    dialog.accept()  # nothing mapped yet
    assert dialog.error.text() == "map an entity name column, or link source and target columns"
    for key, column in (("entity_name", "company"), ("registrationNumber", "company_no"),
                        ("link_source", "owner"), ("link_target", "company"),
                        ("link_share", "share")):
        dialog.combos[key].setCurrentText(column)
    dialog.link_entity_schema.setCurrentText("Person")
    mapping = dialog.mapping()
    assert (mapping.entity_name, mapping.entity_identifiers, mapping.link_source,
            mapping.link_target, mapping.link_share, mapping.link_entity_schema,
            mapping.entity_country) == ("company", {"registrationNumber": "company_no"},
                                        "owner", "company", "share", "Person", None)
    again = CsvMappingDialog(path.name, header, rows, mapping)
    qtbot.addWidget(again)
    assert again.mapping() == mapping


def test_import_preview_lists_what_will_be_added(qtbot, donations):
    from db.formats.ftm import read_ftm
    from desktop.dialogs.import_preview import ImportPreviewDialog

    dialog = ImportPreviewDialog(read_ftm(donations))
    qtbot.addWidget(dialog)
    model = dialog.table.model()
    rows = [(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())]
    assert rows[:2] == [("To add: entities", "184"), ("To add: links", "393")]
    assert ("Kept, not modelled: Payment.amountEur", "290") in rows
    assert dialog.import_button.isEnabled()


def test_import_flow_previews_then_writes_one_undoable_step(qtbot, make_window, sample, donations,
                                                            monkeypatch):
    from PySide6.QtWidgets import QDialog

    from desktop.dialogs.import_preview import ImportPreviewDialog
    from desktop.flows import sharing

    shown = []
    monkeypatch.setattr(ImportPreviewDialog, "exec",
                        lambda self: shown.append(self.model.rowCount())
                        or QDialog.DialogCode.Accepted)
    window = make_window(sample, panes=())

    def entities():
        with sample.session() as session:
            return queries.counts(session).entities

    sharing.import_file(window, str(donations))
    qtbot.waitUntil(lambda: entities() == 200, timeout=20000)
    assert shown and shown[0] > 2
    qtbot.waitUntil(lambda: window.context.undo_stack.count() == 1, timeout=5000)
    assert window.context.undo_stack.undoText() == "Import donations.ijson (FtM)"
    window.context.undo_stack.undo()
    assert entities() == 16


def test_review_dialog_edits_decisions_and_shows_conflicts(qtbot, two_cases):
    from PySide6.QtCore import Qt

    from desktop.dialogs.merge_review import MatchTableModel, MergeReviewDialog

    alice, a, bob_path, b = two_cases
    plan = plan_merge(alice, bob_path)
    dialog = MergeReviewDialog(plan)
    qtbot.addWidget(dialog)
    model = dialog.matches
    assert model.rowCount() == 16
    row = next(r for r in range(16) if model.matches[r].other_id == b["kama"])
    decision = model.index(row, MatchTableModel.COLUMN_DECISION)
    assert decision.data() == "Unsure"
    assert model.setData(decision, "same", Qt.ItemDataRole.EditRole)
    assert not model.setData(decision, "maybe", Qt.ItemDataRole.EditRole)
    assert decision.data() == "Same"
    assert dialog.decisions()[b["kama"]] == "same"
    assert list(dialog.decisions().values()).count("unsure") == 15
    conflicts = dialog.conflicts
    assert [conflicts.index(0, c).data() for c in range(4)] == \
        ["Property", "website", "renera.ru", "www.renera.ru"]


def test_add_documents_from_the_menu_is_one_undo_step_and_says_what_was_refused(
        qtbot, make_window, sample, files, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from desktop.shell.actions import ActionId

    window = make_window(sample, panes=("documents",))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *args, **kwargs: ([str(p) for p in files], ""))

    def documents():
        return sample.read(queries.counts).documents

    window.actions[ActionId.ADD_DOCUMENTS].trigger()
    qtbot.waitUntil(lambda: window.context.undo_stack.count() == 1, timeout=20000)
    assert documents() == 5
    assert window.statusBar().currentMessage() == "Added 4, duplicates 1, failed 3."
    box = window.findChild(QMessageBox, "add_documents_report")
    assert box is not None and box.isVisible()
    assert box.text().splitlines() == [
        "Added 4, duplicates 1, failed 3.",
        "Not added: copy.txt: the same file as a.txt",
        "Not added: broken.pdf: " + box.text().splitlines()[2].split(": ", 2)[2],
        "Not added: image.png: the image could not be read (broken, or of an unknown kind)",
        "Not added: missing.txt: cannot read: No such file or directory"]
    assert "could not be read" in box.text().splitlines()[2]
    # The last document added is open in the documents pane.
    assert window.panes["documents"].title.text() == "Batteries"
    window.context.undo_stack.undo()
    assert documents() == 1


def test_mapping_dialog_chooses_date_format_and_lists_unmapped_columns(qtbot, sheet, artifacts):
    from desktop.dialogs.csv_mapping import CsvMappingDialog
    from desktop.flows.sharing import _csv_sample

    path, _ = sheet
    header, rows = _csv_sample(path)
    dialog = CsvMappingDialog(path.name, header, rows)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.unmapped.text() == ", ".join(header)
    for key, column in (("link_source", "owner"), ("link_target", "company"),
                        ("link_start", "since")):
        dialog.combos[key].setCurrentText(column)
    assert dialog.unmapped.text() == "owner_type, company_no, country, share, until"
    dialog.date_format.setCurrentIndex(dialog.date_format.findData("DD.MM.YYYY"))
    qtbot.mouseClick(dialog.keep_unmapped, Qt.MouseButton.LeftButton,
                     pos=dialog.keep_unmapped.rect().bottomLeft() + QPoint(8, -8))
    mapping = dialog.mapping()
    assert (mapping.date_format, mapping.keep_unmapped) == ("DD.MM.YYYY", False)
    dialog.grab().save(str(artifacts / "csv_mapping_dialog.png"))
    again = CsvMappingDialog(path.name, header, rows, mapping)
    qtbot.addWidget(again)
    assert again.mapping() == mapping

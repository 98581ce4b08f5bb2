"""Import, export and merge flows (File menu).

Each flow: ask for the file(s) with a dialog, show a preview / mapping / review dialog
(``desktop/dialogs/``), then run the db work off the GUI thread with
``desktop.shell.worker.run_task`` (progress + Cancel), and push the resulting
``db.core.commands.Command`` with ``shell.context.push_done(command)`` so it is one undoable
step. Messages for the person: one line, through ``QMessageBox`` or the status bar.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from db.formats import FormatError, guess_format, read_file
from db.formats.batch import import_command
from db.formats.csv_io import CsvMapping, header_signature, read_csv
from db.services.merge import apply_merge, plan_merge
from desktop.shell import settings
from desktop.shell.shell import Shell
from desktop.shell.worker import run_task

IMPORT_FILTERS = ("Data files (*.ijson *.jsonl *.json *.csv *.xlsx *.graphml *.gexf *.mtgx *.casefile)",
                  "FollowTheMoney (*.ijson *.jsonl *.json)", "BODS (*.json *.jsonl)", "CSV (*.csv *.tsv)", "Excel workbook (*.xlsx)",
                  "GraphML (*.graphml)", "GEXF (*.gexf)", "Maltego (*.mtgx)",
                  "Case files (*.casefile)")
EXPORT_FILTERS = {"ftm": ("FollowTheMoney JSON lines (*.ijson)", ".ijson"),
                  "bods": ("BODS 0.4 statements (*.json)", ".json"),
                  "graphml": ("GraphML (*.graphml)", ".graphml"),
                  "gexf": ("GEXF (*.gexf)", ".gexf"),
                  "anx": ("i2 Analyst's Notebook import (*.anx)", ".anx"),
                  "csv": ("CSV tables, zipped (*.zip)", ".zip"),
                  "xlsx": ("Excel workbook (*.xlsx)", ".xlsx")}


# Above this an FtM file is imported streaming, without the whole-file preview.
LARGE_FTM_BYTES = 64 * 1024 ** 2


def tr(text: str) -> str:
    return QCoreApplication.translate("Sharing", text)


def _folder() -> str:
    return settings.LAST_FOLDER.get() or str(Path.home())


def _remember_folder(path: str) -> None:
    settings.LAST_FOLDER.set(str(Path(path).parent))


# -- import ------------------------------------------------------------------------------
def import_file(shell: Shell, path: str | None = None) -> None:
    if shell.context is None:
        return
    if path is None:
        path, _ = QFileDialog.getOpenFileName(shell.dialog_parent(), tr("Import"), _folder(),
                                              ";;".join(tr(f) for f in IMPORT_FILTERS))
        if not path:
            return
    _remember_folder(path)
    try:
        fmt = guess_format(path)
    except FormatError as error:
        shell.show_warning(tr("Import"), str(error))
        return
    if fmt == "casefile":
        merge_case(shell, path)
        return
    if fmt == "ftm" and _size(path) > LARGE_FTM_BYTES:
        _stream_ftm(shell, Path(path))
        return
    if fmt in ("csv", "xlsx"):
        mapping = _ask_csv_mapping(shell, Path(path))
        if mapping is None:
            return
        reader = lambda progress: read_csv(path, mapping, progress)  # noqa: E731
    else:
        reader = lambda progress: read_file(path, fmt, progress=progress)  # noqa: E731
    run_task(shell.dialog_parent(), tr("Reading {name}").format(name=Path(path).name), reader,
             lambda batch: _preview_and_write(shell, batch),
             lambda message: shell.show_warning(tr("Import"), message))


def _size(path: str) -> int:
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0  # the reader says what is wrong with it


def _stream_ftm(shell: Shell, path: Path) -> None:
    """A large FtM file: no preview (that would hold every row in memory); imported in
    chunks in one transaction, memory bounded (``db.formats.ftm_stream``), one undo step."""
    from db.formats.ftm_stream import import_ftm_file

    context = shell.context
    answer = QMessageBox.question(
        shell.dialog_parent(), tr("Import"),
        tr("{name} is {size} MB: it is imported without a preview, in chunks, so that "
           "memory stays bounded. Import it?").format(
            name=path.name, size=f"{_size(str(path)) / 1024 ** 2:,.0f}"))
    if answer != QMessageBox.StandardButton.Yes or context is None:
        return

    def write(progress: Any) -> Any:
        return import_ftm_file(context.case, path, progress)

    def done(command: Any) -> None:
        context.push_done(command)
        shell.show_status("; ".join(command.result.lines()[:2]))

    run_task(shell.dialog_parent(), tr("Importing {name}").format(name=path.name), write,
             done, lambda message: shell.show_warning(tr("Import"), message),
             lambda: shell.show_status(tr("Import cancelled; nothing was changed.")))


def _csv_sample(path: Path) -> tuple[list[str], list[list[str]]]:
    from db.formats.csv_io import _dialect, table_text
    from db.formats.spreadsheet import xlsx_rows

    if path.suffix.lower() == ".xlsx":
        rows = xlsx_rows(path.read_bytes(), path.name)[:21]
    else:
        text, sep, _warnings = table_text(path.read_bytes(), path.name)
        rows = list(csv.reader(io.StringIO(text), _dialect(text, sep)))[:21]
    return (rows[0] if rows else []), rows[1:]


def _ask_csv_mapping(shell: Shell, path: Path) -> CsvMapping | None:
    from desktop.dialogs.csv_mapping import CsvMappingDialog

    try:
        header, rows = _csv_sample(path)
    except (FormatError, OSError) as error:
        shell.show_warning(tr("Import"), str(error))
        return None
    remembered = json.loads(settings.CSV_MAPPINGS.get() or "{}")
    signature = header_signature(header)
    initial = None
    if signature in remembered:
        try:
            initial = CsvMapping.from_dict(remembered[signature])
        except FormatError:
            initial = None
    dialog = CsvMappingDialog(path.name, header, rows, initial, shell.dialog_parent())
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    mapping = dialog.mapping()
    remembered[signature] = mapping.to_dict()
    settings.CSV_MAPPINGS.set(json.dumps(remembered))
    return mapping


def _preview_and_write(shell: Shell, batch: Any) -> None:
    from desktop.dialogs.import_preview import ImportPreviewDialog

    if shell.context is None:
        return
    if ImportPreviewDialog(batch, shell.dialog_parent()).exec() != QDialog.DialogCode.Accepted:
        return
    context = shell.context

    def write(progress: Any) -> Any:
        command = import_command(batch, progress)
        command.do(context.case)
        return command

    def done(command: Any) -> None:
        context.push_done(command)
        shell.show_status("; ".join(command.result.lines()[:2]))

    run_task(shell.dialog_parent(), batch.label, write, done,
             lambda message: shell.show_warning(tr("Import"), message),
             lambda: shell.show_status(tr("Import cancelled; nothing was changed.")))


# -- export ------------------------------------------------------------------------------
def export_case(shell: Shell) -> None:
    if shell.context is None:
        return
    filters = [tr(label) for label, _suffix in EXPORT_FILTERS.values()]
    path, chosen = QFileDialog.getSaveFileName(shell.dialog_parent(), tr("Export"), _folder(),
                                               ";;".join(filters))
    if not path:
        return
    fmt = list(EXPORT_FILTERS)[filters.index(chosen)] if chosen in filters else "ftm"
    suffix = EXPORT_FILTERS[fmt][1]
    if not path.endswith(suffix):
        path += suffix
    _remember_folder(path)
    case = shell.context.case

    def export(progress: Any) -> dict[str, int]:
        from db.formats import export_file

        return export_file(case, Path(path), fmt, progress)

    run_task(shell.dialog_parent(), tr("Exporting"), export,
             lambda counts: shell.show_status(tr("Exported {counts} to {name}").format(
                 counts=", ".join(f"{n} {k}" for k, n in counts.items()),
                 name=Path(path).name)),
             lambda message: shell.show_warning(tr("Export"), message))


# -- merge -------------------------------------------------------------------------------
def merge_case(shell: Shell, path: str | None = None) -> None:
    if shell.context is None:
        return
    if path is None:
        path, _ = QFileDialog.getOpenFileName(shell.dialog_parent(), tr("Merge Case File"), _folder(),
                                              tr("Case files (*.casefile)"))
        if not path:
            return
    _remember_folder(path)
    context = shell.context
    run_task(shell.dialog_parent(), tr("Reading {name}").format(name=Path(path).name),
             lambda progress: plan_merge(context.case, path, progress),
             lambda plan: _review_and_merge(shell, plan),
             lambda message: shell.show_warning(tr("Merge Case File"), message))


def _review_and_merge(shell: Shell, plan: Any) -> None:
    from desktop.dialogs.merge_review import MergeReviewDialog

    if shell.context is None:
        return
    dialog = MergeReviewDialog(plan, shell.dialog_parent())
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    decisions = dialog.decisions()
    context = shell.context

    def merge(progress: Any) -> Any:
        command = apply_merge(context.case, plan, decisions, progress)
        command.do(context.case)
        return command

    def done(command: Any) -> None:
        context.push_done(command)
        added = {k: n for k, n in command.result.items() if n and k != "same_entities"}
        shell.show_status(tr("Merged {name}: added {added}").format(
            name=plan.other_name,
            added=", ".join(f"{n} {k.replace('_', ' ')}" for k, n in added.items())
            or tr("nothing new")))

    run_task(shell.dialog_parent(), tr("Merging {name}").format(name=plan.other_name), merge, done,
             lambda message: shell.show_warning(tr("Merge Case File"), message),
             lambda: shell.show_status(tr("Merge cancelled; nothing was changed.")))

"""``casefile --self-test``: proof that an installed copy works, end to end, with no
display: it builds the sample case in a temporary folder, opens it in the main window,
renders every pane once, prints the evidence summary to a temporary PDF, verifies the
case and loads the translations. One line per step; exit 0 when all pass, 1 (with the
step that failed) when one does. Nothing of the person's own is touched: settings and
the case live in the temporary folder.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

PANE_WAIT_MS = 20_000  # longest wait for a pane's background reads


class SelfTestFailure(Exception):
    pass


def run(say: Callable[[str], None] = print) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="casefile-self-test-") as scratch:
        folder = Path(scratch)
        step, mark = "start", time.monotonic()

        def done(text: str) -> None:
            nonlocal mark
            say(f"{text} ({time.monotonic() - mark:.1f} s)")
            mark = time.monotonic()

        try:
            step = "Qt"
            app = _application(folder)
            done(f"Qt {_qt_version()} on the {app.platformName()} platform")
            step = "sample case"
            case = _sample(folder)
            done(f"sample case built: {_counts(case)}")
            step = "panes"
            done(f"panes rendered: {_render_panes(app, case)}")
            step = "reopen"
            case = _reopen(folder / "sample.casefile")
            step = "summary"
            done(f"evidence summary printed: {_summary(case, folder / 'summary.pdf')}")
            step = "check"
            done(f"case verified: {_verify(case)}")
            step = "translations"
            done(f"translations: {_translations()}")
            case.close()
        except Exception as error:  # every failure is one line naming its step
            first = (str(error).strip().splitlines() or [type(error).__name__])[0]
            say(f"self-test FAILED at {step}: {first}")
            return 1
    say(f"self-test passed in {time.monotonic() - started:.1f} s")
    return 0


def _application(folder: Path):
    from PySide6.QtCore import QSettings

    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.NativeFormat, scope, str(folder / "settings"))
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder / "settings"))
    from desktop.shell.app import make_app

    return make_app()


def _qt_version() -> str:
    from PySide6.QtCore import qVersion

    return qVersion()


def _sample(folder: Path):
    from db.sample.build import build_sample

    return build_sample(folder / "sample.casefile")


def _counts(case) -> str:
    from db.reads import queries

    c = case.read(queries.counts)
    if not (c.entities and c.links and c.documents and c.claims):
        raise SelfTestFailure(f"the sample case is incomplete: {c}")
    return f"{c.entities} entities, {c.links} links, {c.documents} documents, {c.claims} claims"


def _settle(app) -> None:
    from PySide6.QtCore import QThreadPool

    for _ in range(3):
        if not QThreadPool.globalInstance().waitForDone(PANE_WAIT_MS):
            raise SelfTestFailure("background work did not finish")
        for _ in range(20):
            app.processEvents()


def _render_panes(app, case) -> str:
    from db.reads import queries
    from desktop.shell.main_window import MainWindow

    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    window.set_case(case)
    _settle(app)
    renera = case.read(queries.find_entities, "Renera")
    if renera:
        window.coordinator.entity_selected(renera[0].id)
        window.coordinator.show_chain(renera[0].id)
        _settle(app)
    rendered = []
    for name, dock in window.docks.items():
        dock.show()
        dock.raise_()
        _settle(app)
        image = window.panes[name].grab().toImage()
        if image.isNull() or image.width() < 50 or image.height() < 50:
            raise SelfTestFailure(f"the {name} pane did not render")
        rendered.append(name)
    window.set_case(None)  # closes the case, as closing the window would
    window.deleteLater()
    return ", ".join(rendered)


def _reopen(path: Path):
    from db.core import CaseFile

    return CaseFile.open(path)


def _summary(case, path: Path) -> str:
    from db.reporting import build_case_summary
    from desktop.reports import write_pdf

    pages = write_pdf(build_case_summary(case), path)
    if pages < 1 or not path.read_bytes().startswith(b"%PDF"):
        raise SelfTestFailure("the PDF is empty")
    return f"{pages} pages, {path.stat().st_size // 1024} KB"


def _verify(case) -> str:
    from db.verify.check import check_case

    report = check_case(case)
    if not report.ok:
        problems = report.integrity + report.document_problems + report.audit_problems \
            + report.claim_problems
        raise SelfTestFailure("; ".join(problems[:3]) or "check failed")
    return (f"integrity ok, {report.documents_checked} documents re-hashed, "
            f"{report.audit_rows} audit rows")


def _translations() -> str:
    from PySide6.QtCore import QCoreApplication

    from desktop.shell import settings, translation

    languages = translation.available_languages()
    for language in languages[1:]:
        translation.install(language)
        if QCoreApplication.translate("Menus", "&File") == "&File":
            raise SelfTestFailure(f"the {language} catalogue did not load")
    translation.install(settings.LANGUAGE.get())
    return ", ".join(languages)

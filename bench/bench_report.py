"""Benchmark: the whole-case summary of a case with 500 claims, rendered to PDF.

Builds the case through the services (one transaction), then times gathering the
content (db.reporting) and rendering it (desktop.reports) separately, against a baseline
measured in the same run: QTextDocument with the same number of plain paragraphs, of the
same text, printed to QPdfWriter in one go. Run: .venv/bin/python bench/bench_report.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CLAIMS = 500


def build(path: Path):
    from db.core.casefile import CaseFile
    from db.core.commands import run
    from db.services import entities as E
    from db.services import evidence as X
    from db.services import links as L

    case = CaseFile.create(path, name="Benchmark: 500 claims", author="bench")
    sentences = [f"Company {i} holds {i % 90 + 5}% of Company {i + 1} since 20{10 + i % 14}, "
                 f"according to the registry extract number {1000 + i}." for i in range(CLAIMS)]
    text = " ".join(sentences)

    def populate(tx) -> None:
        source = X.create_source(tx, "Company registry", reliability="A", kind="registry")
        document = X.add_document(tx, "registry.txt", text.encode(), source_id=source,
                                  title="Registry extract")
        companies = [E.create_entity(tx, "Company", f"Company {i}") for i in range(CLAIMS + 1)]
        for i, sentence in enumerate(sentences):
            link = L.create_link(tx, "Ownership", companies[i], companies[i + 1],
                                 share=i % 90 + 5, start_date=f"20{10 + i % 14}")
            claim = X.create_claim_for_excerpt(tx, document, sentence, credibility=1 + i % 6,
                                               statement=f"Company {i} owns Company {i + 1}.",
                                               status="disputed" if i % 50 == 0 else "unverified")
            X.attach_claim(tx, claim, link_id=link)

    run(case, "Build benchmark case", populate)
    return case, sentences


def main() -> int:
    from PySide6.QtGui import QGuiApplication, QPdfWriter, QTextDocument

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    from db.reporting import build_case_summary
    from desktop.reports import write_pdf
    from desktop.reports.document import page_layout

    folder = Path(tempfile.mkdtemp())
    started = time.perf_counter()
    case, sentences = build(folder / "bench.casefile")
    print(f"built case with {CLAIMS} claims in {time.perf_counter() - started:.2f} s")

    started = time.perf_counter()
    writer = QPdfWriter(str(folder / "baseline.pdf"))
    writer.setPageLayout(page_layout())
    document = QTextDocument()
    document.setHtml("".join(f"<p>{s}</p>" for s in sentences * 2))  # excerpt + statement
    document.print_(writer)
    del writer
    baseline = time.perf_counter() - started

    started = time.perf_counter()
    summary = build_case_summary(case)
    gathered = time.perf_counter() - started
    started = time.perf_counter()
    pages = write_pdf(summary, folder / "summary.pdf")
    rendered = time.perf_counter() - started
    total = gathered + rendered
    print(f"baseline: {2 * CLAIMS} plain paragraphs to PDF: {baseline:.2f} s")
    print(f"case summary: gather {gathered:.2f} s + render {rendered:.2f} s = {total:.2f} s, "
          f"{pages} pages")
    print(f"ratio against baseline: {total / baseline:.1f}x")
    case.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

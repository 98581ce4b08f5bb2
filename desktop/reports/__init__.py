"""Printing evidence summaries: HTML for QTextDocument, the chain figure, and paged
output with a marking and "Page n of m" on every page (QPrinter / QPdfWriter)."""

from desktop.reports.document import build_document, print_summary, write_pdf

__all__ = ["build_document", "print_summary", "write_pdf"]

"""Word (.docx) and Excel (.xlsx) files as documents.

A .docx becomes its paragraphs and tables in reading order (a table's cells separated
by tabs, one row a line); an .xlsx becomes each sheet under its name, one row a line,
cells separated by tabs, values as the sheet shows them (no formulas evaluated: the
values Excel saved). Both are zip files: they are read only in the isolated child,
whose memory limit bounds a zip bomb.
"""

from __future__ import annotations

import io
import zipfile

from db.extract.base import DOCX_MIME as DOCX
from db.extract.base import XLSX_MIME as XLSX
from db.extract.base import Extracted, ExtractionError

MAX_CELLS = 2_000_000


def docx_document(file_name: str, data: bytes, mime: str) -> Extracted:
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError as error:  # pragma: no cover - python-docx is a dependency
        raise ExtractionError("Word support is not installed") from error
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ExtractionError(f"the Word file could not be read ({error})") from error
    blocks: list[str] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            blocks.append(Paragraph(child, document).text)
        elif tag == "tbl":
            table = Table(child, document)
            blocks.append("\n".join("\t".join(_cell_text(cell) for cell in _unique(row.cells))
                                    for row in table.rows))
    text = "\n".join(blocks).strip()
    properties = {}
    core = document.core_properties
    if core.author:
        properties["author"] = [core.author]
    if core.created:
        properties["created"] = [core.created.isoformat()]
    return Extracted(text, DOCX, title=core.title or None, properties=properties)


def _unique(cells):
    """A merged cell appears once per grid column it spans; keep it once."""
    seen, kept = set(), []
    for cell in cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            kept.append(cell)
    return kept


def _cell_text(cell) -> str:
    return " ".join(p.text for p in cell.paragraphs).replace("\t", " ").strip()


def xlsx_document(file_name: str, data: bytes, mime: str) -> Extracted:
    try:
        import openpyxl
    except ImportError as error:  # pragma: no cover - openpyxl is a dependency
        raise ExtractionError("Excel support is not installed") from error
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise ExtractionError(f"the Excel file could not be read ({error})") from error
    parts: list[str] = []
    cells = 0
    for sheet in book.worksheets:
        rows = []
        for row in sheet.iter_rows(values_only=True):
            cells += len(row)
            if cells > MAX_CELLS:
                raise ExtractionError(f"the workbook has more than {MAX_CELLS:,} cells")
            values = ["" if v is None else _cell_value(v) for v in row]
            while values and not values[-1]:
                values.pop()
            if values:
                rows.append("\t".join(values))
        if rows:
            parts.append(f"{sheet.title}\n" + "\n".join(rows))
    book.close()
    return Extracted("\n\n".join(parts), XLSX,
                     properties={"sheet": [s.title for s in book.worksheets]})


def _cell_value(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return " ".join(str(value).split())


OFFICE_READERS = {DOCX: docx_document, XLSX: xlsx_document}

"""Spreadsheet files as investigators get them: text in an unknown encoding, Excel's
``sep=`` line, dates written the local way, and XLSX workbooks.

* ``decode_table``: UTF-8 (with or without BOM) and UTF-16 with BOM are read as they
  are; anything else is detected with charset-normalizer. Sheets come from Excel, so a
  Windows code page that reads the bytes as cleanly as the best guess is preferred over
  rarer ones (cp1251 over mac_cyrillic), and the import says which encoding it chose —
  and warns when another reading was almost as likely.
* ``split_sep_line``: Excel writes ``sep=;`` as the first line to name the delimiter.
* ``parse_date``: a date in the format chosen in the mapping ("DD.MM.YYYY" …), partial
  dates included ("03.2015" → "2015-03"), as the app's ISO partial date.
* ``xlsx_rows``: the first sheet of a workbook as text rows (openpyxl, read-only).
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime
from typing import Any

from db.formats.results import FormatError
from db.formats.validate import MAX_VALUE_CHARS
from db.partial_date import PartialDateError, normalise

# Most likely first: what Excel writes in each region, then the rest.
PREFERRED = ("cp1252", "cp1251", "cp1250", "cp1253", "cp1254", "cp1257", "cp1255", "cp1256",
             "koi8_r", "latin_1", "iso8859_15", "gb18030", "big5", "shift_jis", "euc_kr")
CLOSE = 0.05  # chaos difference under which two readings count as equally likely

DATE_FORMATS = ("YYYY-MM-DD", "DD.MM.YYYY", "DD/MM/YYYY", "MM/DD/YYYY", "DD-MM-YYYY",
                "YYYY/MM/DD")
_FIELDS = {"YYYY": r"(?P<year>\d{4})", "MM": r"(?P<month>\d{1,2})", "DD": r"(?P<day>\d{1,2})"}


def decode_table(data: bytes, name: str) -> tuple[str, list[str]]:
    """(text, warnings) of a CSV file's bytes; FormatError when it is not text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError as error:
            raise FormatError(f"{name}: not UTF-16 text (byte {error.start})") from None
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise FormatError(f"{name}: not a text file (no encoding reads it)")
    best = matches[0]
    close = [m for m in matches if m.chaos <= best.chaos + CLOSE]
    choice = next((m for wanted in PREFERRED for m in close if m.encoding == wanted), best)
    text = str(choice)
    warnings = [f"{name} is not UTF-8: read as {choice.encoding} (detected); check that "
                "names read right"]
    others = [m.encoding for m in close if m is not choice and str(m) != text]
    if others:
        warnings.append(f"{name}: the encoding is unsure — {', '.join(others[:3])} would read "
                        "it differently; convert the file to UTF-8 if names look wrong")
    return text, warnings


def split_sep_line(text: str) -> tuple[str, str | None]:
    """(text without Excel's ``sep=X`` first line, X or None)."""
    first, _newline, rest = text.partition("\n")
    line = first.rstrip("\r\n").strip(" \"")  # not .strip(): "sep=\t" names the tab
    if line.lower().startswith("sep=") and len(line) == 5:
        return rest, line[4]
    return text, None


def parse_date(text: str, fmt: str | None) -> str | None:
    """The ISO partial date ``text`` stands for in ``fmt``; None when it is not one.

    ``fmt`` None or "YYYY-MM-DD" reads ISO (partial) dates. With another format, the
    day or the day and month may be missing ("03.2015", "2015").
    """
    text = text.strip()
    if not fmt or fmt == "YYYY-MM-DD":
        try:
            return normalise(text)
        except PartialDateError:
            return None
    if fmt not in DATE_FORMATS:
        raise FormatError(f"mapping: unknown date format {fmt!r} ({', '.join(DATE_FORMATS)})")
    separator = fmt[4] if fmt.startswith("YYYY") else fmt[2]
    parts = fmt.split(separator)
    for keep in (parts, [p for p in parts if p != "DD"], ["YYYY"]):
        pattern = re.escape(separator).join(_FIELDS[p] for p in keep)
        match = re.fullmatch(pattern, text)
        if match:
            found = match.groupdict()
            iso = found["year"] + "".join(f"-{int(found[k]):02d}" for k in ("month", "day")
                                          if found.get(k))
            try:
                return normalise(iso)
            except PartialDateError:
                return None
    try:  # an ISO date in a column declared otherwise is still unambiguous
        return normalise(text) if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text) else None
    except PartialDateError:
        return None


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() \
            else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def xlsx_rows(data: bytes, name: str,
              other_sheets: list[str] | None = None) -> list[list[str]]:
    """The first sheet's rows as text (dates as ISO), refusing what is not a workbook.
    The names of the sheets not read go into ``other_sheets`` when it is given."""
    from openpyxl import load_workbook

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise FormatError(f"{name}: not an XLSX workbook (not a zip file)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > 200 * len(data) + 10**7:
                raise FormatError(f"{name}: the workbook unpacks to far more than its size")
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = book.worksheets[0]
        if other_sheets is not None:
            other_sheets.extend(book.sheetnames[1:])
        rows = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        book.close()
    except FormatError:
        raise
    except Exception:  # noqa: BLE001 - openpyxl's many errors all mean "not readable"
        raise FormatError(f"{name}: not a readable XLSX workbook") from None
    for number, row in enumerate(rows, 1):
        for cell in row:
            if len(cell) > MAX_VALUE_CHARS:
                raise FormatError(f"{name}, row {number}: a cell of {len(cell):,} characters "
                                  f"is longer than {MAX_VALUE_CHARS:,}")
    while rows and not any(rows[-1]):
        rows.pop()
    return rows

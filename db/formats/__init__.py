"""Formats investigators exchange: FollowTheMoney, BODS, CSV/XLSX, GraphML/GEXF.

Every importer first *reads* a file into an ``ImportBatch`` (pure, nothing written —
the GUI previews it), then ``write_batch`` adds the batch to the case as one undoable
command in one transaction. A malformed file raises ``FormatError`` naming the line or
record at fault before anything is written. ``import_file`` / ``export_file`` pick the
format by name, file extension or content.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from db.core.progress import NO_PROGRESS, Progress
from db.formats.results import FormatError, ImportBatch, ImportResult

if TYPE_CHECKING:
    from db.core.casefile import CaseFile

IMPORT_FORMATS = ("ftm", "bods", "csv", "xlsx", "graphml", "gexf", "mtgx", "casefile")
EXPORT_FORMATS = ("ftm", "bods", "graphml", "gexf", "anx", "csv", "xlsx")

__all__ = ["EXPORT_FORMATS", "IMPORT_FORMATS", "FormatError", "ImportBatch", "ImportResult",
           "export_file", "guess_format", "import_file", "read_file"]


def guess_format(path: str | Path) -> str:
    """The import format of ``path`` from its extension, else from its first bytes."""
    path = Path(path)
    suffix = path.suffix.lower()
    by_suffix = {".ijson": "ftm", ".ftm": "ftm", ".csv": "csv", ".tsv": "csv", ".xlsx": "xlsx",
                 ".graphml": "graphml", ".gexf": "gexf", ".mtgx": "mtgx",
                 ".casefile": "casefile"}
    if suffix in by_suffix:
        return by_suffix[suffix]
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError as error:
        raise FormatError(f"{path.name}: cannot read ({error.strerror})") from None
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"SQLite format 3"):
        return "casefile"
    if text.startswith(b"<") and b"graphml" in head:
        return "graphml"
    if text.startswith(b"<") and b"<gexf" in head:
        return "gexf"
    if b"statementId" in head or b"recordDetails" in head:
        return "bods"
    if text.startswith((b"{", b"[")) and b'"schema"' in head:
        return "ftm"
    raise FormatError(f"{path.name}: cannot tell the format; pass --format "
                      f"({', '.join(IMPORT_FORMATS)})")


def read_file(path: str | Path, fmt: str | None = None, *, mapping_path: str | Path | None = None,
              progress: Progress = NO_PROGRESS) -> ImportBatch:
    """Read ``path`` into a batch (nothing written). Not for "casefile" (see db.services.merge)."""
    path = Path(path)
    fmt = fmt or guess_format(path)
    if fmt == "ftm":
        from db.formats.ftm import read_ftm
        return read_ftm(path, progress)
    if fmt == "bods":
        from db.formats.bods import read_bods
        return read_bods(path, progress)
    if fmt in ("csv", "xlsx"):
        from db.formats.csv_io import CsvMapping, read_csv_bytes, read_xlsx_bytes
        if mapping_path is None:
            raise FormatError(f"{fmt.upper()} import needs a column mapping (--mapping FILE.json)")
        reader = read_csv_bytes if fmt == "csv" else read_xlsx_bytes
        return reader(path.read_bytes(), path.name, CsvMapping.load(mapping_path), progress)
    if fmt == "graphml":
        from db.formats.graphml import read_graphml
        return read_graphml(path, progress)
    if fmt == "gexf":
        from db.formats.gexf import read_gexf
        return read_gexf(path, progress)
    if fmt == "mtgx":
        from db.formats.maltego import read_mtgx
        return read_mtgx(path, progress)
    raise FormatError(f"unknown import format {fmt!r} (use {', '.join(IMPORT_FORMATS)})")


def import_file(case: CaseFile, path: str | Path, fmt: str | None = None, *,
                mapping_path: str | Path | None = None,
                progress: Progress = NO_PROGRESS) -> ImportResult:
    """Read and add a file to the case in one transaction (one undoable step).

    FtM streams (``db.formats.ftm_stream``): memory stays bounded at any file size."""
    from db.formats.batch import write_batch

    if (fmt or guess_format(path)) == "ftm":
        from db.formats.ftm_stream import import_ftm_file
        return import_ftm_file(case, path, progress).result

    batch = read_file(path, fmt, mapping_path=mapping_path, progress=progress)
    return write_batch(case, batch, progress).result


def export_file(case: CaseFile, out: str | Path, fmt: str,
                progress: Progress = NO_PROGRESS, *, bom: bool = False,
                entity: str | None = None) -> dict[str, int]:
    """Write the case to ``out`` in ``fmt``; returns counts written per kind.

    ``bom``: CSV only, a UTF-8 byte-order mark for Excel. ``entity``: BODS only, the
    entity whose ownership and control chain is written instead of the whole case."""
    from db.core.signing import sign_quietly

    sign_quietly(case, "export")  # custody: who let which state of the case out
    out = Path(out)
    if fmt == "ftm":
        from db.formats.ftm_export import export_ftm
        return export_ftm(case, out, progress)
    if fmt == "bods":
        from db.formats.bods_export import export_bods
        return export_bods(case, out, progress, entity=entity)
    if fmt == "graphml":
        from db.formats.graphml import export_graphml
        return export_graphml(case, out, progress)
    if fmt == "gexf":
        from db.formats.gexf import export_gexf
        return export_gexf(case, out, progress)
    if fmt == "anx":
        from db.formats.anx import export_anx
        return export_anx(case, out, progress)
    if fmt == "csv":
        from db.formats.csv_export import export_csv
        return export_csv(case, out, progress, bom=bom)
    if fmt == "xlsx":
        from db.formats.csv_export import export_xlsx
        return export_xlsx(case, out, progress)
    raise FormatError(f"unknown export format {fmt!r} (use {', '.join(EXPORT_FORMATS)})")

"""Reading printed PDFs back as a reader would: poppler's pdftotext/pdfinfo/pdftoppm."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

BIDI_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                                       "\u2066\u2067\u2068\u2069"))



def poppler(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.fail(f"{tool} is missing: install poppler-utils (apt-get install "
                    f"poppler-utils) — the report tests read PDFs back with it")
    return path


def normalise(value: str) -> str:
    """Compare text as printed: compatibility forms folded (Arabic presentation forms),
    bidi marks dropped, curly apostrophes straightened, whitespace collapsed."""
    value = unicodedata.normalize("NFKC", value).translate(BIDI_CONTROLS)
    value = value.replace("’", "'").replace("‘", "'")
    return " ".join(value.split())


def read_pdf(path: Path) -> list[str]:
    """The text of each page (pdftotext -layout), checked against pdfinfo's page count."""
    info = subprocess.run([poppler("pdfinfo"), str(path)], capture_output=True, text=True,
                          check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    text = subprocess.run([poppler("pdftotext"), "-layout", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout
    texts = text.split("\f")
    if texts and not texts[-1].strip():
        texts = texts[:-1]
    assert len(texts) == pages
    return texts


def body_text(pages: list[str]) -> str:
    """All pages without their header and footer lines, normalised."""
    bodies = []
    for page in pages:
        lines = [line for line in page.splitlines() if line.strip()]
        bodies.append("\n".join(lines[1:-1]))
    return normalise("\n".join(bodies))


def check_every_page(pages: list[str], marking: str) -> None:
    total = len(pages)
    for number, page in enumerate(pages, 1):
        lines = [line for line in page.splitlines() if line.strip()]
        # Header and footer. (A table row split by a page break leaves its clipped,
        # invisible part in the PDF, which pdftotext also reads: so no "first line".)
        assert page.count(marking) >= 2, f"page {number}: marking not in header and footer"
        assert marking in lines[-1], f"page {number}: no marking in the footer"
        assert f"Page {number} of {total}" in lines[-1], f"page {number}: no 'Page n of m'"


def save_pngs(pdf: Path, artifacts: Path, name: str, last: int = 3) -> None:
    for old in artifacts.glob(f"{name}-*.png"):
        old.unlink()
    subprocess.run([poppler("pdftoppm"), "-r", "60", "-png", "-f", "1", "-l", str(last),
                    str(pdf), str(artifacts / name)], check=True)
    assert list(artifacts.glob(f"{name}-*.png"))

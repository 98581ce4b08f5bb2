"""PDFs written byte by byte for tests: a page of text at known places, and hostile files
(nested form XObjects, a page tree that contains itself, truncated, garbage)."""

from __future__ import annotations


def pdf_from_objects(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF whose object n (1-based) is ``objects[n - 1]``, with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += (b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objects) + 1, root, xref))
    return bytes(out)


def _stream(content: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(content), extra) + content + b"\nendstream"


def text_pdf(lines_per_page: list[list[str]], size: int = 12) -> bytes:
    """Pages of Helvetica lines; line i of a page starts at x=72, baseline 720 - 20 i."""
    pages = len(lines_per_page)
    # 1 catalog, 2 pages, 3 font, then (page, content) per page
    kids = b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    for index, lines in enumerate(lines_per_page):
        ops = [b"BT /F1 %d Tf" % size]
        for number, line in enumerate(lines):
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(b"1 0 0 1 72 %d Tm (%s) Tj" % (720 - 20 * number,
                                                      escaped.encode("latin-1")))
        ops.append(b"ET")
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                       b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>"
                       % (5 + 2 * index))
        objects.append(_stream(b"\n".join(ops)))
    return pdf_from_objects(objects)


def nested_xobject_pdf(depth: int = 40, fan_out: int = 8) -> bytes:
    """A few KB that ask for fan_out ** depth drawings: each form draws the next one
    ``fan_out`` times (the memory and time bomb of issue 11)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
               b"/Resources << /XObject << /X 5 0 R >> >> /Contents 4 0 R >>",
               _stream(b" ".join([b"q /X Do Q"] * fan_out))]
    for level in range(depth):
        this = 5 + level
        if level == depth - 1:
            body = b"0 0 m 612 792 l S BT ET"
            objects.append(_stream(body, b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] "))
        else:
            body = b" ".join([b"q 0.9 0 0 0.9 1 1 cm /X Do Q"] * fan_out)
            objects.append(_stream(body, b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] "
                                   b"/Resources << /XObject << /X %d 0 R >> >> "
                                   % (this + 1)))
    return pdf_from_objects(objects)


def self_containing_page_tree_pdf() -> bytes:
    """A page tree whose /Kids holds the tree itself."""
    return pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R 2 0 R] /Count 1000000 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"])


def truncated_pdf() -> bytes:
    whole = text_pdf([["Renera is wholly owned by Rosatom."]])
    return whole[: len(whole) // 2]


GARBAGE = bytes((i * 7919 + 13) % 256 for i in range(4096))

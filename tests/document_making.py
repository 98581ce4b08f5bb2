"""Files of every kind investigators receive, generated for tests: Word, Excel, e-mail
with attachments, mbox, MHTML saved by a browser, WARC captures, a scanned page."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime

from tests.pdf_making import text_pdf

SENTENCE = "Renera is wholly owned by Rosatom State Corporation since 2021."


def docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.title = "Kama register extract"
    document.add_heading("Register extract", level=1)
    document.add_paragraph(SENTENCE)
    table = document.add_table(rows=2, cols=2)
    for row, values in zip(table.rows, [("Owner", "Share"), ("Rosatom", "100%")], strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_paragraph("Issued by the registry.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def xlsx_bytes() -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Owners"
    sheet.append(["Company", "Owner", "Share"])
    sheet.append(["Renera", "Rosatom", 100])
    sheet.append(["JSC Kama", "Renera", 0.5])
    second = book.create_sheet("Notes")
    second["A1"] = SENTENCE
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def eml_bytes() -> bytes:
    message = EmailMessage()
    message["From"] = "Source <source@example.org>"
    message["To"] = "desk@example.org"
    message["Subject"] = "Registry papers — Renera"
    message["Date"] = format_datetime(datetime(2024, 3, 14, 9, 30, tzinfo=UTC))
    message.set_content("Attached are the papers we spoke about.\n")
    message.add_attachment(text_pdf([["Registry extract"], [SENTENCE]]),
                           maintype="application", subtype="pdf", filename="extract.pdf")
    message.add_attachment("Call notes: Renera met Mosgortrans in May.\n",
                           filename="notes.txt")
    return message.as_bytes()


def mbox_bytes() -> bytes:
    first = eml_bytes()
    second = EmailMessage()
    second["From"] = "other@example.org"
    second["Subject"] = "Follow-up"
    second.set_content("Kama confirmed the stake.\n")
    return (b"From source@example.org Thu Mar 14 09:30:00 2024\n" + first
            + b"\nFrom other@example.org Fri Mar 15 10:00:00 2024\n" + second.as_bytes()
            + b"\n")


def mhtml_bytes() -> bytes:
    """As Chrome saves a page: quoted-printable UTF-8 HTML plus an image part."""
    html = ("<!DOCTYPE html><html><head><title>Kama notice</title></head><body>"
            "<h1>Notice — Kama</h1><p>" + SENTENCE + "</p><table><tr><td>Rosatom</td>"
            "<td>100%</td></tr></table><img src=\"cid:seal\"></body></html>")
    message = EmailMessage()
    message["From"] = "<Saved by Blink>"
    message["Snapshot-Content-Location"] = "https://registry.example/kama"
    message["Subject"] = "Kama notice"
    message["Date"] = "Thu, 14 Mar 2024 09:30:00 -0000"
    message.make_related()
    message.add_related(html, subtype="html", cte="quoted-printable")
    message.add_related(b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, maintype="image", subtype="png",
                        cid="<seal>")
    return message.as_bytes()


def warc_bytes(gzip: bool = True) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    pages = [("https://registry.example/kama", "2024-03-14T09:30:00Z",
              "<html><head><title>Kama</title></head><body><p>" + SENTENCE
              + "</p></body></html>"),
             ("https://news.example/renera", "2024-03-15T10:00:00Z",
              "<html><body><p>Renera opens a gigafactory.</p></body></html>")]
    for url, when, body in pages:
        payload = body.encode("utf-8")
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                              ("Content-Length", str(len(payload)))],
                                   protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                           http_headers=headers,
                                           warc_headers_dict={"WARC-Date": when})
        writer.write_record(record)
    css = writer.create_warc_record(
        "https://registry.example/s.css", "response", payload=io.BytesIO(b"p{}"),
        http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/css")],
                                      protocol="HTTP/1.1"))
    writer.write_record(css)
    return out.getvalue()


def scanned_page_png(lines: list[str], size: int = 40) -> bytes:
    """A page image of ``lines`` in DejaVu Sans, as a scanner would give it (no text)."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", size)
    image = Image.new("L", (1700, 400 + 80 * len(lines)), 255)
    draw = ImageDraw.Draw(image)
    for number, line in enumerate(lines):
        draw.text((120, 150 + 80 * number), line, fill=0, font=font)
    out = io.BytesIO()
    image.save(out, "PNG", dpi=(200, 200))
    return out.getvalue()


def scanned_pdf(lines: list[str]) -> bytes:
    """A PDF whose only page is an image of ``lines``: no text layer."""
    from PIL import Image

    image = Image.open(io.BytesIO(scanned_page_png(lines))).convert("RGB")
    out = io.BytesIO()
    image.save(out, "PDF", resolution=200)
    return out.getvalue()

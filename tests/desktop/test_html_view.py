"""The rendered Page view of an HTML document, driven like an investigator: add a hostile
page, switch to Page, read it; nothing runs, nothing is fetched, a link click only shows
its URL."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QTextDocument
from PySide6.QtNetwork import QNetworkAccessManager

from db.reads.document_bytes import original_bytes
from desktop.panes.documents.html_view import sanitize_html

SENTENCE = "Kama's register lists Renera as sole shareholder since 14 March 2022."
PAGE = f"""<!DOCTYPE html>
<html><head><title>Kama register notice</title>
<link rel=stylesheet href="http://example.invalid/s.css">
<script>alert(1)</script>
</head>
<body onload="alert(2)">
<h1 onclick="alert(3)">Registry notice</h1>
<p onmouseover="alert(4)">{SENTENCE}</p>
<img src="http://example.invalid/x.png" onerror="alert(5)" alt="seal">
<iframe src="http://example.invalid/frame">iframe fallback</iframe>
<form action="http://example.invalid/post"><input value="typed"><button>Send</button></form>
<p>Source: <a href="http://example.invalid/notice">the registry notice</a></p>
</body></html>
"""


@pytest.fixture
def window(make_window, sample):
    return make_window(sample, panes=("documents",))


def test_sanitize_drops_scripts_frames_forms_and_handlers():
    assert sanitize_html(PAGE.replace("<!DOCTYPE html>\n", "")) == (
        '<html><head><title>Kama register notice</title>\n\n\n</head>\n'
        '<body>\n<h1>Registry notice</h1>\n'
        f'<p>{SENTENCE}</p>\n'
        '[seal]\n\n\n'
        '<p>Source: <a href="http://example.invalid/notice">the registry notice</a></p>\n'
        '</body></html>\n')
    # Markup-looking text stays text; an unclosed script swallows the rest (as browsers do).
    assert sanitize_html("<p>&lt;b&gt;x</p><script>y") == "<p>&lt;b&gt;x</p>"


def test_html_page_renders_safely_and_links_do_not_open(qtbot, window, sample, tmp_path,
                                                       monkeypatch, artifacts):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url))
    pane = window.panes["documents"]
    path = tmp_path / "kama-notice.html"
    path.write_text(PAGE, encoding="utf-8")
    pane.add_files([str(path)])
    qtbot.waitUntil(lambda: window.context.undo_stack.count() == 1, timeout=10_000)
    qtbot.waitUntil(lambda: pane.mime_type == "text/html")
    document_id = pane.document_id
    with sample.session() as session:
        assert original_bytes(session, document_id) == PAGE.encode("utf-8")

    # Text stays the place for claims; the second button reads "Page".
    assert pane.stack.currentWidget() is pane.text_view
    assert pane.pdf_button.isVisible() and pane.pdf_button.text() == "Page"
    assert SENTENCE in pane.text_view.toPlainText()
    qtbot.mouseClick(pane.pdf_button, Qt.MouseButton.LeftButton)
    view = pane.html_view
    assert pane.stack.currentWidget() is view and pane.pdf_button.isChecked()
    assert "select passages in Text to create claims" in view.toolTip()
    assert not pane.new_claim_button.isEnabled()

    shown = view.toPlainText()
    assert "Registry notice" in shown and SENTENCE in shown
    for hidden in ("alert(", "iframe fallback", "typed", "Send"):
        assert hidden not in shown
    # No resource is even named any more (the image shows its alt text); one asked for
    # anyway gets an empty placeholder, and nothing that could fetch exists.
    assert "[seal]" in shown
    assert "example.invalid/x.png" not in {url for _kind, url in view.requested}
    image = view.document().resource(QTextDocument.ResourceType.ImageResource,
                                      QUrl("http://example.invalid/x.png"))
    assert image.size().width() == 1
    assert view.findChildren(QNetworkAccessManager) == []
    assert pane.findChildren(QNetworkAccessManager) == []
    pane.grab().save(str(artifacts / "html_view.png"))

    # Clicking the link reports its URL and opens nothing.
    cursor = view.document().find("the registry notice", 0,
                                  QTextDocument.FindFlag.FindCaseSensitively)
    assert not cursor.isNull()
    cursor.setPosition(cursor.selectionStart() + 3)
    rect = view.cursorRect(cursor)
    point = QPoint(rect.center().x(), rect.center().y())
    assert view.anchorAt(point) == "http://example.invalid/notice"
    with qtbot.waitSignal(pane.sig_status, timeout=2_000) as status:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert status.args == ["Link (not opened): http://example.invalid/notice"]
    assert opened == []
    assert pane.html_view.document_id == document_id

    # Back to Text; opening the sample article (plain text) hides the toggle.
    qtbot.mouseClick(pane.text_button, Qt.MouseButton.LeftButton)
    assert pane.stack.currentWidget() is pane.text_view
    pane.open_document(sample.ids["document"])
    assert not pane.pdf_button.isVisible() and not pane.text_button.isVisible()
    assert pane.html_view.document_id is None


def _watch_opens(paths):
    """An inotify descriptor reporting any open or read of ``paths`` (no strace needed)."""
    import ctypes
    import os

    libc = ctypes.CDLL(None, use_errno=True)
    descriptor = libc.inotify_init1(os.O_NONBLOCK)
    assert descriptor >= 0
    for path in paths:
        assert libc.inotify_add_watch(descriptor, str(path).encode(), 0x20 | 0x01) >= 0
    return descriptor


def test_html_naming_a_fifo_dev_zero_and_etc_passwd_reads_none_of_them(qtbot, window,
                                                                      tmp_path):
    import faulthandler
    import os

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-CONTENT")
    names = [f"file://{fifo}", str(fifo), "/dev/zero", "file:///dev/zero", "/etc/passwd",
             "file:///etc/passwd", f"file://{secret}", "secret.txt", "pipe"]
    page = "<html><head><style>@import url(/etc/passwd); body {background: url(/dev/zero)}" \
           "</style><link rel=stylesheet href=/etc/passwd></head><body " \
           "background=/dev/zero><p>Visible words.</p>" + "".join(
               f'<img src="{n}"><table background="{n}"><tr><td style="background-image:'
               f'url({n})">cell</td></tr></table><a href="{n}">link</a>' for n in names) \
           + "</body></html>"
    watch = _watch_opens([fifo, secret])
    view = window.panes["documents"].html_view
    faulthandler.dump_traceback_later(60, exit=True)  # a FIFO opened would hang: fail, not hang
    try:
        view.show_html("hostile", page)
        view.resize(600, 400)
        view.grab()  # laid out and painted: every resource Qt would want, asked for now
    finally:
        faulthandler.cancel_dump_traceback_later()
    try:
        events = os.read(watch, 4096)
    except BlockingIOError:
        events = b""
    finally:
        os.close(watch)
    assert events == b""  # neither the FIFO nor the secret file was opened
    shown = view.toPlainText()
    assert "Visible words." in shown and "root:" not in shown and "SECRET" not in shown
    assert all(answer in (" ",) or answer.width() == 1 for answer in view.returned)
    # The markup Qt was given names them only as links (which never open), not as
    # anything to load.
    import re

    given = re.sub(r'<a href="[^"]*">', "", sanitize_html(page))
    assert not any(n in given for n in ("/dev/zero", "/etc/passwd", str(fifo), "secret"))
    assert [url for _kind, url in view.requested] == []


def test_a_saved_mhtml_page_shows_decoded_in_the_page_view(qtbot, window, tmp_path,
                                                          artifacts):
    from tests.document_making import SENTENCE, mhtml_bytes

    pane = window.panes["documents"]
    path = tmp_path / "kama-notice.mhtml"
    path.write_bytes(mhtml_bytes())
    pane.add_files([str(path)])
    qtbot.waitUntil(lambda: pane.mime_type == "multipart/related", timeout=10_000)
    assert pane.pdf_button.isVisible() and pane.pdf_button.text() == "Page"
    qtbot.mouseClick(pane.pdf_button, Qt.MouseButton.LeftButton)
    view = pane.html_view
    assert pane.stack.currentWidget() is view
    qtbot.waitUntil(lambda: SENTENCE in view.toPlainText(), timeout=10_000)
    shown = view.toPlainText()
    assert "Notice — Kama" in shown and "=E2=80=94" not in shown and "=3D" not in shown
    assert view.requested == []  # the image part named by cid: is not even asked for
    pane.grab().save(str(artifacts / "mhtml_page_view.png"))

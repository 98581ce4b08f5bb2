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
        '<html><head><title>Kama register notice</title>\n'
        '<link rel="stylesheet" href="http://example.invalid/s.css">\n\n</head>\n'
        '<body>\n<h1>Registry notice</h1>\n'
        f'<p>{SENTENCE}</p>\n'
        '<img src="http://example.invalid/x.png" alt="seal">\n\n\n'
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
    # Every resource asked for was refused, and nothing that could fetch exists.
    assert ("http://example.invalid/x.png"
            in {url for _kind, url in view.requested})
    assert view.returned == [None] * len(view.requested)
    image = view.document().resource(QTextDocument.ResourceType.ImageResource,
                                      QUrl("http://example.invalid/x.png"))
    assert image is None
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

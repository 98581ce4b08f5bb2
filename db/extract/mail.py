"""E-mail as documents: a message's headers and body as text, its attachments as
documents inside it (``Attached``), and an mbox as the messages it holds."""

from __future__ import annotations

import email
import email.policy
import mailbox
import tempfile
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

from db.extract.base import Attached, Extracted, ExtractionError
from db.extract.html import html_to_text

HEADERS = ("From", "To", "Cc", "Date", "Subject")
MAX_PARTS = 200  # attachments (or mbox messages) kept from one file
MAX_DEPTH = 3  # a message attached to a message attached to a message
_depth = 0


def parse_message(data: bytes) -> EmailMessage:
    return email.message_from_bytes(data, policy=email.policy.default)


def message_body(message: EmailMessage) -> str:
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        return ""
    try:
        content = body.get_content()
    except (LookupError, ValueError) as error:  # an unknown charset, a broken encoding
        raise ExtractionError(f"the message body could not be decoded ({error})") from error
    if body.get_content_type() == "text/html":
        content = html_to_text(content)[0]
    return content.replace("\r\n", "\n")


def email_document(data: bytes, extract: Callable[[str, bytes], Extracted]) -> Extracted:
    """The message as text; each attachment extracted as a document inside it."""
    global _depth
    message = parse_message(data)
    header = "\n".join(f"{key}: {message[key]}" for key in HEADERS if message[key])
    properties = {key.lower(): [str(message[key])] for key in HEADERS if message[key]}
    children: list[Attached] = []
    names: list[str] = []
    _depth += 1
    try:
        for number, part in enumerate(message.iter_attachments()):
            if number >= MAX_PARTS:
                break
            name = part.get_filename() or f"attachment-{number + 1}"
            payload = part.get_payload(decode=True)
            if part.get_content_type() == "message/rfc822":
                inner = part.get_payload()
                payload = (inner[0].as_bytes() if isinstance(inner, list) and inner
                           else payload)
                name = part.get_filename() or f"message-{number + 1}.eml"
            if not payload:
                continue
            names.append(name)
            if _depth > MAX_DEPTH:
                continue
            try:
                children.append(Attached(name, payload, extract(name, payload)))
            except ExtractionError:
                properties.setdefault("unreadableAttachment", []).append(name)
    finally:
        _depth -= 1
    text = f"{header}\n\n{message_body(message)}".strip()
    if names:
        text += "\n\nAttachments: " + ", ".join(names)
        properties["attachment"] = names
    return Extracted(text, "message/rfc822", title=message["Subject"] or None,
                     properties=properties, children=children)


def mbox_document(data: bytes, extract: Callable[[str, bytes], Extracted]) -> Extracted:
    """An mbox: a list of its messages; each message a document inside it."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "messages.mbox"
        path.write_bytes(data)
        box = mailbox.mbox(str(path), create=False)
        raw = [box.get_bytes(key) for key in list(box.keys())[:MAX_PARTS]]
        box.close()
    if not raw:
        raise ExtractionError("the mailbox holds no messages")
    children, lines = [], []
    for number, message_bytes in enumerate(raw, 1):
        child = email_document(message_bytes, extract)
        subject = child.title or f"message {number}"
        children.append(Attached(f"message-{number}.eml", message_bytes, child))
        sender = child.properties.get("from", [""])[0]
        date = child.properties.get("date", [""])[0]
        lines.append(f"{number}. {subject} — {sender} — {date}".rstrip(" —"))
    return Extracted("\n".join(lines), "application/mbox", children=children)

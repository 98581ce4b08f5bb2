"""An e-mail message as text: its headers, then its body (plain text preferred)."""

from __future__ import annotations

import email
import email.policy

from db.extract.html import html_to_text


def email_text(data: bytes) -> tuple[str, str | None]:
    message = email.message_from_bytes(data, policy=email.policy.default)
    header = "\n".join(f"{key}: {message[key]}" for key in ("From", "To", "Date", "Subject")
                       if message[key])
    body = message.get_body(preferencelist=("plain", "html"))
    content = ""
    if body is not None:
        content = body.get_content()
        if body.get_content_type() == "text/html":
            content = html_to_text(content)[0]
    return f"{header}\n\n{content}".strip(), message["Subject"]

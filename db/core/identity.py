"""Who is working: name, organisation and (optionally) e-mail, kept in the user's data
folder beside the log and signing keys — never in a case file, shared by the GUI and the
CLI, readable without Qt.

Every claim, judgement, audit row and printed summary names ``author_name()``; with no
identity saved yet it is the operating system's login, so nothing ever fails for want of
a name. The GUI asks once (first run) and in Edit ▸ Preferences…; ``casefile … --author``
overrides it for one command.
"""

from __future__ import annotations

import getpass
import json
import logging
from dataclasses import asdict, dataclass
from pathlib import Path

from db.core.user_folder import data_folder

log = logging.getLogger(__name__)
IDENTITY_FILE = "identity.json"


@dataclass(frozen=True)
class Identity:
    name: str
    organisation: str = ""
    email: str = ""

    def signature_line(self) -> str:
        """"Anna K. (OCCRP, anna@example.org)" — how a summary's cover names its author."""
        extras = ", ".join(x for x in (self.organisation, self.email) if x)
        return f"{self.name} ({extras})" if extras else self.name


def identity_path() -> Path:
    return data_folder() / IDENTITY_FILE


def login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name is not a reason to fail
        return "unknown"


def saved_identity() -> Identity | None:
    """The identity the person saved, or None (first run, or an unreadable file)."""
    path = identity_path()
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        name = str(data.get("name", "")).strip()
    except (OSError, ValueError, AttributeError):
        log.warning("unreadable identity file %s; using the login name", path)
        return None
    if not name:
        return None
    return Identity(name, str(data.get("organisation", "")).strip(),
                    str(data.get("email", "")).strip())


def current_identity() -> Identity:
    """The saved identity, else the operating system's login with nothing else."""
    return saved_identity() or Identity(login_name())


def save_identity(identity: Identity) -> Path:
    """Store it; ValueError for an empty name (a claim must name someone)."""
    name = identity.name.strip()
    if not name:
        raise ValueError("your name cannot be empty: every claim you make will carry it")
    if len(name) > 200:
        raise ValueError("your name is longer than 200 characters")
    clean = Identity(name, identity.organisation.strip(), identity.email.strip())
    path = identity_path()
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(asdict(clean), ensure_ascii=False, indent=1),
                         encoding="utf-8")
    temporary.replace(path)
    return path


def author_name() -> str:
    return current_identity().name

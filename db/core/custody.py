"""Custody kept outside the case file: the investigator's signing key, the chain heads
this computer has seen, and colleagues' keys met through merges.

A case file can be rewritten by anyone with write access — audit log included, hashes
recomputed. What it cannot do is reach into the investigator's own data folder: there
this module remembers, per case id, the last audit row (seq + hash) the app or the CLI
committed, so a file whose history is shorter or different says so on open and on
``casefile check``. The Ed25519 key signs chain heads (``db.core.signing``); the private
key never enters a case file.

Files in ``data_folder()/custody/``: ``signing_key.pem`` (private, mode 600),
``heads.json`` ({case id: {seq, hash, at, file}}), ``known_keys.json``
({signer name: fingerprint}).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from db.core.user_folder import data_folder
from db.models import utc_now


def custody_folder() -> Path:
    folder = data_folder() / "custody"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _read_json(path: Path) -> dict[str, Any]:
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def _write_json(path: Path, value: dict[str, Any]) -> None:
    """Write whole or not at all: a crash mid-write must not lose every remembered head."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(value, out, indent=1, sort_keys=True)
    os.replace(temporary, path)


# -- the signing key ------------------------------------------------------------------
def _key_path() -> Path:
    return custody_folder() / "signing_key.pem"


def signing_key() -> Ed25519PrivateKey:
    """The investigator's Ed25519 key, created on first use."""
    path = _key_path()
    if path.exists():
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if isinstance(key, Ed25519PrivateKey):
            return key
        raise ValueError(f"{path} is not an Ed25519 key")
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as out:
        out.write(pem)
    return key


def public_key_bytes(key: Ed25519PrivateKey | None = None) -> bytes:
    key = key or signing_key()
    return key.public_key().public_bytes(serialization.Encoding.Raw,
                                         serialization.PublicFormat.Raw)


def fingerprint_of(raw_public_key: bytes) -> str:
    """SHA-256 of the raw public key, hex: what a person compares to recognise a key."""
    return hashlib.sha256(raw_public_key).hexdigest()


def key_fingerprint() -> str:
    """This investigator's key fingerprint (creates the key on first use)."""
    return fingerprint_of(public_key_bytes())


def short_fingerprint(fingerprint: str) -> str:
    """The first 16 hex digits in groups of four: enough to tell keys apart by eye."""
    return " ".join(fingerprint[i:i + 4] for i in range(0, 16, 4))


# -- chain heads remembered per case ----------------------------------------------------
@dataclass(frozen=True)
class Head:
    seq: int
    hash: str

    def __str__(self) -> str:
        return f"{self.seq}:{self.hash}"


def _heads_path() -> Path:
    return custody_folder() / "heads.json"


def remember_head(case_id: str, head: Head, file: str = "") -> None:
    heads = _read_json(_heads_path())
    heads[case_id] = {"seq": head.seq, "hash": head.hash, "at": utc_now(), "file": file}
    _write_json(_heads_path(), heads)


def remembered_head(case_id: str) -> Head | None:
    entry = _read_json(_heads_path()).get(case_id)
    if not isinstance(entry, dict):
        return None
    try:
        return Head(int(entry["seq"]), str(entry["hash"]))
    except (KeyError, TypeError, ValueError):
        return None


# -- colleagues' keys -------------------------------------------------------------------
def _known_path() -> Path:
    return custody_folder() / "known_keys.json"


def known_keys() -> dict[str, str]:
    """Signer name → the fingerprint first seen for that name."""
    return {str(k): str(v) for k, v in _read_json(_known_path()).items()}


def learn_key(signer: str, fingerprint: str) -> bool:
    """Remember ``signer``'s key unless a key is already known for that name.

    Returns False when the name is known with a *different* key (never overwritten:
    that is exactly what a forger would want).
    """
    known = known_keys()
    if signer in known:
        return known[signer] == fingerprint
    known[signer] = fingerprint
    _write_json(_known_path(), known)
    return True

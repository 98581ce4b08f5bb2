"""Signed custody inside the case file: who vouched for which point of its history.

A signature covers (case id, audit seq, that row's hash, signer, reason, time). The hash
chain makes a row's hash depend on every row before it, so rewriting any earlier part of
the history breaks every signature after it; the private key stays in the signer's data
folder (``db.core.custody``), so nobody without it can make a valid one. Signatures sit
beside the chain, not in it: signing is not an edit of the case.

The app signs when a case it changed is closed, and when a summary is printed or the case
exported or sent (``sign_head(case, reason)``).
"""

from __future__ import annotations

import base64
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.core import custody
from db.core.custody import Head
from db.models import AuditEntry, CaseMeta, Signature, canonical_json, utc_now

if TYPE_CHECKING:
    from db.core.casefile import CaseFile

log = logging.getLogger(__name__)

REASONS = ("save", "close", "summary", "export", "send")


def case_id_of(session: Session) -> str | None:
    row = session.get(CaseMeta, "case_id")
    return row.value if row is not None else None


def chain_head(session: Session) -> Head | None:
    row = session.execute(select(AuditEntry.seq, AuditEntry.hash)
                          .order_by(AuditEntry.seq.desc()).limit(1)).first()
    return Head(row[0], row[1]) if row else None


def signed_message(case_id: str, seq: int, head_hash: str, signer: str, fingerprint: str,
                   reason: str, signed_at: str) -> bytes:
    return canonical_json(["Case File Explorer chain head v1", case_id, seq, head_hash,
                           signer, fingerprint, reason, signed_at]).encode("utf-8")


def sign_head(case: CaseFile, reason: str) -> Signature | None:
    """Sign the case's current chain head as ``case.author``; None if there is nothing
    to sign or the same key already signed this head for this reason."""
    if reason not in REASONS:
        raise ValueError(f"unknown signing reason {reason!r}")
    key = custody.signing_key()
    raw = custody.public_key_bytes(key)
    fingerprint = custody.fingerprint_of(raw)
    with case.write_session() as session:  # waits for another writer; never "locked"
        case_id, head = case_id_of(session), chain_head(session)
        if case_id is None or head is None:
            return None
        duplicate = session.scalar(select(Signature.id).where(
            Signature.fingerprint == fingerprint, Signature.seq == head.seq,
            Signature.head_hash == head.hash, Signature.reason == reason))
        if duplicate is not None:
            return None
        signed_at = utc_now()
        message = signed_message(case_id, head.seq, head.hash, case.author, fingerprint,
                                 reason, signed_at)
        row = Signature(seq=head.seq, head_hash=head.hash, signer=case.author,
                        fingerprint=fingerprint,
                        public_key=base64.b64encode(raw).decode("ascii"),
                        signature=base64.b64encode(key.sign(message)).decode("ascii"),
                        reason=reason, signed_at=signed_at)
        session.add(row)
    custody.learn_key(case.author, fingerprint)
    custody.remember_head(case_id, head, case.path.name)
    return row


def sign_quietly(case: CaseFile, reason: str) -> None:
    """Sign, but never let a failure to sign (read-only file, broken key file) stop the
    work the person asked for; the log says why."""
    try:
        sign_head(case, reason)
    except Exception:  # noqa: BLE001 - custody must not block closing or printing
        log.exception("could not sign the chain head of %s (%s)", case.path.name, reason)


@dataclass(frozen=True)
class SignatureCheck:
    """One signature as ``check`` sees it: who, which point of the history, valid or not."""

    id: str
    signer: str
    fingerprint: str
    seq: int
    head_hash: str
    reason: str
    signed_at: str
    problem: str | None = None

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def _problem(row: Signature, case_id: str, hashes: dict[int, str], known: dict[str, str],
             broken_at: int | None) -> str | None:
    try:
        raw = base64.b64decode(row.public_key, validate=True)
        public = Ed25519PublicKey.from_public_bytes(raw)
        public.verify(base64.b64decode(row.signature, validate=True),
                      signed_message(case_id, row.seq, row.head_hash, row.signer,
                                     row.fingerprint, row.reason, row.signed_at))
    except (InvalidSignature, ValueError, TypeError):
        return "the signature does not verify (edited after signing, or forged)"
    if custody.fingerprint_of(raw) != row.fingerprint:
        return "the key's fingerprint is not the one recorded"
    if row.seq not in hashes:
        return f"audit row {row.seq} it signed is no longer in the history (truncated)"
    if hashes[row.seq] != row.head_hash:
        return f"the history up to audit row {row.seq} was rewritten after it was signed"
    if broken_at is not None and broken_at <= row.seq:
        return f"the history it signed no longer holds together at audit row {broken_at}"
    expected = known.get(row.signer)
    if expected is not None and expected != row.fingerprint:
        return (f"signed as {row.signer} with key {custody.short_fingerprint(row.fingerprint)}"
                f", but {row.signer}'s known key is {custody.short_fingerprint(expected)}")
    return None


def check_signatures(session: Session, hashes: dict[int, str],
                     broken_at: int | None = None) -> list[SignatureCheck]:
    """Every signature in the case, oldest first, each verified; ``hashes`` maps audit
    seq → hash of the case's chain as it is, ``broken_at`` is the first row where the
    chain does not hold (a signature over it no longer vouches for anything)."""
    case_id = case_id_of(session) or ""
    known = custody.known_keys()
    out = []
    for row in session.scalars(select(Signature).order_by(Signature.seq, Signature.signed_at)):
        out.append(SignatureCheck(row.id, row.signer, row.fingerprint, row.seq, row.head_hash,
                                  row.reason, row.signed_at,
                                  _problem(row, case_id, hashes, known, broken_at)))
    return out


def learn_signers(session: Session) -> None:
    """A colleague's case is being merged: remember the keys its signers used, the first
    time each name is met (``check`` flags a later file using that name with another key)."""
    for signer, fingerprint in session.execute(
            select(Signature.signer, Signature.fingerprint).distinct()):
        custody.learn_key(signer, fingerprint)


def head_problem(session: Session) -> tuple[str, str] | None:
    """(audit seq, message) when the case's history is shorter than, or differs from,
    the head this computer last saw; None when it continues it (or was never seen)."""
    case_id = case_id_of(session)
    if case_id is None:
        return None
    remembered = custody.remembered_head(case_id)
    if remembered is None:
        return None
    current = chain_head(session)
    if current is None or current.seq < remembered.seq:
        last = current.seq if current else 0
        return (str(remembered.seq), f"the history ends at row {last}, but this computer "
                f"last saw it reach row {remembered.seq} — rows were removed, or this is "
                "an older copy")
    at = session.scalar(select(AuditEntry.hash).where(AuditEntry.seq == remembered.seq))
    if at != remembered.hash:
        return (str(remembered.seq), "the history differs from the one this computer last "
                f"saw (hash {remembered.hash[:16]}…) — it was rewritten")
    return None


def remember_commit(case: CaseFile, head: tuple[int, str]) -> None:
    """After every commit by the app or the CLI: remember the new head for this case id
    (outside the file), so a later truncation or rewrite of the file shows."""
    try:
        case_id = getattr(case, "_custody_case_id", None)
        if case_id is None:
            with case.session() as session:
                case_id = case_id_of(session)
            case._custody_case_id = case_id
        if case_id is not None:
            custody.remember_head(case_id, Head(*head), case.path.name)
    except Exception:  # noqa: BLE001 - the commit happened; not remembering is logged
        log.exception("could not remember the chain head of %s", case.path.name)


def custody_warning(case: CaseFile) -> str | None:
    """One plain line when the case's history is shorter than, or differs from, what
    this computer last saw of it (shown on open); None otherwise."""
    try:
        problem = case.read(head_problem)
    except Exception:  # noqa: BLE001 - a warning must not stop the case from opening
        log.exception("could not compare %s with its remembered chain head", case.path.name)
        return None
    return f"{case.path.name}: audit row {problem[0]}: {problem[1]}" if problem else None


def signer_keys(session: Session) -> list[tuple[str, str, str]]:
    """(signer, fingerprint, "known" | "new" | "other key") for each key that signed a
    case — what a merge review shows before the keys are learnt."""
    known = custody.known_keys()
    out = []
    for signer, fingerprint in session.execute(
            select(Signature.signer, Signature.fingerprint).distinct()
            .order_by(Signature.signer)):
        expected = known.get(signer)
        status = "new" if expected is None else "known" if expected == fingerprint \
            else "other key"
        out.append((signer, fingerprint, status))
    return out

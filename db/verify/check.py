"""``casefile check``: is this case file whole, untampered, and whose hands was it in?

Five questions, each answered with findings that name the table and the row:
the file's own integrity (SQLite); the history (the audit hash chain, replayed and
compared with every row of every evidential table — ``replay``); the bytes, excerpts and
search index (``derived``); custody (the chain head this computer remembers, a head
printed on an earlier summary, and every signature in the file — ``db.core.signing``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from db.core import signing
from db.core.casefile import CaseFile
from db.core.progress import NO_PROGRESS, Progress
from db.core.seam import sqlite as sqlite_seam  # integrity of the file itself
from db.core.seam.sqlite_fts_check import rebuild_fts
from db.core.signing import SignatureCheck
from db.models import AuditEntry
from db.reads import queries
from db.verify.derived import blob_findings, excerpt_findings, search_index_findings
from db.verify.findings import Finding
from db.verify.replay import compare_tables, replay_history

KIND_ORDER = ("integrity", "custody", "history", "state", "document", "derived")


@dataclass
class CheckReport:
    integrity: list[str] = field(default_factory=list)
    documents_checked: int = 0
    audit_rows: int = 0
    findings: list[Finding] = field(default_factory=list)
    signatures: list[SignatureCheck] = field(default_factory=list)
    head_seq: int = 0
    head_hash: str = ""
    unsourced_links: int = 0
    repaired: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.integrity or self.findings)

    def of_kind(self, *kinds: str) -> list[Finding]:
        return [f for f in self.findings if f.kind in kinds]

    @property
    def document_problems(self) -> list[str]:
        return [str(f) for f in self.of_kind("document") if f.table != "claims"]

    @property
    def audit_problems(self) -> list[str]:
        return [f"audit row {f.row_id}: {f.problem}" for f in self.of_kind("history")]

    @property
    def claim_problems(self) -> list[str]:
        return [str(f) for f in self.of_kind("document") if f.table == "claims"]

    @property
    def head(self) -> str:
        return f"{self.head_seq}:{self.head_hash}" if self.head_hash else ""

    def as_dict(self) -> dict:
        return {
            "ok": self.ok, "integrity": self.integrity,
            "documents_checked": self.documents_checked, "audit_rows": self.audit_rows,
            "head": {"seq": self.head_seq, "hash": self.head_hash},
            "findings": [f.as_dict() for f in self.findings],
            "signatures": [s.as_dict() for s in self.signatures],
            "unsourced_links": self.unsourced_links, "repaired": self.repaired,
            # The summary lists of earlier versions, kept for scripts that read them.
            "document_problems": self.document_problems,
            "audit_problems": self.audit_problems,
            "claim_problems": self.claim_problems,
        }


def parse_head(text: str) -> tuple[int | None, str]:
    """"SEQ:HASH" as printed on a summary's cover, or a bare hash (at least 12 digits)."""
    seq_text, _, digest = text.strip().rpartition(":")
    digest = digest.strip().lower()
    if len(digest) < 12 or any(c not in "0123456789abcdef" for c in digest):
        raise ValueError(f"{text!r} is not a chain head (SEQ:HASH, as printed on a summary)")
    if not seq_text:
        return None, digest
    try:
        return int(seq_text), digest
    except ValueError:
        raise ValueError(f"{text!r} is not a chain head (SEQ:HASH)") from None


def expected_head_finding(hashes: dict[int, str], text: str) -> Finding | None:
    seq, digest = parse_head(text)
    candidates = [seq] if seq is not None else list(hashes)
    if any(s in hashes and hashes[s].startswith(digest) for s in candidates):
        return None
    where = str(seq) if seq is not None else ""
    if seq is not None and seq not in hashes:
        reason = f"the history has no row {seq} — it was cut after that head was printed"
    else:
        reason = (f"no row of the history has hash {digest[:16]}… — it was rewritten "
                  "after that head was printed")
    return Finding("custody", "audit_log", where, reason)


def repair_search_index(case: CaseFile) -> None:
    """Rebuild the full-text index from the rows (derived data, so not an audited edit)."""
    with case.write_session() as session:  # waits for another writer; refused read-only
        rebuild_fts(session.connection())


def check_case(case: CaseFile, progress: Progress = NO_PROGRESS,
               expect_head: str | None = None, repair: bool = False) -> CheckReport:
    report = CheckReport()
    if repair:
        repair_search_index(case)
        report.repaired.append("search index rebuilt from the rows")
    progress.step(0, 1, "Checking the file's integrity")
    with case.engine.connect() as connection:
        report.integrity = sqlite_seam.integrity_check(connection)
    if report.integrity:  # damaged pages: reading rows would stop at the first of them
        return report
    with case.session() as session:
        replay = replay_history(session, progress)
        report.audit_rows = replay.rows
        findings = list(replay.findings)
        findings += compare_tables(session, replay, progress)
        report.documents_checked, blobs = blob_findings(session, replay.blobs, progress)
        findings += blobs + excerpt_findings(session)
        progress.step(0, 1, "Checking the search index")
        with case.engine.connect() as connection:
            findings += search_index_findings(session, connection, progress)
        progress.step(0, 1, "Checking custody")
        head = session.execute(select(AuditEntry.seq, AuditEntry.hash)
                               .order_by(AuditEntry.seq.desc()).limit(1)).first()
        if head is not None:
            report.head_seq, report.head_hash = head
        problem = signing.head_problem(session)
        if problem:
            findings.append(Finding("custody", "audit_log", *problem))
        if expect_head:
            expected = expected_head_finding(replay.hashes, expect_head)
            if expected:
                findings.append(expected)
        broken = [int(f.row_id) for f in replay.findings if f.kind == "history"]
        report.signatures = signing.check_signatures(session, replay.hashes,
                                                     min(broken) if broken else None)
        findings += [Finding("custody", "signatures", s.id, f"{s.signer} ({s.reason}, "
                             f"row {s.seq}): {s.problem}") for s in report.signatures
                     if s.problem]
        report.unsourced_links = queries.unsourced_link_count(session)
    # What explains the rest first: a cut or rewritten history makes many rows differ.
    report.findings = sorted(findings, key=lambda f: KIND_ORDER.index(f.kind))
    progress.step(1, 1, "Done")
    return report

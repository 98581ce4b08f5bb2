"""``casefile check``: is this case file whole and untampered?"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field

from sqlalchemy import func, select

from db.core.audit import verify_chain
from db.core.casefile import CaseFile
from db.core.seam import sqlite as sqlite_seam  # integrity of the file itself
from db.models import AuditEntry, Blob, Document
from db.reads import queries
from db.verify.anchors import anchor_problems


@dataclass
class CheckReport:
    integrity: list[str] = field(default_factory=list)
    documents_checked: int = 0
    document_problems: list[str] = field(default_factory=list)
    audit_rows: int = 0
    audit_problems: list[str] = field(default_factory=list)
    claim_problems: list[str] = field(default_factory=list)
    unsourced_links: int = 0

    @property
    def ok(self) -> bool:
        return not (self.integrity or self.document_problems or self.audit_problems
                    or self.claim_problems)

    def as_dict(self) -> dict:
        return {"ok": self.ok, **asdict(self)}


def check_case(case: CaseFile) -> CheckReport:
    report = CheckReport()
    with case.engine.connect() as connection:
        report.integrity = sqlite_seam.integrity_check(connection)
    with case.session() as session:
        for title, expected, data in session.execute(
                select(Document.title, Document.sha256, Blob.data)
                .outerjoin(Blob, Blob.sha256 == Document.sha256)):
            report.documents_checked += 1
            if data is None:
                report.document_problems.append(f"{title}: original bytes missing")
            elif hashlib.sha256(data).hexdigest() != expected:
                report.document_problems.append(
                    f"{title}: stored bytes do not match SHA-256 {expected}")
        report.claim_problems += anchor_problems(session)
        report.audit_rows = session.scalar(select(func.count()).select_from(AuditEntry)) or 0
        report.audit_problems = [str(p) for p in verify_chain(session)]
        report.unsourced_links = queries.unsourced_link_count(session)
    return report

"""``casefile check`` as lines a person reads in a terminal (the CLI prints these)."""

from __future__ import annotations

from db.core.custody import short_fingerprint
from db.verify.check import CheckReport

SHOWN = 50  # findings listed; the count says how many more


def report_lines(name: str, report: CheckReport) -> list[str]:
    lines = [f"{name}: {'ok' if report.ok else 'PROBLEMS FOUND'}"]
    lines += [f"  repaired: {text}" for text in report.repaired]
    integrity = "; ".join(report.integrity) or "ok"
    lines.append(f"  SQLite integrity: {integrity}")
    lines.append(f"  audit rows replayed: {report.audit_rows}, chain head "
                 f"{report.head or 'none'}")
    for kind, label in (("state", "rows differing from their recorded history"),
                        ("history", "audit chain problems"),
                        ("document", "document bytes and excerpts problems"),
                        ("derived", "search index problems"),
                        ("custody", "custody problems")):
        lines.append(f"  {label}: {len(report.of_kind(kind))}")
    lines.append(f"  documents re-hashed: {report.documents_checked}")
    lines.append(f"  links without a supporting claim: {report.unsourced_links}")
    if report.signatures:
        lines.append("  signed by:")
    for signature in report.signatures:
        verdict = "valid" if signature.problem is None else f"INVALID: {signature.problem}"
        lines.append(f"    {signature.signer} (key {short_fingerprint(signature.fingerprint)})"
                     f" signed history up to row {signature.seq} on {signature.reason}, "
                     f"{signature.signed_at} — {verdict}")
    for finding in report.findings[:SHOWN]:
        lines.append(f"  ! {finding}")
    if len(report.findings) > SHOWN:
        lines.append(f"  … and {len(report.findings) - SHOWN} more (--json lists all)")
    return lines

"""What an import reads (``ImportBatch``) and what it did (``ImportResult``).

A batch is plain rows, ready for a bulk insert, plus the report of what the file held
that the case cannot model — unknown schemata and properties are counted and shown,
never silently dropped.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from db.wording import translate


class FormatError(ValueError):
    """A file cannot be read in its format; the message names the line or record."""


KINDS = ("entities", "links", "sources", "documents", "claims", "claim_targets", "events")
# How each kind reads in a report (translated; the keys stay as stored and exported).
KIND_TEXTS = {kind: kind.replace("_", " ") for kind in KINDS}
REPORT_CONTEXT = "ImportReport"


def _t(text: str) -> str:
    return translate(REPORT_CONTEXT, text)


@dataclass
class ImportBatch:
    """Rows read from one file, not yet written. Rows carry every column, ids included."""

    label: str
    origin: str
    entities: list[dict[str, Any]] = field(default_factory=list)
    links: list[dict[str, Any]] = field(default_factory=list)
    sources: list[dict[str, Any]] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    claim_targets: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    blobs: dict[str, bytes] = field(default_factory=dict)  # sha256 → bytes
    # "schema" → count of records of a schema the case does not model
    unknown_schemata: Counter[str] = field(default_factory=Counter)
    # "Schema.property" → count of values kept but not modelled (or not importable)
    unknown_properties: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)  # reason → count
    warnings: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {kind: len(getattr(self, kind)) for kind in KINDS}

    def summary(self) -> dict[str, Any]:
        return {"label": self.label, "origin": self.origin, "to_add": self.counts(),
                "unknown_schemata": dict(sorted(self.unknown_schemata.items())),
                "unknown_properties": dict(sorted(self.unknown_properties.items())),
                "skipped": dict(sorted(self.skipped.items())), "warnings": self.warnings}


@dataclass
class ImportResult:
    """What ``write_batch`` added, and what it left out and why."""

    label: str
    added: dict[str, int]
    already_present: dict[str, int]
    unknown_schemata: dict[str, int]
    unknown_properties: dict[str, int]
    skipped: dict[str, int]
    warnings: list[str]
    entity_ids: list[str] = field(default_factory=list)
    link_ids: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "added": self.added,
                "already_present": self.already_present,
                "unknown_schemata": self.unknown_schemata,
                "unknown_properties": self.unknown_properties,
                "skipped": self.skipped, "warnings": self.warnings}

    def lines(self) -> list[str]:
        """The result as a person reads it (CLI and the GUI's summary), in the interface's
        language; schema and property names, reasons and warnings stay as the file has
        them."""
        def counted(counts: dict[str, int]) -> str:
            return ", ".join(_t("{n} {kind}").format(n=n, kind=_t(KIND_TEXTS.get(k, k)))
                             for k, n in counts.items() if n)

        added = counted(self.added)
        out = [_t("{label}: added {what}").format(label=self.label, what=added) if added
               else _t("{label}: nothing new").format(label=self.label)]
        present = counted(self.already_present)
        if present:
            out.append(_t("already in the case: {what}").format(what=present))
        for schema, n in self.unknown_schemata.items():
            out.append(_t("not imported: {n} × schema {schema}").format(n=n, schema=schema))
        for prop, n in self.unknown_properties.items():
            out.append(_t("kept but not modelled: {n} × {prop}").format(n=n, prop=prop))
        for reason, n in self.skipped.items():
            out.append(_t("skipped: {n} × {reason}").format(n=n, reason=reason))
        out += [_t("warning: {text}").format(text=w) for w in self.warnings]
        return out

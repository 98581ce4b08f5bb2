"""Which of a colleague's entities are ours: by id, then by normalised name with
identifiers and country, scored "same" (folded) or "unsure" (kept apart, judged)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from db.schemata import IDENTIFIER_PROPERTIES

SAME_SCORE = 0.8
UNSURE_SCORE = 0.3
LEGAL_FORMS = {"jsc", "pjsc", "ojsc", "cjsc", "llc", "ltd", "limited", "inc", "corp", "plc",
               "gmbh", "ag", "sa", "oy", "ab", "ao", "pao", "ooo", "bv", "nv", "co"}


def normalise_name(name: str) -> str:
    """Case-, accent-, punctuation- and legal-form-insensitive form of a name."""
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    words = [w for w in re.split(r"[\W_]+", text) if w and w not in LEGAL_FORMS]
    return " ".join(words)


def _names(entity: dict[str, Any]) -> set[str]:
    props = entity["properties"] or {}
    names = [entity["caption"]] + props.get("name", []) + props.get("alias", [])
    return {n for n in (normalise_name(x) for x in names) if n}


def _identifiers(entity: dict[str, Any]) -> set[tuple[str, str]]:
    props = entity["properties"] or {}
    return {(p, re.sub(r"\W", "", v).casefold()) for p in IDENTIFIER_PROPERTIES
            for v in props.get(p, [])}


def _countries(entity: dict[str, Any]) -> set[str]:
    props = entity["properties"] or {}
    return {c.casefold() for p in ("country", "jurisdiction", "nationality")
            for c in props.get(p, [])}


@dataclass
class Match:
    other_id: str
    other_caption: str
    our_id: str
    our_caption: str
    score: float
    category: str  # "same" or "unsure"
    reasons: list[str]


def _score(ours: dict[str, Any], theirs: dict[str, Any]) -> tuple[float, list[str]]:
    score, reasons = 0.0, []
    our_ids, their_ids = _identifiers(ours), _identifiers(theirs)
    if our_ids & their_ids:
        score += 0.6
        reasons.append("same " + ", ".join(sorted({p for p, _ in our_ids & their_ids})))
    elif {p for p, _ in our_ids} & {p for p, _ in their_ids}:
        score -= 0.4
        reasons.append("different registration numbers")
    if _names(ours) & _names(theirs):
        score += 0.3
        reasons.append("same name")
    if ours["schema"] == theirs["schema"]:
        score += 0.05
        reasons.append(f"both {ours['schema']}")
    our_c, their_c = _countries(ours), _countries(theirs)
    if our_c and their_c:
        if our_c & their_c:
            score += 0.05
            reasons.append("same country")
        else:
            score -= 0.2
            reasons.append("different countries")
    return round(score, 3), reasons


def match_entities(ours: list[dict[str, Any]], theirs: list[dict[str, Any]]) -> list[Match]:
    by_id = {e["id"]: e for e in ours}
    merged = {m: e for e in ours for m in (e["properties"] or {}).get("mergedIds", [])}
    by_name: dict[str, list[dict[str, Any]]] = {}
    by_identifier: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for entity in ours:
        for name in _names(entity):
            by_name.setdefault(name, []).append(entity)
        for ident in _identifiers(entity):
            by_identifier.setdefault(ident, []).append(entity)
    matches = []
    for other in theirs:
        hit = by_id.get(other["id"]) or merged.get(other["id"])
        if hit is not None:
            matches.append(Match(other["id"], other["caption"], hit["id"], hit["caption"], 1.0,
                                 "same", ["same id" if hit["id"] == other["id"]
                                          else "merged before"]))
            continue
        candidates = {e["id"]: e for n in _names(other) for e in by_name.get(n, [])}
        candidates.update({e["id"]: e for i in _identifiers(other)
                           for e in by_identifier.get(i, [])})
        best = None
        for candidate in candidates.values():
            score, reasons = _score(candidate, other)
            if best is None or score > best[0]:
                best = (score, reasons, candidate)
        if best is not None and best[0] >= UNSURE_SCORE:
            score, reasons, candidate = best
            matches.append(Match(other["id"], other["caption"], candidate["id"],
                                 candidate["caption"], score,
                                 "same" if score >= SAME_SCORE else "unsure", reasons))
    return matches



"""Which of a colleague's entities are ours — and why.

Identifiers first: the same id (or one folded earlier, kept in ``mergedIds``) or the same
registration number, LEI, tax id or Wikidata id is a sure match ("same"). Otherwise
names: the same name in another script or word order, or a close spelling (rapidfuzz),
weighed with country, date of birth/incorporation and schema, is a proposed match
("unsure") for the reviewer to decide. Every match carries its reasons.

Keys are computed once per entity (``names.entity_keys``) and candidates come from
indexes on identifiers, word-order keys and rare words (blocking), so a large case is
matched in near-linear time.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from db.services.merge.names import (
    DATE_PROPERTIES,
    IDENTIFIER_LABELS,
    EntityKeys,
    NameForms,
    dates_agree,
    entity_keys,
)

PROPOSE_SCORE = 0.5  # below it, no match is proposed
NAME_SIMILARITY = 85  # rapidfuzz token-sort ratio a "close spelling" needs
COMMON_WORD = 50  # a word shared by more entities than this does not make candidates
PEOPLE = {"Person"}


@dataclass
class Match:
    other_id: str
    other_caption: str
    our_id: str
    our_caption: str
    score: float
    category: str  # "same" (identifiers) or "unsure" (proposed: names and context)
    reasons: list[str]


def _name_evidence(ours: EntityKeys, theirs: EntityKeys) -> tuple[float, str | None]:
    """(similarity 0–1, the reason) of the best pair of names."""
    if ours.scripts & theirs.scripts:
        return 1.0, "same name"
    if set(ours.names) & set(theirs.names):
        return 1.0, "same name in another script"
    if ours.keys & theirs.keys:
        return 0.97, "same name, words in another order"
    if set(ours.loose.values()) & set(theirs.loose.values()):
        return 0.95, "same name, spelt differently"
    best, pair = 0.0, None
    for a, written_a in ours.names.items():
        for b, written_b in theirs.names.items():
            ratio = max(fuzz.token_sort_ratio(a, b),
                        fuzz.token_sort_ratio(ours.loose[a], theirs.loose[b]))
            if ratio > best:
                best, pair = ratio, (written_a, written_b)
    if best >= NAME_SIMILARITY and pair:
        return best / 100, f"similar names ({pair[1]} ≈ {pair[0]}, {best:.0f}%)"
    return best / 100, None


def _compatible(a: str, b: str) -> bool:
    return a == b or ((a in PEOPLE) == (b in PEOPLE))


def score(ours: EntityKeys, theirs: EntityKeys) -> tuple[float, str, list[str]] | None:
    """(score, category, reasons) for a candidate pair, or None when it is no match."""
    if not _compatible(ours.schema, theirs.schema):
        return None
    reasons: list[str] = []
    shared = sorted(p for p in set(ours.identifiers) & set(theirs.identifiers)
                    if ours.identifiers[p] & theirs.identifiers[p])
    clashing = sorted(p for p in set(ours.identifiers) & set(theirs.identifiers)
                      if not ours.identifiers[p] & theirs.identifiers[p])
    similarity, name_reason = _name_evidence(ours, theirs)
    if shared and not clashing:
        reasons = [f"same {IDENTIFIER_LABELS.get(p, p)} "
                   f"{sorted(ours.identifiers[p] & theirs.identifiers[p])[0].upper()}"
                   for p in shared]
        if name_reason:
            reasons.append(name_reason)
        return (1.0 if name_reason else 0.95), "same", reasons
    if name_reason is None:
        return None
    value = 0.6 * similarity
    reasons.append(name_reason)
    if clashing:
        value -= 0.5
        reasons += [f"different {IDENTIFIER_LABELS.get(p, p)}s" for p in clashing]
    if ours.schema == theirs.schema:
        value += 0.05
        reasons.append(f"both {ours.schema}")
    if ours.countries and theirs.countries:
        if ours.countries & theirs.countries:
            value += 0.1
            reasons.append("same country")
        else:
            value -= 0.3
            reasons.append("different countries")
    for prop, label in DATE_PROPERTIES.items():
        if prop in ours.dates and prop in theirs.dates:
            if dates_agree(ours.dates[prop], theirs.dates[prop]):
                value += 0.2
                reasons.append(f"same {label}")
            else:
                value -= 0.5
                reasons.append(f"different {label}s")
    value = round(value, 2)
    return (value, "unsure", reasons) if value >= PROPOSE_SCORE else None


class OurIndex:
    """Our entities' keys, indexed for candidate look-up (blocking)."""

    def __init__(self, ours: list[dict[str, Any]], known: dict[str, NameForms] | None = None):
        self.keys = {e["id"]: entity_keys(e, known) for e in ours}
        self.merged = {m: k for k in self.keys.values() for m in k.merged_ids}
        self.by_identifier: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.by_key: dict[str, list[str]] = defaultdict(list)
        self.by_word: dict[str, list[str]] = defaultdict(list)
        for keys in self.keys.values():
            for prop, values in keys.identifiers.items():
                for value in values:
                    self.by_identifier[(prop, value)].append(keys.id)
            for key in keys.keys:
                self.by_key[key].append(keys.id)
            for word in keys.tokens:
                self.by_word[word].append(keys.id)

    def candidates(self, theirs: EntityKeys) -> set[str]:
        found: set[str] = set()
        for prop, values in theirs.identifiers.items():
            for value in values:
                found.update(self.by_identifier.get((prop, value), ()))
        for key in theirs.keys:
            found.update(self.by_key.get(key, ()))
        for word in theirs.tokens:
            hits = self.by_word.get(word, ())
            if len(hits) <= COMMON_WORD:
                found.update(hits)
        return found


def match_entities(ours: list[dict[str, Any]], theirs: list[dict[str, Any]]) -> list[Match]:
    known: dict[str, NameForms] = {}  # each distinct name's forms, once for both cases
    index = OurIndex(ours, known)
    matches = []
    for other in theirs:
        hit = index.keys.get(other["id"]) or index.merged.get(other["id"])
        if hit is not None:
            matches.append(Match(other["id"], other["caption"], hit.id, hit.caption, 1.0,
                                 "same", ["same id" if hit.id == other["id"]
                                          else "merged before"]))
            continue
        keys = entity_keys(other, known)
        best = None
        for candidate_id in index.candidates(keys):
            found = score(index.keys[candidate_id], keys)
            if found and (best is None or (found[1] == "same", found[0])
                          > (best[1][1] == "same", best[1][0])):
                best = (candidate_id, found)
        if best is not None:
            candidate_id, (value, category, reasons) = best
            matches.append(Match(other["id"], other["caption"], candidate_id,
                                 index.keys[candidate_id].caption, value, category, reasons))
    return matches

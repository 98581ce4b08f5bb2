"""Passage → claim (+ the relationship it establishes) in one transaction.

This is the step investigators repeat all day: select a sentence, say what it asserts,
and tie it to a relationship. The claim, an optional new source, an optional new link
and the attachment between them are written by ONE function of a transaction, so the
GUI makes it one undo step and a refused value leaves nothing behind. The guesses that
pre-fill the dialog (link type, direction, share, value, dates) live here too, Qt-free,
so they are tested on plain strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from db.core.transaction import Transaction
from db.models import Document, Entity
from db.partial_date import normalise
from db.reads.excerpt_entities import Mention
from db.schemata import link_schema
from db.services.evidence import attach_claim, create_claim, create_source
from db.services.links import create_link
from db.wording import AMOUNT_MULTIPLIERS, NUMBER_PATTERN, Stake, decimal, link_sentence


# -- what the dialog hands over ------------------------------------------------------------
@dataclass
class NewLink:
    schema: str
    source_id: str
    target_id: str
    stake: Stake = Stake()
    role: str | None = None


@dataclass
class ExistingLink:
    link_id: str


@dataclass
class EntityFact:
    entity_id: str
    prop: str | None = None
    value: str | None = None


@dataclass
class ClaimDraft:
    document_id: str
    span_start: int
    span_end: int
    statement: str = ""
    source_id: str | None = None  # None: the document's own source
    new_source_name: str | None = None  # a source not yet in the case ("Kommersant")
    reliability: str | None = None  # override of the source's grade
    credibility: int = 6
    status: str = "unverified"
    stance: str = "supports"
    target: NewLink | ExistingLink | EntityFact | None = None
    rects: list[Any] | None = None


@dataclass
class FlowResult:
    claim_id: str
    link_id: str | None = None
    target_id: str | None = None
    source_id: str | None = None


def create_claim_from_passage(tx: Transaction, draft: ClaimDraft) -> FlowResult:
    """Write the claim, its new source and link if any, and the attachment."""
    document = tx.session.get(Document, draft.document_id)
    if document is None:
        raise LookupError(f"no document with id {draft.document_id}")
    result = FlowResult(claim_id="")
    source_id = draft.source_id
    if draft.new_source_name and draft.new_source_name.strip():
        source_id = create_source(tx, draft.new_source_name,
                                  reliability=draft.reliability or "F")
        result.source_id = source_id
    if source_id == document.source_id:
        source_id = None  # the claim's source is the document's own: no override
    target = draft.target
    if isinstance(target, NewLink):
        target = _check_new_link(target)
    statement = draft.statement.strip() or _default_statement(tx, target)
    result.claim_id = create_claim(
        tx, draft.document_id, draft.span_start, draft.span_end, statement=statement,
        credibility=draft.credibility, reliability=draft.reliability, status=draft.status,
        source_id=source_id, rects=draft.rects)
    if isinstance(target, NewLink):
        result.link_id = create_link(
            tx, target.schema, target.source_id, target.target_id,
            role=target.role, **target.stake.columns())
        result.target_id = attach_claim(tx, result.claim_id, link_id=result.link_id,
                                        stance=draft.stance)
    elif isinstance(target, ExistingLink):
        result.link_id = target.link_id
        result.target_id = attach_claim(tx, result.claim_id, link_id=target.link_id,
                                        stance=draft.stance)
    elif isinstance(target, EntityFact):
        result.target_id = attach_claim(tx, result.claim_id, entity_id=target.entity_id,
                                        prop=target.prop or None, value=target.value or None,
                                        stance=draft.stance)
    return result


def _check_new_link(link: NewLink) -> NewLink:
    link_schema(link.schema)
    if not link.source_id or not link.target_id:
        raise ValueError("choose both entities of the relationship")
    stake = replace(link.stake, start=normalise(link.stake.start),  # PartialDateError: ValueError
                    end=normalise(link.stake.end))
    if stake.start and stake.end and stake.end < stake.start:
        raise ValueError(f"the relationship ends ({stake.end}) before it starts "
                         f"({stake.start})")
    return replace(link, stake=stake)


def _default_statement(tx: Transaction, target: Any) -> str:
    if not isinstance(target, NewLink):
        return ""
    source = tx.session.get(Entity, target.source_id)
    other = tx.session.get(Entity, target.target_id)
    if source is None or other is None:
        return ""
    return link_sentence(source.caption, target.schema, other.caption, target.stake)


# -- guessing what a passage says -------------------------------------------------------
_CURRENCIES = {"rubles": "RUB", "roubles": "RUB", "rub": "RUB", "₽": "RUB", "dollars": "USD",
               "usd": "USD", "$": "USD", "euros": "EUR", "eur": "EUR", "€": "EUR",
               "pounds": "GBP", "gbp": "GBP", "£": "GBP", "won": "KRW", "krw": "KRW",
               "lira": "TRY", "try": "TRY", "yuan": "CNY", "cny": "CNY"}
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")

# Link type by the words of the passage, first match wins (ownership words are the most
# specific: "owned", "stake", a percentage).
_TYPE_WORDS = (
    ("Ownership", r"stake|owns|owned|owner|shareholder|shares|holds|holding|subsidiary|"
                  r"acquired|\d\s*%|per ?cent"),
    ("Control", r"control"),
    ("Directorship", r"director|chairman|chairwoman|ceo|chief executive|board"),
    ("Employment", r"employ"),
    ("Contract", r"suppl|contract|agreement|deal|procure"),
    ("Family", r"wife|husband|son|daughter|brother|sister|father|mother|family"),
    ("Sanction", r"sanction|export ban|embargo"),
)
# Passive phrasing between the two names: the second one is the owner/controller.
_PASSIVE = re.compile(r"\b(owned|controlled|held|acquired|directed|run|bought)\s+by\s*$|"
                      r"\bunder\s*(the\s+)?(control\s+of\s*)?$|\bsubsidiary\s+of\s*$")


@dataclass
class RelationshipGuess:
    schema: str | None = None
    source_id: str | None = None
    target_id: str | None = None
    stake: Stake = Stake()
    notes: list[str] = field(default_factory=list)


def _plain(text: str) -> str:
    """Folded, with every run of whitespace one space (PDF text has tabs and breaks)."""
    return " ".join(text.split()).casefold()


def guess_link_type(excerpt: str) -> str | None:
    folded = _plain(excerpt)
    for schema, words in _TYPE_WORDS:
        if re.search(rf"(?<!\w)({words})", folded):
            return schema
    return None


def guess_dates(excerpt: str) -> tuple[str | None, str | None]:
    """Start and end dates a passage gives: "since 2021", "in September 2023", "until 2024"."""
    folded = _plain(excerpt)
    months = "|".join(_MONTHS)
    dated = re.compile(rf"(?:({months})\s+)?((?:19|20)\d\d)(?!\d)")
    start = end = None
    for match in dated.finditer(folded):
        value = match.group(2)
        if match.group(1):
            value += f"-{_MONTHS.index(match.group(1)) + 1:02d}"
        before = folded[max(0, match.start() - 12):match.start()]
        if re.search(r"\b(until|till|to|ended|ending)\s+$", before):
            end = end or value
        else:
            start = start or value
    return start, end


def guess_share(excerpt: str) -> tuple[float | None, float | None]:
    folded = _plain(excerpt)
    if re.search(r"\bwholly[- ]owned\b|\bfully[- ]owned\b|\bsole (owner|shareholder)\b", folded):
        return 100.0, 100.0
    match = re.search(rf"({NUMBER_PATTERN})\s*(?:[-–]\s*({NUMBER_PATTERN})\s*)?(?:%|per ?cent)", folded)
    if match:
        low = decimal(match.group(1))
        high = decimal(match.group(2)) if match.group(2) else low
        if 0 <= low <= high <= 100:
            return low, high
    if re.search(r"\bmajority\b", folded):
        return 50.0, 100.0
    return None, None


def guess_value(excerpt: str) -> tuple[float | None, str | None]:
    """"valued at 6.2 billion rubles" → (6.2e9, "RUB")."""
    folded = _plain(excerpt)
    words = "|".join(sorted(AMOUNT_MULTIPLIERS, key=len, reverse=True))
    symbols = "|".join(re.escape(c) for c in sorted(_CURRENCIES, key=len, reverse=True))
    match = re.search(rf"({NUMBER_PATTERN})\s*({words})?\.?\s+({symbols})(?!\w)", folded)
    if match:
        amount = decimal(match.group(1)) * AMOUNT_MULTIPLIERS.get(match.group(2) or "", 1)
        return amount, _CURRENCIES[match.group(3)]
    match = re.search(rf"([$€£₽])\s*({NUMBER_PATTERN})\s*({words})?(?!\w)", folded)
    if match:
        amount = decimal(match.group(2)) * AMOUNT_MULTIPLIERS.get(match.group(3) or "", 1)
        return amount, _CURRENCIES[match.group(1)]
    return None, None


_ATTRIBUTION = re.compile(r"\b(?:according to|reported by|cited by|citing|told)\s+"
                          r"((?:the\s+)?[A-ZА-ЯЁ][\w’'.-]*(?:\s+[A-ZА-ЯЁ][\w’'.-]*)*)")


def guess_attribution(excerpt: str) -> str | None:
    """Who the passage says is speaking: "…, according to Kommersant" → "Kommersant"."""
    match = _ATTRIBUTION.search(" ".join(excerpt.split()))
    return match.group(1).rstrip(".") if match else None


def guess_relationship(excerpt: str, mentions: list[Mention]) -> RelationshipGuess:
    """What relationship a passage most likely states, between the first two names.

    The first entity named is the owner/controller unless the passage is passive
    ("Renera is wholly owned by Rosatom"), in which case the second is.
    """
    guess = RelationshipGuess(schema=guess_link_type(excerpt))
    start, end = guess_dates(excerpt)
    guess.stake = Stake(start=start, end=end)
    if guess.schema == "Ownership":
        low, high = guess_share(excerpt)
        value, currency = guess_value(excerpt)
        guess.stake = Stake(low, high, value, currency, start, end)
    if len(mentions) >= 2:
        first, second = mentions[0], mentions[1]
        between = _plain(excerpt[first.end:second.start]) + " "
        if _PASSIVE.search(between):
            first, second = second, first
        guess.source_id, guess.target_id = first.entity_id, second.entity_id
    elif mentions:
        guess.source_id = mentions[0].entity_id
    return guess

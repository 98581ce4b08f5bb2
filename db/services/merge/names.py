"""How names and identifiers compare across cases: one normal form per name, computed
once per entity, so matching a colleague's case is index look-ups, not pairwise work.

A name is transliterated to Latin (``anyascii``: "Росатом" → "rosatom", "Erdoğan" →
"erdogan"), case-folded, stripped of punctuation, legal forms ("JSC", "ООО", "GmbH")
and honorifics ("Frau Dr."); its words sorted give a key that ignores word order
("Nierstenhöfer, Irene" ≡ "Irene Nierstenhöfer"). Identifiers (registration numbers,
LEI, tax ids, Wikidata ids) compare with spaces and punctuation removed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from anyascii import anyascii

from db.schemata import IDENTIFIER_PROPERTIES

LEGAL_FORMS = frozenset({
    "jsc", "pjsc", "ojsc", "cjsc", "llc", "ltd", "limited", "inc", "incorporated", "corp",
    "corporation", "plc", "gmbh", "ag", "sa", "oy", "ab", "ao", "pao", "ooo", "oao", "zao",
    "bv", "nv", "co", "kg", "se", "spa", "srl", "sarl", "llp", "lp", "ev", "mbh", "company"})
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "frau", "herr", "sir",
                        "dame", "mme", "m", "gospodin", "gospozha"})
# Identifiers worth matching on: FtM's typed ids, plus Wikidata's.
MATCH_IDENTIFIERS = (*IDENTIFIER_PROPERTIES, "wikidataId", "vatCode", "swiftBic", "idNumber",
                     "passportNumber", "opencorporatesUrl")
_IDENTIFIER_SET = frozenset(MATCH_IDENTIFIERS)
IDENTIFIER_LABELS = {"registrationNumber": "registration number", "taxNumber": "tax number",
                     "innCode": "INN", "ogrnCode": "OGRN", "leiCode": "LEI",
                     "wikidataId": "Wikidata id", "vatCode": "VAT number",
                     "idNumber": "ID number", "passportNumber": "passport number"}
DATE_PROPERTIES = {"birthDate": "date of birth", "incorporationDate": "date of incorporation"}
COUNTRY_PROPERTIES = ("country", "jurisdiction", "nationality")


# Legal forms of several words, removed before the words are split (transliterated forms
# of the Russian ones included: the name is in Latin letters by then).
LONG_LEGAL_FORMS = re.compile(r"\b(?:" + "|".join((
    "gesellschaft mit beschr(?:a|ae)nkter haftung", "eingetragener verein",
    "societas europaea", "aktiengesellschaft", "limited liability company",
    "public limited company", "joint[- ]stock company", "kommanditgesellschaft",
    "(?:publichnoe |otkrytoe |zakrytoe )?aktsionernoe obshchestvo",
    "obshchestvo s ogranichennoi otvetstvennostiu")) + r")\b")
# Spellings that differ between languages and transliterations of one name, folded to one
# for the fuzzy comparison only ("Verband" ≈ "Ferband", "Schmidt" ≈ "Shmidt").
_LOOSE = {"tsch": "h", "sch": "sh", "ck": "k", "ph": "f", "th": "t", "kh": "h", "ch": "h",
          "tz": "z", "ts": "z", "ie": "i", "ei": "ai", "eu": "oi", "oe": "e", "ue": "u",
          "ae": "e", "w": "f", "v": "f", "y": "i", "c": "k", "j": "i"}
_LOOSE_PATTERN = re.compile("|".join(sorted(_LOOSE, key=len, reverse=True)))
_DOUBLED = re.compile(r"(.)\1+")
# Compiled once: ``re.split(pattern, …)`` looks the pattern up (and checks its flags) on
# every call, which cost more than the split itself at tens of thousands of names.
_WORD_BREAKS = re.compile(r"[\W_]+")
_NOT_WORD = re.compile(r"\W")


def loose_form(normalised: str) -> str:
    return _DOUBLED.sub(r"\1", _LOOSE_PATTERN.sub(lambda m: _LOOSE[m.group()], normalised))


def _words(name: str, transliterate: bool) -> list[str]:
    if name.isascii():  # most names: nothing to transliterate or strip of accents
        text = name.casefold()
    else:
        text = anyascii(name) if transliterate else name
        text = unicodedata.normalize("NFKD", text.casefold())
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = LONG_LEGAL_FORMS.sub(" ", text)
    return [w for w in _WORD_BREAKS.split(text)
            if w and w not in LEGAL_FORMS and w not in HONORIFICS]


def normalise_name(name: str) -> str:
    """Case-, accent-, script-, punctuation- and legal-form-insensitive form of a name."""
    return " ".join(_words(name, True))


def script_form(name: str) -> str:
    """As ``normalise_name`` but in the name's own script: tells "the same name" from
    "the same name, transliterated"."""
    return " ".join(_words(name, False))


def order_key(normalised: str) -> str:
    return " ".join(sorted(normalised.split()))


def identifier_value(value: str) -> str:
    return _NOT_WORD.sub("", value).casefold()


@dataclass(slots=True)
class EntityKeys:
    """What matching needs of one entity, computed once."""

    id: str
    caption: str
    schema: str
    names: dict[str, str] = field(default_factory=dict)  # normalised → the name as written
    scripts: set[str] = field(default_factory=set)  # names in their own script
    keys: set[str] = field(default_factory=set)  # word-order-free keys
    loose: dict[str, str] = field(default_factory=dict)  # normalised → loose spelling
    identifiers: dict[str, set[str]] = field(default_factory=dict)  # property → values
    countries: set[str] = field(default_factory=set)
    dates: dict[str, set[str]] = field(default_factory=dict)
    merged_ids: tuple[str, ...] = ()
    # Words for blocking, in both the normal and the loose spelling.
    tokens: set[str] = field(default_factory=set)


NameForms = tuple[str, str, str, str]  # normalised, own script, word-order key, loose


def name_forms(written: str, known: dict[str, NameForms] | None = None) -> NameForms:
    """The forms matching compares of one name, worked out once per distinct spelling in
    ``known`` (one merge's memo): colleagues' cases share most of their names, often in
    another case ("ROSATOM" and "Rosatom" have the same forms)."""
    # An ASCII name's forms start from its case-folded text, so case-folding first
    # changes nothing but lets "ENTITY 5" and "Entity 5" share the work.
    key = written.casefold() if written.isascii() else written
    if known is not None and key in known:
        return known[key]
    normal = normalise_name(key)
    forms = (normal, normal if key.isascii() else script_form(key), order_key(normal),
             loose_form(normal)) if normal else ("", "", "", "")
    if known is not None:
        known[key] = forms
    return forms


def entity_keys(entity: dict[str, Any], known: dict[str, NameForms] | None = None
                ) -> EntityKeys:
    props = entity.get("properties") or {}
    keys = EntityKeys(entity["id"], entity["caption"], entity["schema"],
                      merged_ids=tuple(props.get("mergedIds", [])))
    # The caption is usually the first name: each distinct spelling is worked on once.
    for written in dict.fromkeys([entity["caption"], *props.get("name", []),
                                  *props.get("alias", []), *props.get("previousName", [])]):
        normal, script, order, loose = name_forms(written, known)
        if normal:
            keys.names.setdefault(normal, written)
            keys.scripts.add(script)
            keys.keys.add(order)
            keys.loose[normal] = loose
            keys.tokens.update(w for w in f"{normal} {loose}".split() if len(w) > 1)
    for prop in props.keys() & _IDENTIFIER_SET:
        values = {identifier_value(v) for v in props[prop]}
        values = {v for v in values if len(v) >= 3}
        if values:
            keys.identifiers[prop] = values
    keys.countries = {c.casefold() for p in COUNTRY_PROPERTIES for c in props.get(p, [])}
    for prop in DATE_PROPERTIES:
        if props.get(prop):
            keys.dates[prop] = set(props[prop])
    return keys


def dates_agree(ours: set[str], theirs: set[str]) -> bool:
    """Partial dates agree to the precision both give ("1961" agrees with "1961-04-02")."""
    return any(a[:min(len(a), len(b))] == b[:min(len(a), len(b))] for a in ours for b in theirs)

"""Precision and recall of merge matching on same-entity name pairs built from real data.

    .venv/bin/python bench/match_quality.py [--data ../shared/data/ftm/donations.ijson]

How the pairs are built (honestly: the names are real, the variants are derived by rule):
every Person, Organization and Company of the FtM donations file (95 German donors and
parties, with hard look-alikes such as "Herr Stefan Quandt" / "Frau Johanna Quandt",
"Allianz SE" / "Allianz Deutschland AG") is "our" case. "Their" case holds, for each
entity, variants a colleague would plausibly type:

- ``reordered``: surname first with a comma, honorifics dropped ("Nierstenhöfer, Irene");
- ``umlauts``: ö→oe, ü→ue, ä→ae, ß→ss, upper-cased ("NIERSTENHOEFER");
- ``cyrillic``: the name written in Cyrillic, letter by letter (as Russian media render
  German names);
- ``typo``: one letter dropped from the longest word (names of 8+ letters);
- ``legal form``: a company's legal form dropped or spelt out ("AG" → "Aktiengesellschaft").

A fourth of the entities are left out of "our" case: their variants have no true match
(every match they get is a false positive — the hard case of siblings and sister firms).
A variant is *right* when matched to its own entity (or one with the same name once
honorifics are dropped: "Frau Johanna Quandt" and "Johanna Quandt" are one name), *wrong*
when matched to another. Precision = right / matched; recall = right / variants. Also the
sample case's own Cyrillic aliases (Росатом, Рэнера, Мосгортранс, Коммерсантъ, АО «Кама»)
as real pairs, and, for comparison, the matcher this replaced (exact normalised name).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from db.sample.build import ENTITIES  # noqa: E402
from db.services.merge.matching import match_entities  # noqa: E402
from db.services.merge.names import HONORIFICS, LEGAL_FORMS, normalise_name  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "ftm" / "donations.ijson"
CYRILLIC = {"sch": "ш", "ch": "х", "sh": "ш", "ck": "к", "ei": "ай", "eu": "ой", "ie": "и",
            "ä": "е", "ö": "ё", "ü": "ю", "ß": "сс", "a": "а", "b": "б", "c": "ц", "d": "д",
            "e": "е", "f": "ф", "g": "г", "h": "х", "i": "и", "j": "й", "k": "к", "l": "л",
            "m": "м", "n": "н", "o": "о", "p": "п", "q": "к", "r": "р", "s": "с", "t": "т",
            "u": "у", "v": "ф", "w": "в", "x": "кс", "y": "и", "z": "ц"}
LONG_FORMS = {"AG": "Aktiengesellschaft", "GmbH": "Gesellschaft mit beschränkter Haftung",
              "e.V.": "eingetragener Verein", "SE": "Societas Europaea"}


def cyrillic(name: str) -> str:
    out, i, low = [], 0, name.lower()
    while i < len(low):
        for size in (3, 2, 1):
            piece = low[i:i + size]
            if piece in CYRILLIC:
                out.append(CYRILLIC[piece])
                i += size
                break
        else:
            out.append(low[i])
            i += 1
    return "".join(out).title()


def words(name: str) -> list[str]:
    return [w for w in name.replace(",", " ").split()
            if w.strip(".").casefold() not in HONORIFICS and not w.startswith("Dr.-")]


def variants(schema: str, name: str) -> dict[str, str]:
    found = {}
    core = words(name)
    if schema == "Person" and len(core) >= 2:
        found["reordered"] = f"{core[-1]}, {' '.join(core[:-1])}"
    umlauts = name.translate(str.maketrans({"ö": "oe", "ü": "ue", "ä": "ae", "ß": "ss",
                                           "Ö": "Oe", "Ü": "Ue", "Ä": "Ae"})).upper()
    if umlauts != name.upper() or schema == "Person":
        found["umlauts"] = umlauts
    found["cyrillic"] = cyrillic(" ".join(core))
    longest = max(core, key=len) if core else ""
    if len(longest) >= 8:
        cut = len(longest) // 2
        found["typo"] = name.replace(longest, longest[:cut] + longest[cut + 1:], 1)
    for short, long in LONG_FORMS.items():
        if name.endswith(" " + short):
            found["legal form"] = name[: -len(short)] + long
            break
    return found


def old_normalise(name: str) -> str:
    """The matcher this replaced: exact name after case, accents, legal forms."""
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(w for w in re.split(r"[\W_]+", text) if w and w not in LEGAL_FORMS)


def entity(id_: str, schema: str, name: str, country: list[str]) -> dict:
    props = {"name": [name]}
    if country:
        props["country"] = country
    return {"id": id_, "schema": schema, "caption": name, "properties": props}


def measure(ours: list[dict], theirs: list[dict], truth: dict[str, set[str]],
            kinds: dict[str, str]) -> dict[str, list[int]]:
    """kind → [variants, matched, right] for the new matcher."""
    found = {m.other_id: m.our_id for m in match_entities(ours, theirs)}
    table: dict[str, list[int]] = {}
    for other in theirs:
        row = table.setdefault(kinds[other["id"]], [0, 0, 0])
        row[0] += 1
        if other["id"] in found:
            row[1] += 1
            row[2] += found[other["id"]] in truth[other["id"]]
    return table


def measure_old(ours: list[dict], theirs: list[dict], truth, kinds) -> dict[str, list[int]]:
    index: dict[str, list[str]] = {}
    for e in ours:
        index.setdefault(old_normalise(e["caption"]), []).append(e["id"])
    table: dict[str, list[int]] = {}
    for other in theirs:
        row = table.setdefault(kinds[other["id"]], [0, 0, 0])
        row[0] += 1
        hits = index.get(old_normalise(other["caption"]), [])
        if hits:
            row[1] += 1
            row[2] += hits[0] in truth[other["id"]]
    return table


def report(title: str, table: dict[str, list[int]]) -> None:
    print(f"\n{title}")
    print(f"  {'variant':12} {'pairs':>5} {'matched':>8} {'right':>6} {'precision':>10} "
          f"{'recall':>7}")
    total = [0, 0, 0]
    for kind, (n, matched, right) in sorted(table.items()):
        if kind == "no match":  # no right answer exists: every match is a false one
            print(f"  {kind:12} {n:5} {matched:8} {'–':>6} {'–':>10} {'–':>7}"
                  f"   ({matched} false matches)")
            total[1] += matched
            continue
        total = [a + b for a, b in zip(total, (n, matched, right), strict=True)]
        print(f"  {kind:12} {n:5} {matched:8} {right:6} "
              f"{(right / matched if matched else 1):10.2f} {right / n:7.2f}")
    n, matched, right = total
    print(f"  {'all':12} {n:5} {matched:8} {right:6} "
          f"{(right / matched if matched else 1):10.2f} {right / n:7.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    ours, theirs, truth, kinds = [], [], {}, {}
    same_name: dict[str, set[str]] = {}
    for line in args.data.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        if item["schema"] not in ("Person", "Organization", "Company"):
            continue
        props = item["properties"]
        name = (props.get("name") or [""])[0]
        if not name:
            continue
        ours.append(entity(item["id"], item["schema"], name, props.get("country", [])))
        same_name.setdefault(normalise_name(name), set()).add(item["id"])
    # Every fourth entity is left out of "ours": its variants have no true match here, so
    # any match they get (to a look-alike: a sibling, a sister company) is a false one.
    held_out = {e["id"] for e in ours[3::4]}
    everyone = len(ours)
    for e in ours:
        for kind, variant in variants(e["schema"], e["caption"]).items():
            other_id = f"{e['id']}:{kind}"
            theirs.append(entity(other_id, e["schema"], variant,
                                 e["properties"].get("country", [])))
            unmatched = e["id"] in held_out and len(same_name[normalise_name(e["caption"])]) == 1
            truth[other_id] = set() if unmatched else same_name[normalise_name(e["caption"])]
            kinds[other_id] = "no match" if unmatched else kind
    ours = [e for e in ours if e["id"] not in held_out
            or len(same_name[normalise_name(e["caption"])]) > 1]
    print(f"{everyone} real entities from {args.data.name} ({len(ours)} in our case, "
          f"{everyone - len(ours)} left out); {len(theirs)} derived variants")
    report("this matcher (identifiers, then names across scripts and word order, fuzzy)",
           measure(ours, theirs, truth, kinds))
    report("the matcher it replaced (exact normalised name)",
           measure_old(ours, theirs, truth, kinds))
    # The sample case's real Cyrillic aliases, each against the whole sample.
    sample = [entity(k, schema, caption, props.get("country", []))
              for k, (schema, caption, props, _role) in ENTITIES.items()]
    real = [entity(f"{k}:alias", schema, alias, props.get("country", []))
            for k, (schema, caption, props, _role) in ENTITIES.items()
            for alias in props.get("alias", []) if re.search("[а-яА-Я]", alias)]
    truth_real = {e["id"]: {e["id"].split(":")[0]} for e in real}
    report(f"real pairs: the sample case's {len(real)} Cyrillic aliases",
           measure(sample, real, truth_real, {e["id"]: "cyrillic" for e in real}))


if __name__ == "__main__":
    main()

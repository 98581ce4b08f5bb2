"""Build the sample case from ``article.txt`` through the services — never raw SQL.

Every entity the article names and every relationship it states is here, each resting on
at least one claim whose excerpt is copied verbatim from the article and located by its
exact character span. Nothing is added that the article does not say: it gives Renera's
stake in JSC Kama as a value in roubles, so the share stays unknown; it does not date
the export ban, so neither does the case.
"""

from __future__ import annotations

from pathlib import Path

from db.core.casefile import CaseFile
from db.core.commands import run
from db.core.transaction import Transaction
from db.services import entities as E
from db.services import events as V
from db.services import evidence as X
from db.services import links as L

ARTICLE = Path(__file__).with_name("article.txt")
CASE_NAME = "Battery supply chain: Korea, Rosatom, Renera"
AUTHOR = "Sample case builder"

# key: (schema, caption, properties, role)
ENTITIES = {
    "south_korea": ("PublicBody", "South Korea", {"country": ["kr"],
                                                  "alias": ["Republic of Korea"]}, "state"),
    "russia": ("PublicBody", "Russia", {"country": ["ru"],
                                        "alias": ["Russian Federation"]}, "state"),
    "turkey": ("PublicBody", "Turkey", {"country": ["tr"], "alias": ["Türkiye"]}, "state"),
    "enertech": ("Company", "Enertech", {"country": ["ru"]}, None),
    "rosatom": ("Company", "Rosatom", {"country": ["ru"],
                                       "alias": ["State Atomic Energy Corporation Rosatom",
                                                 "Росатом"]}, None),
    "renera": ("Company", "Renera", {"country": ["ru"], "alias": ["Рэнера"]}, None),
    "mosgortrans": ("Company", "Mosgortrans", {"country": ["ru"], "alias": ["Мосгортранс"]},
                    None),
    "moskvich": ("Asset", "Moskvich", {"country": ["ru"]}, "brand"),
    "kama": ("Company", "JSC Kama", {"country": ["ru"], "alias": ["АО «Кама»"]}, None),
    "atom": ("Asset", "Atom", {"country": ["ru"]}, "brand"),
    "togg": ("Company", "TOGG", {"country": ["tr"]}, None),
    "erdogan": ("Person", "Erdoğan", {"nationality": ["tr"]}, None),
    "former_wife": ("Person", "Erdoğan's former wife", {"nationality": ["tr"],
                                                        "notes": ["Name not given in the article"]},
                    None),
    "gigafactory": ("RealEstate", "Krasnaya Pakhra gigafactory",
                    {"country": ["ru"], "address": ["Krasnaya Pakhra, Troitsky district, Moscow"],
                     "notes": ["Planned production capacity 4 GWh per year"]}, "facility"),
    "mayors_office": ("PublicBody", "Moscow Mayor's Office", {"country": ["ru"]}, None),
    "kommersant": ("Company", "Kommersant", {"country": ["ru"], "alias": ["Коммерсантъ"]},
                   "media"),
}

# key: (schema, source, target, keyword arguments of create_link)
LINKS = {
    "ban": ("Sanction", "south_korea", "russia",
            {"role": "Export ban on lithium-ion batteries",
             "properties": {"program": ["Broadened sanctions regime: lithium-ion battery exports"]}}),
    "control": ("Control", "rosatom", "enertech", {"start_date": "2022", "role": "control"}),
    "stake": ("Ownership", "renera", "kama",
              {"start_date": "2022", "shares_value": 6.2e9, "shares_currency": "RUB",
               "role": "stake acquired"}),
    "supply": ("Contract", "renera", "mosgortrans",
               {"start_date": "2023-09",
                "role": "supply of more than 155 thousand traction batteries"}),
    "batteries_for_moskvich": ("UnknownLink", "renera", "moskvich",
                               {"start_date": "2023-09",
                                "role": "traction batteries for vehicles of the brand"}),
    "gigafactory": ("UnknownLink", "renera", "gigafactory",
                    {"start_date": "2023-09", "role": "plans to establish"}),
    "atom_brand": ("UnknownLink", "kama", "atom",
                   {"role": "produces electric vehicles under the brand"}),
    "family": ("Family", "former_wife", "erdogan", {"role": "former wife"}),
    "togg_owner": ("UnknownLink", "former_wife", "togg",
                   {"role": "early private owner of a TOGG electric car"}),
    "togg_turkey": ("UnknownLink", "togg", "turkey",
                    {"role": "domestically produced electric vehicles"}),
    "enertech_supplier": ("Contract", "enertech", "russia",
                          {"role": "main supplier of Korean-origin batteries"}),
}

# (excerpt, source key or None for the article's publisher, credibility, statement,
#  targets: list of ("link", key) / ("entity", key, prop, value) / ("event", key))
CLAIMS = [
    ("South Korea has halted exports of lithium-ion batteries to Russia, including those "
     "used in electric vehicles, as part of a broadened sanctions regime",
     None, 2, "South Korea bans exports of lithium-ion batteries to Russia.",
     [("link", "ban"), ("event", "ban")]),
    ("Enertech, which has been under Rosatom’s control since 2022, according to Kommersant",
     "kommersant", 2, "Rosatom has controlled Enertech since 2022.",
     [("link", "control"), ("event", "control")]),
    ("The move affects Russia’s main supplier of Korean-origin batteries, Enertech",
     None, 2, "Enertech is Russia's main supplier of Korean-origin batteries.",
     [("link", "enertech_supplier"),
      ("entity", "enertech", "sector", "Supplier of Korean-origin batteries")]),
    ("the Renera company planned to establish a new gigafactory with a production capacity "
     "of 4 GWh per year in Krasnaya Pakhra, within the Troitsky district of Moscow",
     None, 2, "Renera plans a 4 GWh/year gigafactory in Krasnaya Pakhra (announced Sept. 2023).",
     [("link", "gigafactory"), ("event", "gigafactory"),
      ("entity", "gigafactory", "address", "Krasnaya Pakhra, Troitsky district, Moscow")]),
    ("Renera had signed an agreement with Mosgortrans, a state-owned transport operator, to "
     "supply more than 155 thousand traction batteries intended for electric buses and other "
     "electric vehicles branded as Moskvich",
     "mayors_office", 2,
     "Renera agreed to supply Mosgortrans with more than 155,000 traction batteries.",
     [("link", "supply"), ("link", "batteries_for_moskvich"), ("event", "supply"),
      ("entity", "mosgortrans", "notes", "State-owned transport operator")]),
    ("In 2022, Renera acquired a stake valued at 6.2 billion rubles in JSC Kama",
     None, 2, "Renera acquired a stake worth RUB 6.2 bn in JSC Kama in 2022 (share not stated).",
     [("link", "stake"), ("event", "stake")]),
    ("JSC Kama, a company pursuing the production of electric vehicles under the Atom brand",
     None, 2, "JSC Kama produces electric vehicles under the Atom brand.",
     [("link", "atom_brand")]),
    ("Rosatom has outlined additional plans for vehicle production",
     None, 3, "Rosatom plans vehicle production.",
     [("entity", "rosatom", "notes", "Outlined plans for vehicle production")]),
    ("Erdoğan’s former wife emerged as one of the early private owners of Turkish TOGG "
     "electric cars",
     None, 3, "Erdoğan's former wife is an early private owner of a TOGG car.",
     [("link", "family"), ("link", "togg_owner")]),
    ("domestically produced electric vehicles in Turkey",
     None, 2, "TOGG cars are produced in Turkey.",
     [("link", "togg_turkey"), ("entity", "togg", "country", "tr")]),
]

# key: (title, date, entity keys, description)
EVENTS = {
    "ban": ("South Korea halts lithium-ion battery exports to Russia", None,
            ["south_korea", "russia", "enertech"],
            "The article does not date the ban; it reports it after the September 2023 news."),
    "control": ("Enertech comes under Rosatom's control", "2022", ["rosatom", "enertech"], None),
    "stake": ("Renera acquires a RUB 6.2 bn stake in JSC Kama", "2022", ["renera", "kama"], None),
    "gigafactory": ("Renera gigafactory in Krasnaya Pakhra announced", "2023-09",
                    ["renera", "gigafactory"], None),
    "supply": ("Renera–Mosgortrans battery supply agreement announced", "2023-09",
               ["renera", "mosgortrans", "moskvich"], None),
}


def populate(tx: Transaction) -> dict[str, str]:
    """Add the whole sample to an open transaction; returns key → id for tests."""
    ids: dict[str, str] = {}
    for key, (schema, caption, props, role) in ENTITIES.items():
        ids[key] = E.create_entity(tx, schema, caption, properties=props, role=role)
    sources = {
        "publisher": X.create_source(tx, "News report (publisher not stated)", reliability="C",
                                     kind="news article"),
        "kommersant": X.create_source(tx, "Kommersant", reliability="B", kind="newspaper",
                                      entity_id=ids["kommersant"]),
        "mayors_office": X.create_source(tx, "Moscow Mayor's Office", reliability="B",
                                         kind="official statement",
                                         entity_id=ids["mayors_office"]),
    }
    document = X.add_document(
        tx, ARTICLE.name, ARTICLE.read_bytes(), source_id=sources["publisher"],
        title="South Korea halts battery exports to Russia; Rosatom, Renera and the "
              "Moscow EV supply chain")
    ids["document"] = document
    for key, (schema, source, target, kwargs) in LINKS.items():
        ids[f"link:{key}"] = L.create_link(tx, schema, ids[source], ids[target], **kwargs)
    for key, (title, date, entity_keys, description) in EVENTS.items():
        ids[f"event:{key}"] = V.create_event(tx, title, date, description=description,
                                             entity_ids=[ids[k] for k in entity_keys])
    for number, (excerpt, source, credibility, statement, targets) in enumerate(CLAIMS, 1):
        claim = X.create_claim_for_excerpt(
            tx, document, excerpt, statement=statement, credibility=credibility,
            source_id=sources[source] if source else None, author=AUTHOR)
        ids[f"claim:{number}"] = claim
        for target in targets:
            if target[0] == "link":
                X.attach_claim(tx, claim, link_id=ids[f"link:{target[1]}"])
            elif target[0] == "event":
                X.attach_claim(tx, claim, event_id=ids[f"event:{target[1]}"])
            else:
                X.attach_claim(tx, claim, entity_id=ids[target[1]], prop=target[2],
                               value=target[3])
    return ids


def build_sample(path: str | Path) -> CaseFile:
    """Create the sample case at ``path`` (which must not exist) and return it open."""
    case = CaseFile.create(path, name=CASE_NAME, author=AUTHOR)
    run(case, "Build sample case", populate)
    return case


if __name__ == "__main__":  # python -m db.sample.build OUT.casefile
    import sys

    built = build_sample(sys.argv[1])
    print(f"built {built.path}")
    built.close()

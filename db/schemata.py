"""The small registry of FollowTheMoney schemata and properties this app uses.

The real ``followthemoney`` package is too heavy for a desktop app (PyICU, rdflib,
pydantic at run time), so the names live here and the test suite checks them against
the real package. Entities carry FtM schema names; links carry the FtM interval schema
whose two edge properties they stand for. A supply contract has no FtM interval schema
of its own and is exported as ``UnknownLink`` with a role; a ``Reference`` is an FtM
entity property pointing at another entity (a company's ``addressEntity``, a passport's
``holder``), drawn as a link and exported as that property again (see ``db/formats``).
``tests/db/test_ftm_registry.py`` checks every name here against the FtM model.
"""

from __future__ import annotations

from dataclasses import dataclass

# Entity schemata, most specific first in each family. "role" refines what FtM cannot
# say (a brand or a facility is an Asset with a role).
ENTITY_SCHEMATA: tuple[str, ...] = (
    "Person",
    "Company",
    "Organization",
    "PublicBody",
    "LegalEntity",
    "Asset",
    "RealEstate",
    "Vehicle",
    "Address",
    "Airplane",
    "Vessel",
    "Security",
    "BankAccount",
    "CryptoWallet",
    "Position",
    "Event",
    "Note",
    "Passport",
    "Identification",
    "Contract",
    "Project",
    "CourtCase",
)

# Schemata whose entities can be at the top of an ownership chain by nature.
NATURAL_TOPS: frozenset[str] = frozenset({"Person", "PublicBody"})

# Roles the app knows for entities whose FtM schema is only approximate.
ENTITY_ROLES: tuple[str, ...] = ("brand", "facility", "state", "media", "registry")

# Entity properties shown and edited in the app (all FtM names). Multi-valued.
ENTITY_PROPERTIES: tuple[str, ...] = (
    "name",
    "alias",
    "previousName",
    "country",
    "jurisdiction",
    "registrationNumber",
    "taxNumber",
    "innCode",
    "ogrnCode",
    "leiCode",
    "incorporationDate",
    "dissolutionDate",
    "birthDate",
    "nationality",
    "address",
    "website",
    "sector",
    "notes",
)

# Properties that identify an entity across case files (used by merge matching).
# The app's own bookkeeping on entities and links: never printed, never shown as facts.
INTERNAL_PROPERTIES = frozenset({"mergedIds", "disputedStakes"})

IDENTIFIER_PROPERTIES: tuple[str, ...] = (
    "registrationNumber",
    "taxNumber",
    "innCode",
    "ogrnCode",
    "leiCode",
)


@dataclass(frozen=True)
class LinkSchema:
    """A relationship kind: its FtM name and the FtM names of its two ends."""

    name: str
    source_prop: str
    target_prop: str
    label: str  # verb phrase read source → target: "owns", "directs"
    ftm_schema: str  # the FtM schema it is exported as


LINK_SCHEMATA: dict[str, LinkSchema] = {
    s.name: s
    for s in (
        LinkSchema("Ownership", "owner", "asset", "owns", "Ownership"),
        LinkSchema("Control", "controller", "controlled", "controls", "Control"),
        LinkSchema("Directorship", "director", "organization", "directs", "Directorship"),
        LinkSchema("Membership", "member", "organization", "is member of", "Membership"),
        LinkSchema("Employment", "employee", "employer", "is employed by", "Employment"),
        LinkSchema("Family", "person", "relative", "is family of", "Family"),
        LinkSchema("Associate", "person", "associate", "is associate of", "Associate"),
        LinkSchema("Succession", "predecessor", "successor", "is succeeded by", "Succession"),
        LinkSchema("Representation", "agent", "client", "represents", "Representation"),
        LinkSchema("Payment", "payer", "beneficiary", "pays", "Payment"),
        LinkSchema("Debt", "debtor", "creditor", "owes", "Debt"),
        LinkSchema("Contract", "subject", "object", "supplies", "UnknownLink"),
        LinkSchema("Sanction", "authority", "entity", "sanctions", "Sanction"),
        LinkSchema("Occupancy", "holder", "post", "holds", "Occupancy"),
        LinkSchema("ContractAward", "contract", "supplier", "is awarded to", "ContractAward"),
        # An FtM entity property naming another entity; the property is in the role.
        LinkSchema("Reference", "", "", "refers to", ""),
        LinkSchema("UnknownLink", "subject", "object", "is linked to", "UnknownLink"),
    )
}

# Links that add up to ownership and control in the chain analysis.
OWNERSHIP_LINKS = frozenset({"Ownership"})
CONTROL_LINKS = frozenset({"Control"})

RELIABILITY_GRADES: dict[str, str] = {
    "A": "Completely reliable",
    "B": "Usually reliable",
    "C": "Fairly reliable",
    "D": "Not usually reliable",
    "E": "Unreliable",
    "F": "Reliability cannot be judged",
}

CREDIBILITY_GRADES: dict[int, str] = {
    1: "Confirmed by other sources",
    2: "Probably true",
    3: "Possibly true",
    4: "Doubtful",
    5: "Improbable",
    6: "Truth cannot be judged",
}

CLAIM_STATUSES: tuple[str, ...] = ("unverified", "corroborated", "disputed", "refuted")
STANCES: tuple[str, ...] = ("supports", "contradicts")
JUDGEMENTS: tuple[str, ...] = ("same", "not_same", "unsure")


def link_schema(name: str) -> LinkSchema:
    try:
        return LINK_SCHEMATA[name]
    except KeyError:
        raise ValueError(f"unknown link type: {name!r}") from None


def check_entity_schema(name: str) -> str:
    if name not in ENTITY_SCHEMATA:
        raise ValueError(f"unknown entity schema: {name!r}")
    return name


def grade(reliability: str | None, credibility: int | None) -> str:
    """The Admiralty grade as investigators write it: "B2"; "F6" when unknown."""
    return f"{reliability or 'F'}{credibility or 6}"

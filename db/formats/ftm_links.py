"""FtM interval schemata, sanctions and entity references as links.

* An edge schema (Ownership, Control, Directorship, Occupancy, Payment …) becomes a link
  between its two edge entities, with its dates, role and (for Ownership) its share.
* A ``Sanction`` names the sanctioned ``entity``, but its ``authority`` is *text* in FtM
  ("Office of Foreign Assets Control"). The authority becomes an entity of its own
  (PublicBody, one per distinct name, id derived from the name) so the sanction is a
  link like any other; an entity of the file with that exact name is used instead.
* A property of FtM type ``entity`` (``addressEntity``, a passport's ``holder``, a note's
  ``entity``, an event's ``involved``) that names an entity in the file becomes a
  ``Reference`` link — three companies at one address are connected — and is written
  back as that property on export.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Container
from typing import Any

from db.formats import ftm_model
from db.formats.batch import clean_date, link_row
from db.formats.results import ImportBatch
from db.schemata import LINK_SCHEMATA

# FtM schema → our link schema, for the schemata that map one-to-one.
LINK_BY_FTM = {s.ftm_schema: s.name for s in LINK_SCHEMATA.values()
               if s.ftm_schema == s.name}
# The FtM property that holds a link's role, per FtM schema (None: it has none).
ROLE_PROPERTY = {"Ownership": "role", "Control": "role", "Directorship": "role",
                 "Membership": "role", "Employment": "role", "Representation": "role",
                 "Succession": "role", "UnknownLink": "role", "Occupancy": "status",
                 "Family": "relationship", "Associate": "relationship",
                 "Payment": "purpose", "Sanction": "reason", "ContractAward": "role",
                 "Debt": None}
# Entity-typed properties that are never drawn as links: FtM's reverse stubs and
# pointers at documents, which the case keeps as evidence, not as entities.
NOT_REFERENCES = frozenset({"proof", "documentedBy", "candidateSimilars", "matchSimilars"})
UNNAMED_AUTHORITY = "Sanctioning authority not named"


def _stable(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def _share(text: str) -> float | None:
    try:
        value = float(str(text).strip().rstrip("%").replace(",", "."))
    except ValueError:
        return None
    return value if 0 <= value <= 100 else None


def _number(text: str) -> float | None:
    try:
        value = float(str(text).replace(",", ""))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def reference_links(batch: ImportBatch, name: str, now: str) -> None:
    """Entity-typed properties naming an entity of the file → ``Reference`` links.

    The values that became links leave the property (export puts them back); values
    naming something outside the file stay as they are.
    """
    ids = {row["id"] for row in batch.entities}
    for row in batch.entities:
        batch.links.extend(references_of(row, ids, now))


def references_of(row: dict[str, Any], ids: Container[str], now: str) -> list[dict[str, Any]]:
    """The ``Reference`` links of one entity row to the entities ``ids`` of its file; the
    values that became links leave the row's properties."""
    links = []
    props = row["properties"]
    for prop in list(props):
        if prop in NOT_REFERENCES or ftm_model.prop_type(row["schema"], prop) != "entity":
            continue
        targets = [v for v in props[prop] if v in ids and v != row["id"]]
        if not targets:
            continue
        for target in targets:
            links.append(link_row(
                "Reference", row["id"], target,
                link_id=_stable("ftm-reference", row["id"], prop, target), role=prop,
                properties={"ftmProperty": [prop]}, origin=row["origin"], now=now))
        rest = [v for v in props[prop] if v not in targets]
        if rest:
            props[prop] = rest
        else:
            del props[prop]
    return links


def authority_name(text: str) -> str:
    """A sanctioning authority's name as the entity standing for it is captioned."""
    return " ".join(text.split())[:500] or UNNAMED_AUTHORITY


class LinkReader:
    """Turns the file's interval objects into links once every entity has been read."""

    def __init__(self, batch: ImportBatch, name: str, now: str,
                 names: dict[str, str] | None = None):
        """``names``: caption → entity id of the file's entities (default: the batch's)."""
        self.batch, self.name, self.now = batch, name, now
        self.names: dict[str, str] = {} if names is None else names
        if names is None:
            for row in batch.entities:
                self.names.setdefault(row["caption"], row["id"])
        self.authorities: dict[str, dict[str, Any]] = {}

    def authority(self, text: str) -> str:
        """The id of the entity standing for a sanctioning authority named in text."""
        text = authority_name(text)
        if text in self.names:
            return self.names[text]
        if text not in self.authorities:
            entity_id = _stable("ftm-authority", text.casefold())
            self.authorities[text] = {
                "id": entity_id, "schema": "PublicBody", "caption": text, "role": None,
                "properties": {"name": [text]}, "origin": self.name, "created_by": None,
                "created_at": self.now, "updated_at": self.now}
            self.batch.entities.append(self.authorities[text])
            self.names[text] = entity_id
        return self.authorities[text]["id"]

    def finish(self) -> None:
        if self.authorities:
            self.batch.warnings.append(
                f"{len(self.authorities)} sanctioning authorities named in text were added as "
                "entities (PublicBody) so their sanctions can be links")

    def link(self, number: int, schema: str, props: dict[str, list[str]],
             context: dict[str, Any]) -> dict[str, Any] | None:
        batch, name = self.batch, self.name
        ours = context.get("schema") if context.get("schema") in LINK_SCHEMATA else None
        if schema == "Sanction":
            ours = "Sanction"
            targets = props.pop("entity", [])
            authority = props.pop("authority", [])
            source = context.get("source_id") or self.authority(
                authority[0] if authority else "")
            if len(authority) > 1:
                props["authority"] = authority[1:]
            sources = [source]
        else:
            ours = ours or LINK_BY_FTM[schema]
            spec = LINK_SCHEMATA[LINK_BY_FTM[schema]]
            sources = props.pop(spec.source_prop, [])
            targets = props.pop(spec.target_prop, [])
        if not sources or not targets:
            batch.skipped[f"{schema} without both ends"] += 1
            return None
        if len(sources) > 1 or len(targets) > 1:
            batch.warnings.append(f"{name}, line {number}: {schema} with several ends; "
                                  "the first of each is used")
        values: dict[str, Any] = {}
        role_prop = ROLE_PROPERTY.get(schema)
        if role_prop and props.get(role_prop):
            values["role"] = props.pop(role_prop)[0] if len(props[role_prop]) == 1 else None
        for ftm_key, key in (("startDate", "start_date"), ("endDate", "end_date")):
            if props.get(ftm_key) and len(props[ftm_key]) == 1:
                parsed = clean_date(props[ftm_key][0])
                if parsed:
                    values[key] = parsed
                    props.pop(ftm_key)
        if "start_date" not in values and len(props.get("date", [])) == 1:
            values["start_date"] = clean_date(props["date"][0])  # stays in props as well
        if schema == "Ownership":
            self._ownership(props, values)
        if "share_min" in context or "share_max" in context:
            values["share_min"] = context.get("share_min")
            values["share_max"] = context.get("share_max")
        if "role" in context:
            values["role"] = context["role"]
        props.update({k: list(v) for k, v in (context.get("properties") or {}).items()})
        return link_row(ours, sources[0], targets[0], link_id=context["id"],
                        properties=props, origin=context.get("origin") or name,
                        created_by=context.get("created_by"), now=self.now, **values)

    @staticmethod
    def _ownership(props: dict[str, list[str]], values: dict[str, Any]) -> None:
        if len(props.get("percentage", [])) == 1 and _share(props["percentage"][0]) is not None:
            values["share_min"] = values["share_max"] = _share(props.pop("percentage")[0])
        if len(props.get("sharesValue", [])) == 1 and _number(props["sharesValue"][0]) is not None:
            values["shares_value"] = _number(props.pop("sharesValue")[0])
        if len(props.get("sharesCurrency", [])) == 1:
            values["shares_currency"] = props.pop("sharesCurrency")[0][:8]

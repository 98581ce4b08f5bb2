"""What FollowTheMoney says its schemata are, as data (``ftm_model.json``), and the value
cleaning an FtM export needs: countries as FtM's codes, dates as ISO prefixes.

The JSON is generated from the installed ``followthemoney`` by scripts/ftm_registry.py
and checked against it in the tests; the app never imports followthemoney itself.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

from db.partial_date import PartialDateError, normalise

MODEL_FILE = Path(__file__).with_name("ftm_model.json")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2})?)?)?)?)?$")


@cache
def _model() -> dict[str, Any]:
    return json.loads(MODEL_FILE.read_text(encoding="utf-8"))


def schemata() -> dict[str, dict[str, Any]]:
    return _model()["schemata"]


def is_schema(name: str) -> bool:
    return name in schemata()


def properties(schema: str) -> dict[str, list[str | None]]:
    """Property name → [type, range schema or None] of an FtM schema ({} if unknown)."""
    spec = schemata().get(schema)
    return spec["properties"] if spec else {}


def prop_type(schema: str, prop: str) -> str | None:
    spec = properties(schema).get(prop)
    return spec[0] if spec else None


def edge(schema: str) -> tuple[str, str] | None:
    spec = schemata().get(schema)
    return tuple(spec["edge"]) if spec and spec["edge"] else None


def is_a(schema: str, parent: str) -> bool:
    spec = schemata().get(schema)
    return bool(spec) and (schema == parent or parent in spec["extends"])


def caption_properties(schema: str) -> list[str]:
    spec = schemata().get(schema)
    return spec["caption"] if spec else ["name"]


def normalise_country(text: str) -> str:
    text = unicodedata.normalize("NFKC", str(text)).casefold()
    text = re.sub(r"[^\w]+", " ", text)
    return " ".join(text.split())


def country_code(value: str) -> str | None:
    """FtM's code for a country name or code ("germany", "DE", "российская федерация")."""
    model = _model()
    key = normalise_country(value)
    if key in model["country_codes"]:
        return key
    return model["country_names"].get(key)


def clean_value(schema: str, prop: str, value: str) -> str | None:
    """``value`` as FtM's type of ``schema.prop`` accepts it, or None if it cannot be."""
    kind = prop_type(schema, prop)
    if kind is None:
        return None
    if kind == "country":
        return country_code(value)
    if kind == "date":
        text = str(value).strip()
        if _DATE.match(text):
            try:
                normalise(text[:10])
            except PartialDateError:
                return None
            return text
        return None
    if kind == "number":
        try:
            float(str(value).replace(",", ""))
        except ValueError:
            return None
    return value

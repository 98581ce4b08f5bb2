"""The declarative base and the column types every model shares."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, String, TypeDecorator
from sqlalchemy.orm import DeclarativeBase

from db.partial_date import normalise


class Base(DeclarativeBase):
    """One declarative base for the whole case file."""

    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class PartialDateType(TypeDecorator[str]):
    """A partial ISO date ("2022", "2022-09", "2022-09-14") stored as text, validated."""

    impl = String(10)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        return normalise(value)

    def process_result_value(self, value: Any, dialect: Any) -> str | None:
        return value


def new_id() -> str:
    """A fresh, globally unique id: ids travel between colleagues' case files."""
    return uuid.uuid4().hex


def utc_now() -> str:
    """Timestamps are ISO-8601 UTC text: portable, sortable and hashable as-is."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def canonical_json(value: Any) -> str:
    """Stable JSON for hashing and comparing (sorted keys, no spaces)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)

"""Entities (people, companies, state bodies, brands, facilities …) and their links."""

from __future__ import annotations

from typing import Any

from sqlalchemy import CheckConstraint, Float, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, PartialDateType, new_id, utc_now


class Entity(Base):
    __tablename__ = "entities"

    id: Mapped[str] = mapped_column(String(64), primary_key=True, default=new_id)
    schema: Mapped[str] = mapped_column(String(32), index=True)
    caption: Mapped[str] = mapped_column(String(500), index=True)
    role: Mapped[str | None] = mapped_column(String(32))
    # FtM properties, every one multi-valued: {"name": [...], "alias": [...], ...}.
    properties: Mapped[dict[str, Any]] = mapped_column(default=dict)
    origin: Mapped[str | None] = mapped_column(String(200))  # case file it came from
    created_by: Mapped[str | None] = mapped_column(String(200))
    # Bumped by every edit: two people editing one row at once is detected, not lost.
    row_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    # The ORM raises it on every update and checks it in the UPDATE (db.core.conflicts).
    __mapper_args__ = {"version_id_col": row_version}
    created_at: Mapped[str] = mapped_column(String(32), default=utc_now)
    updated_at: Mapped[str] = mapped_column(String(32), default=utc_now)

    def values(self, prop: str) -> list[str]:
        return list((self.properties or {}).get(prop, []))

    @property
    def names(self) -> list[str]:
        names = self.values("name") or [self.caption]
        return names + [a for a in self.values("alias") if a not in names]


class Link(Base):
    """A relationship as an FtM interval: source → target, with dates and a share."""

    __tablename__ = "links"
    __table_args__ = (
        CheckConstraint("share_min IS NULL OR (share_min >= 0 AND share_min <= 100)"),
        CheckConstraint("share_max IS NULL OR (share_max >= 0 AND share_max <= 100)"),
        CheckConstraint("share_min IS NULL OR share_max IS NULL OR share_min <= share_max"),
        Index("ix_links_source_target", "source_id", "target_id"),
        Index("ix_links_target", "target_id"),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True, default=new_id)
    schema: Mapped[str] = mapped_column(String(32), index=True)
    source_id: Mapped[str] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"))
    target_id: Mapped[str] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"))
    role: Mapped[str | None] = mapped_column(String(500))  # "controlType", directorship role …
    start_date: Mapped[str | None] = mapped_column(PartialDateType)
    end_date: Mapped[str | None] = mapped_column(PartialDateType)
    # Share in percent: exact when min == max, a range as in BODS, unknown when both NULL.
    share_min: Mapped[float | None] = mapped_column(Float)
    share_max: Mapped[float | None] = mapped_column(Float)
    # What a stake is worth when the share is not known ("6.2 bn RUB").
    shares_value: Mapped[float | None] = mapped_column(Float)
    shares_currency: Mapped[str | None] = mapped_column(String(8))
    # Further FtM properties of the interval (ownershipType, program, summary …).
    properties: Mapped[dict[str, Any]] = mapped_column(default=dict)
    origin: Mapped[str | None] = mapped_column(String(200))
    created_by: Mapped[str | None] = mapped_column(String(200))
    # Bumped by every edit: two people editing one row at once is detected, not lost.
    row_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    # The ORM raises it on every update and checks it in the UPDATE (db.core.conflicts).
    __mapper_args__ = {"version_id_col": row_version}
    created_at: Mapped[str] = mapped_column(String(32), default=utc_now)

    @property
    def share_exact(self) -> float | None:
        if self.share_min is not None and self.share_min == self.share_max:
            return self.share_min
        return None


class NodePosition(Base):
    """Where the investigator put an entity in the network view (saved in the case)."""

    __tablename__ = "node_positions"

    entity_id: Mapped[str] = mapped_column(
        ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True
    )
    x: Mapped[float] = mapped_column(Float)
    y: Mapped[float] = mapped_column(Float)
    pinned: Mapped[bool] = mapped_column(default=False)

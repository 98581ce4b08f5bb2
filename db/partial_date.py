"""Partial dates: "2022", "2022-09" and "2022-09-14" are all first-class.

Investigators rarely know the day a stake changed hands; an article says "in 2022".
A partial date is stored as its ISO text and compared through the interval of days
it may stand for: a link that starts in "2022" exists on 2022-06-30.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class PartialDateError(ValueError):
    """Raised for text that is not a (partial) ISO date."""


@dataclass(frozen=True, order=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str | date | PartialDate | None) -> PartialDate | None:
        if text is None:
            return None
        if isinstance(text, PartialDate):
            return text
        if isinstance(text, date):
            return cls(text.year, text.month, text.day)
        text = str(text).strip()
        if not text:
            return None
        # Accept full timestamps ("2018-12-17T00:00:00Z") by their date part.
        match = _PATTERN.match(text[:10] if len(text) > 10 and text[10] in "T " else text)
        if not match:
            raise PartialDateError(f"not a date: {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
        year, month, day = (int(g) if g else None for g in match.groups())
        try:
            date(year, month or 1, day or 1)
        except ValueError as error:
            raise PartialDateError(f"not a date: {text!r} ({error})") from None
        return cls(year, month, day)

    def earliest(self) -> date:
        """The first day this partial date may stand for."""
        return date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> date:
        """The last day this partial date may stand for."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return date(self.year, month, day)

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
        return text


def normalise(text: str | date | None) -> str | None:
    """Canonical text of a partial date, or None; raises PartialDateError."""
    parsed = PartialDate.parse(text)
    return str(parsed) if parsed else None


def in_force(start: str | None, end: str | None, as_of: date | None) -> bool:
    """Whether something dated start..end may be in force on ``as_of``.

    A partial start counts from its earliest day, a partial end up to its latest, so a
    link "2022"–"2023" is in force on any day of 2022 or 2023. No date means open-ended.
    """
    if as_of is None:
        return True
    begin = PartialDate.parse(start)
    finish = PartialDate.parse(end)
    if begin is not None and as_of < begin.earliest():
        return False
    if finish is not None and as_of > finish.latest():
        return False
    return True

"""Which of the case's entities an excerpt names, in the order it names them.

The new-claim dialog pre-fills "from" and "to" with the first two entities found in the
selected passage, so that in the common case ("Renera acquired a stake in JSC Kama")
nothing needs picking. Candidates come from the full-text index (so a case of 100,000
entities answers as fast as the sample); each is then confirmed by finding one of its
names or aliases as whole words in the excerpt, the longest name winning where two
overlap ("JSC Kama" over "Kama").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.core import seam
from db.models import Entity

_WORD = re.compile(r"\w+", re.UNICODE)
MAX_CANDIDATES = 300


@dataclass(frozen=True)
class Mention:
    entity_id: str
    caption: str
    schema: str
    role: str | None
    start: int  # where in the excerpt the name begins
    end: int
    name: str  # the name or alias as found


def _candidate_ids(session: Session, excerpt: str) -> list[str]:
    words = {w for w in _WORD.findall(excerpt) if len(w) >= 2 and not w.isdigit()}
    if not words:
        return []
    return seam.of(session).entity_ids_matching(session, words, MAX_CANDIDATES)


def _find_name(excerpt_folded: str, name: str) -> tuple[int, int] | None:
    folded = name.strip().casefold()
    if len(folded) < 2:
        return None
    pattern = r"(?<!\w)" + re.escape(folded) + r"(?!\w)"
    match = re.search(pattern, excerpt_folded)
    return (match.start(), match.end()) if match else None


def entities_in_excerpt(session: Session, excerpt: str) -> list[Mention]:
    """Entities named in ``excerpt``, ordered by where they are first named.

    An entity whose name lies inside a longer name of another entity found at the same
    place is dropped ("Kama" inside "JSC Kama").
    """
    ids = _candidate_ids(session, excerpt)
    if not ids:
        return []
    folded = excerpt.casefold()
    if len(folded) != len(excerpt):  # casefold changed lengths (ß → ss): use lower()
        folded = excerpt.lower()
    found: list[Mention] = []
    for entity in session.scalars(select(Entity).where(Entity.id.in_(ids))):
        best: tuple[int, int, str] | None = None
        for name in dict.fromkeys([entity.caption, *entity.names]):
            span = _find_name(folded, name)
            if span is None:
                continue
            # Earliest mention first; at the same place the longer name.
            if best is None or (span[0], -(span[1] - span[0])) < (best[0], -(best[1] - best[0])):
                best = (span[0], span[1], excerpt[span[0]:span[1]])
        if best is not None:
            found.append(Mention(entity.id, entity.caption, entity.schema, entity.role,
                                 best[0], best[1], best[2]))
    found.sort(key=lambda m: (m.start, -(m.end - m.start), m.caption))
    kept: list[Mention] = []
    for mention in found:
        if any(k.start <= mention.start and mention.end <= k.end and k.entity_id != mention.entity_id
               and (k.end - k.start) > (mention.end - mention.start) for k in kept):
            continue
        kept.append(mention)
    return kept

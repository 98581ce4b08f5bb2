"""Ownership shapes with more paths than anyone could list, built through the services:
what the bounded path listings of ``casefile chains`` and the entity summary are for."""

from __future__ import annotations

from db.core.commands import run
from db.services import entities as E
from db.services import links as L


def ladder(case, layers: int = 12, width: int = 3) -> str:
    """``layers`` rows of ``width`` companies, each holding 10% of every company of the
    row below; the bottom row holds the subject. The top row's companies have
    ``width ** (layers - 1)`` paths each (177,147 for 12 × 3). The subject's id."""
    def build(tx) -> str:
        subject = E.create_entity(tx, "Company", "Subject")
        below = [subject]
        for layer in range(layers):
            row = [E.create_entity(tx, "Company", f"L{layer:02d}-{n}") for n in range(width)]
            for owner in row:
                for owned in below:
                    L.create_link(tx, "Ownership", owner, owned, share=10)
            below = row
        return subject

    return run(case, "ladder", build).result


def tangle(case, size: int = 12) -> str:
    """``size`` companies each holding 5% of every other and of the subject: a circular
    group whose simple paths cannot be counted. The subject's id."""
    def build(tx) -> str:
        subject = E.create_entity(tx, "Company", "Tangled subject")
        members = [E.create_entity(tx, "Company", f"T{n:02d}") for n in range(size)]
        for owner in members:
            for owned in members + [subject]:
                if owned != owner:
                    L.create_link(tx, "Ownership", owner, owned, share=5)
        return subject

    return run(case, "tangle", build).result

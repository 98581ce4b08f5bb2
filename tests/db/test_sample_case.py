"""The sample case: every excerpt is verbatim at its span; every link is sourced."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from db.models import Claim, Document, Entity, Link
from db.reads import queries
from db.sample.build import ARTICLE, CLAIMS, ENTITIES, LINKS
from db.verify.check import check_case

# Service-level: each test runs on a case file and on a team case (PostgreSQL).
pytestmark = pytest.mark.backends("sqlite", "postgresql")

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "000_df8c93c743fb9931.txt"


def test_bundled_article_is_the_seed_article():
    if SEED.exists():  # beside the checkout in development and CI
        assert ARTICLE.read_bytes() == SEED.read_bytes()


def test_every_excerpt_is_found_at_its_span(sample):
    with sample.session() as session:
        document = session.scalars(select(Document)).one()
        text = ARTICLE.read_text(encoding="utf-8")
        assert document.text == text
        claims = list(session.scalars(select(Claim)))
        assert len(claims) == len(CLAIMS)
        for claim in claims:
            assert text[claim.span_start:claim.span_end] == claim.excerpt
            assert claim.excerpt in text


def test_every_entity_and_link_is_there_and_sourced(sample):
    with sample.session() as session:
        names = set(session.scalars(select(Entity.caption)))
        assert names == {spec[1] for spec in ENTITIES.values()}
        assert {"South Korea", "Russia", "Enertech", "Rosatom", "Renera", "Mosgortrans",
                "Moskvich", "JSC Kama", "Atom", "TOGG", "Turkey", "Erdoğan's former wife",
                "Krasnaya Pakhra gigafactory"} <= names
        assert len(session.scalars(select(Link)).all()) == len(LINKS)
        assert queries.unsourced_link_ids(session) == []


def test_facts_the_article_states(sample):
    ids = sample.ids
    with sample.session() as session:
        control = session.get(Link, ids["link:control"])
        assert (control.schema, control.source_id, control.target_id, control.start_date) == \
            ("Control", ids["rosatom"], ids["enertech"], "2022")
        stake = session.get(Link, ids["link:stake"])
        # The article gives a value in roubles, not a share: the share stays unknown.
        assert (stake.share_min, stake.share_max) == (None, None)
        assert (stake.shares_value, stake.shares_currency, stake.start_date) == \
            (6.2e9, "RUB", "2022")
        citations = queries.link_citations(session, ids["link:control"])
        assert [(c.source_name, c.grade) for c in citations] == [("Kommersant", "B2")]
        assert "under Rosatom’s control since 2022" in citations[0].excerpt


def test_sample_passes_check(sample):
    report = check_case(sample)
    assert report.ok, report.as_dict()
    assert report.unsourced_links == 0
    assert report.documents_checked == 1

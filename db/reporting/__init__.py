"""Evidence summaries as plain data (Qt-free): what is said, with numbered citations
into a source annex. ``desktop.reports`` lays them out and prints them."""

from db.reporting.case_summary import build_case_summary
from db.reporting.content import CaseSummary, EntitySummary
from db.reporting.entity_summary import build_entity_summary

__all__ = ["CaseSummary", "EntitySummary", "build_case_summary", "build_entity_summary"]

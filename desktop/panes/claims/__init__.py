"""The claims pane: graded claims, their filters, and the links still unsourced."""

from desktop.panes.claims.pane import ClaimsPane

__all__ = ["ClaimsPane"]

"""The control chain side pane (owners, effective shares, the claims behind each step)."""

from desktop.panes.chain.pane import ChainPane

__all__ = ["ChainPane"]

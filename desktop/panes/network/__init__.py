"""The network pane: entities and links as a chart, control chains and connecting paths."""

from desktop.panes.network.keyboard import KEYS
from desktop.panes.network.pane import NetworkPane

__all__ = ["KEYS", "NetworkPane"]

"""The timeline pane (events and dated links; the shared draggable "as of" line)."""

from desktop.panes.timeline.keyboard import KEYS
from desktop.panes.timeline.pane import TimelinePane

__all__ = ["KEYS", "TimelinePane"]

"""What one painted frame of the network knows: where every node lands in pixels, which
are on screen, and the level of detail that follows (node size, icons or dots, arrows,
dashes, antialiasing).

The three layers used to work this out each for itself; now the canvas computes it once
per view and hands it to all. A frame may also describe an area bigger than the view (the
picture cache renders a margin around it so a pan only moves a picture): positions and
culling are then for that area, while the level of detail is still decided by what the
*view* shows — the cached picture must look exactly as a fresh paint of the view would.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtGui import QTransform

from desktop.panes.network.drawn import DrawnGraph

RADIUS = 22.0  # a node's half side at 1 pixel per scene unit
MAX_NODE_PIXELS = 22.0
DETAIL_PIXELS = 9.0  # node radius from which icons, arrows and edge labels are drawn
ICON_LIMIT = 800  # visible nodes drawn as icons at most; more are drawn as dots
ANTIALIAS_LIMIT = 800  # edges on screen: above, lines are drawn without antialiasing
DASH_LIMIT = 3_000  # edges on screen: above, unsourced ones are not dashed (Qt dashes slowly)
ARROW_LIMIT = 2_000  # visible edges given arrowheads at most
CULL_MARGIN = 40.0  # pixels beyond the painted area a node still counts as on it


def scale_of(transform: QTransform) -> float:
    """Device pixels per scene unit (the view keeps the aspect ratio)."""
    return float(np.hypot(transform.m11(), transform.m12())) or 1.0


def to_device(transform: QTransform, points: np.ndarray) -> np.ndarray:
    """Scene points (n × 2) mapped to device pixels."""
    x, y = points[:, 0], points[:, 1]
    return np.stack([x * transform.m11() + y * transform.m21() + transform.m31(),
                     x * transform.m12() + y * transform.m22() + transform.m32()], axis=1)


def node_pixels(scale: float, visible: int) -> float:
    """A node's radius on screen: its scene size, but never too small to see or click
    when few are shown (a small case reads at any window size), nor huge zoomed in."""
    floor = 12.0 if visible <= 60 else 8.0 if visible <= 400 else 3.0
    return float(min(MAX_NODE_PIXELS, max(floor, RADIUS * scale)))


def on_area(device: np.ndarray, width: float, height: float,
            margin: float = CULL_MARGIN) -> np.ndarray:
    return ((device[:, 0] > -margin) & (device[:, 0] < width + margin)
            & (device[:, 1] > -margin) & (device[:, 1] < height + margin))


@dataclass(frozen=True)
class Detail:
    """The level of detail of a view: equal details draw equal pictures at one scale."""
    radius: float  # a node's radius in pixels
    icons: bool  # schema icons (else coloured dots), arrows, edge labels
    visible: int  # nodes on screen
    edges_seen: int  # edges that may cross the screen (their bounding box meets it)

    @property
    def many_edges(self) -> bool:  # the cached whole paths, no dashes
        return self.edges_seen > DASH_LIMIT

    @property
    def antialiased_edges(self) -> bool:
        return self.edges_seen <= ANTIALIAS_LIMIT

    @property
    def arrows(self) -> bool:
        return self.icons and self.edges_seen <= ARROW_LIMIT

    def key(self) -> tuple:
        return (round(self.radius, 3), self.icons, self.many_edges, self.antialiased_edges,
                self.arrows)


@dataclass(frozen=True)
class Frame:
    transform: QTransform  # scene → pixels of the painted area
    width: float  # of the painted area, in pixels
    height: float
    device: np.ndarray  # every node's position in pixels
    mask: np.ndarray  # nodes on the painted area
    seen: np.ndarray  # edge rows with an end on the painted area
    detail: Detail

    @property
    def radius(self) -> float:
        return self.detail.radius


def view_frame(graph: DrawnGraph, transform: QTransform, width: float,
               height: float) -> Frame:
    """The frame of the view itself: its level of detail comes from what it shows."""
    device = to_device(transform, graph.pos)
    mask = on_area(device, width, height)
    seen = np.flatnonzero(mask[graph.source] | mask[graph.target])
    visible = int(mask.sum())
    radius = node_pixels(scale_of(transform), visible)
    detail = Detail(radius, radius >= DETAIL_PIXELS and visible <= ICON_LIMIT, visible,
                    crossing(device[graph.source], device[graph.target], width, height))
    return Frame(transform, width, height, device, mask, seen, detail)


def crossing(starts: np.ndarray, ends: np.ndarray, width: float, height: float) -> int:
    """Edges whose bounding box meets the area: what Qt will rasterise, long links through
    the view included (a zoomed-in view of a big graph is crossed by many)."""
    low, high = np.minimum(starts, ends), np.maximum(starts, ends)
    return int(((high[:, 0] > 0) & (low[:, 0] < width)
                & (high[:, 1] > 0) & (low[:, 1] < height)).sum())


def area_frame(graph: DrawnGraph, view: Frame, left: float, top: float, width: float,
               height: float) -> Frame:
    """A bigger area around ``view`` (its top left at ``left``, ``top`` of the view's
    pixels), drawn at the view's level of detail."""
    transform = QTransform(view.transform)
    transform *= QTransform.fromTranslate(-left, -top)
    device = view.device - np.array([left, top])
    mask = on_area(device, width, height)
    seen = np.flatnonzero(mask[graph.source] | mask[graph.target])
    return Frame(transform, width, height, device, mask, seen, view.detail)

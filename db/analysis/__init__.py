"""Analyses over the case's link graph: control chains and connecting paths (Qt-free)."""

from db.analysis.chain_paths import COUNT_CAP, ChainPaths, PathList
from db.analysis.ownership import ChainResult, ChainStep, OwnerShare, control_chains
from db.analysis.paths import ConnectingPath, Hop, connecting_paths

__all__ = ["COUNT_CAP", "ChainPaths", "ChainResult", "ChainStep", "ConnectingPath", "Hop",
           "OwnerShare", "PathList", "connecting_paths", "control_chains"]

"""Travel times between places: straight-line estimates per transport mode, or a road graph.

Everything here produces a :class:`TravelMatrix` of integer seconds indexed by place id, which
is all the solver needs.
"""

from __future__ import annotations

from ..geodesic import geodesic_m as geodesic_m
from ..geodesic import geodesic_matrix_m as geodesic_matrix_m
from ..geodesic import geodesic_pairs_m as geodesic_pairs_m
from .graphml import load_road_graph as load_road_graph
from .graphml import parse_maxspeed as parse_maxspeed
from .matrix import LegGeometry as LegGeometry
from .matrix import Located as Located
from .matrix import Snap as Snap
from .matrix import TravelMatrix as TravelMatrix
from .modes import MODES as MODES
from .modes import TransportMode as TransportMode
from .modes import get_mode as get_mode
from .modes import travel_matrix as travel_matrix
from .roads import road_travel_matrix as road_travel_matrix
from .roads import snap_places as snap_places

__all__ = [
    "MODES",
    "LegGeometry",
    "Located",
    "Snap",
    "TransportMode",
    "TravelMatrix",
    "geodesic_m",
    "geodesic_matrix_m",
    "geodesic_pairs_m",
    "get_mode",
    "load_road_graph",
    "parse_maxspeed",
    "road_travel_matrix",
    "snap_places",
    "travel_matrix",
]

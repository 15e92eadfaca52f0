"""The data model: frozen, validated values for places and craft villages. No I/O here.

:mod:`.place` holds the single values (:class:`Place`, :class:`Village`, :class:`Bounds`) and
their vocabularies; :mod:`.villages` the :class:`Villages` collection.
"""

from __future__ import annotations

from .place import CONFIDENCES as CONFIDENCES
from .place import COORD_KINDS as COORD_KINDS
from .place import ORIGINS as ORIGINS
from .place import THEMES as THEMES
from .place import VIETNAM_BOUNDS as VIETNAM_BOUNDS
from .place import Bounds as Bounds
from .place import Confidence as Confidence
from .place import CoordKind as CoordKind
from .place import Origin as Origin
from .place import Place as Place
from .place import Village as Village
from .place import check_position as check_position
from .villages import Nearby as Nearby
from .villages import Villages as Villages

__all__ = [
    "CONFIDENCES",
    "COORD_KINDS",
    "ORIGINS",
    "THEMES",
    "VIETNAM_BOUNDS",
    "Bounds",
    "Confidence",
    "CoordKind",
    "Nearby",
    "Origin",
    "Place",
    "Village",
    "Villages",
    "check_position",
]

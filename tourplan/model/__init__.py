"""The data model: frozen, validated values for places and craft villages. No I/O here.

:mod:`.place` holds the single values (:class:`Place`, :class:`Village`, :class:`Bounds`) and
their vocabularies; :mod:`.villages` the :class:`Villages` collection; :mod:`.seasons` the
questions of season and time of day (:func:`in_season`, :func:`active_at`).
"""

from __future__ import annotations

from .place import CONFIDENCES as CONFIDENCES
from .place import COORD_KINDS as COORD_KINDS
from .place import KINDS as KINDS
from .place import ORIGINS as ORIGINS
from .place import SIGHT_KINDS as SIGHT_KINDS
from .place import STATUSES as STATUSES
from .place import THEMES as THEMES
from .place import VIETNAM_BOUNDS as VIETNAM_BOUNDS
from .place import Bounds as Bounds
from .place import Confidence as Confidence
from .place import CoordKind as CoordKind
from .place import Kind as Kind
from .place import Origin as Origin
from .place import Place as Place
from .place import Status as Status
from .place import Village as Village
from .place import check_position as check_position
from .seasons import active_at as active_at
from .seasons import active_spans as active_spans
from .seasons import format_months as format_months
from .seasons import in_season as in_season
from .seasons import parse_months as parse_months
from .villages import Nearby as Nearby
from .villages import Villages as Villages

__all__ = [
    "CONFIDENCES",
    "COORD_KINDS",
    "KINDS",
    "ORIGINS",
    "SIGHT_KINDS",
    "STATUSES",
    "THEMES",
    "VIETNAM_BOUNDS",
    "Bounds",
    "Confidence",
    "CoordKind",
    "Kind",
    "Nearby",
    "Origin",
    "Place",
    "Status",
    "Village",
    "Villages",
    "active_at",
    "active_spans",
    "check_position",
    "format_months",
    "in_season",
    "parse_months",
]

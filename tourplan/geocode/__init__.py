"""Turning what a user types into a place: bundled names first, online geocoding only if allowed.

* :mod:`.gazetteer`: :class:`Gazetteer`, the known places, found offline by id or name;
* :mod:`.coordinates`: :func:`parse_lat_lon` and the helpers for typed coordinates;
* :mod:`.cache`: :class:`GeocodeCache` of online answers (:class:`CachedLocation`) on disk;
* :mod:`.resolver`: :class:`PlaceResolver`, the chain from a query to a place (geopy is
  imported only when an online lookup is allowed and needed).
"""

from __future__ import annotations

from .cache import CachedLocation as CachedLocation
from .cache import GeocodeCache as GeocodeCache
from .cache import default_cache_path as default_cache_path
from .coordinates import parse_lat_lon as parse_lat_lon
from .gazetteer import Gazetteer as Gazetteer
from .resolver import DEFAULT_USER_AGENT as DEFAULT_USER_AGENT
from .resolver import PlaceResolver as PlaceResolver
from .resolver import resolve_place as resolve_place
from .resolver import resolve_village as resolve_village

__all__ = [
    "DEFAULT_USER_AGENT",
    "CachedLocation",
    "Gazetteer",
    "GeocodeCache",
    "PlaceResolver",
    "default_cache_path",
    "parse_lat_lon",
    "resolve_place",
    "resolve_village",
]

"""Coordinates as users type them: ``"lat,lon"`` parsing, number checks, display and slugs."""

from __future__ import annotations

import math
import re

from ..exceptions import DataError

__all__ = ["check_number", "coord_slug", "format_degrees", "parse_lat_lon"]

_NUMBER = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)"
_LAT_LON = re.compile(rf"^\s*({_NUMBER})\s*(?:,\s*|\s+)({_NUMBER})\s*$")


def parse_lat_lon(text: str) -> tuple[float, float] | None:
    """Read ``"lat,lon"``, ``"lat, lon"`` or ``"lat lon"`` (decimal degrees, latitude first).

    Returns
    -------
    tuple of float or None
        ``(lat, lon)``, or None when ``text`` is not a pair of numbers.

    Raises
    ------
    DataError
        When the numbers are out of range (naming the field ``lat`` or ``lon``).

    Examples
    --------
    >>> parse_lat_lon("21.0285,105.8542")
    (21.0285, 105.8542)
    >>> parse_lat_lon("21.0285 105.8542")
    (21.0285, 105.8542)
    >>> parse_lat_lon("12 Hàng Bạc") is None
    True
    >>> parse_lat_lon("105.8542, 21.0285")
    Traceback (most recent call last):
    ...
    tourplan.exceptions.DataError: field 'lat': lat 105.8542 is out of range (-90 to 90 degrees); \
write the latitude first ('lat,lon')
    """
    match = _LAT_LON.match(text)
    if match is None:
        return None
    lat, lon = float(match.group(1)), float(match.group(2))
    if not -90.0 <= lat <= 90.0:
        hint = "; write the latitude first ('lat,lon')" if -90.0 <= lon <= 90.0 else ""
        raise DataError(f"lat {lat} is out of range (-90 to 90 degrees){hint}", field="lat")
    if not -180.0 <= lon <= 180.0:
        raise DataError(f"lon {lon} is out of range (-180 to 180 degrees)", field="lon")
    return lat, lon


def check_number(value: object, name: str) -> float:
    """``value`` as a float; DataError naming ``name`` unless it is a finite int or float."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise DataError(f"{name} must be a number, got {value!r}", field=name)
    if not math.isfinite(value):
        raise DataError(f"{name} must be a finite number, got {value!r}", field=name)
    return float(value)


def format_degrees(value: float) -> str:
    """A coordinate for display: up to 5 decimals (about 1 m), no trailing zeros."""
    return f"{value:.5f}".rstrip("0").rstrip(".")


def coord_slug(value: float) -> str:
    """A coordinate as an id-safe slug: ``m`` for minus, 5 decimals, ``_`` for the point."""
    return ("m" if value < 0 else "") + f"{abs(value):.5f}".replace(".", "_")

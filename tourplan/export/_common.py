"""Helpers shared by the exporters: place names and positions by id, coordinates, ISO times.

``check_writable`` and ``write_all_or_nothing`` live in :mod:`tourplan._io` (every writer of
files shares them) and are imported here for the exporters.
"""

from __future__ import annotations

import datetime as dt
import re

from .._io import check_writable, write_all_or_nothing
from ..exceptions import DataError
from ..plan import Day
from ..text import Lang, place_name

__all__ = [
    "check_writable",
    "day_names",
    "day_positions",
    "iso",
    "round_coord",
    "write_all_or_nothing",
    "xml_text",
]

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

COORD_DECIMALS = 7
"""Decimals kept in exported coordinates (about 1 cm, the most RFC 7946 recommends)."""


def day_names(day: Day, lang: Lang) -> dict[str, str]:
    """Display names of every place of ``day`` (start, end and villages) by id."""
    names = {day.start_place.id: place_name(day.start_place, lang)}
    names[day.end_place.id] = place_name(day.end_place, lang)
    for stop in day.stops:
        names[stop.village.id] = place_name(stop.village, lang)
    return names


def day_positions(day: Day) -> dict[str, tuple[float, float]]:
    """(longitude, latitude) of every place of ``day`` by id."""
    positions = {day.start_place.id: (day.start_place.lon, day.start_place.lat)}
    positions[day.end_place.id] = (day.end_place.lon, day.end_place.lat)
    for stop in day.stops:
        positions[stop.village.id] = (stop.village.lon, stop.village.lat)
    return positions


def round_coord(value: float) -> float:
    """A coordinate rounded to :data:`COORD_DECIMALS` decimals."""
    return round(float(value), COORD_DECIMALS)


def iso(value: dt.datetime) -> str:
    """ISO 8601 text of an aware datetime, always with its UTC offset."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise DataError(f"datetime {value.isoformat()} has no time zone")
    return value.isoformat()


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold, and with CR and CRLF as LF.

    XML parsers turn every CR into LF anyway; doing it here makes the text read back as written.
    """
    return _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))

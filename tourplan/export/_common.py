"""Helpers shared by the exporters: languages, place names and positions, the generator name."""

from __future__ import annotations

import datetime as dt
from importlib.metadata import PackageNotFoundError, version
from typing import Literal

from ..exceptions import DataError
from ..itinerary import HANOI_TZ, Day, Itinerary
from ..model import Place

__all__ = [
    "Lang",
    "day_names",
    "day_positions",
    "generator",
    "place_name",
    "resolve_lang",
    "round_coord",
]

Lang = Literal["vi", "en"]

COORD_DECIMALS = 7
"""Decimals kept in exported coordinates (about 1 cm, the most RFC 7946 recommends)."""


def generator() -> str:
    """The name and version of this library, e.g. ``"tourplan 0.1.0"``."""
    try:
        return f"tourplan {version('tourplan')}"
    except PackageNotFoundError:  # a checkout that was never installed
        from .._version import __version__

        return f"tourplan {__version__}"


def resolve_lang(itinerary: Itinerary, lang: str | None) -> Lang:
    """``lang`` if given, else the itinerary's language; refuse anything but ``vi``/``en``."""
    chosen = itinerary.lang if lang is None else lang
    if chosen == "vi":
        return "vi"
    if chosen == "en":
        return "en"
    raise DataError(f"lang must be 'vi' or 'en', got {chosen!r}", field="lang")


def place_name(place: Place, lang: Lang) -> str:
    """The place's name in ``lang``, falling back to its Vietnamese name."""
    return place.name_en if lang == "en" and place.name_en else place.name


def day_names(day: Day, lang: Lang) -> dict[str, str]:
    """Display names of every place of ``day`` (start, end and villages) by id."""
    names = {day.start_place.id: place_name(day.start_place, lang)}
    names[day.end_place.id] = place_name(day.end_place, lang)
    for stop in day.stops:
        names[stop.village.id] = stop.village.display_name(lang)
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


_UNITS: dict[str, tuple[str, str, str]] = {"en": ("h", "min", "."), "vi": ("giờ", "phút", ",")}


def hhmm(value: dt.datetime) -> str:
    """Local Hanoi clock time, ``"09:05"``."""
    return value.astimezone(HANOI_TZ).strftime("%H:%M")


def duration_text(value: dt.timedelta, lang: Lang) -> str:
    """A duration in whole minutes: ``"1 h 05 min"`` / ``"1 giờ 05 phút"``, ``"40 min"``."""
    hour_word, minute_word, _ = _UNITS[lang]
    hours, rest = divmod(round(value.total_seconds() / 60), 60)
    if hours and rest:
        return f"{hours} {hour_word} {rest:02d} {minute_word}"
    if hours:
        return f"{hours} {hour_word}"
    return f"{rest} {minute_word}"


def km_text(distance_m: float, lang: Lang) -> str:
    """A distance in km with one decimal: ``"14.2 km"`` in English, ``"14,2 km"`` in Vietnamese."""
    return f"{distance_m / 1000:.1f}".replace(".", _UNITS[lang][2]) + " km"


MODE_NAMES: dict[str, dict[str, str]] = {
    "en": {"road graph": "road"},
    "vi": {
        "walk": "đi bộ",
        "bicycle": "xe đạp",
        "motorbike": "xe máy",
        "car": "ô tô",
        "bus": "xe buýt",
        "road graph": "đường bộ",
    },
}
"""Transport mode names as written in each language (missing: the mode's own name)."""

BREAK_NAMES: dict[str, dict[str, str]] = {
    "en": {"lunch": "Lunch", "dinner": "Dinner", "breakfast": "Breakfast", "rest": "Rest"},
    "vi": {"lunch": "Ăn trưa", "dinner": "Ăn tối", "breakfast": "Ăn sáng", "rest": "Nghỉ"},
}
"""Break names as written in each language (missing: the break's own name)."""

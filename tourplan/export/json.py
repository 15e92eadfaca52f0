"""JSON export and import of a whole itinerary, described by ``itinerary.schema.json``.

The document is self-contained: every stop embeds its village (the same fields as the
village files, see :func:`tourplan.datasets.village_record`), datetimes are ISO 8601 text with
their UTC offset (``2026-03-02T09:15:00+07:00``), and
``itinerary_from_json(itinerary_to_json(it)) == it``. Loaded datetimes are in
:data:`~tourplan.plan.HANOI_TZ`.
"""

from __future__ import annotations

import json as _json
import os
from importlib import resources
from pathlib import Path
from typing import Any, cast

from .._io import atomic_write_text, read_utf8
from ..datasets import village_record
from ..exceptions import DataError
from ..model import Place
from ..plan import Day, Itinerary, LeftOut
from ..text import generator
from ._common import iso
from .costs import booking_json, costs_json
from .json_reader import SCHEMA_VERSION, TIME_ZONE, Reader

__all__ = [
    "SCHEMA_VERSION",
    "itinerary_from_dict",
    "itinerary_from_json",
    "itinerary_schema",
    "itinerary_to_dict",
    "itinerary_to_json",
    "read_json",
    "write_json",
]


def itinerary_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the documents :func:`itinerary_to_json` writes."""
    text = resources.files(__package__).joinpath("itinerary.schema.json").read_text("utf-8")
    return cast(dict[str, Any], _json.loads(text))


# -- writing ------------------------------------------------------------------------------------


def _place(place: Place) -> dict[str, Any]:
    return {
        "id": place.id,
        "name": place.name,
        "name_en": place.name_en,
        "lat": place.lat,
        "lon": place.lon,
        "coord_kind": place.coord_kind,
        "coord_precision_m": place.coord_precision_m,
        "coord_source": place.coord_source,
        "notes": place.notes,
    }


def _day(day: Day) -> dict[str, Any]:
    return {
        "date": day.date.isoformat(),
        "start_place": _place(day.start_place),
        "end_place": _place(day.end_place),
        "departure": iso(day.departure),
        "arrival": iso(day.arrival),
        "stops": [
            {
                "village": village_record(s.village),
                "arrival": iso(s.arrival),
                "start": iso(s.start),
                "end": iso(s.end),
                "length": s.length,
                "stop_minutes": s.stop_minutes,
                "waits_for_opening": s.waits_for_opening,
                "longer_offered": s.longer_offered,
                **({"booking": booking_json(s)} if s.booking is not None else {}),  # #21
                "hours_confirmed": s.village.hours_confirmed,
            }
            for s in day.stops
        ],
        "legs": [
            {
                "origin": leg.origin,
                "destination": leg.destination,
                "depart": iso(leg.depart),
                "arrive": iso(leg.arrive),
                "mode": leg.mode,
                "distance_m": leg.distance_m,
                "path": [[lon, lat] for lon, lat in leg.path],
            }
            for leg in day.legs
        ],
        "breaks": [
            {
                "name": b.name,
                "start": iso(b.start),
                "end": iso(b.end),
                "place": b.place,
                "on_the_way": b.on_the_way,
            }
            for b in day.breaks
        ],
    }


def itinerary_to_dict(itinerary: Itinerary) -> dict[str, Any]:
    """The itinerary as plain JSON-ready data (see ``itinerary.schema.json``)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": generator(),
        "time_zone": TIME_ZONE,
        "mode": itinerary.mode,
        "notes": list(itinerary.notes),
        "days": [_day(day) for day in itinerary.days],
        "left_out": [_left_out(item) for item in itinerary.left_out],
        **({"costs": costs_json(itinerary)} if itinerary.party is not None else {}),  # #21
    }


def _left_out(item: LeftOut) -> dict[str, Any]:
    """A left-out village: its record, its reason code and the numbers that are set."""
    data: dict[str, Any] = {"village": village_record(item.village), "reason": item.reason}
    if item.dates:
        data["dates"] = [d.isoformat() for d in item.dates]
    if item.visit_minutes is not None:
        data["visit_minutes"] = item.visit_minutes
    if item.day_window is not None:
        data["day_start"], data["day_end"] = (f"{t:%H:%M}" for t in item.day_window)
    for key in ("travel_minutes", "onward_minutes", "mode", "max_stops", "min_stops"):
        if getattr(item, key) is not None:
            data[key] = getattr(item, key)
    return data


def itinerary_to_json(itinerary: Itinerary, *, indent: int | None = 2) -> str:
    """The itinerary as JSON text (UTF-8 characters kept as they are, not ``\\u`` escaped).

    Parameters
    ----------
    itinerary
        The plan to export.
    indent
        Spaces per level, or None for one compact line.
    """
    return _json.dumps(itinerary_to_dict(itinerary), ensure_ascii=False, indent=indent) + "\n"


def write_json(
    itinerary: Itinerary, path: str | os.PathLike[str], *, indent: int | None = 2
) -> Path:
    """Write the itinerary as JSON to ``path`` atomically.

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    ExportError
        When the file cannot be written; an existing file is then left unchanged.
    """
    return atomic_write_text(path, itinerary_to_json(itinerary, indent=indent))


def itinerary_from_dict(data: Any, *, source: str = "itinerary") -> Itinerary:
    """Build an itinerary from parsed JSON data (inverse of :func:`itinerary_to_dict`).

    Raises
    ------
    DataError
        Naming ``source`` and the JSON path (``days[0].stops[1].start``) of the first bad value.
    """
    return Reader(source).itinerary(data)


def itinerary_from_json(text: str | bytes, *, source: str = "itinerary") -> Itinerary:
    """Read an itinerary from JSON text written by :func:`itinerary_to_json`.

    Raises
    ------
    DataError
        When the text is not JSON or not an itinerary (the message names the bad value).
    """
    try:
        data = _json.loads(text)
    except ValueError as exc:
        raise DataError(f"not valid JSON: {exc}", source=source) from None
    return itinerary_from_dict(data, source=source)


def read_json(path: str | os.PathLike[str]) -> Itinerary:
    """Read an itinerary from a JSON file written by :func:`write_json`.

    Raises
    ------
    DataError
        When the file is missing, unreadable or not an itinerary.
    """
    return itinerary_from_json(read_utf8(path), source=str(path))

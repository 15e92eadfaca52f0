"""GeoJSON export (RFC 7946): the stops, start and end places as Points, the legs as LineStrings.

Positions are ``[longitude, latitude]`` in WGS 84 rounded to 7 decimals; no ``crs`` member.
Each feature's ``properties.kind`` says what it is: ``"start"``, ``"stop"``, ``"end"``,
``"leg"`` (and ``"left_out"`` when asked for). Times are ISO 8601 text with their UTC offset.
"""

from __future__ import annotations

import json as _json
import os
from pathlib import Path
from typing import Any

from .._io import atomic_write_text
from ..model import Place
from ..plan import Day, Itinerary, Leg, Stop
from ..text import (
    Lang,
    check_lang,
    craft_name,
    explain,
    generator,
    hours_text,
    place_name,
    position_text,
)
from ._common import day_names, day_positions, iso, round_coord
from .costs import costs_json, stop_cost_properties

__all__ = ["itinerary_to_geojson", "itinerary_to_geojson_text", "write_geojson"]

Position = list[float]


def _point(lon: float, lat: float) -> dict[str, Any]:
    return {"type": "Point", "coordinates": [round_coord(lon), round_coord(lat)]}


def _feature(
    feature_id: str, geometry: dict[str, Any], properties: dict[str, Any]
) -> dict[str, Any]:
    return {"type": "Feature", "id": feature_id, "geometry": geometry, "properties": properties}


def _day_fields(day: Day, number: int) -> dict[str, Any]:
    return {"day": number, "date": day.date.isoformat()}


def _place_feature(day: Day, number: int, place: Place, kind: str, lang: Lang) -> dict[str, Any]:
    time = day.departure if kind == "start" else day.back  # back there (lunch may follow)
    return _feature(
        f"{day.date.isoformat()}/{kind}/{place.id}",
        _point(place.lon, place.lat),
        {
            "kind": kind,
            **_day_fields(day, number),
            "place_id": place.id,
            "name": place_name(place, lang),
            "name_vi": place.name,
            "name_en": place.name_en,
            "departure" if kind == "start" else "arrival": iso(time),
        },
    )


def _stop_feature(day: Day, number: int, order: int, stop: Stop, lang: Lang) -> dict[str, Any]:
    village = stop.village
    again = order > 1 and day.stops[order - 2].village.id == village.id  # after lunch
    return _feature(
        f"{day.date.isoformat()}/stop/{village.id}" + ("/2" if again else ""),
        _point(village.lon, village.lat),
        {
            "kind": "stop",
            **_day_fields(day, number),
            "order": order,
            "village_id": village.id,
            "name": place_name(village, lang),
            "name_vi": village.name_vi,
            "name_en": village.name_en,
            "craft": craft_name(village, lang),
            "craft_vi": village.craft_vi,
            "craft_en": village.craft_en,
            "themes": list(village.themes),
            "commune": village.commune or None,  # the name alone, not its sources
            "coord_kind": village.coord_kind,
            "coord_precision_m": village.coord_precision_m,
            "position": position_text(village, lang),
            "arrival": iso(stop.arrival),
            "start": iso(stop.start),
            "end": iso(stop.end),
            "wait_minutes": round(day.idle(stop).total_seconds() / 60, 2),
            "visit_minutes": round(stop.duration.total_seconds() / 60, 2),
            "interest": village.interest,
            "opening_hours": str(village.opening_hours),
            "hours_confirmed": village.hours_confirmed,
            "hours": hours_text(village, lang),
            "url": village.url,
            **stop_cost_properties(stop, lang),  # experiences and costs (issue #21)
        },
    )


def _leg_feature(
    day: Day,
    number: int,
    order: int,
    leg: Leg,
    positions: dict[str, tuple[float, float]],
    names: dict[str, str],
) -> dict[str, Any]:
    if len(leg.path) >= 2:
        line = [[round_coord(lon), round_coord(lat)] for lon, lat in leg.path]
        source = "road"
    else:
        line = [
            [round_coord(c) for c in positions[leg.origin]],
            [round_coord(c) for c in positions[leg.destination]],
        ]
        source = "straight"
    return _feature(
        f"{day.date.isoformat()}/leg/{order}",
        {"type": "LineString", "coordinates": line},
        {
            "kind": "leg",
            **_day_fields(day, number),
            "order": order,
            "origin": leg.origin,
            "destination": leg.destination,
            "origin_name": names.get(leg.origin, leg.origin),
            "destination_name": names.get(leg.destination, leg.destination),
            "depart": iso(leg.depart),
            "arrive": iso(leg.arrive),
            "travel_minutes": round(day.driving_time(leg).total_seconds() / 60, 2),
            "mode": leg.mode,
            "distance_m": leg.distance_m,
            "geometry": source,
        },
    )


def _bbox(features: list[dict[str, Any]]) -> list[float]:
    points: list[list[float]] = []
    for feature in features:
        geometry = feature["geometry"]
        if geometry["type"] == "Point":
            points.append(geometry["coordinates"])
        else:
            points.extend(geometry["coordinates"])
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    return [min(lons), min(lats), max(lons), max(lats)]


def itinerary_to_geojson(
    itinerary: Itinerary, *, lang: str = "vi", include_left_out: bool = False
) -> dict[str, Any]:
    """The itinerary as a GeoJSON FeatureCollection (a plain dict, ready for ``json.dumps``).

    Parameters
    ----------
    itinerary
        The plan to export.
    lang
        ``"vi"`` (default) or ``"en"`` for the ``name``, ``craft`` and ``explanation``
        properties (``name_vi``/``name_en`` are always given).
    include_left_out
        Also add a Point per village left out, with ``reason`` and ``explanation``.

    Returns
    -------
    dict
        Per day, in order: the start place, each stop, each leg, the end place; then the
        villages left out. Legs follow the road path when one is known, else a straight line.
        A ``bbox`` covers every position.
    """
    chosen = check_lang(lang)
    features: list[dict[str, Any]] = []
    for number, day in enumerate(itinerary.days, start=1):
        positions = day_positions(day)
        names = day_names(day, chosen)
        features.append(_place_feature(day, number, day.start_place, "start", chosen))
        for order, stop in enumerate(day.stops, start=1):
            features.append(_stop_feature(day, number, order, stop, chosen))
        for order, leg in enumerate(day.legs, start=1):
            features.append(_leg_feature(day, number, order, leg, positions, names))
        features.append(_place_feature(day, number, day.end_place, "end", chosen))
    if include_left_out:
        for item in itinerary.left_out:
            village = item.village
            features.append(
                _feature(
                    f"left_out/{village.id}",
                    _point(village.lon, village.lat),
                    {
                        "kind": "left_out",
                        "village_id": village.id,
                        "name": place_name(village, chosen),
                        "name_vi": village.name_vi,
                        "name_en": village.name_en,
                        "craft": craft_name(village, chosen),
                        "interest": village.interest,
                        "reason": item.reason,
                        "explanation": explain(item, chosen),
                    },
                )
            )
    collection: dict[str, Any] = {"type": "FeatureCollection"}
    if features:
        collection["bbox"] = _bbox(features)
    collection["generator"] = generator()  # a foreign member, allowed by RFC 7946 section 6.1
    if itinerary.party is not None:
        collection["costs"] = costs_json(itinerary)  # a foreign member too (issue #21)
    collection["features"] = features
    return collection


def itinerary_to_geojson_text(
    itinerary: Itinerary, *, lang: str = "vi", include_left_out: bool = False
) -> str:
    """The GeoJSON of :func:`itinerary_to_geojson` as UTF-8 JSON text."""
    data = itinerary_to_geojson(itinerary, lang=lang, include_left_out=include_left_out)
    return _json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_geojson(
    itinerary: Itinerary,
    path: str | os.PathLike[str],
    *,
    lang: str = "vi",
    include_left_out: bool = False,
) -> Path:
    """Write the itinerary's GeoJSON to ``path`` atomically.

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    ExportError
        When the file cannot be written; an existing file is then left unchanged.
    """
    return atomic_write_text(
        path, itinerary_to_geojson_text(itinerary, lang=lang, include_left_out=include_left_out)
    )

"""Villages as GeoJSON: reading a FeatureCollection of Points into items, and writing one."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from ..exceptions import DataError
from ..model import Village
from .json import json_load
from .records import COLUMNS, REQUIRED, check_columns, village_record

__all__ = ["geojson_village_items", "villages_to_geojson"]


def geojson_village_items(text: str, source: str) -> list[tuple[int, dict[str, Any]]]:
    """The features of a GeoJSON FeatureCollection as ``(1-based feature number, record)``.

    The Point's ``[longitude, latitude]`` become the record's ``lon`` and ``lat``; a feature
    ``id`` stands in for a missing ``id`` property.

    Raises
    ------
    DataError
        When the document or a feature is malformed, or a feature puts its position in the
        properties, naming the feature and the field.
    """
    data = json_load(text, source)
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise DataError('expected a GeoJSON object with "type": "FeatureCollection"', source=source)
    features = data.get("features")
    if not isinstance(features, list):
        raise DataError('a FeatureCollection needs a "features" list', source=source)
    items = []
    for n, feature in enumerate(features, start=1):
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            raise DataError(
                'each feature must be an object with "type": "Feature"', source=source, row=n
            )
        geometry = feature.get("geometry")
        if not isinstance(geometry, dict) or geometry.get("type") != "Point":
            raise DataError(
                "each feature needs a Point geometry", source=source, row=n, field="geometry"
            )
        coords = geometry.get("coordinates")
        if (
            not isinstance(coords, list)
            or len(coords) < 2
            or not all(isinstance(c, int | float) and not isinstance(c, bool) for c in coords[:2])
        ):
            raise DataError(
                "Point coordinates must be [longitude, latitude] numbers",
                source=source,
                row=n,
                field="coordinates",
            )
        props = feature.get("properties") or {}
        if not isinstance(props, dict):
            raise DataError(
                "properties must be an object", source=source, row=n, field="properties"
            )
        for key in ("lat", "lon"):
            if key in props:
                raise DataError(
                    f"put the position in the geometry, not in a {key!r} property",
                    source=source,
                    row=n,
                    field=key,
                )
        check_columns([*props, "lat", "lon"], source, COLUMNS, REQUIRED, row=n)
        item = dict(props)
        item.setdefault("id", feature.get("id"))
        item["lon"], item["lat"] = coords[0], coords[1]
        items.append((n, item))
    return items


def villages_to_geojson(villages: Iterable[Village]) -> str:
    """The villages as an RFC 7946 GeoJSON FeatureCollection of Points (longitude first)."""
    features = []
    for village in villages:
        props = village_record(village)
        lat, lon = props.pop("lat"), props.pop("lon")
        features.append(
            {
                "type": "Feature",
                "id": village.id,
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": props,
            }
        )
    payload = {"type": "FeatureCollection", "features": features}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"

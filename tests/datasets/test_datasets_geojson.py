"""Villages as GeoJSON: longitude first, swapped coordinates and malformed features."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import tourplan
from tourplan.datasets import load_villages, save_villages
from tourplan.exceptions import DataError


def test_geojson_is_rfc7946_longitude_first(hanoi: tourplan.Villages, tmp_path: Path) -> None:
    path = save_villages(hanoi, tmp_path / "hanoi.geojson")
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["type"] == "FeatureCollection"
    assert len(raw["features"]) == len(hanoi) == 104  # 93 villages and 11 sights
    bat_trang = next(f for f in raw["features"] if f["id"] == "bat-trang")
    assert bat_trang["geometry"] == {"type": "Point", "coordinates": [105.917, 20.983]}
    for feature, village in zip(raw["features"], hanoi, strict=True):
        lon, lat = feature["geometry"]["coordinates"]
        assert (lon, lat) == (village.lon, village.lat)
        assert "lat" not in feature["properties"] and "lon" not in feature["properties"]
        assert feature["properties"]["name_vi"] == village.name_vi  # UTF-8, not \u escapes
    assert "Bát Tràng" in path.read_text(encoding="utf-8")


def geojson_with(
    tmp_path: Path, hanoi: tourplan.Villages, edit: Callable[[list[Any]], None]
) -> Path:
    path = save_villages(hanoi[:3], tmp_path / "v.geojson")
    data = json.loads(path.read_text(encoding="utf-8"))
    edit(data["features"])
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_geojson_with_swapped_coordinates(
    hanoi: tourplan.Villages, tmp_path: Path, load_error: Callable[..., DataError]
) -> None:
    def swap(features: list[Any]) -> None:
        coords = features[1]["geometry"]["coordinates"]
        coords.reverse()  # [lat, lon]: the common mistake

    path = geojson_with(tmp_path, hanoi, swap)
    with pytest.raises(DataError, match=r"look swapped \(expected \[longitude, latitude\]\)"):
        load_villages(path)
    err = load_error(path)
    assert (err.row, err.field) == (2, "coordinates")
    assert "far outside Vietnam" in str(err)
    assert repr(hanoi[1].id) in str(err)


@pytest.mark.parametrize(
    ("edit", "field", "message"),
    [
        (lambda f: f[0].update(geometry=None), "geometry", "needs a Point geometry"),
        (lambda f: f[0]["geometry"].update(type="LineString"), "geometry", "Point geometry"),
        (lambda f: f[0]["geometry"].update(coordinates=["105.8", "21"]), "coordinates", "numbers"),
        (
            lambda f: f[0]["geometry"].update(coordinates=[105.8]),
            "coordinates",
            "[longitude, latitude]",
        ),
        (lambda f: f[0]["properties"].update(lat=21.0), "lat", "put the position in the geometry"),
        (lambda f: f[0]["properties"].pop("visit_minutes"), "visit_minutes", "missing required"),
    ],
)
def test_bad_geojson_features(
    hanoi: tourplan.Villages,
    tmp_path: Path,
    edit: Callable[[list[Any]], None],
    field: str,
    message: str,
    load_error: Callable[..., DataError],
) -> None:
    err = load_error(geojson_with(tmp_path, hanoi, edit))
    assert (err.row, err.field) == (1, field)
    assert message in str(err)


def test_geojson_that_is_not_a_feature_collection(
    tmp_path: Path, load_error: Callable[..., DataError]
) -> None:
    path = tmp_path / "v.geojson"
    path.write_text('{"type": "Feature"}', encoding="utf-8")
    assert "FeatureCollection" in str(load_error(path))

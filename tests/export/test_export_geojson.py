"""The GeoJSON export, checked against the rules of RFC 7946."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tourplan.export import itinerary_to_geojson, itinerary_to_geojson_text, write_geojson
from tourplan.plan import Itinerary

GEOMETRY_TYPES = {
    "Point",
    "LineString",
    "Polygon",
    "MultiPoint",
    "MultiLineString",
    "MultiPolygon",
    "GeometryCollection",
}


def check_position(position: Any, where: str) -> None:
    assert isinstance(position, list), where
    assert len(position) in (2, 3), f"{where}: a position has 2 or 3 numbers"
    assert all(isinstance(c, int | float) and not isinstance(c, bool) for c in position), where
    lon, lat = position[0], position[1]
    assert -180 <= lon <= 180, f"{where}: longitude {lon} out of range"
    assert -90 <= lat <= 90, f"{where}: latitude {lat} out of range"
    for c in position:  # RFC 7946 section 11.2: about 7 decimals are plenty
        exponent = Decimal(repr(c)).as_tuple().exponent
        assert isinstance(exponent, int) and exponent >= -7, f"{where}: {c} has > 7 decimals"


def check_geometry(geometry: Any, where: str) -> None:
    assert isinstance(geometry, dict), where
    assert geometry.get("type") in GEOMETRY_TYPES, where
    coordinates = geometry["coordinates"]
    if geometry["type"] == "Point":
        check_position(coordinates, where)
    elif geometry["type"] == "LineString":
        assert isinstance(coordinates, list) and len(coordinates) >= 2, f"{where}: >= 2 positions"
        for i, position in enumerate(coordinates):
            check_position(position, f"{where}[{i}]")
    else:  # pragma: no cover - we only write points and lines
        pytest.fail(f"{where}: unexpected geometry {geometry['type']}")


def check_rfc7946(document: Any) -> None:
    """A small checker of the RFC 7946 rules this exporter must follow."""
    assert isinstance(document, dict)
    assert document["type"] == "FeatureCollection"
    assert "crs" not in document  # RFC 7946 section 4: no crs member
    assert isinstance(document["features"], list)
    for i, feature in enumerate(document["features"]):
        where = f"features[{i}]"
        assert feature["type"] == "Feature", where
        assert "geometry" in feature and "properties" in feature, where
        assert isinstance(feature["properties"], dict), where
        assert isinstance(feature.get("id", ""), str | int | float), where
        assert "crs" not in feature, where
        check_geometry(feature["geometry"], where)
    if "bbox" in document:
        west, south, east, north = document["bbox"]
        assert -180 <= west <= east <= 180 and -90 <= south <= north <= 90
        for feature in document["features"]:
            geometry = feature["geometry"]
            points = (
                [geometry["coordinates"]]
                if geometry["type"] == "Point"
                else geometry["coordinates"]
            )
            for lon, lat in points:
                assert west <= lon <= east and south <= lat <= north


def features(document: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [f for f in document["features"] if f["properties"]["kind"] == kind]


@pytest.mark.parametrize("include_left_out", [False, True])
def test_follows_rfc_7946(itinerary: Itinerary, include_left_out: bool) -> None:
    text = itinerary_to_geojson_text(itinerary, include_left_out=include_left_out)
    check_rfc7946(json.loads(text))


def test_features_per_day(itinerary: Itinerary) -> None:
    document = itinerary_to_geojson(itinerary)
    assert len(features(document, "start")) == 2
    assert len(features(document, "end")) == 2
    assert len(features(document, "stop")) == 4
    assert len(features(document, "leg")) == 6
    assert features(document, "left_out") == []
    ids = [f["id"] for f in document["features"]]
    assert len(ids) == len(set(ids))


def test_positions_are_longitude_then_latitude(itinerary: Itinerary) -> None:
    document = itinerary_to_geojson(itinerary)
    village = itinerary.days[0].stops[0].village
    lake, airport = itinerary.days[0].start_place, itinerary.days[1].end_place
    assert (village.id, lake.id, airport.id) == ("bat-trang", "hoan-kiem-lake", "noi-bai-airport")
    bat_trang = next(
        f for f in features(document, "stop") if f["properties"]["village_id"] == "bat-trang"
    )
    assert bat_trang["geometry"]["coordinates"] == [village.lon, village.lat] == [105.913, 21.0026]
    start = features(document, "start")[0]
    assert start["geometry"]["coordinates"] == [lake.lon, lake.lat]
    end = features(document, "end")[1]
    assert end["geometry"]["coordinates"] == [airport.lon, airport.lat]
    assert document["bbox"] == [105.7623, 20.8672, 105.9205, 21.2187]


def test_legs_follow_the_road_path_or_a_straight_line(itinerary: Itinerary) -> None:
    legs = features(itinerary_to_geojson(itinerary), "leg")
    road = legs[0]
    path = itinerary.days[0].legs[0].path
    assert len(path) == 5
    assert road["properties"]["geometry"] == "road"
    assert road["geometry"]["coordinates"] == [list(p) for p in path]
    lake = itinerary.days[0].end_place
    straight = legs[2]  # Kim Lan back to the lake, distance unknown
    assert straight["properties"]["geometry"] == "straight"
    assert straight["properties"]["distance_m"] is None
    assert straight["geometry"]["coordinates"] == [
        [105.9205, 20.9964],
        [lake.lon, lake.lat],
    ]


def test_stop_properties(itinerary: Itinerary) -> None:
    stops = features(itinerary_to_geojson(itinerary, lang="en"), "stop")
    kim_lan = stops[1]["properties"]
    assert kim_lan["day"] == 1 and kim_lan["order"] == 2
    assert kim_lan["date"] == "2026-03-02"
    assert kim_lan["name"] == "Làng gốm Kim Lan"  # no English name: the Vietnamese one
    assert kim_lan["arrival"] == "2026-03-02T13:20:00+07:00"
    assert kim_lan["start"] == "2026-03-02T13:30:00+07:00"
    assert kim_lan["end"] == "2026-03-02T14:15:00+07:00"
    assert kim_lan["wait_minutes"] == 10
    assert kim_lan["interest"] == 60
    van_phuc = stops[2]["properties"]
    assert (van_phuc["day"], van_phuc["order"]) == (2, 1)
    assert van_phuc["name"] == "Vạn Phúc silk village"
    assert van_phuc["craft"] == "Silk weaving"


def test_coordinates_are_rounded_to_seven_decimals(itinerary: Itinerary) -> None:
    day = itinerary.days[0]
    precise = replace(day.stops[0].village, lat=21.00261234567891, lon=105.91301234567891)
    stops = (replace(day.stops[0], village=precise), *day.stops[1:])
    changed = replace(itinerary, days=(replace(day, stops=stops),))
    document = itinerary_to_geojson(changed)
    check_rfc7946(document)
    assert features(document, "stop")[0]["geometry"]["coordinates"] == [105.9130123, 21.0026123]


def test_left_out_villages_on_request(itinerary: Itinerary) -> None:
    document = itinerary_to_geojson(itinerary, include_left_out=True)
    (left_out,) = features(document, "left_out")
    assert left_out["properties"]["reason"] == "closed"
    assert left_out["properties"]["explanation"].startswith("đóng cửa vào Thứ Hai 02/03, Thứ Ba")
    english = features(
        itinerary_to_geojson(itinerary, lang="en", include_left_out=True), "left_out"
    )
    assert english[0]["properties"]["explanation"].startswith("closed on Mon 02 Mar, Tue 03 Mar")
    assert left_out["geometry"]["coordinates"] == [105.6439, 20.9131]


def test_empty_itinerary() -> None:
    document = itinerary_to_geojson(Itinerary(days=()))
    check_rfc7946(document)
    assert document["features"] == [] and "bbox" not in document


def test_write_geojson(itinerary: Itinerary, tmp_path: Path) -> None:
    path = write_geojson(itinerary, tmp_path / "trip.geojson", lang="en")
    assert json.loads(path.read_text("utf-8")) == itinerary_to_geojson(itinerary, lang="en")

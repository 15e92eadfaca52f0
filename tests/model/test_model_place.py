"""The model: Place and Village validate where they are born and are immutable values."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from typing import Any

import pytest

from tourplan.exceptions import DataError, TourplanError
from tourplan.hours import OpeningHours
from tourplan.model import THEMES, Place, Village
from tourplan.text import craft_name, place_name


def test_village_is_a_frozen_value(make_village: Callable[..., Village]) -> None:
    a = make_village()
    b = make_village()
    assert a == b
    assert hash(a) == hash(b)
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.visit_minutes = 30  # type: ignore[misc]
    assert a != make_village(visit_minutes=61)


def test_village_defaults_and_names(make_village: Callable[..., Village]) -> None:
    v = make_village(name_en="", craft_vi="gốm", craft_en="")
    assert v.name == "Làng thử"
    assert place_name(v, "en") == "Làng thử"  # falls back to Vietnamese
    assert craft_name(v, "en") == "gốm"
    assert v.coord_kind == "user"
    assert v.coord_precision_m is None
    assert v.visit_minutes_origin == "source"
    w = make_village(name_en="Test village", craft_vi="", craft_en="pottery")
    assert place_name(w, "en") == "Test village"
    assert place_name(w, "vi") == "Làng thử"
    assert craft_name(w, "vi") == "pottery"


def test_themes_are_sorted_and_deduplicated(make_village: Callable[..., Village]) -> None:
    v = make_village(themes=("food", "ceramics", "food"))
    assert v.themes == ("ceramics", "food")
    assert v == make_village(themes=("ceramics", "food"))


def test_a_single_theme_string_is_one_theme_not_its_letters(
    make_village: Callable[..., Village],
) -> None:
    # regression: themes="ceramics" used to fail with "unknown theme(s) c, e, r, a, ..."
    v = make_village(themes="ceramics")
    assert v.themes == ("ceramics",)
    assert v == make_village(themes=("ceramics",))
    with pytest.raises(DataError, match=r"unknown theme\(s\) pottery;") as info:
        make_village(themes="pottery")
    assert info.value.field == "themes"


def test_theme_vocabulary_is_sorted_and_has_fifteen_tags() -> None:
    assert list(THEMES) == sorted(THEMES)
    assert len(THEMES) == 15
    assert {"ceramics", "textiles", "food", "heritage"} <= set(THEMES)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"id": "Bat Trang"}, "id", "is not a valid id"),
        ({"id": ""}, "id", "is not a valid id"),
        ({"name_vi": "  "}, "name_vi", "empty name_vi"),
        ({"lat": 95.0}, "lat", r"lat 95.0 is out of range \(-90 to 90 degrees\)"),
        ({"lon": -181.0}, "lon", "lon -181.0 is out of range"),
        ({"lat": math.nan}, "lat", "out of range"),
        ({"lat": "21.0"}, "lat", "lat must be a number, got '21.0'"),
        ({"lat": True}, "lat", "must be a number"),
        ({"visit_minutes": 0}, "visit_minutes", "visit_minutes must be positive, got 0"),
        ({"visit_minutes": -30}, "visit_minutes", "must be positive, got -30"),
        ({"visit_minutes": 45.5}, "visit_minutes", "whole number of minutes, got 45.5"),
        ({"visit_minutes": True}, "visit_minutes", "whole number"),
        ({"opening_hours": "Mo-Su 08:00-17:00"}, "opening_hours", "OpeningHours value"),
        ({"interest": 0}, "interest", "interest must be 1 to 100, got 0"),
        ({"interest": 101}, "interest", "1 to 100, got 101"),
        ({"interest": 7.5}, "interest", "whole number"),
        ({"themes": ("pottery",)}, "themes", "unknown theme.*pottery.*known themes: art"),
        ({"coord_kind": "gps"}, "coord_kind", "'gps' is not one of village"),
        ({"confidence": "certain"}, "confidence", "not one of high, medium, low"),
        ({"visit_minutes_origin": "guess"}, "visit_minutes_origin", "not one of source"),
        ({"opening_hours_origin": "guess"}, "opening_hours_origin", "not one of source"),
        ({"coord_precision_m": -1}, "coord_precision_m", "must not be negative"),
    ],
)
def test_village_refuses_bad_values(
    make_village: Callable[..., Village], overrides: dict[str, Any], field: str, message: str
) -> None:
    with pytest.raises(DataError, match=message) as info:
        make_village(**overrides)
    assert info.value.field == field
    assert str(info.value).startswith(f"field '{field}': ")


def test_extreme_but_valid_values(make_village: Callable[..., Village]) -> None:
    v = make_village(lat=-90, lon=180.0, visit_minutes=1, interest=100, coord_precision_m=0)
    assert (v.lat, v.lon, v.visit_minutes, v.interest) == (-90, 180.0, 1, 100)


def test_place() -> None:
    p = Place("hotel", "Khách sạn Hà Nội", 21.03, 105.85, name_en="Hanoi hotel")
    assert (p.lat, p.lon, p.coord_kind) == (21.03, 105.85, "user")
    with pytest.raises(DataError, match="empty name") as info:
        Place("hotel", " ", 21.03, 105.85)
    assert info.value.field == "name"
    with pytest.raises(DataError, match=r"lon 200\.0 is out of range"):
        Place("hotel", "Khách sạn", 21.03, 200.0)
    with pytest.raises(DataError, match="not a valid id"):
        Place("Hotel!", "Khách sạn", 21.03, 105.85)
    with pytest.raises(DataError, match="not one of"):
        Place("hotel", "Khách sạn", 21.03, 105.85, coord_kind="gps")  # type: ignore[arg-type]


def test_data_error_is_a_value_error_and_a_tourplan_error() -> None:
    assert issubclass(DataError, ValueError)
    assert issubclass(DataError, TourplanError)
    err = DataError("lat is missing", source="v.csv", row=3, field="lat")
    assert str(err) == "v.csv, row 3, field 'lat': lat is missing"
    assert (err.reason, err.source, err.row, err.field) == ("lat is missing", "v.csv", 3, "lat")
    assert str(DataError("plain")) == "plain"


def test_opening_hours_is_kept_as_a_value(make_village: Callable[..., Village]) -> None:
    hours = OpeningHours.parse("Sa,Su 08:00-11:30,13:30-17:00")
    v = make_village(opening_hours=hours)
    assert v.opening_hours == OpeningHours.parse("Su,Sa 13:30-17:00,08:00-11:30")

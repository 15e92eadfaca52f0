"""Transport modes: defaults, overrides, validation and straight-line travel matrices."""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

import numpy as np
import pytest

from tourplan.exceptions import DataError
from tourplan.travel import MODES, TransportMode, geodesic_m, get_mode, travel_matrix


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    lat: float
    lon: float


OLD_QUARTER = Place("old-quarter", "Phố cổ", 21.0340, 105.8500)
BAT_TRANG = Place("bat-trang", "Bát Tràng", 20.9830, 105.9170)
VAN_PHUC = Place("van-phuc", "Vạn Phúc", 20.978688, 105.771796)


def test_the_five_issue_modes_exist_with_sane_defaults() -> None:
    assert {"walk", "bicycle", "motorbike", "car", "bus"} <= set(MODES)
    for mode in MODES.values():
        assert mode.detour_factor >= 1
        assert mode.speed_bands[-1][0] == math.inf
        assert mode.description
    # faster modes are faster over a 20 km trip, access time aside
    times = [MODES[m].road_seconds(20_000.0) for m in ("walk", "bicycle", "bus", "car")]
    assert times == sorted(times, reverse=True)


def test_get_mode_is_case_insensitive_and_knows_aliases() -> None:
    assert get_mode("CAR") is MODES["car"]
    assert get_mode("tour bus") is MODES["bus"]
    custom = MODES["car"].replace(name="jeep")
    assert get_mode(custom) is custom


def test_unknown_mode_lists_the_known_ones() -> None:
    with pytest.raises(DataError) as info:
        get_mode("helicopter")
    assert str(info.value) == (
        "field 'mode': unknown transport mode 'helicopter'; "
        "known modes: bicycle, bus, car, motorbike, walk"
    )
    with pytest.raises(DataError, match="unknown transport mode 'boat'"):
        travel_matrix([OLD_QUARTER], "boat")


def test_banded_speed_accumulates_like_tax_brackets() -> None:
    mode = TransportMode("test", speed_bands=((10, 20.0), (math.inf, 60.0)), detour_factor=1.0)
    assert mode.road_seconds(10_000.0) == pytest.approx(1800.0)  # 10 km at 20 km/h
    assert mode.road_seconds(40_000.0) == pytest.approx(1800.0 + 1800.0)  # + 30 km at 60
    assert mode.road_seconds(np.array([0.0, 5_000.0])).tolist() == pytest.approx([0.0, 900.0])
    assert mode.leg_seconds(5_000.0) == 900


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"speed_bands": ((math.inf, -5.0),)}, "speed must be a positive number of km/h, got -5.0"),
        ({"speed_bands": ((math.inf, 0),)}, "speed must be a positive number of km/h, got 0.0"),
        ({"speed_bands": ()}, "needs at least one speed band"),
        ({"speed_bands": ((5, 20.0), (3, 30.0), (math.inf, 40.0))}, "band limits must increase"),
        ({"speed_bands": ((5, 20.0),)}, "the last band must run to math.inf km, got 5.0"),
        ({"speed_bands": (("fast", "x"),)}, "speed_bands must be \\(up_to_km, kmh\\) pairs"),
        ({"detour_factor": 0.9}, "detour_factor must be at least 1 .*got 0.9"),
        ({"detour_factor": math.nan}, "detour_factor must be at least 1"),
        ({"access_seconds": -1}, "access_seconds must be a non-negative whole number"),
        ({"access_seconds": 2.5}, "access_seconds must be a non-negative whole number"),
        ({"name": " "}, "needs a non-empty name"),
        ({"wheels": 4}, "mode 'car' has no setting wheels"),
    ],
)
def test_bad_overrides_are_refused_with_a_clear_message(
    changes: dict[str, object], message: str
) -> None:
    with pytest.raises(DataError, match=message):
        MODES["car"].replace(**changes)


def test_overrides_are_validated_through_dataclasses_replace_too() -> None:
    with pytest.raises(DataError, match="detour_factor must be at least 1"):
        dataclasses.replace(MODES["walk"], detour_factor=0.5)


def test_speed_bands_given_as_lists_are_normalised() -> None:
    mode = TransportMode("x", speed_bands=[[2, 10], [math.inf, 30]])  # type: ignore[arg-type]
    assert mode.speed_bands == ((2.0, 10.0), (math.inf, 30.0))
    assert hash(mode) == hash(TransportMode("x", speed_bands=((2, 10), (math.inf, 30))))


def test_travel_matrix_follows_the_mode() -> None:
    places = [OLD_QUARTER, BAT_TRANG, VAN_PHUC]
    car = MODES["car"]
    m = travel_matrix(places, "car")
    assert m.ids == ("old-quarter", "bat-trang", "van-phuc")
    assert m.mode == "car" and "1.35 detour" in m.description
    straight = geodesic_m(OLD_QUARTER.lat, OLD_QUARTER.lon, BAT_TRANG.lat, BAT_TRANG.lon)
    assert m.metres_between("old-quarter", "bat-trang") == pytest.approx(straight * 1.35)
    assert m.seconds_between("old-quarter", "bat-trang") == car.leg_seconds(straight)
    assert np.array_equal(m.seconds, m.seconds.T)  # straight lines run both ways alike
    assert np.all(np.diagonal(m.seconds) == 0)
    off_diagonal = m.seconds[~np.eye(3, dtype=bool)]
    assert np.all(off_diagonal >= car.access_seconds)


def test_overrides_in_travel_matrix_and_slower_modes() -> None:
    places = [OLD_QUARTER, BAT_TRANG]
    car = travel_matrix(places, "car")
    walk = travel_matrix(places, "walk")
    assert walk.seconds_between("old-quarter", "bat-trang") > car.seconds_between(
        "old-quarter", "bat-trang"
    )
    slower = travel_matrix(places, "car", detour_factor=2.0, access_seconds=0)
    assert slower.metres_between("old-quarter", "bat-trang") == pytest.approx(
        2.0 / 1.35 * (car.metres_between("old-quarter", "bat-trang") or 0)
    )


def test_access_time_applies_between_distinct_places_at_the_same_spot() -> None:
    twin = dataclasses.replace(OLD_QUARTER, id="twin", name="Twin")
    m = travel_matrix([OLD_QUARTER, twin], "bus")
    assert m.seconds_between("old-quarter", "twin") == MODES["bus"].access_seconds
    assert m.seconds_between("twin", "twin") == 0


def test_duplicate_place_ids_are_refused() -> None:
    with pytest.raises(DataError, match="repeated: bat-trang"):
        travel_matrix([BAT_TRANG, BAT_TRANG])


def test_no_places_gives_an_empty_matrix() -> None:
    assert len(travel_matrix([], "walk")) == 0

"""A start (or a catalogue's hub) no day can leave for any village is refused, as a far end is.

Found on 2026-12-05: a start in Hồ Chí Minh City (2,300 minutes from the nearest village)
gave empty days, every village "too far", while an end there was refused; and a position
outside Vietnam blamed a field ``place`` that no request has.
"""

from __future__ import annotations

import datetime as dt
import math
import re

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import tourplan
from tourplan import DataError, SearchParameters, TripRequest
from tourplan.catalogue import CatalogueRequest
from tourplan.geodesic import geodesic_m
from tourplan.model import Place
from tourplan.plan.reach import check_reach
from tourplan.travel import get_mode

SATURDAY = dt.date(2026, 12, 5)
FAST = SearchParameters(deterministic=True, iteration_limit=300)
SAIGON = (10.77, 106.70)


@pytest.mark.parametrize("start", [SAIGON, "10.77,106.70"])
def test_a_start_far_from_every_village_is_refused_naming_the_start(start: object) -> None:
    request = TripRequest.for_days(start, SATURDAY)  # type: ignore[arg-type]
    with pytest.raises(DataError, match="to the nearest village") as caught:
        tourplan.plan_trip(request, search=FAST)
    assert caught.value.field == "start"
    assert "longer than the day window 08:00-17:30 (570 min)" in str(caught.value)


def test_the_start_is_blamed_before_an_end_near_the_villages() -> None:
    request = TripRequest.for_days(SAIGON, SATURDAY, end="hoan-kiem-lake")
    with pytest.raises(DataError) as caught:
        tourplan.plan_trip(request, search=FAST)
    assert caught.value.field == "start"


def test_a_far_hub_is_refused_naming_the_hub() -> None:
    with pytest.raises(DataError, match="to the nearest village") as caught:
        tourplan.plan_catalogue(CatalogueRequest(SATURDAY, hub=SAIGON, routes=2), search=FAST)
    assert caught.value.field == "hub"


@pytest.mark.parametrize("field", ["start", "end"])
def test_a_position_outside_vietnam_names_its_field(field: str) -> None:
    places = {"start": "hoan-kiem-lake", field: (0.0, 0.0)}
    request = TripRequest.for_days(places["start"], SATURDAY, end=places.get("end"))
    with pytest.raises(DataError, match="outside Vietnam") as caught:
        tourplan.plan_trip(request, search=FAST)
    assert caught.value.field == field


def test_a_hub_outside_vietnam_names_the_hub() -> None:
    with pytest.raises(DataError, match="outside Vietnam") as caught:
        tourplan.plan_catalogue(CatalogueRequest(SATURDAY, hub="0,0", routes=2), search=FAST)
    assert caught.value.field == "hub"


def test_a_start_among_the_villages_still_plans() -> None:
    request = TripRequest.for_days("bat-trang", SATURDAY, mode="walk", day_end="12:00")
    assert tourplan.plan_trip(request, search=FAST).days


def test_a_start_a_day_from_the_villages_one_way_is_refused_too() -> None:
    """Regression: a start in Lào Cai (23.39, 104.0) planned an empty day ("No village fits
    this day."), exit 0: its nearest village, 570 min away, was within the 570-min day one
    way, not there and back."""
    request = TripRequest.for_days((23.39, 104.0), SATURDAY)
    with pytest.raises(DataError, match=r"to the nearest village, .*, and back takes") as caught:
        tourplan.plan_trip(request, search=FAST)
    assert caught.value.field == "start"


@given(
    km=st.floats(0, 700),
    bearing=st.floats(0, 360),
    day_end=st.sampled_from(["12:00", "17:30", "23:00"]),
)
def test_a_start_is_refused_when_no_village_is_there_and_back_inside_the_day(
    hanoi: tourplan.Villages, km: float, bearing: float, day_end: str
) -> None:
    """The rule: the nearest village of the data, there and back, inside the day window,
    whatever the request makes of its villages (here: none offered at all)."""
    request = TripRequest.for_days("hoan-kiem-lake", SATURDAY, day_end=day_end)
    lake = hanoi.get("bat-trang")
    lat = lake.lat + km / 111.32 * math.cos(math.radians(bearing))
    lon = lake.lon + km / 111.32 * math.sin(math.radians(bearing)) / math.cos(math.radians(21))
    start = Place("start", "Start", lat, lon)
    car = get_mode("car")
    nearest = min(hanoi, key=lambda v: geodesic_m(lat, lon, v.lat, v.lon))
    metres = geodesic_m(lat, lon, nearest.lat, nearest.lon)
    minutes = 2 * ((car.leg_seconds(metres) + 59) // 60) if metres else 0
    no_times = np.zeros((1, 1), dtype=np.int64)
    if minutes <= request.day_minutes:
        check_reach(no_times, request, "car", start, None, [], hanoi)
    else:
        with pytest.raises(DataError, match=f", {re.escape(nearest.name)}, and back takes") as e:
            check_reach(no_times, request, "car", start, None, [], hanoi)
        assert e.value.field == "start"
        assert f"takes {minutes} min (mode car)" in str(e.value)

"""A start (or a catalogue's hub) no day can leave for any village is refused, as a far end is.

Found on 2026-12-05: a start in Hồ Chí Minh City (2,300 minutes from the nearest village)
gave empty days, every village "too far", while an end there was refused; and a position
outside Vietnam blamed a field ``place`` that no request has.
"""

from __future__ import annotations

import datetime as dt

import pytest

import tourplan
from tourplan import DataError, SearchParameters, TripRequest
from tourplan.catalogue import CatalogueRequest

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

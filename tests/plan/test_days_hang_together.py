"""Days that hang together: compact areas per day, the same plan for the same request."""

from __future__ import annotations

import datetime as dt

import tourplan
from tourplan import SearchParameters, TripRequest
from tourplan.plan import itinerary_value
from tourplan.travel import travel_matrix

SATURDAY = dt.date(2026, 12, 5)
FAST = SearchParameters(deterministic=True, iteration_limit=500)


def _three_days() -> tuple[TripRequest, tourplan.Itinerary]:
    request = TripRequest.for_days("hoan-kiem-lake", SATURDAY, days=3)
    return request, tourplan.plan_trip(request, search=FAST)


def test_kim_lan_is_planned_on_the_day_of_bat_trang() -> None:
    request, itinerary = _three_days()
    assert tourplan.check_itinerary(itinerary, request) == []
    day_of = {s.village.id: d.date for d in itinerary.days for s in d.stops}
    assert "bat-trang" in day_of
    if "kim-lan" in day_of:
        assert day_of["kim-lan"] == day_of["bat-trang"]


def test_the_same_request_gives_the_same_multi_day_plan() -> None:
    assert _three_days()[1] == _three_days()[1]


def test_the_first_day_stays_in_one_area() -> None:
    request, itinerary = _three_days()
    day = itinerary.days[0]
    villages = [s.village for s in day.stops]
    matrix = travel_matrix(villages, request.mode)
    spread = max(matrix.seconds_between(a.id, b.id) for a in villages for b in villages)
    assert spread <= request.value.area_minutes * 60


def test_the_default_day_is_a_few_rich_stops_not_five_thin_ones() -> None:
    request = TripRequest.for_days("hoan-kiem-lake", SATURDAY)
    itinerary = tourplan.plan_trip(request, search=FAST)
    day = itinerary.days[0]
    assert itinerary_value(itinerary, request) > 0
    assert len(day.stops) <= 3
    assert any(s.length != "short" and s.duration >= dt.timedelta(minutes=120) for s in day.stops)
    assert day.travel_time * 3 < day.visit_time  # drives less than a third of the time it visits

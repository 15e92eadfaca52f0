"""Lunch where the traveller is: never labelled at a place reached later; no lunch outside it."""

from __future__ import annotations

import dataclasses
import datetime as dt

import tourplan
from tourplan import SearchParameters, TripRequest
from tourplan.plan import Break

SATURDAY = dt.date(2026, 12, 5)
FAST = SearchParameters(deterministic=True, iteration_limit=300)


def test_an_afternoon_day_has_no_default_lunch() -> None:
    request = TripRequest.for_days("hoan-kiem-lake", SATURDAY, day_start="14:00", day_end="21:00")
    assert request.lunch is None
    itinerary = tourplan.plan_trip(request, search=FAST)
    assert not any(d.breaks for d in itinerary.days)
    assert tourplan.check_itinerary(itinerary, request) == []


def test_an_explicit_lunch_outside_the_day_is_still_refused() -> None:
    import pytest

    with pytest.raises(tourplan.DataError, match="lunch"):
        TripRequest.for_days(
            "hoan-kiem-lake",
            SATURDAY,
            day_start="14:00",
            day_end="21:00",
            lunch=tourplan.Lunch(dt.time(11), dt.time(12), 45),
        )


def test_check_itinerary_flags_lunch_labelled_at_a_village_reached_later() -> None:
    request = TripRequest.for_days("hoan-kiem-lake", SATURDAY)
    itinerary = tourplan.plan_trip(request, search=FAST)
    day = itinerary.days[0]
    assert len(day.stops) >= 2
    later = day.stops[-1]
    # "12:30 lunch at Vạn Phúc" with arrival at 13:50: a lunch labelled at a village before
    # the traveller reaches it
    start = later.arrival - dt.timedelta(hours=1)
    moved = Break("lunch", start, later.arrival - dt.timedelta(minutes=30), later.village.id)
    bad = dataclasses.replace(itinerary, days=(dataclasses.replace(day, breaks=(moved,)),))
    problems = tourplan.check_itinerary(bad, request)
    assert any("is not while the traveller is there" in p for p in problems)
    assert tourplan.check_itinerary(itinerary, request) == []

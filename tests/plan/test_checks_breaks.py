"""Issue #19, item 1: lunch is never laid over a journey or labelled at a place not yet reached,
and :func:`tourplan.check_itinerary` catches an itinerary that does either.

The two plans the issue quotes are planned again and checked by ``check_itinerary`` and by a
few lines here that share nothing with it; then hand-made faults must be caught.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

import tourplan
from tourplan.plan import Break, Day, Itinerary, Lunch, TripRequest, check_itinerary

FIXED = tourplan.SearchParameters(deterministic=True)

ISSUE_CASES = {
    # tourplan route --date 2027-03-06 --lunch 12:00-12:00/30 --deterministic
    "lunch-fixed-at-noon": TripRequest(
        "hoan-kiem-lake", (dt.date(2027, 3, 6),), lunch=Lunch.parse("12:00-12:00/30")
    ),
    # tourplan route --date 2027-03-12 --days 3 --start "20.99026,105.8768" --mode walk
    #   --theme art --max-stops 2 --day-start 07:00 --day-end 19:00 --pace quick
    "walking-three-days": TripRequest.for_days(
        "20.99026,105.8768",
        "2027-03-12",
        3,
        mode="walk",
        themes=("art",),
        max_stops_per_day=2,
        day_start=dt.time(7, 0),
        day_end=dt.time(19, 0),
        pace="quick",
    ),
}


def where_the_traveller_is(day: Day) -> list[tuple[str, dt.datetime, dt.datetime]]:
    """(place, from, to) of each stay of the day, from its legs alone."""
    stays = [(day.start_place.id, day.departure, day.legs[0].depart)]
    for k, leg in enumerate(day.legs[:-1]):
        stays.append((leg.destination, leg.arrive, day.legs[k + 1].depart))
    stays.append((day.end_place.id, day.legs[-1].arrive, day.arrival))
    return stays


def breaks_misplaced(itinerary: Itinerary) -> list[str]:
    """Breaks at a place while the traveller is elsewhere, or on the road outside a journey."""
    wrong = []
    for day in itinerary.days:
        if not day.legs:
            continue
        for b in day.breaks:
            if b.on_the_way:
                ok = any(g.depart <= b.start and b.end <= g.arrive for g in day.legs)
            else:
                ok = any(
                    p == b.place and a <= b.start and b.end <= z
                    for p, a, z in where_the_traveller_is(day)
                )
                ok = ok and not any(g.depart < b.end and b.start < g.arrive for g in day.legs)
            if not ok:
                wrong.append(f"{day.date}: {b.name} at {b.place} {b.start:%H:%M}-{b.end:%H:%M}")
    return wrong


@pytest.fixture(scope="module", params=sorted(ISSUE_CASES))
def planned(request: pytest.FixtureRequest) -> tuple[TripRequest, Itinerary]:
    trip = ISSUE_CASES[request.param]
    return trip, tourplan.plan_trip(trip, search=FIXED)


def test_issue_plans_take_lunch_where_the_traveller_is(
    planned: tuple[TripRequest, Itinerary],
) -> None:
    trip, itinerary = planned
    assert check_itinerary(itinerary, trip) == []
    assert breaks_misplaced(itinerary) == []
    assert any(d.breaks for d in itinerary.days)


def _with_lunch(itinerary: Itinerary, lunch: Break) -> Itinerary:
    day = next(d for d in itinerary.days if d.breaks)
    other = tuple(b for b in day.breaks if b.name != "lunch")
    days = tuple(
        dataclasses.replace(d, breaks=(*other, lunch)) if d is day else d for d in itinerary.days
    )
    return dataclasses.replace(itinerary, days=days)


def _a_long_leg(itinerary: Itinerary) -> tourplan.Leg:
    day = next(d for d in itinerary.days if d.breaks)
    return max(day.legs[1:], key=lambda g: g.arrive - g.depart)


def test_lunch_labelled_at_the_next_stop_before_arriving_is_caught(
    planned: tuple[TripRequest, Itinerary],
) -> None:
    trip, itinerary = planned
    leg = _a_long_leg(itinerary)
    lunch = Break("lunch", leg.depart, leg.depart + dt.timedelta(minutes=10), leg.destination)
    broken = _with_lunch(itinerary, lunch)
    problems = check_itinerary(broken, trip)
    assert any("not while the traveller is there" in p or "overlaps" in p for p in problems)
    assert breaks_misplaced(broken)


def test_lunch_at_the_place_left_after_leaving_is_caught(
    planned: tuple[TripRequest, Itinerary],
) -> None:
    trip, itinerary = planned
    leg = _a_long_leg(itinerary)
    lunch = Break("lunch", leg.depart + dt.timedelta(minutes=1), leg.arrive, leg.origin)
    assert check_itinerary(_with_lunch(itinerary, lunch), trip)


def test_a_roadside_break_outside_every_journey_is_caught(
    planned: tuple[TripRequest, Itinerary],
) -> None:
    trip, itinerary = planned
    day = next(d for d in itinerary.days if d.breaks)
    stop = day.stops[0]
    lunch = Break("lunch", stop.start, stop.end, stop.village.id, on_the_way=True)
    problems = check_itinerary(_with_lunch(itinerary, lunch), trip)
    assert any("not during a journey" in p for p in problems)


def test_lunch_at_a_place_not_on_the_day_is_caught(
    planned: tuple[TripRequest, Itinerary],
) -> None:
    trip, itinerary = planned
    day = next(d for d in itinerary.days if d.breaks)
    lunch = next(b for b in day.breaks if b.name == "lunch")
    for on_the_way in (False, True):
        moved = dataclasses.replace(lunch, place="nowhere-village", on_the_way=on_the_way)
        problems = check_itinerary(_with_lunch(itinerary, moved), trip)
        assert any("nowhere-village" in p for p in problems), problems

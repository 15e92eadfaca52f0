"""Cannot book: each rule says why with the nearest alternative; the independent check
catches every broken booking rule in an edited itinerary."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

import tourplan
from tourplan.hours import OpeningHours
from tourplan.model.experience import Experience, Experiences
from tourplan.plan import Itinerary, TripRequest, check_itinerary
from tourplan.plan.experiences import ExperienceError
from tourplan.routing import SearchParameters

SEARCH = SearchParameters(time_limit=1.0, deterministic=True)
SATURDAY = "2026-12-05"


@pytest.fixture(scope="module")
def pottery_plan() -> tuple[Itinerary, TripRequest]:
    request = TripRequest.for_days(
        "hoan-kiem-lake", SATURDAY, experiences=("pottery making",), party=4, budget_vnd=600_000
    )
    return tourplan.plan_trip(request, search=SEARCH), request


def _plan(request: TripRequest, *experiences: Experience) -> Itinerary:
    return tourplan.plan_trip(request, search=SEARCH, experiences=Experiences(experiences))


def test_the_pottery_session_is_at_bat_trang_inside_its_hours(
    pottery_plan: tuple[Itinerary, TripRequest],
) -> None:
    itinerary, request = pottery_plan
    assert check_itinerary(itinerary, request) == []
    (stop,) = [s for s in itinerary.stops if s.booking is not None]
    assert stop.village.id == "bao-tang-gom-bat-trang"
    b = stop.booking
    assert b is not None and b.experience.id == "pottery-making" and b.party == 4
    assert stop.start <= b.start and b.end <= stop.end
    assert stop.village.opening_hours.is_open_at(b.start)
    assert itinerary.party == 4


def test_a_party_too_large_names_the_limit() -> None:
    small = Experience("small", "bat-trang", "Lớp nhỏ", "small class", 60, 10_000, max_group=6)
    request = TripRequest.for_days("hoan-kiem-lake", SATURDAY, experiences=("small",), party=8)
    with pytest.raises(ExperienceError) as info:
        _plan(request, small)
    assert info.value.code == "group_size"
    assert "groups of 1-6 people; the party is 8" in " ".join(info.value.reasons)


def test_not_running_that_day_offers_the_nearest_day() -> None:
    saturdays = Experience(
        "sat",
        "quat-dong",
        "Thêu sáng thứ Bảy",
        "Saturday embroidery",
        120,
        0,
        runs=OpeningHours.parse("Sa 08:00-12:00"),
    )
    monday = TripRequest.for_days("hoan-kiem-lake", "2026-12-07", experiences=("sat",))
    with pytest.raises(ExperienceError) as info:
        _plan(monday, saturdays)
    assert info.value.code == "not_running"
    assert info.value.alternative.startswith("2026-12-05 at 08:")  # the Saturday before


def test_no_session_inside_the_day_window_says_so() -> None:
    evening = Experience(
        "eve", "bat-trang", "Buổi tối", "evening class", 60, 0, sessions=(dt.time(16, 15),)
    )
    request = TripRequest.for_days(
        "hoan-kiem-lake", SATURDAY, experiences=("eve",), day_end=dt.time(16, 0)
    )
    with pytest.raises(ExperienceError) as info:
        _plan(request, evening)
    assert info.value.code == "no_session"
    assert "no session fits the day 08:00-16:00" in " ".join(info.value.reasons)


def test_two_must_dos_at_one_place_are_refused() -> None:
    a = Experience("a", "bat-trang", "A", "a", 30, 0)
    b = Experience("b", "bat-trang", "B", "b", 30, 0)
    request = TripRequest.for_days("hoan-kiem-lake", SATURDAY, experiences=("a", "b"))
    with pytest.raises(tourplan.DataError, match="one experience per place"):
        _plan(request, a, b)


def _edit(itinerary: Itinerary, **changes: object) -> Itinerary:
    """The itinerary with the booked stop's booking changed."""
    days = []
    for day in itinerary.days:
        stops = tuple(
            dataclasses.replace(s, booking=dataclasses.replace(s.booking, **changes))
            if s.booking is not None
            else s
            for s in day.stops
        )
        days.append(dataclasses.replace(day, stops=stops))
    return dataclasses.replace(itinerary, days=tuple(days))


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"start": dt.timedelta(hours=-3)}, "is not inside the visit"),
        ({"start": dt.timedelta(hours=3)}, "is not inside the visit"),
        ({"party": 5}, "booked for 5 people, the party is 4"),
    ],
)
def test_the_check_catches_a_broken_booking(
    pottery_plan: tuple[Itinerary, TripRequest], change: dict[str, object], problem: str
) -> None:
    itinerary, request = pottery_plan
    booking = next(s.booking for s in itinerary.stops if s.booking is not None)
    if "start" in change:
        change = {"start": booking.start + change["start"]}  # type: ignore[operator]
    problems = check_itinerary(_edit(itinerary, **change), request)
    assert any(problem in p for p in problems), problems


def test_the_check_catches_sessions_group_sizes_and_the_budget(
    pottery_plan: tuple[Itinerary, TripRequest],
) -> None:
    itinerary, request = pottery_plan
    booking = next(s.booking for s in itinerary.stops if s.booking is not None)
    fixed = dataclasses.replace(booking.experience, sessions=(dt.time(9),), max_group=3)
    problems = check_itinerary(_edit(itinerary, experience=fixed), request)
    assert any("not a session (09:00)" in p for p in problems), problems
    assert any("more than its maximum 3" in p for p in problems), problems
    poorer = dataclasses.replace(request, budget_vnd=500_000)
    assert any("over the budget of 500000 VND" in p for p in check_itinerary(itinerary, poorer))
    unbooked = dataclasses.replace(
        itinerary,
        days=tuple(
            dataclasses.replace(
                d, stops=tuple(dataclasses.replace(s, booking=None) for s in d.stops)
            )
            for d in itinerary.days
        ),
    )
    assert "must-do experience 'pottery making' is not booked" in check_itinerary(unbooked, request)


def test_a_must_dos_place_offers_only_the_must_do() -> None:
    # a generated request (fuzz seed 32, #884) booked an optional experience at the place of
    # a must-do one: the visit held one booking, the other, and the plan failed its own check
    must = Experience("must", "bat-trang", "Phải làm", "must do", 30, 0)
    other = Experience("other", "bat-trang", "Lớp dài", "long class", 120, 0)
    request = TripRequest.for_days(
        "hoan-kiem-lake", SATURDAY, experiences=("must",), with_experiences=True
    )
    from tourplan.geocode import PlaceResolver
    from tourplan.plan import build_problem
    from tourplan.plan.experiences import add_experiences

    planning = build_problem(request, tourplan.load_hanoi(), resolver=PlaceResolver())
    with_sessions = add_experiences(planning, (must,), (other,))
    booked = {o.experience.id for o in with_sessions.visit_sessions if o is not None}
    assert booked == {"must"}
    itinerary = _plan(request, must, other)
    assert check_itinerary(itinerary, request) == []
    (stop,) = [s for s in itinerary.stops if s.village.id == "bat-trang"]
    assert stop.booking is not None and stop.booking.experience.id == "must"

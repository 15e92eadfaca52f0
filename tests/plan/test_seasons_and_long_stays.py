"""Seasons, times of day and long stays in the value of a day (issue #16 step 2, #17 item 2)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

import tourplan
from tourplan import SearchParameters, TripRequest
from tourplan.hours import OpeningHours
from tourplan.model import Place, Village, Villages
from tourplan.plan import ValueModel, caveats, itinerary_value, visit_factor
from tourplan.text import format_itinerary

SATURDAY = dt.date(2026, 12, 5)
JUNE_SATURDAY = dt.date(2026, 6, 6)
FAST = SearchParameters(deterministic=True, iteration_limit=300)
OPEN = OpeningHours.parse("Mo-Su 08:00-20:00")
HOTEL = Place("hotel", "Khách sạn", 21.03, 105.85)


def _lotus(interest: int = 60) -> Village:
    return Village(
        "lotus", "Trà sen", "Lotus tea", 21.05, 105.86, 60, OPEN, interest,
        themes=("food",), season_months=frozenset({6, 7}),
    )  # fmt: skip


def _sticky_rice() -> Village:
    return Village(
        "xoi", "Xôi", "Sticky rice", 21.04, 105.84, 60, OPEN, 60, themes=("food",),
        active_hours=OpeningHours.parse("Mo-Su 16:00-20:00"),
    )  # fmt: skip


@given(st.sampled_from([(), ("out_of_season",), ("outside_active_hours",)]),
       st.floats(0, 1), st.floats(0, 1))  # fmt: skip
def test_a_caveat_never_makes_a_visit_worth_more(
    found: tuple, season: float, active: float
) -> None:
    model = ValueModel(season_factor=season, active_factor=active)
    assert 0 <= visit_factor(found, model) <= visit_factor((), model) == 1


def test_caveats_of_a_date_and_a_time() -> None:
    morning = dt.datetime(2026, 12, 5, 9, 30, tzinfo=tourplan.HANOI_TZ)
    assert caveats(_lotus(), morning) == ("out_of_season",)
    assert caveats(_lotus(), morning.replace(month=6, day=6)) == ()
    assert caveats(_sticky_rice(), morning) == ("outside_active_hours",)
    assert caveats(_sticky_rice(), morning.replace(hour=16, minute=15)) == ()


def test_a_december_plan_says_lotus_tea_is_out_of_season() -> None:
    request = TripRequest(start=HOTEL, dates=(SATURDAY,), must_visit=("lotus",))
    itinerary = tourplan.plan_trip(request, Villages([_lotus()]), search=FAST)
    (stop,) = itinerary.stops
    assert stop.caveats == ("out_of_season",)
    assert tourplan.check_itinerary(itinerary, request) == []
    assert "out of season" in format_itinerary(itinerary, lang="en")
    assert "trái mùa" in format_itinerary(itinerary, lang="vi")
    june = TripRequest(start=HOTEL, dates=(JUNE_SATURDAY,), must_visit=("lotus",))
    in_season = tourplan.plan_trip(june, Villages([_lotus()]), search=FAST)
    assert in_season.stops[0].caveats == ()
    # the same visit is worth more in season
    assert itinerary_value(in_season, june) > itinerary_value(itinerary, request)


def test_sticky_rice_is_visited_when_it_is_cooked() -> None:
    request = TripRequest(start=HOTEL, dates=(SATURDAY,), day_end=dt.time(19, 0))
    itinerary = tourplan.plan_trip(request, Villages([_sticky_rice()]), search=FAST)
    (stop,) = itinerary.stops
    assert stop.start.hour >= 16 and stop.caveats == ()
    assert tourplan.check_itinerary(itinerary, request) == []


def test_a_long_stay_goes_on_after_lunch_and_counts_as_one_visit() -> None:
    # A place worth a day (sourced long stay of 7 h) and a minor one next door: the day is
    # the great place before and after lunch, as the published Đường Lâm days are.
    hours = OpeningHours.parse("Mo-Su 07:00-18:00")
    great = Village(
        "great", "Làng cổ", "Old village", 21.05, 105.86, 180, hours, 80,
        themes=("heritage",), long_minutes=420,
    )  # fmt: skip
    minor = Village("minor", "Làng nhỏ", "Minor", 21.06, 105.87, 60, hours, 20, themes=("food",))
    request = TripRequest(start=HOTEL, dates=(SATURDAY,))
    itinerary = tourplan.plan_trip(request, Villages([great, minor]), search=FAST)
    assert tourplan.check_itinerary(itinerary, request) == []
    day = itinerary.days[0]
    ids = [s.village.id for s in day.stops]
    assert ids.count("great") == 2 and ids[ids.index("great") + 1] == "great", ids
    (lunch,) = day.breaks
    first, second = (s for s in day.stops if s.village.id == "great")
    assert first.end <= lunch.start and lunch.end <= second.start
    assert lunch.place == "great"
    assert "after lunch" in format_itinerary(itinerary, lang="en")


def test_a_second_part_is_never_a_stray_visit() -> None:
    """Regressions found by bench/fuzz.py: a long stay's second part planned on another day,
    or with no break before it, was the same place visited twice. It is dropped instead."""
    import datetime as dt

    import tourplan

    for first, days, lunch in (("2026-05-03", 2, True), ("2026-12-05", 1, False)):
        fields: dict[str, object] = {"day_start": dt.time(7), "day_end": dt.time(16, 30)}
        if not lunch:
            fields = {"day_end": dt.time(20), "lunch": None}
        request = tourplan.TripRequest.for_days("hoan-kiem-lake", first, days=days, **fields)
        itinerary = tourplan.plan_trip(
            request, search=tourplan.SearchParameters(deterministic=True, iteration_limit=100)
        )
        assert tourplan.check_itinerary(itinerary, request) == []
        stays = [
            s.village.id
            for d in itinerary.days
            for k, s in enumerate(d.stops)
            if not (k and d.stops[k - 1].village.id == s.village.id)
        ]
        assert len(stays) == len(set(stays))

"""What a stop says of its length is true: a one-length show is not a "short visit, a quick
look", and "more time here was worth less" only when more time would have fit.

Regressions: ``tourplan route --day-start 18:00 --day-end 22:00 --must mua-roi-thang-long``
called the 50-minute water-puppet show (no shorter or longer visit) a "short visit ... a
quick look ...; more time here was worth less than the rest of the day"; ``tourplan route
--day-start 13:00 --day-end 17:30`` said the same of a 1 h 15 min Bát Tràng visit when its
typical 2 h 30 min visit could not fit before the day's end.
"""

from __future__ import annotations

import datetime as dt

import pytest

import tourplan
from tourplan import SearchParameters, TripRequest
from tourplan.hours import OpeningHours
from tourplan.model import Place, Village, Villages
from tourplan.text import format_itinerary

SATURDAY = dt.date(2026, 12, 5)
FAST = SearchParameters(deterministic=True)
HOTEL = Place("hotel", "Khách sạn", 21.03, 105.85)


def test_a_one_length_show_is_its_typical_visit_with_nothing_longer() -> None:
    show = Village(
        "show", "Múa rối", "Puppet show", 21.031, 105.853, 50,
        OpeningHours.parse("Mo-Su 18:15-19:20,19:45-20:50"), 40,
        short_minutes=50, long_minutes=50,
    )  # fmt: skip
    request = TripRequest(
        start=HOTEL, dates=(SATURDAY,), day_start=dt.time(18), day_end=dt.time(22),
        lunch=None, must_visit=("show",),
    )  # fmt: skip
    itinerary = tourplan.plan_trip(request, Villages([show]), search=FAST)
    assert tourplan.check_itinerary(itinerary, request) == []
    (stop,) = itinerary.stops
    assert stop.length == "typical"
    assert not stop.longer_offered
    text = format_itinerary(itinerary, lang="en")
    assert "quick look" not in text and "worth less than the rest of the day" not in text


@pytest.mark.parametrize("day_end", [dt.time(16, 30), dt.time(17), dt.time(17, 30)])
def test_more_time_is_said_worth_less_only_when_it_fits(day_end: dt.time) -> None:
    # A big village 30-odd minutes away; the afternoon is too short for its typical visit.
    big = Village(
        "big", "Làng lớn", "Big village", 21.03, 106.0, 150,
        OpeningHours.parse("Mo-Su 08:00-17:30"), 66, long_minutes=230,
    )  # fmt: skip
    request = TripRequest(start=HOTEL, dates=(SATURDAY,), day_start=dt.time(13), day_end=day_end)
    itinerary = tourplan.plan_trip(request, Villages([big]), search=FAST)
    assert tourplan.check_itinerary(itinerary, request) == []
    for day in itinerary.days:
        for stop in day.stops:
            if not stop.longer_offered:
                continue
            # it claims a longer visit fitted: the day shifted by the extra time still ends
            # in time and the village is still open
            extra = dt.timedelta(minutes=75 if stop.length == "short" else 80)
            assert day.arrival + extra <= dt.datetime.combine(
                SATURDAY, day_end, tzinfo=tourplan.HANOI_TZ
            ), format_itinerary(itinerary, lang="en")

"""A long stay split by lunch is one visit in every total: stops, interest, villages.

Regression: ``tourplan route --date 2027-02-07`` planned Đường Lâm before and after lunch
and the day said "2 stops · interest 172" for one village of interest 86.
"""

from __future__ import annotations

import datetime as dt

import tourplan
from tourplan import SearchParameters, TripRequest
from tourplan.export.ical import itinerary_to_ics
from tourplan.hours import OpeningHours
from tourplan.model import Place, Village, Villages
from tourplan.text import format_itinerary
from tourplan.text.page import day_totals, schedule_rows, trip_totals

SATURDAY = dt.date(2026, 12, 5)
FAST = SearchParameters(deterministic=True, iteration_limit=300)
HOTEL = Place("hotel", "Khách sạn", 21.03, 105.85)
HOURS = OpeningHours.parse("Mo-Su 07:00-18:00")
GREAT = Village(
    "great", "Làng cổ", "Old village", 21.05, 105.86, 180, HOURS, 80,
    themes=("heritage",), long_minutes=420,
)  # fmt: skip


def _split_stay_plan() -> tourplan.Itinerary:
    request = TripRequest(start=HOTEL, dates=(SATURDAY,))
    itinerary = tourplan.plan_trip(request, Villages([GREAT]), search=FAST)
    assert tourplan.check_itinerary(itinerary, request) == []
    assert [s.village.id for s in itinerary.stops] == ["great", "great"]  # the premise
    return itinerary


def test_a_split_stay_counts_its_interest_once() -> None:
    itinerary = _split_stay_plan()
    assert itinerary.days[0].interest == GREAT.interest
    assert itinerary.interest == GREAT.interest
    assert itinerary.village_ids == ("great",)
    assert [s.village.id for s in itinerary.days[0].visits] == ["great"]


def test_a_split_stay_is_one_stop_in_the_words() -> None:
    itinerary = _split_stay_plan()
    day, trip = day_totals(itinerary.days[0], "en"), trip_totals(itinerary, "en")
    for line in (day, trip):
        assert line.split(" · ")[:2] == ["1 stop", "interest 80"] or (
            line.split(": ", 1)[1].split(" · ")[:2] == ["1 stop", "interest 80"]
        ), line
    text = format_itinerary(itinerary, lang="en")
    assert "1 stop · interest 80" in text and "2 stops" not in text


def test_a_split_stay_has_no_journey_in_the_words() -> None:
    """Regression: between lunch and the rest of the stay the schedule said
    "→ 0 min by car, 0.0 km" (and the .ics "Next: 0 min by car to" the same village)."""
    itinerary = _split_stay_plan()
    text = format_itinerary(itinerary, lang="en")
    assert "→ 0 min" not in text, text
    rows = schedule_rows(itinerary.days[0], "en")
    assert [r.kind for r in rows].count("leg") == 2  # there and back
    calendar = itinerary_to_ics(itinerary, lang="en", include_legs=True).decode()
    assert " 0 min by car" not in calendar.replace("\r\n ", "")

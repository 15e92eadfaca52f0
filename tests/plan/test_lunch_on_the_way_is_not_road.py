"""A lunch taken on the way is not time on the road.

Regression: ``tourplan route --date 2027-04-30 --days 2 --must van-mieu --must "Hạ Thái"
--pace relaxed --lunch 12:30-12:45/45`` showed "→ 1 h 38 min by car" for a 53-minute drive
with a 45-minute roadside lunch inside it, and the day's road time counted the lunch.
"""

from __future__ import annotations

import datetime as dt

import pytest

import tourplan
from tourplan import SearchParameters, TripRequest
from tourplan.export.ical import itinerary_to_ics
from tourplan.hours import OpeningHours
from tourplan.model import Place, Village, Villages
from tourplan.plan import Lunch
from tourplan.text import format_itinerary
from tourplan.text.page import schedule_rows
from tourplan.text.words import duration as duration_text
from tourplan.text.words import km_text

HOTEL = Place("hotel", "Khách sạn", 21.03, 105.85)
# About 100 minutes each way by car: lunch must start before the first journey can end.
FAR = Village("far", "Xa", "Far", 21.03, 106.25, 90, OpeningHours.parse("Mo-Su 08:00-18:00"), 60)


@pytest.mark.parametrize("minutes", [30, 60, 90])
def test_a_roadside_lunch_is_not_driving(minutes: int) -> None:
    lunch = Lunch(dt.time(10, 30), dt.time(10, 45), minutes)
    request = TripRequest(
        start=HOTEL, dates=(dt.date(2026, 12, 5),), day_start=dt.time(10),
        day_end=dt.time(19), must_visit=("far",), lunch=lunch,
    )  # fmt: skip
    itinerary = tourplan.plan_trip(
        request, Villages([FAR]), search=SearchParameters(deterministic=True)
    )
    assert tourplan.check_itinerary(itinerary, request) == []
    day = itinerary.days[0]
    (brk,) = day.breaks
    assert brk.on_the_way  # the premise: neither end of the journey fits the lunch window
    there, back = day.legs
    assert there.travel_time == back.travel_time + brk.duration  # the same road both ways
    assert day.driving_time(there) == day.driving_time(back) == back.travel_time
    assert day.travel_time == 2 * back.travel_time
    assert itinerary.travel_time == 2 * back.travel_time
    text = format_itinerary(itinerary, lang="en")
    drive = f"→ {duration_text(back.travel_time, 'en')} by car"
    assert text.count(drive) == 2, text
    assert f"{duration_text(2 * back.travel_time, 'en')} on the road" in text
    calendar = itinerary_to_ics(itinerary, lang="en", include_legs=True).decode()
    unfolded = calendar.replace("\r\n ", "")
    assert f"{duration_text(there.travel_time, 'en')} by car" not in unfolded
    # the journey there is two events around the lunch, then the way back and the visit's
    # "next" line
    assert unfolded.count(f"{duration_text(back.travel_time, 'en')} by car") == 4
    rows = [r.text for r in schedule_rows(day, "en") if r.kind == "leg"]
    assert rows == [drive + f", {km_text(there.distance_m or 0, 'en')}"] * 2

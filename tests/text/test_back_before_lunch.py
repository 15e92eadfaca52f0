"""A morning trip back before lunch says when the traveller is back, then lunch there.

Regression: ``tourplan route --day-start 08:00 --day-end 12:00`` printed the journey back
(arriving 10:38), "11:00–12:00 Lunch at Hoan Kiem Lake" and then "12:00 Back at Hoan Kiem
Lake": the traveller was back at 10:38, not at 12:00.
"""

from __future__ import annotations

import datetime as dt

import tourplan
from tourplan import SearchParameters, TripRequest
from tourplan.hours import OpeningHours
from tourplan.model import Place, Village, Villages
from tourplan.text import format_itinerary
from tourplan.text.page import schedule_rows
from tourplan.text.words import hhmm

HOTEL = Place("hotel", "Khách sạn", 21.03, 105.85)
NEAR = Village(
    "near", "Gần", "Near", 21.06, 105.87, 60, OpeningHours.parse("Mo-Su 08:00-17:00"), 60
)


def test_back_is_when_the_last_journey_arrives() -> None:
    request = TripRequest(
        start=HOTEL, dates=(dt.date(2026, 12, 5),), day_start=dt.time(8), day_end=dt.time(12),
        lunch=tourplan.plan.Lunch(dt.time(11), dt.time(11), 60),
    )  # fmt: skip
    itinerary = tourplan.plan_trip(
        request, Villages([NEAR]), search=SearchParameters(deterministic=True)
    )
    assert tourplan.check_itinerary(itinerary, request) == []
    day = itinerary.days[0]
    (lunch,) = day.breaks
    back = day.legs[-1].arrive
    assert back < lunch.start and lunch.place == "hotel"  # the premise: lunch once back
    rows = schedule_rows(day, "en")
    kinds = [r.kind for r in rows]
    assert kinds.index("back") == kinds.index("break") - 1, rows
    assert rows[kinds.index("back")].time == hhmm(back)
    text = format_itinerary(itinerary, lang="en").splitlines()
    (line,) = [x for x in text if "Back at" in x]
    assert line.split()[0] == hhmm(back)
    assert text.index(line) < next(i for i, x in enumerate(text) if "Lunch at" in x)

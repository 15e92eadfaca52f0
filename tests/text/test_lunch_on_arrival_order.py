"""Lunch taken on arrival at a village is told before the visit that follows it.

Regression: ``tourplan route --must bat-trang --must kim-lan --must kieu-ky --deterministic``
printed "12:00–14:45 Bát Tràng … arrive 10:46, 14 min free before the visit" and only then
"11:00–12:00 Lunch at Bát Tràng": the stop was placed at its arrival, before the lunch taken
there between arrival and visit. Now the lunch comes first, then the visit, with the time
before lunch said as such; the map page's schedule has the same order.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import tourplan
from tourplan import SearchParameters, TripRequest
from tourplan.hours import OpeningHours
from tourplan.model import Place, Village, Villages
from tourplan.text import format_itinerary
from tourplan.text.itinerary import timeline
from tourplan.text.page import schedule_rows

HOTEL = Place("hotel", "Khách sạn", 21.03, 105.85)


def _village(vid: str, lat: float, hours: str) -> Village:
    name = f"{vid.title()} village"
    return Village(vid, name, name, lat, 105.87, 60, OpeningHours.parse(f"Mo-Su {hours}"), 60)


def _plan(closes: int, opens: int, lunch_from: int) -> tourplan.Itinerary:
    """A morning village closing at ``closes`` (minutes past 10:00), a village opening at
    ``opens`` o'clock, lunch at ``lunch_from`` o'clock: the traveller drives on from the first
    and may arrive at the second before lunch."""
    early = _village("early", 21.04, f"09:00-10:{closes:02d}")
    late = _village("late", 21.05, f"{opens:02d}:00-17:00")
    request = TripRequest(
        start=HOTEL, dates=(dt.date(2026, 12, 5),), day_start=dt.time(9), day_end=dt.time(17),
        lunch=tourplan.plan.Lunch(dt.time(lunch_from), dt.time(lunch_from), 60),
    )  # fmt: skip
    itinerary = tourplan.plan_trip(
        request, Villages([early, late]), search=SearchParameters(deterministic=True)
    )
    assert tourplan.check_itinerary(itinerary, request) == []
    return itinerary


def test_lunch_on_arrival_comes_before_the_visit() -> None:
    itinerary = _plan(closes=30, opens=12, lunch_from=11)  # arrive 10:39, lunch 11-12, open 12
    day = itinerary.days[0]
    (_, stop), (lunch,) = day.stops, day.breaks
    assert stop.arrival < lunch.start and lunch.end <= stop.start  # the premise
    assert lunch.place == stop.village.id
    text = format_itinerary(itinerary, lang="en").splitlines()
    at_lunch = next(i for i, x in enumerate(text) if "Lunch at" in x)
    at_visit = next(
        i for i, x in enumerate(text) if "Late village" in x and "–" in x and "Lunch" not in x
    )
    assert at_lunch < at_visit, text
    assert any("free before lunch" in x for x in text), text
    kinds = [row.kind for row in schedule_rows(day, "en")]
    assert kinds.index("break") < len(kinds) - 1 - kinds[::-1].index("stop"), kinds


@settings(max_examples=10, deadline=None)
@given(closes=st.integers(15, 59), opens=st.integers(10, 14), lunch_from=st.integers(10, 13))
def test_the_timeline_is_in_the_order_lived(closes: int, opens: int, lunch_from: int) -> None:
    day = _plan(closes, opens, lunch_from).days[0]
    items = timeline(day)
    assert sorted(map(id, items)) == sorted(map(id, [*day.legs, *day.breaks, *day.stops]))
    # every break before a stop in the list ends by the visit's start, and every break after
    # it starts after the visit (at the village, on the way, or back at the end place)
    for k, item in enumerate(items):
        if isinstance(item, tourplan.plan.Stop):
            assert all(b.end <= item.start for b in items[:k] if isinstance(b, tourplan.plan.Break))
            assert all(b.start >= item.end for b in items[k:] if isinstance(b, tourplan.plan.Break))

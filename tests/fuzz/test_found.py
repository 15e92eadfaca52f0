"""Faults the generated requests found, each kept as a regression test (issue #19)."""

from __future__ import annotations

import datetime as dt

import tourplan


def test_a_long_stay_with_no_time_after_lunch_is_not_offered_a_second_part() -> None:
    """A place whose long stay could go on after lunch, but whose second part fits no window
    of the day (10:00-13:00), once made the routing core refuse the request with "visit
    'cu-da+#typical' has no time window"; the second part is now simply not offered."""
    request = tourplan.TripRequest(
        "trieu-khuc",
        (dt.date(2028, 2, 2),),
        day_start=dt.time(10),
        day_end=dt.time(13),
        mode="car",
        themes=("incense",),
        theme_bonus=1.5,
    )
    plan = tourplan.plan_trip(request, search=tourplan.SearchParameters(deterministic=True))
    assert tourplan.check_itinerary(plan, request) == []
    assert plan.stops

"""Days that hang together: compact areas per day, the same plan for the same request."""

from __future__ import annotations

import datetime as dt

import tourplan
from tourplan import SearchParameters, TripRequest
from tourplan.hours import OpeningHours
from tourplan.model import Village, Villages
from tourplan.plan import itinerary_value

SATURDAY = dt.date(2026, 12, 5)
FAST = SearchParameters(deterministic=True, iteration_limit=500)


def _three_days() -> tuple[TripRequest, tourplan.Itinerary]:
    request = TripRequest.for_days("hoan-kiem-lake", SATURDAY, days=3)
    return request, tourplan.plan_trip(request, search=FAST)


def test_kim_lan_is_planned_on_the_day_of_bat_trang() -> None:
    request, itinerary = _three_days()
    assert tourplan.check_itinerary(itinerary, request) == []
    day_of = {s.village.id: d.date for d in itinerary.days for s in d.stops}
    assert "bat-trang" in day_of
    if "kim-lan" in day_of:
        assert day_of["kim-lan"] == day_of["bat-trang"]


def test_the_same_request_gives_the_same_multi_day_plan() -> None:
    assert _three_days()[1] == _three_days()[1]


def test_a_day_stays_in_one_of_two_equal_areas() -> None:
    # Two pairs of villages about 20 km east and west of the start. The open plan alone takes
    # one village of each side (checked by hand with no area candidates: west-a, east-a);
    # the day's value, road time costed, prefers a pair on one side.
    hours = OpeningHours.parse("Mo-Su 08:00-17:30")

    def place(vid: str, lon: float, theme: str) -> Village:
        return Village(vid, vid, vid, 21.0, lon, 60, hours, 45, themes=(theme,))

    villages = Villages(
        [
            place("east-a", 106.0, "ceramics"),
            place("east-b", 106.01, "textiles"),
            place("west-a", 105.6, "wood"),
            place("west-b", 105.59, "bamboo"),
        ]
    )
    request = TripRequest.for_days((21.0, 105.8), SATURDAY)
    itinerary = tourplan.plan_trip(request, villages, search=FAST)
    assert tourplan.check_itinerary(itinerary, request) == []
    sides = {s.village.id.split("-")[0] for s in itinerary.stops}
    assert len(itinerary.stops) == 2 and len(sides) == 1, itinerary.village_ids


def test_the_default_day_is_a_few_rich_stops_not_five_thin_ones() -> None:
    # over the craft villages: since issue #17 the bundled data also holds sights with their
    # evidence, and the default day over all places becomes four shorter stops in and near the
    # centre (Temple of Literature, Trấn Quốc, the West Lake villages; see the feature-facts
    # report); that day is checked below
    villages = tourplan.load_hanoi().villages()
    request = TripRequest.for_days("hoan-kiem-lake", SATURDAY)
    itinerary = tourplan.plan_trip(request, villages, search=FAST)
    day = itinerary.days[0]
    assert itinerary_value(itinerary, request) > 0
    assert len(day.stops) <= 3
    assert any(s.length != "short" and s.duration >= dt.timedelta(minutes=120) for s in day.stops)
    assert day.travel_time * 3 < day.visit_time  # drives less than a third of the time it visits


def test_the_default_day_over_villages_and_sights_stays_compact() -> None:
    request = TripRequest.for_days("hoan-kiem-lake", SATURDAY)
    itinerary = tourplan.plan_trip(request, search=FAST)
    day = itinerary.days[0]
    assert tourplan.check_itinerary(itinerary, request) == []
    assert day.travel_time * 3 < day.visit_time

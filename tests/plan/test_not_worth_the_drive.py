"""A place that fits a day but is not worth its stop and road is left out as such."""

from __future__ import annotations

import datetime as dt

import tourplan
from tourplan import OpeningHours, Place, TripRequest, Village, Villages
from tourplan.text import explain

HOTEL = Place("hotel", "Khách sạn", 21.03, 105.85)
OPEN = OpeningHours.parse("Mo-Su 08:00-17:30")


def _plan() -> tourplan.Itinerary:
    villages = Villages(
        [
            Village("near", "Làng gần", "Near village", 21.05, 105.86, 90, OPEN, 80),
            # about 45 km away, worth a stop next door but not an hour and more of road
            Village("far", "Làng xa", "Far village", 20.65, 105.80, 30, OPEN, 20),
        ]
    )
    request = TripRequest(start=HOTEL, dates=(dt.date(2026, 12, 5),))
    return tourplan.plan_trip(
        request, villages, search=tourplan.SearchParameters(deterministic=True)
    )


def test_a_cheap_far_place_is_not_worth_the_drive_and_says_so_in_both_languages() -> None:
    itinerary = _plan()
    assert itinerary.village_ids == ("near",)
    (far,) = [x for x in itinerary.left_out if x.village.id == "far"]
    assert far.reason == "not_worth_the_drive"
    assert far.travel_minutes is not None and far.travel_minutes > 30
    assert "ô tô" in explain(far, "vi")
    assert "by car" in explain(far, "en") and "worth" in explain(far, "en")
    # the numbers a guide weighs: the length worth a stop and the place's interest
    assert "interest 20" in explain(far, "en") and "điểm hấp dẫn 20" in explain(far, "vi")
    assert "counts half" not in explain(far, "en")  # a village, not a sight


def test_a_sight_not_worth_the_drive_says_it_counts_half_and_how_to_ask_for_it() -> None:
    near = Village("near", "Làng gần", "Near village", 21.05, 105.86, 90, OPEN, 80)
    pagoda = Village("pagoda", "Chùa xa", "Far pagoda", 20.65, 105.80, 45, OPEN, 40, kind="pagoda")
    request = TripRequest(start=HOTEL, dates=(dt.date(2026, 12, 5),))
    itinerary = tourplan.plan_trip(
        request, Villages([near, pagoda]), search=tourplan.SearchParameters(deterministic=True)
    )
    (far,) = [x for x in itinerary.left_out if x.village.id == "pagoda"]
    assert far.reason == "not_worth_the_drive"
    assert "counts half" in explain(far, "en") and "must-visit" in explain(far, "en")
    assert "một nửa" in explain(far, "vi")

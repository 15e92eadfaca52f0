"""On a day that ends elsewhere, a village left out for its road says both journeys.

Regression: ``tourplan route --start noi-bai-airport --end hanoi-railway-station`` said the
Temple of Literature was "60 min each way by car", but 60 minutes is the airport to the
temple; from the temple on to the station is a few minutes.
"""

from __future__ import annotations

import datetime as dt

import pytest

import tourplan
from tourplan import SearchParameters, TripRequest
from tourplan.export.json import itinerary_from_json, itinerary_to_json
from tourplan.hours import OpeningHours
from tourplan.model import Place, Village, Villages
from tourplan.text import explain

HOTEL = Place("hotel", "Khách sạn", 21.03, 105.85)
STATION = Place("station", "Ga", 21.03, 106.15)  # about 80 min east by car
# Open only until 10:00, which no day from the hotel reaches in time: "too far" on a day that
# has room for the road there and back and the visit (else the start is refused).
NEAR_END = Village(
    "near-end", "Gần ga", "Near the station", 21.03, 106.14, 120,
    OpeningHours.parse("Mo-Su 08:00-10:00"), 60, short_minutes=90,
)  # fmt: skip


def _left_out(end: Place | None) -> tourplan.LeftOut:
    request = TripRequest(
        start=HOTEL, end=end, dates=(dt.date(2026, 12, 5),), day_start=dt.time(8),
        day_end=dt.time(13), lunch=None,
    )  # fmt: skip
    itinerary = tourplan.plan_trip(
        request, Villages([NEAR_END]), search=SearchParameters(deterministic=True)
    )
    (item,) = itinerary.left_out
    assert item.reason == "too_far"  # the premise
    return item


def test_the_onward_journey_is_its_own() -> None:
    item = _left_out(STATION)
    assert item.travel_minutes is not None and item.travel_minutes > 60
    assert item.onward_minutes is not None and item.onward_minutes < 20


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_one_way_day_never_says_each_way(lang: str) -> None:
    item = _left_out(STATION)
    text = explain(item, lang)
    assert "each way" not in text and "mỗi chiều" not in text, text
    assert f"{item.travel_minutes} " in text and f"{item.onward_minutes} " in text, text


def test_a_round_trip_still_says_each_way() -> None:
    item = _left_out(None)
    assert item.onward_minutes is None
    assert "each way" in explain(item, "en")


def test_the_onward_journey_survives_json() -> None:
    request = TripRequest(
        start=HOTEL, end=STATION, dates=(dt.date(2026, 12, 5),), day_start=dt.time(8),
        day_end=dt.time(13), lunch=None,
    )  # fmt: skip
    itinerary = tourplan.plan_trip(
        request, Villages([NEAR_END]), search=SearchParameters(deterministic=True)
    )
    again = itinerary_from_json(itinerary_to_json(itinerary))
    assert again.left_out[0].onward_minutes == itinerary.left_out[0].onward_minutes

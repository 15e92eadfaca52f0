"""A place left out because it lies the other side of town from the day says so."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import tourplan
from tourplan import OpeningHours, Place, TripRequest, Village, Villages
from tourplan.export import itinerary_from_json, itinerary_to_json
from tourplan.plan.direction import off_direction
from tourplan.text import explain

HOTEL = Place("hotel", "Khách sạn", 21.03, 105.85)
OPEN = OpeningHours.parse("Mo-Su 08:00-17:30")
# about 11 km east, 12 km east-south-east, and 11 km west of the hotel
EAST = Village("east", "Làng đông", "East village", 21.03, 105.955, 120, OPEN, 80)
EAST_2 = Village("east-2", "Làng đông nam", "East-south-east village", 20.99, 105.96, 90, OPEN, 40)
WEST = Village("west", "Làng tây", "West village", 21.03, 105.745, 120, OPEN, 60)


def _plan(request: TripRequest) -> tourplan.Itinerary:
    villages = Villages([EAST, EAST_2, WEST])
    return tourplan.plan_trip(
        request, villages, search=tourplan.SearchParameters(deterministic=True)
    )


def _request() -> TripRequest:
    return TripRequest(start=HOTEL, dates=(dt.date(2026, 12, 5),))


def test_the_other_side_of_town_is_the_reason_given_in_both_languages() -> None:
    itinerary = _plan(_request())
    assert set(itinerary.village_ids) == {"east", "east-2"}
    (west,) = [x for x in itinerary.left_out if x.village.id == "west"]
    assert west.reason == "other_direction"
    assert off_direction(HOTEL, [WEST], [EAST], [False], 5.0) == [True]
    assert "other side of town" in explain(west, "en")
    assert "phía bên kia thành phố" in explain(west, "vi")


def test_without_the_direction_rule_it_is_a_question_of_interest() -> None:
    request = _request()
    flat = dataclasses.replace(
        request, value=dataclasses.replace(request.value, direction_factor=1.0)
    )
    itinerary = _plan(flat)
    reasons = {x.village.id: x.reason for x in itinerary.left_out}
    assert "other_direction" not in reasons.values()


def test_the_reason_survives_json() -> None:
    itinerary = _plan(_request())
    text = itinerary_to_json(itinerary)
    reasons = {x["village"]["id"]: x["reason"] for x in json.loads(text)["left_out"]}
    assert reasons["west"] == "other_direction"
    again = itinerary_from_json(text)
    assert [x.reason for x in again.left_out] == [x.reason for x in itinerary.left_out]


def test_the_default_day_says_why_the_far_bank_is_left_out() -> None:
    """On the bundled data the default day goes east (Bát Tràng): Vạn Phúc, west, is left out
    for the day's direction, not as "worth less than the villages chosen"."""
    (lake,) = [p for p in tourplan.load_start_points() if p.id == "hoan-kiem-lake"]
    request = TripRequest(start=lake, dates=(dt.date(2026, 12, 5),))
    itinerary = tourplan.plan_trip(
        request, tourplan.load_hanoi(), search=tourplan.SearchParameters(deterministic=True)
    )
    reasons = {x.village.id: x.reason for x in itinerary.left_out}
    assert "bat-trang" in itinerary.village_ids
    assert reasons["van-phuc"] == "other_direction"

"""A themed day: places without the theme are worth less, never a false reason, never an
empty trip when something near is worth a stop."""

from __future__ import annotations

import datetime as dt

import tourplan
from tourplan import OpeningHours, Place, TripRequest, Village, Villages
from tourplan.text import explain

HOTEL = Place("hotel", "Khách sạn", 21.03, 105.85)
OPEN = OpeningHours.parse("Mo-Su 08:00-17:30")
DETERMINISTIC = tourplan.SearchParameters(deterministic=True)


def _villages() -> Villages:
    return Villages(
        [
            # 2 km away, a silk village of modest interest
            Village(
                "silk",
                "Làng lụa",
                "Silk village",
                21.045,
                105.86,
                60,
                OPEN,
                25,
                themes=("textiles",),
            ),
            # about 60 km away: the only incense village, out of reach of a morning
            Village(
                "incense",
                "Làng hương",
                "Incense village",
                20.50,
                105.85,
                60,
                OPEN,
                80,
                themes=("incense",),
            ),
        ]
    )


def _request(**changes: object) -> TripRequest:
    base = TripRequest(
        start=HOTEL,
        dates=(dt.date(2026, 12, 5),),
        day_start=dt.time(9),
        day_end=dt.time(12),
        lunch=None,
        themes=("incense",),
    )
    return base if not changes else tourplan.TripRequest(**{**base.__dict__, **changes})


def test_a_themed_morning_with_its_theme_out_of_reach_plans_what_is_near() -> None:
    request = _request()
    plan = tourplan.plan_trip(request, _villages(), search=DETERMINISTIC)
    assert tourplan.check_itinerary(plan, request) == []
    assert plan.village_ids == ("silk",)
    assert {x.village.id: x.reason for x in plan.left_out} == {"incense": "too_far"}


def test_a_place_never_worth_a_stop_says_so_and_not_that_others_were_worth_more() -> None:
    from tourplan.geocode import PlaceResolver
    from tourplan.plan import build_problem

    planning = build_problem(_request(), _villages(), resolver=PlaceResolver())
    silk = next(x for x in planning.excluded if x.village.id == "silk")
    assert silk.reason == "not_worth_a_stop" and silk.visit_minutes is not None
    assert "worth less than a stop costs" in explain(silk, "en")
    assert "không đáng chi phí của một lần dừng" in explain(silk, "vi")

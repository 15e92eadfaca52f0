"""Trips of several days with must-visits: planned at once, then day by day, the better kept."""

from __future__ import annotations

import datetime as dt

import pytest

import tourplan
from tourplan import Gazetteer, PlaceResolver, SearchParameters, TripRequest
from tourplan.plan import Itinerary, PlanningProblem, build_problem, itinerary_value
from tourplan.plan.areas import plan_by_areas
from tourplan.plan.must_days import must_visit_days
from tourplan.plan.trip import solve_with_variety
from tourplan.routing import Solution

SATURDAY = dt.date(2026, 12, 5)
FAST = SearchParameters(deterministic=True, iteration_limit=500)


def _planning(request: TripRequest) -> PlanningProblem:
    villages = tourplan.load_hanoi()
    return build_problem(request, villages, resolver=PlaceResolver(Gazetteer.bundled(villages)))


def test_two_must_visits_an_hour_apart_go_on_two_days() -> None:
    # The guide's review (R30): planned at once, Chuông, Quảng Phú Cầu and Bát Tràng (73 min
    # from Quảng Phú Cầu) shared the first day and the second went to Vạn Phúc and Đường Lâm.
    request = TripRequest.for_days(
        "hoan-kiem-lake", SATURDAY, days=2, must_visit=["chuong", "bat-trang"]
    )
    itinerary = tourplan.plan_trip(request, search=FAST)
    assert tourplan.check_itinerary(itinerary, request) == []
    day_of = {s.village.id: d.date for d in itinerary.days for s in d.stops}
    assert day_of["chuong"] != day_of["bat-trang"]


@pytest.mark.parametrize(
    ("days", "musts"),
    [
        (2, ["chuong", "bat-trang"]),
        (2, ["chua-tram"]),
        (3, ["duong-lam"]),
        (2, ["bat-trang", "kim-lan"]),
    ],
)
def test_the_trip_is_worth_at_least_the_plan_made_at_once(days: int, musts: list[str]) -> None:
    request = TripRequest.for_days("hoan-kiem-lake", SATURDAY, days=days, must_visit=musts)
    planning = _planning(request)
    made: list[Itinerary] = []

    def planner(sub: PlanningProblem, params: SearchParameters) -> tuple[Solution, Itinerary]:
        solution, itinerary = solve_with_variety(sub, params)
        made.append(itinerary)
        return solution, itinerary

    itinerary = plan_by_areas(planning, FAST, planner)
    at_once = made[0]  # the first solve is the whole trip's
    assert len(at_once.days) == days
    assert tourplan.check_itinerary(itinerary, request) == []
    assert set(musts) <= set(itinerary.village_ids)
    assert itinerary_value(itinerary, request) >= itinerary_value(at_once, request)


def test_must_visits_that_share_no_area_are_spread_over_the_days() -> None:
    request = TripRequest.for_days(
        "hoan-kiem-lake", SATURDAY, days=3, must_visit=["chuong", "bat-trang", "kim-lan"]
    )
    planning = _planning(request)
    # as if the plan made at once had put all three on the first day
    tries = must_visit_days(planning, {"chuong": 0, "bat-trang": 0, "kim-lan": 0})
    assert tries[0] == {"chuong": 0, "bat-trang": 0, "kim-lan": 0}
    spread = tries[1]
    assert spread["bat-trang"] == spread["kim-lan"]  # 21 min apart: one area
    assert spread["chuong"] != spread["bat-trang"]  # 65 min apart: no area holds both
    assert set(spread.values()) <= {0, 1, 2}
    # with one day only there is nothing to spread
    one_day = dict.fromkeys(("chuong", "bat-trang"), 0)
    single = _planning(TripRequest.for_days("hoan-kiem-lake", SATURDAY, must_visit=["chuong"]))
    assert must_visit_days(single, one_day) == [one_day]

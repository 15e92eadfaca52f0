"""One time limit per planning call (issue #19): the solves share a deadline.

Time is simulated (``time.monotonic`` replaced by a counter each solve advances), so these
tests assert on the shares handed out, never on measured time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

import tourplan
import tourplan.plan.clock as clock_module
from tourplan.geocode import PlaceResolver
from tourplan.plan import Itinerary, PlanningProblem, build_problem
from tourplan.plan.areas import plan_by_areas
from tourplan.plan.clock import FINISH_SHARE, MIN_SECONDS, Clock
from tourplan.plan.trip import solve_with_variety
from tourplan.routing import SearchParameters, Solution

SATURDAY = dt.date(2026, 12, 5)


class FakeTime:
    """A monotonic clock that moves only when told."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def fake_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeTime]:
    fake = FakeTime()
    monkeypatch.setattr(clock_module.time, "monotonic", fake)
    yield fake


def test_a_solve_gets_its_share_of_the_time_left(fake_time: FakeTime) -> None:
    clock = Clock(SearchParameters(time_limit=4.0))  # the solves end 5 % early: at 3.8 s
    assert clock.search().time_limit == pytest.approx(4.0 * (1 - FINISH_SHARE))
    assert clock.search(0.25).time_limit == pytest.approx(0.95)
    fake_time.now += 2.8
    assert clock.remaining() == pytest.approx(1.0)
    assert clock.search(0.5).time_limit == pytest.approx(0.5)
    part = clock.part(0.5)
    assert part.remaining() == pytest.approx(0.5)
    fake_time.now += 0.6
    assert part.expired() and not clock.expired()
    fake_time.now += 10
    assert clock.expired()
    # past the deadline a solve still gets the least time (its first plan), never less
    assert clock.search().time_limit == MIN_SECONDS
    assert clock.part(1.0).search().time_limit == MIN_SECONDS


def test_deterministic_mode_never_runs_out_and_changes_nothing(fake_time: FakeTime) -> None:
    params = SearchParameters(time_limit=0.5, deterministic=True, iteration_limit=77)
    clock = Clock(params)
    fake_time.now += 1e6
    assert not clock.expired()
    assert clock.search(0.01) is params
    assert clock.part(0.01) is clock


def _planning(days: int) -> PlanningProblem:
    request = tourplan.TripRequest(
        "hoan-kiem-lake", tuple(SATURDAY + dt.timedelta(days=i) for i in range(days))
    )
    return build_problem(request, tourplan.load_hanoi(), resolver=PlaceResolver())


@pytest.mark.parametrize("days", [1, 3])
def test_the_solves_of_a_trip_share_its_limit(fake_time: FakeTime, days: int) -> None:
    """Each solve takes all the time it is given; their limits add up to the trip's limit
    (one solve per day may follow the deadline, at the least time), and no optional solve
    (another area) starts once the day's time is up."""
    given: list[tuple[int, float]] = []

    def planner(planning: PlanningProblem, params: SearchParameters) -> tuple[Solution, Itinerary]:
        given.append((len(given), params.time_limit))
        fake_time.now += params.time_limit  # a search that uses all its time
        deterministic = SearchParameters(deterministic=True, iteration_limit=30)
        return solve_with_variety(planning, deterministic)

    limit = 2.0
    plan = plan_by_areas(_planning(days), SearchParameters(time_limit=limit), planner)
    assert len(plan.days) == days
    total = sum(t for _, t in given)
    assert total == pytest.approx(limit * (1 - FINISH_SHARE), abs=days * MIN_SECONDS + 1e-6)
    assert all(t > 0 for _, t in given)


def test_a_slow_first_solve_leaves_later_days_the_least_time_but_a_plan(
    fake_time: FakeTime,
) -> None:
    """When the first solve overruns the whole limit (a loaded machine), every other day is
    still planned, once, at the least time; no area is tried after the deadline."""
    given: list[float] = []

    def planner(planning: PlanningProblem, params: SearchParameters) -> tuple[Solution, Itinerary]:
        given.append(params.time_limit)
        fake_time.now += 5.0 if len(given) == 1 else params.time_limit
        return solve_with_variety(
            planning, SearchParameters(deterministic=True, iteration_limit=30)
        )

    plan = plan_by_areas(_planning(3), SearchParameters(time_limit=1.0), planner)
    assert len(plan.days) == 3
    assert given[1:] == [MIN_SECONDS, MIN_SECONDS]


@pytest.fixture
def solve_limits(fake_time: FakeTime, monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The time limits plan_trip's solves are given, each solve taking all of its time (the
    routing core's own search runs deterministically behind it)."""
    import tourplan.plan.trip as trip

    limits: list[float] = []
    real_solve = trip.solve

    def solve(problem: object, params: SearchParameters) -> Solution:
        limits.append(params.time_limit)
        fake_time.now += params.time_limit
        return real_solve(problem, SearchParameters(deterministic=True, iteration_limit=30))  # type: ignore[arg-type]

    monkeypatch.setattr(trip, "solve", solve)
    return limits


def test_plan_trip_gives_each_solve_part_of_one_limit(solve_limits: list[float]) -> None:
    """Through plan_trip, with the routing core's own search: the time limits of all the
    solves add up to at most the call's limit (the variety re-solve included; the last
    plan's share kept for a re-solve that was not needed goes unused)."""
    limits = solve_limits
    request = tourplan.TripRequest("hoan-kiem-lake", (SATURDAY, SATURDAY + dt.timedelta(days=1)))
    plan = tourplan.plan_trip(request, search=SearchParameters(time_limit=3.0))
    assert tourplan.check_itinerary(plan, request) == []
    assert len(limits) >= 2
    assert 1.5 <= sum(limits) <= 3.0 + 2 * MIN_SECONDS


def test_a_budget_repair_shares_the_same_limit(solve_limits: list[float]) -> None:
    """A plan within a budget may be planned again and again (each time without the item of
    least value per đồng): all of it within the one limit, at the least time per repair
    once the limit is spent."""
    limits = solve_limits
    request = tourplan.TripRequest(
        "hoan-kiem-lake", (SATURDAY,), with_experiences=True, party=4, budget_vnd=150_000
    )
    plan = tourplan.plan_trip(request, search=SearchParameters(time_limit=2.0))
    assert tourplan.check_itinerary(plan, request) == []
    assert sum(t for t in limits if t > MIN_SECONDS) <= 2.0 + 1e-6


@pytest.mark.parametrize("limit", [float("inf"), 1e9])
def test_an_unbounded_time_limit_is_refused_naming_it(limit: float) -> None:
    request = tourplan.TripRequest("hoan-kiem-lake", (SATURDAY,))
    with pytest.raises(tourplan.DataError) as caught:
        tourplan.plan_trip(request, search=SearchParameters(time_limit=limit))
    assert caught.value.field == "time_limit"
    # deterministic mode ignores the time limit
    assert (
        Clock(SearchParameters(time_limit=limit, deterministic=True)).search().time_limit == limit
    )


def test_the_overhead_of_earlier_solves_is_kept_for_the_later_ones(fake_time: FakeTime) -> None:
    clock = Clock(SearchParameters(time_limit=2.0 / (1 - FINISH_SHARE)))  # solves: 2 s
    day = clock.part(0.5)
    first = day.search(0.5)
    assert first.time_limit == pytest.approx(0.5)
    fake_time.now += 0.7  # its search took its 0.5 s, and 0.2 s more around it
    day.note(first, 0.7)
    assert clock.overhead == pytest.approx(0.2)
    assert day.search().time_limit == pytest.approx(0.3 - 0.2)  # the day's 0.3 s left
    day.note(day.search(), 0.05)  # a solve that converged early: the overhead fades
    assert clock.overhead == pytest.approx(0.1)
    # never below the least time, and nothing learnt in deterministic mode
    assert Clock(SearchParameters(time_limit=0.1)).search().time_limit >= MIN_SECONDS
    fixed = Clock(SearchParameters(deterministic=True))
    fixed.note(fixed.search(), 100.0)
    assert fixed.overhead == 0.0

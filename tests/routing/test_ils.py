"""The iterated local search: obvious optima with breaks, repeatability, annealing, restarts."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tourplan.routing import (
    RoutingProblem,
    SearchParameters,
    check_solution,
    schedule_routes,
    solve,
)
from tourplan.routing.ils import iterated_insertion
from tourplan.routing.insertion import routes_value
from tourplan.routing.moves import LocalSearch

FAST = SearchParameters(deterministic=True, iteration_limit=300)


def test_iterated_insertion_finds_the_obvious_optimum_with_a_break(
    everywhere: Callable[[RoutingProblem], list[list[int]]],
    lunch_squeeze: Callable[[], RoutingProblem],
) -> None:
    p = lunch_squeeze()
    routes = iterated_insertion(p, everywhere(p), iterations=100, noise=1.0)
    assert routes is not None
    s = schedule_routes(p, routes)
    assert check_solution(p, s) == []
    assert s.score == 8 and sorted(routes[0]) == [1, 2]
    assert solve(p, FAST).score == 8


def test_every_iterated_insertion_plan_with_breaks_schedules_cleanly(
    everywhere: Callable[[RoutingProblem], list[list[int]]],
    random_problem: Callable[[int], RoutingProblem],
) -> None:
    for seed in range(8):
        p = random_problem(seed)
        routes = iterated_insertion(p, everywhere(p), iterations=40, noise=1.0, seed=seed)
        assert routes is not None
        s = schedule_routes(p, routes)
        assert check_solution(p, s) == []
        assert all(len(ts.breaks) == 1 for ts in s.tours if ts.used)


def test_deterministic_with_breaks(
    everywhere: Callable[[RoutingProblem], list[list[int]]],
    random_problem: Callable[[int], RoutingProblem],
) -> None:
    p = random_problem(3)
    a = solve(p, FAST)
    b = solve(p, FAST)
    assert a.routes == b.routes and a.score == b.score
    assert check_solution(p, a) == []
    ra = iterated_insertion(p, everywhere(p), iterations=50, noise=1.0, seed=7)
    rb = iterated_insertion(p, everywhere(p), iterations=50, noise=1.0, seed=7)
    assert ra == rb


def test_annealing_finds_the_obvious_optimum_and_is_repeatable(
    everywhere: Callable[[RoutingProblem], list[list[int]]],
    lunch_squeeze: Callable[[], RoutingProblem],
) -> None:
    p = lunch_squeeze()
    runs = [
        iterated_insertion(p, everywhere(p), iterations=100, noise=1.0, seed=3, temperature=2.0)
        for _ in range(2)
    ]
    assert runs[0] == runs[1]
    assert runs[0] is not None and sorted(runs[0][0]) == [1, 2]


def test_annealing_plans_with_breaks_schedule_cleanly_and_repeat(
    everywhere: Callable[[RoutingProblem], list[list[int]]],
    random_problem: Callable[[int], RoutingProblem],
) -> None:
    for seed in range(4):
        p = random_problem(seed)
        a = iterated_insertion(p, everywhere(p), iterations=40, seed=seed, temperature=1.0)
        b = iterated_insertion(p, everywhere(p), iterations=40, seed=seed, temperature=1.0)
        assert a == b and a is not None
        assert check_solution(p, schedule_routes(p, a)) == []


def test_negative_temperature_is_refused(
    everywhere: Callable[[RoutingProblem], list[list[int]]],
    lunch_squeeze: Callable[[], RoutingProblem],
) -> None:
    p = lunch_squeeze()
    with pytest.raises(ValueError, match="temperature"):
        iterated_insertion(p, everywhere(p), iterations=1, temperature=-1.0)


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 10_000), temperature=st.sampled_from([0.0, 1.0, 5.0]))
def test_restarts_happen_and_the_best_plan_of_all_starts_is_returned(
    everywhere: Callable[[RoutingProblem], list[list[int]]],
    random_problem: Callable[[int], RoutingProblem],
    seed: int,
    temperature: float,
) -> None:
    p = random_problem(seed % 50)
    seen: list[tuple[int, int]] = []
    starts = 0
    improve = LocalSearch.improve

    def spy(self: LocalSearch, routes: list[list[int]], floor: int) -> tuple[int, int]:
        nonlocal starts
        value = improve(self, routes, floor)
        starts += floor == 0  # the first construction and every restart
        seen.append(value)
        return value

    try:
        LocalSearch.improve = spy  # type: ignore[method-assign]
        routes = iterated_insertion(
            p, everywhere(p), iterations=200, seed=seed, noise=0.5, temperature=temperature
        )
    finally:
        LocalSearch.improve = improve  # type: ignore[method-assign]
    assert routes is not None
    s = schedule_routes(p, routes)
    assert check_solution(p, s) == []
    if starts == 1:
        # No restart is due only while the first start keeps improving: never more than a
        # quarter of the iterations (50) in a row without a gain, or every place taken.
        gaps, best, last = [], seen[0], 0
        for k, value in enumerate(seen[1:], start=1):
            if value > best:
                best, last = value, k
            gaps.append(k - last)
        assert max(gaps, default=0) <= 50 or s.score == sum(v.score for v in p.visits)
    assert routes_value(p, routes) == max(seen)

"""The solver on tiny problems whose optimum is obvious; every answer is validated."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tourplan.exceptions import DataError, InfeasibleError
from tourplan.routing import (
    Break,
    OrToolsParams,
    RoutingProblem,
    SearchParameters,
    Solution,
    TimeWindow,
    Tour,
    Visit,
    check_solution,
    solve,
)

ALWAYS = (TimeWindow(0, 10_000),)
#: Deterministic, small: every solver test runs in well under a second.
FAST = SearchParameters(deterministic=True, iteration_limit=300, time_limit=5)


def _solve(problem: RoutingProblem, params: SearchParameters = FAST) -> Solution:
    solution = solve(problem, params)
    assert check_solution(problem, solution) == []
    return solution


def test_line_picks_the_best_reachable_visits(line: Callable[[int], list[list[int]]]) -> None:
    # Depot at 0; visits at 1, 2, 3 with scores 1, 5, 2 and service 2; 10 time units. All three
    # need 6 travel + 6 service = 12; the best pair is {2, 3} (score 7): 0->2->3->0 = 6 + 4 = 10.
    visits = tuple(Visit(f"v{k}", k, 2, ALWAYS, score=s) for k, s in ((1, 1), (2, 5), (3, 2)))
    p = RoutingProblem(line(4), visits, (Tour("day", 0, 0, 0, 10),))
    s = _solve(p)
    assert s.score == 7
    assert set(s.routes[0]) == {1, 2}
    assert s.unvisited == (0,)


def test_multiple_windows_wait_for_the_afternoon() -> None:
    # Open 0-10 and 100-200; it takes 50 to get there, so service starts at 100.
    p = RoutingProblem(
        [[0, 50], [50, 0]],
        (Visit("workshop", 1, 30, (TimeWindow(0, 10), TimeWindow(100, 200)), score=3),),
        (Tour("day", 0, 0, 0, 500),),
    )
    s = _solve(p)
    (v,) = s.tours[0].visits
    assert (v.start, v.end) == (100, 130)
    assert s.tours[0].departure == 50  # left as late as possible: no waiting
    assert v.wait == 0
    assert s.tours[0].arrival == 180


def test_breaks_are_taken_inside_their_window(line: Callable[[int], list[list[int]]]) -> None:
    visits = tuple(Visit(f"v{k}", k, 100, ALWAYS, score=1) for k in (1, 2, 3))
    lunch = Break("lunch", 60, 200, 260)
    p = RoutingProblem(line(4), visits, (Tour("day", 0, 0, 0, 500, breaks=(lunch,)),))
    s = _solve(p)
    # 3 visits * 100 + travel 6 + lunch 60 = 366 <= 500: all fit.
    assert s.score == 3
    (b,) = s.tours[0].breaks
    assert 200 <= b.start <= 260 and b.end == b.start + 60


def test_break_that_does_not_fit_drops_a_visit(line: Callable[[int], list[list[int]]]) -> None:
    visits = tuple(Visit(f"v{k}", k, 100, ALWAYS, score=1) for k in (1, 2, 3))
    lunch = Break("lunch", 120, 100, 150)
    p = RoutingProblem(line(4), visits, (Tour("day", 0, 0, 0, 350, breaks=(lunch,)),))
    s = _solve(p)
    assert s.score == 2


def test_two_tours_respect_allowed_tours(line: Callable[[int], list[list[int]]]) -> None:
    visits = (
        Visit("mon", 1, 10, ALWAYS, score=1, tours=frozenset({0})),
        Visit("tue", 2, 10, ALWAYS, score=1, tours=frozenset({1})),
    )
    tours = (Tour("mon", 0, 0, 0, 100), Tour("tue", 0, 0, 1000, 1100))
    s = _solve(RoutingProblem(line(3), visits, tours))
    assert s.routes == ((0,), (1,))
    assert s.tours[1].departure >= 1000


def test_max_visits_caps_a_tour(line: Callable[[int], list[list[int]]]) -> None:
    visits = tuple(Visit(f"v{k}", k, 1, ALWAYS, score=k) for k in (1, 2, 3))
    p = RoutingProblem(line(4), visits, (Tour("day", 0, 0, 0, 1000, max_visits=1),))
    s = _solve(p)
    assert s.routes == ((2,),)


def test_required_visit_beats_higher_scores() -> None:
    # Only one visit fits; the required one (score 1) must be chosen over the score-10 one.
    visits = (
        Visit("big", 1, 50, ALWAYS, score=10),
        Visit("must", 2, 50, ALWAYS, score=1, required=True),
    )
    p = RoutingProblem([[0, 5, 5], [5, 0, 5], [5, 5, 0]], visits, (Tour("d", 0, 0, 0, 70),))
    s = _solve(p)
    assert s.routes == ((1,),)


def test_asymmetric_travel_fixes_the_order() -> None:
    # 0->1->2->0 costs 1+1+1, the other way round 10+10+10; the day is long enough for both.
    m = [[0, 1, 10], [10, 0, 1], [1, 10, 0]]
    visits = (Visit("a", 1, 0, ALWAYS, score=1), Visit("b", 2, 0, ALWAYS, score=1))
    s = _solve(RoutingProblem(m, visits, (Tour("d", 0, 0, 0, 100),)))
    assert s.routes == ((0, 1),)
    assert s.travel_time == 3


def test_deterministic_mode_gives_the_same_answer(line: Callable[[int], list[list[int]]]) -> None:
    visits = tuple(
        Visit(f"v{k}", k, 3, (TimeWindow(k * 2, k * 2 + 30),), score=(7 * k) % 5 + 1)
        for k in range(1, 12)
    )
    p = RoutingProblem(line(12), visits, (Tour("a", 0, 0, 0, 40), Tour("b", 0, 0, 0, 40)))
    first, second = _solve(p), _solve(p)
    assert first.tours == second.tours
    assert first.score == second.score


def test_time_limited_search_also_validates(line: Callable[[int], list[list[int]]]) -> None:
    visits = tuple(Visit(f"v{k}", k, 3, ALWAYS, score=1) for k in range(1, 8))
    p = RoutingProblem(line(8), visits, (Tour("a", 0, 0, 0, 30),))
    s = _solve(p, SearchParameters(time_limit=0.5))
    assert s.score >= 4


def test_infeasible_required_visit_is_explained(line: Callable[[int], list[list[int]]]) -> None:
    visits = (Visit("kiln", 1, 10, (TimeWindow(500, 600),), score=1, required=True),)
    p = RoutingProblem(line(2), visits, (Tour("d", 0, 0, 0, 100),))
    with pytest.raises(InfeasibleError) as info:
        solve(p, FAST)
    assert any("kiln" in r and "closed" in r for r in info.value.reasons)


def test_lunch_fills_the_wait_before_an_afternoon_visit(
    line: Callable[[int], list[list[int]]],
) -> None:
    # Both visits fit only if lunch is taken while waiting for the afternoon opening.
    visits = (
        Visit("morning", 1, 100, (TimeWindow(0, 20),), score=3),
        Visit("afternoon", 2, 100, (TimeWindow(180, 200),), score=3),
    )
    lunch = Break("lunch", 60, 110, 130)
    p = RoutingProblem(line(3), visits, (Tour("day", 0, 0, 0, 300, breaks=(lunch,)),))
    s = solve(p, FAST)
    assert check_solution(p, s) == []
    assert s.routes == ((0, 1),)
    (b,) = s.tours[0].breaks
    assert b.after == 1 and 110 <= b.start <= 130


def test_search_with_breaks_beats_ortools_alone_on_a_prize_collecting_day(
    random_problem: Callable[[int], RoutingProblem],
) -> None:
    p = random_problem(5)
    ils = solve(p, FAST)
    ortools = solve(
        p,
        SearchParameters(
            deterministic=True,
            iteration_limit=300,
            ortools=OrToolsParams(first_solution="PATH_CHEAPEST_ARC"),
        ),
    )
    assert check_solution(p, ils) == [] and check_solution(p, ortools) == []
    assert ils.score >= ortools.score


def test_rounds_default_to_one_with_insertion_and_must_be_positive(
    random_problem: Callable[[int], RoutingProblem],
) -> None:
    assert SearchParameters().cycles is None
    with pytest.raises(DataError, match="'cycles'"):
        SearchParameters(cycles=0)
    p = random_problem(2)
    # one round and three explicit rounds both give valid, repeatable plans
    for cycles in (None, 3):
        params = SearchParameters(deterministic=True, iteration_limit=200, cycles=cycles)
        a, b = solve(p, params), solve(p, params)
        assert a.routes == b.routes
        assert check_solution(p, a) == []

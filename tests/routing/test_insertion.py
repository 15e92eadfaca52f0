"""Feasibility and score-per-time insertion: breaks and duration limits exactly, pruning."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from tourplan.routing import (
    Break,
    RoutingProblem,
    SearchParameters,
    TimeWindow,
    Tour,
    Visit,
    check_solution,
    schedule_routes,
    solve,
)
from tourplan.routing.ils import iterated_insertion
from tourplan.routing.insertion import Inserter, insertion_routes

ALWAYS = (TimeWindow(0, 10_000),)
FAST = SearchParameters(deterministic=True, iteration_limit=300)


def test_insertion_respects_the_break_where_the_relaxation_would_not(
    everywhere: Callable[[RoutingProblem], list[list[int]]],
    lunch_squeeze: Callable[[], RoutingProblem],
) -> None:
    p = lunch_squeeze()
    # a + b: 140 service + 4 travel + 60 lunch = 204 > 200, though it passes the relaxed test.
    routes = insertion_routes(p, everywhere(p))
    assert routes is not None
    s = schedule_routes(p, routes)  # raises if a break cannot be placed
    assert check_solution(p, s) == []
    assert routes == [[0]]  # greedy: a first (49 / 102 beats 16 / 44), then nothing fits


def test_a_visit_covering_the_whole_break_window_is_never_chosen(
    everywhere: Callable[[RoutingProblem], list[list[int]]], line: Callable[[int], list[list[int]]]
) -> None:
    # "long" would run 50..260 and hide the lunch window 100..150: no place for lunch.
    visits = (
        Visit("long", 1, 210, (TimeWindow(50, 60),), score=9),
        Visit("short", 2, 10, ALWAYS, score=1),
    )
    lunch = Break("lunch", 30, 100, 150)
    p = RoutingProblem(line(3), visits, (Tour("day", 0, 0, 0, 400, breaks=(lunch,)),))
    assert Inserter.supports(p)
    routes = iterated_insertion(p, everywhere(p), iterations=30)
    assert routes == [[1]]
    s = solve(p, FAST)
    assert s.routes == ((1,),) and check_solution(p, s) == []
    (b,) = s.tours[0].breaks
    assert 100 <= b.start <= 150


def test_duration_limit_is_checked_exactly(
    everywhere: Callable[[RoutingProblem], list[list[int]]], line: Callable[[int], list[list[int]]]
) -> None:
    # Same place, one window early and one late: together they exceed max_duration 100.
    visits = (
        Visit("early", 1, 10, (TimeWindow(0, 10),), score=2),
        Visit("late", 1, 10, (TimeWindow(500, 510),), score=3),
    )
    p = RoutingProblem(line(2), visits, (Tour("day", 0, 0, 0, 1000, max_duration=100),))
    routes = iterated_insertion(p, everywhere(p), iterations=100, noise=1.0)
    assert routes == [[1]]
    s = solve(p, FAST)
    assert s.routes == ((1,),) and check_solution(p, s) == []


def test_only_a_matrix_with_the_triangle_inequality_lets_insertion_prune(
    everywhere: Callable[[RoutingProblem], list[list[int]]],
    random_problem: Callable[[int], RoutingProblem],
) -> None:
    p = random_problem(0)  # Manhattan distances, positive service
    assert Inserter(p, everywhere(p)).metric
    # 0 -> 2 directly (10) takes longer than through 1 (1 + service 1 + 1)
    detour = [[0, 1, 10], [1, 0, 1], [10, 1, 0]]
    visits = (Visit("a", 1, 1, ALWAYS, 1), Visit("b", 2, 1, ALWAYS, 1))
    q = RoutingProblem(detour, visits, (Tour("day", 0, 0, 0, 100),))
    assert not Inserter(q, everywhere(q)).metric


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10_000), data=st.data())
def test_pruned_insertion_inserts_exactly_what_the_full_one_does(
    everywhere: Callable[[RoutingProblem], list[list[int]]],
    random_problem: Callable[[int], RoutingProblem],
    seed: int,
    data: st.DataObject,
) -> None:
    # breaks, duration limits, max_visits, two windows per visit; random partial plans
    p = random_problem(seed % 50)
    pruned, full = Inserter(p, everywhere(p)), Inserter(p, everywhere(p))
    full.metric = False
    noise = [data.draw(st.floats(0.1, 2.0)) for _ in p.visits]
    pruned.noise[:] = noise
    full.noise[:] = noise
    start = pruned.fill([[] for _ in p.tours])
    for route in start:
        keep = data.draw(st.lists(st.booleans(), min_size=len(route), max_size=len(route)))
        route[:] = [i for i, k in zip(route, keep, strict=True) if k]
    a = pruned.fill([list(r) for r in start])
    assert a == full.fill([list(r) for r in start])
    assert check_solution(p, schedule_routes(p, a)) == []

"""Route recombination: CP-SAT joins pooled tours of different plans, never for worse."""

from __future__ import annotations

import random
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from tourplan.routing import (
    Break,
    RecombinationParams,
    RoutingProblem,
    SearchParameters,
    TimeWindow,
    Tour,
    Visit,
    check_solution,
    schedule_routes,
    solve,
)
from tourplan.routing.ils import pooled_iterated_insertion
from tourplan.routing.insertion import Inserter, routes_value
from tourplan.routing.pool import RoutePool, tour_classes
from tourplan.routing.recombine import recombine

ALWAYS = (TimeWindow(0, 10_000),)


def _star(scores: list[int], tours: int, day: int = 100) -> RoutingProblem:
    """Hotel at 0, every place 10 away from it and from each other, 10 minutes of service."""
    n = len(scores) + 1
    matrix = [[0 if i == j else 10 for j in range(n)] for i in range(n)]
    visits = tuple(Visit(f"v{k}", k + 1, 10, ALWAYS, s) for k, s in enumerate(scores))
    return RoutingProblem(matrix, visits, tuple(Tour(f"d{t}", 0, 0, 0, day) for t in range(tours)))


def test_recombination_joins_tours_of_different_plans(
    everywhere: Callable[[RoutingProblem], list[list[int]]],
) -> None:
    # A day holds 4 visits (4 x 20 + 10 = 90 <= 100). Plan A: {0,1,2,3} + {4,5,6,7};
    # plan B's first tour {8,9,10,11} is better than either of A's; together with A's
    # second tour it is the best plan, which neither search found.
    scores = [3, 3, 3, 3, 2, 2, 2, 2, 5, 5, 5, 5]
    p = _star(scores, tours=2)
    allowed = everywhere(p)
    plan_a = [[0, 1, 2, 3], [4, 5, 6, 7]]
    pool_b = RoutePool(tour_classes(p, allowed))
    ins = Inserter(p, allowed)
    ins.offer(pool_b, [[8, 9, 10, 11], [0, 1, 4, 5]])
    params = SearchParameters(deterministic=True)
    plan = recombine(p, allowed, plan_a, [pool_b], params, deadline=0.0)
    assert sorted(map(sorted, plan)) == [[0, 1, 2, 3], [8, 9, 10, 11]]
    assert check_solution(p, schedule_routes(p, plan)) == []
    # nothing to gain: the plan comes back as it was
    assert recombine(p, allowed, plan, [pool_b], params, deadline=0.0) == plan


def test_recombination_keeps_a_required_visit(
    everywhere: Callable[[RoutingProblem], list[list[int]]],
) -> None:
    scores = [3, 3, 3, 3, 2, 2, 2, 2, 5, 5, 5, 5]
    p = _star(scores, tours=2)
    visits = list(p.visits)
    visits[4] = Visit("v4", 5, 10, ALWAYS, 2, required=True)
    p = RoutingProblem(p.travel_times, tuple(visits), p.tours)
    allowed = everywhere(p)
    pool = RoutePool(tour_classes(p, allowed))
    Inserter(p, allowed).offer(pool, [[8, 9, 10, 11], [0, 1, 2, 3]])
    plan = recombine(
        p, allowed, [[0, 1, 2, 3], [4, 5, 6, 7]], [pool], SearchParameters(deterministic=True), 0.0
    )
    # packing: {4, 5, 6, 7} + {8, ..., 11} (28); insertion then swaps 5, 6, 7 for 0, 1, 2
    assert sorted(map(sorted, plan)) == [[0, 1, 2, 4], [8, 9, 10, 11]]
    solution = schedule_routes(p, plan)
    assert solution.score == 31 and check_solution(p, solution) == []


def _random_multi_day(seed: int) -> RoutingProblem:

    rng = random.Random(seed)
    n = 16
    xy = [(rng.randint(0, 30), rng.randint(0, 30)) for _ in range(n)]
    matrix = [[abs(a - c) + abs(b - d) for c, d in xy] for a, b in xy]
    lunch = Break("lunch", 30, 120, 180)
    tours = tuple(Tour(f"d{t}", 0, 0, 0, 300, breaks=(lunch,) * (t % 2)) for t in range(3))
    visits = []
    for k in range(1, n):
        a = rng.randint(0, 200)
        visits.append(
            Visit(f"v{k}", k, rng.randint(10, 40), (TimeWindow(a, a + 90),), rng.randint(1, 9))
        )
    return RoutingProblem(matrix, tuple(visits), tours)


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(0, 10_000))
def test_every_tour_of_the_returned_plan_is_pooled_and_recombining_never_loses(
    everywhere: Callable[[RoutingProblem], list[list[int]]], seed: int
) -> None:
    p = _random_multi_day(seed)
    allowed = everywhere(p)
    routes, pool = pooled_iterated_insertion(p, allowed, capacity=10_000, iterations=30, seed=seed)
    assert routes is not None
    pooled = {(t.tour_class, frozenset(t.visits)) for t in pool.tours()}
    classes = tour_classes(p, allowed)
    assert classes == [0, 1, 0]  # days 0 and 2 have no lunch
    for r, route in enumerate(routes):
        assert not route or (classes[r], frozenset(route)) in pooled
    plan = recombine(p, allowed, routes, [pool], SearchParameters(deterministic=True), 0.0)
    assert routes_value(p, plan) >= routes_value(p, routes)
    assert check_solution(p, schedule_routes(p, plan)) == []


def test_solve_with_recombination_is_valid_and_repeatable() -> None:
    p = _random_multi_day(5)
    params = SearchParameters(deterministic=True, iteration_limit=300)
    a, b = solve(p, params), solve(p, params)
    assert a.routes == b.routes
    assert check_solution(p, a) == []
    no_pool = RecombinationParams(pool=0)
    off = solve(p, SearchParameters(deterministic=True, iteration_limit=300, recombination=no_pool))
    assert check_solution(p, off) == []

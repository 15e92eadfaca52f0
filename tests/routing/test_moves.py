"""Local search moves: string removal, tightening (2-opt, or-opt) and exchange."""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from tourplan.routing import (
    RoutingProblem,
    SearchParameters,
    TimeWindow,
    Tour,
    Visit,
    check_solution,
    schedule_routes,
    solve,
)
from tourplan.routing.insertion import Inserter
from tourplan.routing.moves import LocalSearch

ALWAYS = (TimeWindow(0, 10_000),)
FAST = SearchParameters(deterministic=True, iteration_limit=300)


def _grid_problem(n: int, tours: int) -> RoutingProblem:
    side = 6
    xy = [(k % side, k // side) for k in range(n + 1)]
    matrix = [[abs(a[0] - b[0]) + abs(a[1] - b[1]) for b in xy] for a in xy]
    visits = tuple(Visit(f"v{k}", k, 1, ALWAYS, score=1) for k in range(1, n + 1))
    return RoutingProblem(matrix, visits, tuple(Tour(f"t{t}", 0, 0, 0, 500) for t in range(tours)))


@settings(max_examples=60, deadline=None)
@given(
    tours=st.integers(1, 4),
    seed=st.integers(0, 10_000),
    data=st.data(),
)
def test_string_removal_cuts_one_contiguous_string_per_ruined_tour(
    everywhere: Callable[[RoutingProblem], list[list[int]]],
    tours: int,
    seed: int,
    data: st.DataObject,
) -> None:
    n = 30
    p = _grid_problem(n, tours)
    order = data.draw(st.permutations(range(n)))
    cuts = sorted(data.draw(st.lists(st.integers(0, n), min_size=tours - 1, max_size=tours - 1)))
    bounds = [0, *cuts, n]
    routes = [list(order[a:b]) for a, b in itertools.pairwise(bounds)]
    before = [list(r) for r in routes]
    LocalSearch(Inserter(p, everywhere(p))).remove_strings(routes, random.Random(seed))
    removed = 0
    for old, new in zip(before, routes, strict=True):
        cut = len(old) - len(new)
        assert 0 <= cut <= 10
        # what is left is the old route with one slice taken out
        assert any(old[:k] + old[k + cut :] == new for k in range(len(old) - cut + 1))
        removed += cut
    assert removed >= 1 or not any(before)


def _square(c_closes: int) -> RoutingProblem:
    # Depot at (0, 0); a at (0, 5), b at (5, 5), c at (5, 0); Manhattan travel.
    xy = [(0, 0), (0, 5), (5, 5), (5, 0)]
    matrix = [[abs(x - u) + abs(y - v) for u, v in xy] for x, y in xy]
    visits = (
        Visit("a", 1, 1, ALWAYS, score=1),
        Visit("b", 2, 1, ALWAYS, score=1),
        Visit("c", 3, 1, (TimeWindow(0, c_closes),), score=1),
    )
    return RoutingProblem(matrix, visits, (Tour("day", 0, 0, 0, 1000),))


def _travel(p: RoutingProblem, r: int, route: list[int]) -> int:
    tour = p.tours[r]
    locs = [tour.start_location, *(p.visits[i].location for i in route), tour.end_location]
    return sum(p.travel_times[x][y] for x, y in itertools.pairwise(locs))


def test_tighten_uncrosses_a_tour(everywhere: Callable[[RoutingProblem], list[list[int]]]) -> None:
    p = _square(1000)
    route = [0, 2, 1]  # a, c, b: 5 + 10 + 5 + 10 = 30
    assert LocalSearch(Inserter(p, everywhere(p))).tighten(0, route)
    assert _travel(p, 0, route) == 20 and sorted(route) == [0, 1, 2]
    assert check_solution(p, schedule_routes(p, [route])) == []


def test_tighten_never_takes_a_shorter_order_that_misses_a_window(
    everywhere: Callable[[RoutingProblem], list[list[int]]],
) -> None:
    p = _square(5)  # c must come first: arrival 5 at the earliest
    route = [2, 0, 1]  # c, a, b: 30; of the two loops of 20 only c, b, a keeps c's window
    assert LocalSearch(Inserter(p, everywhere(p))).tighten(0, route)
    assert route == [2, 1, 0]
    assert check_solution(p, schedule_routes(p, [route])) == []


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 10_000), data=st.data())
def test_tighten_keeps_the_visits_shortens_and_stays_feasible(
    everywhere: Callable[[RoutingProblem], list[list[int]]],
    random_problem: Callable[[int], RoutingProblem],
    seed: int,
    data: st.DataObject,
) -> None:
    # breaks, duration limits, max_visits and two windows per visit (see _random_problem)
    p = random_problem(seed % 50)
    ins = Inserter(p, everywhere(p))
    routes = ins.fill([[] for _ in p.tours])
    for r, route in enumerate(routes):
        before = list(route)
        shuffled = data.draw(st.permutations(route))
        if ins.feasible(r, list(shuffled)):
            before = list(shuffled)
        route[:] = before
        changed = LocalSearch(ins).tighten(r, route)
        assert sorted(route) == sorted(before)
        travel = _travel(p, r, route)
        assert travel < _travel(p, r, before) if changed else route == before
    assert check_solution(p, schedule_routes(p, routes)) == []


def test_exchange_swaps_a_visit_for_a_better_one_that_fits_only_alone(
    everywhere: Callable[[RoutingProblem], list[list[int]]], line: Callable[[int], list[list[int]]]
) -> None:
    # a 100-unit day: one 90-unit visit fits, never two
    visits = (
        Visit("low", 1, 90, ALWAYS, score=2),
        Visit("high", 2, 90, ALWAYS, score=5),
        Visit("mid", 3, 90, ALWAYS, score=3),
    )
    p = RoutingProblem(line(4), visits, (Tour("day", 0, 0, 0, 100),))
    moves = LocalSearch(Inserter(p, everywhere(p)))
    routes = [[0]]
    assert moves.exchange(routes)
    assert routes == [[1]]  # the highest score that fits, not the first one better than "low"
    assert check_solution(p, schedule_routes(p, routes)) == []
    assert not moves.exchange(routes)


def test_exchange_keeps_required_visits(
    everywhere: Callable[[RoutingProblem], list[list[int]]], line: Callable[[int], list[list[int]]]
) -> None:
    visits = (
        Visit("must", 1, 90, ALWAYS, score=1, required=True),
        Visit("nice", 2, 90, ALWAYS, score=9),
    )
    p = RoutingProblem(line(3), visits, (Tour("day", 0, 0, 0, 100),))
    routes = [[0]]
    assert not LocalSearch(Inserter(p, everywhere(p))).exchange(routes)
    assert routes == [[0]]
    s = solve(p, FAST)
    assert s.routes == ((0,),) and check_solution(p, s) == []


def test_exchange_skips_a_visit_the_tour_cannot_do_without(
    everywhere: Callable[[RoutingProblem], list[list[int]]],
) -> None:
    # No triangle inequality: the hotel reaches "far" in 100, via "hop" in 2.
    matrix = [[0, 1, 100, 3], [1, 0, 1, 3], [2, 1, 0, 3], [3, 3, 3, 0]]
    visits = (
        Visit("hop", 1, 1, ALWAYS, score=1),
        Visit("far", 2, 1, ALWAYS, score=5),
        Visit("other", 3, 30, ALWAYS, score=3),
    )
    p = RoutingProblem(matrix, visits, (Tour("day", 0, 0, 0, 20),))
    moves = LocalSearch(Inserter(p, everywhere(p)))
    routes = [[0, 1]]  # without "hop", "far" is out of reach; "other" never fits beside them
    assert not moves.exchange(routes)
    assert routes == [[0, 1]]
    assert check_solution(p, schedule_routes(p, routes)) == []

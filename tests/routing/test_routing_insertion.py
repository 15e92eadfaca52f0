"""Iterated insertion with breaks and duration limits: exact feasibility, obvious optima."""

from __future__ import annotations

import itertools
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tourplan.exceptions import DataError
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
from tourplan.routing.insertion import Inserter, insertion_routes, iterated_insertion

ALWAYS = (TimeWindow(0, 10_000),)
FAST = SearchParameters(deterministic=True, iteration_limit=300)


def _line(n: int) -> list[list[int]]:
    return [[abs(i - j) for j in range(n)] for i in range(n)]


def _everywhere(problem: RoutingProblem) -> list[list[int]]:
    return [list(range(len(problem.tours))) for _ in problem.visits]


def _lunch_squeeze() -> RoutingProblem:
    # Without lunch all three fit (180 service + 4 travel <= 200); with a 60-unit lunch the
    # best is {b, c} (80 + 4 + 60 = 144, score 8), not {a} (score 7), and a + b is too long.
    visits = (
        Visit("a", 1, 100, ALWAYS, score=7),
        Visit("b", 2, 40, ALWAYS, score=4),
        Visit("c", 2, 40, ALWAYS, score=4),
    )
    lunch = Break("lunch", 60, 0, 200)
    return RoutingProblem(_line(3), visits, (Tour("day", 0, 0, 0, 200, breaks=(lunch,)),))


def test_insertion_respects_the_break_where_the_relaxation_would_not() -> None:
    p = _lunch_squeeze()
    # a + b: 140 service + 4 travel + 60 lunch = 204 > 200, though it passes the relaxed test.
    routes = insertion_routes(p, _everywhere(p))
    assert routes is not None
    s = schedule_routes(p, routes)  # raises if a break cannot be placed
    assert check_solution(p, s) == []
    assert routes == [[0]]  # greedy: a first (49 / 102 beats 16 / 44), then nothing fits


def test_iterated_insertion_finds_the_obvious_optimum_with_a_break() -> None:
    p = _lunch_squeeze()
    routes = iterated_insertion(p, _everywhere(p), iterations=100, noise=1.0)
    assert routes is not None
    s = schedule_routes(p, routes)
    assert check_solution(p, s) == []
    assert s.score == 8 and sorted(routes[0]) == [1, 2]
    assert solve(p, FAST).score == 8


def test_a_visit_covering_the_whole_break_window_is_never_chosen() -> None:
    # "long" would run 50..260 and hide the lunch window 100..150: no place for lunch.
    visits = (
        Visit("long", 1, 210, (TimeWindow(50, 60),), score=9),
        Visit("short", 2, 10, ALWAYS, score=1),
    )
    lunch = Break("lunch", 30, 100, 150)
    p = RoutingProblem(_line(3), visits, (Tour("day", 0, 0, 0, 400, breaks=(lunch,)),))
    assert Inserter.supports(p)
    routes = iterated_insertion(p, _everywhere(p), iterations=30)
    assert routes == [[1]]
    s = solve(p, FAST)
    assert s.routes == ((1,),) and check_solution(p, s) == []
    (b,) = s.tours[0].breaks
    assert 100 <= b.start <= 150


def test_lunch_fills_the_wait_before_an_afternoon_visit() -> None:
    # Both visits fit only if lunch is taken while waiting for the afternoon opening.
    visits = (
        Visit("morning", 1, 100, (TimeWindow(0, 20),), score=3),
        Visit("afternoon", 2, 100, (TimeWindow(180, 200),), score=3),
    )
    lunch = Break("lunch", 60, 110, 130)
    p = RoutingProblem(_line(3), visits, (Tour("day", 0, 0, 0, 300, breaks=(lunch,)),))
    s = solve(p, FAST)
    assert check_solution(p, s) == []
    assert s.routes == ((0, 1),)
    (b,) = s.tours[0].breaks
    assert b.after == 1 and 110 <= b.start <= 130


def test_duration_limit_is_checked_exactly() -> None:
    # Same place, one window early and one late: together they exceed max_duration 100.
    visits = (
        Visit("early", 1, 10, (TimeWindow(0, 10),), score=2),
        Visit("late", 1, 10, (TimeWindow(500, 510),), score=3),
    )
    p = RoutingProblem(_line(2), visits, (Tour("day", 0, 0, 0, 1000, max_duration=100),))
    routes = iterated_insertion(p, _everywhere(p), iterations=100, noise=1.0)
    assert routes == [[1]]
    s = solve(p, FAST)
    assert s.routes == ((1,),) and check_solution(p, s) == []


def _random_problem(seed: int) -> RoutingProblem:
    rng = random.Random(seed)
    n_loc = 12
    xy = [(rng.randint(0, 40), rng.randint(0, 40)) for _ in range(n_loc)]
    matrix = [[abs(a - c) + abs(b - d) for c, d in xy] for a, b in xy]
    tours = tuple(
        Tour(
            f"day {t}",
            0,
            0,
            t * 1000,
            t * 1000 + 400,
            max_duration=rng.choice([None, 300]),
            max_visits=rng.choice([None, 4]),
            breaks=(Break("lunch", 60, t * 1000 + 150, t * 1000 + 220),),
        )
        for t in range(2)
    )
    visits = []
    for k in range(1, n_loc):
        wins = []
        for t in range(2):
            a = t * 1000 + rng.randint(0, 300)
            wins.append(TimeWindow(a, a + rng.randint(20, 150)))
        visits.append(Visit(f"v{k}", k, rng.randint(10, 60), tuple(wins), rng.randint(1, 9)))
    return RoutingProblem(matrix, tuple(visits), tours)


def test_every_iterated_insertion_plan_with_breaks_schedules_cleanly() -> None:
    for seed in range(8):
        p = _random_problem(seed)
        routes = iterated_insertion(p, _everywhere(p), iterations=40, noise=1.0, seed=seed)
        assert routes is not None
        s = schedule_routes(p, routes)
        assert check_solution(p, s) == []
        assert all(len(ts.breaks) == 1 for ts in s.tours if ts.used)


def test_deterministic_with_breaks() -> None:
    p = _random_problem(3)
    a = solve(p, FAST)
    b = solve(p, FAST)
    assert a.routes == b.routes and a.score == b.score
    assert check_solution(p, a) == []
    ra = iterated_insertion(p, _everywhere(p), iterations=50, noise=1.0, seed=7)
    rb = iterated_insertion(p, _everywhere(p), iterations=50, noise=1.0, seed=7)
    assert ra == rb


def test_search_with_breaks_beats_ortools_alone_on_a_prize_collecting_day() -> None:
    p = _random_problem(5)
    ils = solve(p, FAST)
    ortools = solve(
        p,
        SearchParameters(
            deterministic=True, iteration_limit=300, first_solution="PATH_CHEAPEST_ARC"
        ),
    )
    assert check_solution(p, ils) == [] and check_solution(p, ortools) == []
    assert ils.score >= ortools.score


def test_annealing_finds_the_obvious_optimum_and_is_repeatable() -> None:
    p = _lunch_squeeze()
    runs = [
        iterated_insertion(p, _everywhere(p), iterations=100, noise=1.0, seed=3, temperature=2.0)
        for _ in range(2)
    ]
    assert runs[0] == runs[1]
    assert runs[0] is not None and sorted(runs[0][0]) == [1, 2]


def test_annealing_plans_with_breaks_schedule_cleanly_and_repeat() -> None:
    for seed in range(4):
        p = _random_problem(seed)
        a = iterated_insertion(p, _everywhere(p), iterations=40, seed=seed, temperature=1.0)
        b = iterated_insertion(p, _everywhere(p), iterations=40, seed=seed, temperature=1.0)
        assert a == b and a is not None
        assert check_solution(p, schedule_routes(p, a)) == []


def test_negative_temperature_is_refused() -> None:
    p = _lunch_squeeze()
    with pytest.raises(ValueError, match="temperature"):
        iterated_insertion(p, _everywhere(p), iterations=1, temperature=-1.0)
    with pytest.raises(DataError, match="'temperatures'"):
        SearchParameters(temperatures=(1.0, -0.5))
    with pytest.raises(DataError, match="'temperatures'"):
        SearchParameters(temperatures=())


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
    tours: int, seed: int, data: st.DataObject
) -> None:
    n = 30
    p = _grid_problem(n, tours)
    order = data.draw(st.permutations(range(n)))
    cuts = sorted(data.draw(st.lists(st.integers(0, n), min_size=tours - 1, max_size=tours - 1)))
    bounds = [0, *cuts, n]
    routes = [list(order[a:b]) for a, b in itertools.pairwise(bounds)]
    before = [list(r) for r in routes]
    Inserter(p, _everywhere(p)).remove_strings(routes, random.Random(seed))
    removed = 0
    for old, new in zip(before, routes, strict=True):
        cut = len(old) - len(new)
        assert 0 <= cut <= 10
        # what is left is the old route with one slice taken out
        assert any(old[:k] + old[k + cut :] == new for k in range(len(old) - cut + 1))
        removed += cut
    assert removed >= 1 or not any(before)


def test_rounds_default_to_one_with_insertion_and_must_be_positive() -> None:
    assert SearchParameters().cycles is None
    with pytest.raises(DataError, match="'cycles'"):
        SearchParameters(cycles=0)
    p = _random_problem(2)
    # one round and three explicit rounds both give valid, repeatable plans
    for cycles in (None, 3):
        params = SearchParameters(deterministic=True, iteration_limit=200, cycles=cycles)
        a, b = solve(p, params), solve(p, params)
        assert a.routes == b.routes
        assert check_solution(p, a) == []


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


def test_tighten_uncrosses_a_tour() -> None:
    p = _square(1000)
    route = [0, 2, 1]  # a, c, b: 5 + 10 + 5 + 10 = 30
    assert Inserter(p, _everywhere(p)).tighten(0, route)
    assert _travel(p, 0, route) == 20 and sorted(route) == [0, 1, 2]
    assert check_solution(p, schedule_routes(p, [route])) == []


def test_tighten_never_takes_a_shorter_order_that_misses_a_window() -> None:
    p = _square(5)  # c must come first: arrival 5 at the earliest
    route = [2, 0, 1]  # c, a, b: 30; of the two loops of 20 only c, b, a keeps c's window
    assert Inserter(p, _everywhere(p)).tighten(0, route)
    assert route == [2, 1, 0]
    assert check_solution(p, schedule_routes(p, [route])) == []


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 10_000), data=st.data())
def test_tighten_keeps_the_visits_shortens_and_stays_feasible(
    seed: int, data: st.DataObject
) -> None:
    # breaks, duration limits, max_visits and two windows per visit (see _random_problem)
    p = _random_problem(seed % 50)
    ins = Inserter(p, _everywhere(p))
    routes = ins.fill([[] for _ in p.tours])
    for r, route in enumerate(routes):
        before = list(route)
        shuffled = data.draw(st.permutations(route))
        if ins.feasible(r, list(shuffled)):
            before = list(shuffled)
        route[:] = before
        changed = ins.tighten(r, route)
        assert sorted(route) == sorted(before)
        travel = _travel(p, r, route)
        assert travel < _travel(p, r, before) if changed else route == before
    assert check_solution(p, schedule_routes(p, routes)) == []


def test_exchange_swaps_a_visit_for_a_better_one_that_fits_only_alone() -> None:
    # a 100-unit day: one 90-unit visit fits, never two
    visits = (
        Visit("low", 1, 90, ALWAYS, score=2),
        Visit("high", 2, 90, ALWAYS, score=5),
        Visit("mid", 3, 90, ALWAYS, score=3),
    )
    p = RoutingProblem(_line(4), visits, (Tour("day", 0, 0, 0, 100),))
    ins = Inserter(p, _everywhere(p))
    routes = [[0]]
    assert ins.exchange(routes)
    assert routes == [[1]]  # the highest score that fits, not the first one better than "low"
    assert check_solution(p, schedule_routes(p, routes)) == []
    assert not ins.exchange(routes)


def test_exchange_keeps_required_visits() -> None:
    visits = (
        Visit("must", 1, 90, ALWAYS, score=1, required=True),
        Visit("nice", 2, 90, ALWAYS, score=9),
    )
    p = RoutingProblem(_line(3), visits, (Tour("day", 0, 0, 0, 100),))
    routes = [[0]]
    assert not Inserter(p, _everywhere(p)).exchange(routes)
    assert routes == [[0]]
    s = solve(p, FAST)
    assert s.routes == ((0,),) and check_solution(p, s) == []


def test_exchange_skips_a_visit_the_tour_cannot_do_without() -> None:
    # No triangle inequality: the hotel reaches "far" in 100, via "hop" in 2.
    matrix = [[0, 1, 100, 3], [1, 0, 1, 3], [2, 1, 0, 3], [3, 3, 3, 0]]
    visits = (
        Visit("hop", 1, 1, ALWAYS, score=1),
        Visit("far", 2, 1, ALWAYS, score=5),
        Visit("other", 3, 30, ALWAYS, score=3),
    )
    p = RoutingProblem(matrix, visits, (Tour("day", 0, 0, 0, 20),))
    ins = Inserter(p, _everywhere(p))
    routes = [[0, 1]]  # without "hop", "far" is out of reach; "other" never fits beside them
    assert not ins.exchange(routes)
    assert routes == [[0, 1]]
    assert check_solution(p, schedule_routes(p, routes)) == []


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 10_000), temperature=st.sampled_from([0.0, 1.0, 5.0]))
def test_restarts_happen_and_the_best_plan_of_all_starts_is_returned(
    seed: int, temperature: float
) -> None:
    p = _random_problem(seed % 50)
    seen: list[tuple[int, int]] = []
    starts = 0
    improve = Inserter.improve

    def spy(self: Inserter, routes: list[list[int]], floor: int) -> tuple[int, int]:
        nonlocal starts
        value = improve(self, routes, floor)
        starts += floor == 0  # the first construction and every restart
        seen.append(value)
        return value

    try:
        Inserter.improve = spy  # type: ignore[method-assign]
        routes = iterated_insertion(
            p, _everywhere(p), iterations=200, seed=seed, noise=0.5, temperature=temperature
        )
    finally:
        Inserter.improve = improve  # type: ignore[method-assign]
    assert routes is not None
    s = schedule_routes(p, routes)
    assert check_solution(p, s) == []
    if s.score < sum(v.score for v in p.visits):  # not stopped early by taking every place
        assert starts >= 2
    assert Inserter(p, _everywhere(p)).value(routes) == max(seen)


def test_only_a_matrix_with_the_triangle_inequality_lets_insertion_prune() -> None:
    p = _random_problem(0)  # Manhattan distances, positive service
    assert Inserter(p, _everywhere(p)).metric
    # 0 -> 2 directly (10) takes longer than through 1 (1 + service 1 + 1)
    detour = [[0, 1, 10], [1, 0, 1], [10, 1, 0]]
    visits = (Visit("a", 1, 1, ALWAYS, 1), Visit("b", 2, 1, ALWAYS, 1))
    q = RoutingProblem(detour, visits, (Tour("day", 0, 0, 0, 100),))
    assert not Inserter(q, _everywhere(q)).metric


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10_000), data=st.data())
def test_pruned_insertion_inserts_exactly_what_the_full_one_does(
    seed: int, data: st.DataObject
) -> None:
    # breaks, duration limits, max_visits, two windows per visit; random partial plans
    p = _random_problem(seed % 50)
    pruned, full = Inserter(p, _everywhere(p)), Inserter(p, _everywhere(p))
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

"""Decomposition (routing/decompose.py): two tours searched again with the others fixed.

The phase never loses value, keeps required visits and groups, returns valid plans, and its
sub-problem never holds a place a fixed tour visits (nor another member of a group a fixed tour
serves)."""

from __future__ import annotations

import random
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tourplan.exceptions import DataError
from tourplan.routing import (
    Group,
    IteratedSearchParams,
    RoutingProblem,
    SearchParameters,
    TimeWindow,
    Tour,
    Visit,
    check_solution,
    schedule_routes,
    solve,
)
from tourplan.routing.decompose import decompose, interaction, sub_problem
from tourplan.routing.insertion import Inserter, routes_value
from tourplan.routing.pool import RoutePool, tour_classes
from tourplan.routing.solution import schedule_tour


def _problem(seed: int) -> RoutingProblem:
    """Three or four tours, windows, some tours a visit may not use, groups (some required),
    required visits."""
    rng = random.Random(seed)
    n_loc = rng.randint(10, 22)
    xy = [(rng.randint(0, 50), rng.randint(0, 50)) for _ in range(n_loc)]
    matrix = [[abs(a - c) + abs(b - d) for c, d in xy] for a, b in xy]
    n_tours = rng.randint(3, 4)
    tours = tuple(
        Tour(f"day {t}", 0, 0, 0, rng.choice([150, 250]), max_visits=rng.choice([None, 3]))
        for t in range(n_tours)
    )
    visits = []
    for k in range(1, n_loc):
        a = rng.randint(0, 150)
        tours_of = frozenset(rng.sample(range(n_tours), rng.randint(1, n_tours)))
        visits.append(
            Visit(
                f"v{k}",
                k,
                rng.randint(5, 40),
                (TimeWindow(a, a + rng.randint(30, 200)),),
                rng.randint(0, 9),
                required=k <= 2 and rng.random() < 0.5,
                tours=tours_of if rng.random() < 0.3 else None,
            )
        )
    groups = []
    free = list(range(2, len(visits)))
    rng.shuffle(free)
    while len(free) >= 3 and rng.random() < 0.7:
        members = (free.pop(), free.pop(), free.pop())
        groups.append(Group(f"g{len(groups)}", members, required=rng.random() < 0.3))
    return RoutingProblem(matrix, tuple(visits), tours, tuple(groups))


def _allowed(p: RoutingProblem) -> list[list[int]]:
    return [[t for t in range(len(p.tours)) if v.allows(t)] for v in p.visits]


def _plan(p: RoutingProblem, allowed: list[list[int]], seed: int) -> list[list[int]]:
    ins = Inserter(p, allowed)
    routes: list[list[int]] = [[] for _ in p.tours]
    ins.seed_required(routes)
    ins.noise = 1.0 + (2 * np.random.default_rng(seed).random(ins.n) - 1)
    ins.fill(routes)
    return routes


def _valid(p: RoutingProblem, routes: list[list[int]]) -> None:
    flat = [i for r in routes for i in r]
    assert len(flat) == len(set(flat))  # no place twice
    solution = schedule_routes(p, routes)
    assert check_solution(p, solution) == []
    for group in p.groups:
        assert sum(i in solution.visited for i in group.visits) <= 1


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 100_000), pick=st.integers(0, 5))
def test_the_sub_problem_leaks_no_place_of_a_fixed_tour(seed: int, pick: int) -> None:
    p = _problem(seed)
    allowed = _allowed(p)
    routes = _plan(p, allowed, seed)
    pairs = [(a, b) for a in range(len(p.tours)) for b in range(a + 1, len(p.tours))]
    chosen = pairs[pick % len(pairs)]
    sub = sub_problem(p, allowed, routes, chosen)
    fixed = {i for t, r in enumerate(routes) if t not in chosen for i in r}
    served = {p.group_of(i) for i in fixed} - {None}
    assert not fixed.intersection(sub.visits)
    assert not {p.group_of(i) for i in sub.visits} & served
    # the chosen tours' visits are all there, with their required flags
    assert sub.lift(sub.start, routes) == routes
    for j, i in enumerate(sub.visits):
        assert sub.problem.visits[j].required == p.visits[i].required
        assert [sub.tours[k] for k in sub.allowed[j]] == [t for t in allowed[i] if t in chosen]
    for group in sub.problem.groups:  # a group keeps its flag when no fixed tour serves it
        whole = next(g for g in p.groups if g.id == group.id)
        assert group.required == whole.required
        assert all(sub.visits[j] in whole.visits for j in group.visits)


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 100_000), runs=st.integers(1, 4), size=st.integers(2, 3))
def test_decomposition_never_loses_value_and_keeps_plans_valid(
    seed: int, runs: int, size: int
) -> None:
    p = _problem(seed)
    allowed = _allowed(p)
    routes = _plan(p, allowed, seed)
    assume(check_solution(p, schedule_routes(p, routes)) == [])  # a valid plan to start from
    before = [list(r) for r in routes]
    pool = RoutePool(tour_classes(p, allowed))
    better = decompose(p, allowed, routes, runs=runs, shakes=30, size=size, seed=seed, pool=pool)
    assert routes == before  # the input plan is not changed
    assert routes_value(p, better) >= routes_value(p, routes)
    _valid(p, better)
    held = {i for r in better for i in r}
    for i in {i for r in routes for i in r}:
        g = p.group_of(i)
        if p.visits[i].required:
            assert i in held
        elif g is not None and p.groups[g].required:  # a required group stays served
            assert held.intersection(p.groups[g].visits)
    for tour in pool.tours():  # the tours offered for recombination are feasible for their day
        day = next(t for t in range(len(p.tours)) if tour_classes(p, allowed)[t] == tour.tour_class)
        assert all(day in allowed[i] for i in tour.visits)
        schedule_tour(p, day, list(tour.visits))  # raises if the day cannot hold it


def test_decomposition_finds_an_exchange_of_places_between_two_tours() -> None:
    # The far place fits only the long tour, which holds the near place; the short tour holds
    # the mid place. Each tour holds one visit: the best plan moves near into the short tour
    # (mid is dropped) and far into the long one, a change of tours 0 and 1 at once.
    matrix = [[abs(i - j) * 10 for j in range(6)] for i in range(6)]
    both = frozenset({0, 1})
    visits = (
        Visit("far", 4, 10, (TimeWindow(0, 1000),), score=5, tours=both),
        Visit("near", 1, 10, (TimeWindow(0, 1000),), score=4, tours=both),
        Visit("mid", 2, 10, (TimeWindow(0, 1000),), score=3, tours=both),
        Visit("x", 5, 10, (TimeWindow(0, 1000),), score=1, tours=frozenset({2})),
    )
    tours = (
        Tour("short", 0, 0, 0, 50, max_visits=1),
        Tour("long", 0, 0, 0, 200, max_visits=1),
        Tour("other", 0, 0, 0, 200, max_visits=1),
    )
    p = RoutingProblem(matrix, visits, tours)
    allowed = _allowed(p)
    routes = [[2], [1], [3]]
    better = decompose(p, allowed, routes, runs=6, shakes=20, seed=1)
    assert better == [[1], [0], [3]]
    _valid(p, better)


def test_tours_with_nothing_to_hold_are_skipped() -> None:
    # tours 0 and 1 may hold nothing the fixed tours do not visit: their sub-problem is empty
    matrix = [[abs(i - j) for j in range(4)] for i in range(4)]
    late = frozenset({2, 3})
    visits = tuple(
        Visit(f"v{k}", k, 1, (TimeWindow(0, 100),), score=1, tours=late) for k in range(1, 4)
    )
    tours = tuple(Tour(f"t{t}", 0, 0, 0, 100) for t in range(4))
    p = RoutingProblem(matrix, visits, tours)
    routes = [[], [], [0, 1], [2]]
    assert decompose(p, _allowed(p), routes, runs=8, shakes=10) == routes


def test_fewer_than_three_tours_are_left_alone() -> None:
    p = _problem(3)
    two = RoutingProblem(
        p.travel_times,
        tuple(Visit(v.id, v.location, v.service, v.windows, v.score) for v in p.visits[:5]),
        p.tours[:2],
    )
    routes = _plan(two, _allowed(two), 0)
    assert decompose(two, _allowed(two), routes, runs=3) == routes


def test_decomposition_is_repeatable_and_needs_a_bound() -> None:
    p = _problem(11)
    allowed = _allowed(p)
    routes = _plan(p, allowed, 0)
    a = decompose(p, allowed, routes, runs=3, shakes=40, seed=5)
    b = decompose(p, allowed, routes, runs=3, shakes=40, seed=5)
    assert a == b
    with pytest.raises(ValueError, match="until or runs"):
        decompose(p, allowed, routes)


def test_interaction_counts_tours_whose_places_are_mixed() -> None:
    # tours 0 and 1 alternate along a line; tour 2 is far away
    far = [[100 if (a >= 7) != (b >= 7) else 0 for b in range(9)] for a in range(9)]
    matrix = [[abs(a - b) + far[a][b] for b in range(9)] for a in range(9)]
    visits = tuple(Visit(f"v{k}", k, 1, (TimeWindow(0, 1000),), 1) for k in range(1, 9))
    tours = tuple(Tour(f"t{t}", 0, 0, 0, 1000) for t in range(3))
    p = RoutingProblem(matrix, visits, tours)
    counts = interaction(p, [[0, 2, 4], [1, 3, 5], [6, 7]])
    assert (counts == counts.T).all()
    assert counts[0, 1] > counts[0, 2]


def test_solve_with_decomposition_is_deterministic_and_valid() -> None:
    p = _problem(7)
    params = SearchParameters(
        deterministic=True,
        iteration_limit=600,
        ils=IteratedSearchParams(decompose=0.5, decompose_shakes=20),
    )
    first, second = solve(p, params), solve(p, params)
    assert first.routes == second.routes
    assert check_solution(p, first) == []


@pytest.mark.parametrize(
    ("fields", "name"),
    [
        ({"decompose": 1.0}, "decompose"),
        ({"decompose": -0.1}, "decompose"),
        ({"decompose_shakes": 0}, "decompose_shakes"),
        ({"decompose_shakes": True}, "decompose_shakes"),
        ({"decompose_tours": 1}, "decompose_tours"),
    ],
)
def test_decomposition_parameters_are_checked(fields: dict[str, object], name: str) -> None:
    with pytest.raises(DataError, match=name):
        IteratedSearchParams(**fields)  # type: ignore[arg-type]


@settings(max_examples=12, deadline=None)
@given(seed=st.integers(0, 100_000), settle=st.integers(1, 30))
def test_decomposition_after_a_stall_is_valid_and_repeatable(seed: int, settle: int) -> None:
    p = _problem(seed)
    allowed = _allowed(p)
    routes = _plan(p, allowed, seed)
    assume(check_solution(p, schedule_routes(p, routes)) == [])  # the required visits fit
    params = SearchParameters(
        deterministic=True,
        iteration_limit=900,
        seed=seed % 7,
        ils=IteratedSearchParams(decompose_stall=settle, decompose_shakes=20, stall=None),
    )
    first, second = solve(p, params), solve(p, params)
    assert first.routes == second.routes
    assert check_solution(p, first) == []
    _valid(p, [list(r) for r in first.routes])


def test_the_search_stops_stalled_and_only_then_decomposition_runs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The iterated search hands over after ``settle`` shakes without gain (``"stalled"``); the
    solver then decomposes; with ``decompose_stall=0`` it never does."""
    from tourplan.routing import solver as solver_module
    from tourplan.routing.ils import iterated_insertion

    why: list[str] = []
    for seed in range(40):  # a problem whose reachable score is not all collected at once
        p = _problem(seed)
        allowed = _allowed(p)
        why.clear()
        iterated_insertion(p, allowed, iterations=10_000, seed=0, settle=5, stopped=why)
        if why == ["stalled"]:
            break
    assert why == ["stalled"]
    why.clear()
    iterated_insertion(p, allowed, iterations=50, seed=0, stopped=why)
    assert why == ["iteration_limit"]

    calls: list[int | None] = []
    real = solver_module.decompose

    def spy(*args: object, **kwargs: object) -> object:
        calls.append(kwargs["runs"])  # type: ignore[arg-type]
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(solver_module, "decompose", spy)
    ils = IteratedSearchParams(stall=None, decompose_shakes=20, decompose_stall=0)
    params = SearchParameters(deterministic=True, iteration_limit=900, ils=ils)
    solve(p, params)
    assert calls == []
    # a search with a stall budget stops where it stalls: no decomposition then either
    solve(p, replace(params, ils=replace(ils, decompose_stall=3, stall=1000)))
    assert calls == []
    stalled = replace(params, ils=replace(ils, decompose_stall=3))
    solution = solve(p, stalled)
    assert calls and all(runs is not None and runs >= 1 for runs in calls)
    assert check_solution(p, solution) == []


@pytest.mark.parametrize("bad", [-1, True, 1.5])
def test_decompose_stall_is_checked(bad: object) -> None:
    with pytest.raises(DataError, match="decompose_stall"):
        IteratedSearchParams(decompose_stall=bad)  # type: ignore[arg-type]
    assert IteratedSearchParams().decompose_stall == 200  # on by default (docs/benchmarks.md)

"""Penalised time windows (:mod:`tourplan.routing.warp`): the segment arithmetic agrees with a
plain scan of the route, repaired plans are feasible and keep required visits and groups, a
search with warp shakes never ends below its start, and runs are repeatable."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tourplan.exceptions import DataError
from tourplan.routing import (
    Break,
    Group,
    IteratedSearchParams,
    RoutingProblem,
    TimeWindow,
    Tour,
    Visit,
    check_solution,
    schedule_routes,
)
from tourplan.routing.ils import iterated_insertion
from tourplan.routing.insertion import Inserter, routes_value
from tourplan.routing.moves import LocalSearch
from tourplan.routing.warp import (
    WarpSearch,
    _Route,
    merge,
    repair,
    route_warp,
    scan_warp,
    supports,
)


def _problem(seed: int, *, groups: bool = True) -> RoutingProblem:
    """One window per visit, 1-3 tours without breaks or duration limits (some with a visit
    limit, some ending elsewhere), tours a visit may not use, a required visit, and groups of
    alternatives (one of them required)."""
    rng = random.Random(seed)
    n_loc = rng.randint(6, 18)
    xy = [(rng.randint(0, 50), rng.randint(0, 50)) for _ in range(n_loc)]
    matrix = [[abs(a - c) + abs(b - d) for c, d in xy] for a, b in xy]
    n_tours = rng.randint(1, 3)
    tours = tuple(
        Tour(
            f"t{t}",
            0,
            rng.choice([0, 1]),
            rng.randint(0, 50),
            rng.randint(250, 500),
            max_visits=rng.choice([None, None, 3]),
        )
        for t in range(n_tours)
    )
    visits = []
    for k in range(1, n_loc):
        a = rng.randint(0, 350)
        window = TimeWindow(a, a + rng.randint(0, 120))
        required = k == 1
        if required:  # fits every tour alone
            window = TimeWindow(0, 600)
        tours_of = frozenset(rng.sample(range(n_tours), rng.randint(1, n_tours)))
        visits.append(
            Visit(
                f"v{k}",
                k,
                rng.randint(5, 40),
                (window,),
                score=rng.randint(0, 9),
                required=required,
                tours=None if required or rng.random() < 0.6 else tours_of,
            )
        )
    group_list: list[Group] = []
    if groups and len(visits) >= 6:
        group_list = [
            Group("g0", (2, 3)),
            Group("g1", (4, 5), required=rng.random() < 0.5),
        ]
    return RoutingProblem(matrix, tuple(visits), tours, groups=tuple(group_list))


def _allowed(p: RoutingProblem) -> list[list[int]]:
    return [[t for t in range(len(p.tours)) if v.allows(t)] for v in p.visits]


def _random_routes(ins: Inserter, rng: random.Random) -> list[list[int]]:
    """Any routes (late arrivals allowed) honouring allowed tours, visit limits and groups."""
    p = ins.problem
    routes: list[list[int]] = [[] for _ in p.tours]
    order = list(range(ins.n))
    rng.shuffle(order)
    order.sort(key=lambda i: not p.must_keep(i))  # what must stay goes in first
    used_groups: set[int] = set()
    for i in order:
        g = p.group_of(i)
        if g is not None and g in used_groups:
            continue
        tours = [t for t in range(len(p.tours)) if ins.allowed[t, i]]
        if not tours or (not p.must_keep(i) and rng.random() < 0.3):
            continue
        t = rng.choice(tours)
        limit = p.tours[t].max_visits
        if limit is not None and p.counted(routes[t]) >= limit:
            continue
        routes[t].insert(rng.randint(0, len(routes[t])), i)
        if g is not None:
            used_groups.add(g)
    return routes


def _setup(seed: int) -> tuple[RoutingProblem, Inserter, LocalSearch, WarpSearch]:
    p = _problem(seed)
    ins = Inserter(p, _allowed(p))
    search = LocalSearch(ins)
    return p, ins, search, WarpSearch(search)


def test_merge_examples() -> None:
    # start at 5 at the latest, arrive at 25, the window opens at 30: wait 5, no warp
    assert merge((10, 0, 0, 5), (5, 0, 30, 40), 10) == (30, 0, 5, 5)
    # arrive at 20, window closed at 15: 5 of time warp
    assert merge((10, 0, 0, 0), (5, 0, 0, 15), 10)[1] == 5


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 10**6), st.integers(0, 10**6))
def test_segments_agree_with_a_plain_scan(seed: int, draw: int) -> None:
    _p, ins, _, ws = _setup(seed)
    assert supports(ins)
    rng = random.Random(draw)
    routes = _random_routes(ins, rng)
    for r, route in enumerate(routes):
        assert route_warp(ins, r, route) == scan_warp(ins, r, route)
        assert (route_warp(ins, r, route) == 0) == ins.feasible(r, route)
        s = _Route(ws, r, list(route))
        assert s.travel == ins.travel(r, route)
        # every insertion, removal, replacement and move within the route, predicted in O(1)
        # from the prefix and suffix segments, equals a scan of the changed route
        for u in range(ins.n):
            if u in route:
                continue
            for q in range(len(route) + 1):
                changed = [*route[:q], u, *route[q:]]
                got = ws._insert(s, q, u)
                assert got == (ins.travel(r, changed), scan_warp(ins, r, changed))
            for q in range(len(route)):
                changed = [*route[:q], u, *route[q + 1 :]]
                got = ws._insert(s, q, u, q + 1)
                assert got == (ins.travel(r, changed), scan_warp(ins, r, changed))
        for q in range(len(route)):
            changed = route[:q] + route[q + 1 :]
            assert ws._remove(s, q) == (ins.travel(r, changed), scan_warp(ins, r, changed))
            for to in range(len(route) + 1):
                if to in (q, q + 1):
                    continue
                changed = list(route)
                del changed[q]
                changed.insert(to if to < q else to - 1, route[q])
                got = ws._within(s, q, to)
                assert got == (ins.travel(r, changed), scan_warp(ins, r, changed))


def _must(p: RoutingProblem, routes: list[list[int]]) -> set[object]:
    """Required visits, and required groups served (by any member), in ``routes``."""
    found: set[object] = set()
    for i in (i for route in routes for i in route if p.must_keep(i)):
        g = p.group_of(i)
        found.add(i if g is None else ("group", g))
    return found


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 10**6), st.integers(0, 10**6))
def test_repair_gives_feasible_plans_keeping_required_visits(seed: int, draw: int) -> None:
    p, ins, search, _ = _setup(seed)
    routes = _random_routes(ins, random.Random(draw))
    before = [list(r) for r in routes]
    if repair(search, routes):
        assert all(ins.feasible(r, route) for r, route in enumerate(routes))
        assert _must(p, routes) == _must(p, before)
        assert all(set(a) <= set(b) for a, b in zip(routes, before, strict=True))
        assert check_solution(p, schedule_routes(p, routes)) == []
    else:  # only when a tour is late with the visits that must stay alone
        assert routes == before
        assert any(
            scan_warp(ins, r, [i for i in route if p.must_keep(i)]) > 0
            for r, route in enumerate(before)
        )


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10**6), st.integers(0, 10**6))
def test_penalised_descent_then_repair_keeps_plans_valid(seed: int, draw: int) -> None:
    p, ins, _search, ws = _setup(seed)
    rng = random.Random(draw)
    routes: list[list[int]] = [[] for _ in p.tours]
    ins.seed_required(routes)
    ins.fill(routes)
    start = [list(r) for r in routes]
    ws.lam = ws.big / rng.choice([1, 10, 100, 1000])
    valid = check_solution(p, schedule_routes(p, start)) == []
    if ws.shake(routes, rng):
        assert all(ins.feasible(r, route) for r, route in enumerate(routes))
        assert _must(p, routes) == _must(p, start)
        assert not valid or check_solution(p, schedule_routes(p, routes)) == []
    else:
        assert routes == start


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10**6), st.sampled_from([1, 2, 3]))
def test_search_with_warp_never_ends_below_its_start_and_repeats(seed: int, every: int) -> None:
    p = _problem(seed)
    allowed = _allowed(p)
    ins = Inserter(p, allowed)
    start: list[list[int]] = [[] for _ in p.tours]
    ins.seed_required(start)
    ins.fill(start)
    runs = [
        iterated_insertion(p, allowed, start=start, iterations=30, seed=seed, warp=every)
        for _ in range(2)
    ]
    assert runs[0] == runs[1]
    found = runs[0]
    assert found is not None
    assert routes_value(p, found) >= routes_value(p, start)
    assert _must(p, found) >= _must(p, start)
    if check_solution(p, schedule_routes(p, start)) == []:
        assert check_solution(p, schedule_routes(p, found)) == []


def test_unsupported_problems_never_run_it() -> None:
    # a break, or two windows for a visit: time warp no longer decides feasibility
    matrix = [[0, 5], [5, 0]]
    visit = Visit("a", 1, 10, (TimeWindow(0, 100),), score=3)
    lunch = Break("lunch", 30, 40, 80)
    with_break = RoutingProblem(matrix, (visit,), (Tour("t", 0, 0, 0, 200, breaks=(lunch,)),))
    two = Visit("a", 1, 10, (TimeWindow(0, 10), TimeWindow(50, 60)), score=3)
    two_windows = RoutingProblem(matrix, (two,), (Tour("t", 0, 0, 0, 200),))
    limited = RoutingProblem(matrix, (visit,), (Tour("t", 0, 0, 0, 200, max_duration=90),))
    for problem in (with_break, two_windows, limited):
        ins = Inserter(problem, [[0]])
        assert not supports(ins)
        plans = [iterated_insertion(problem, [[0]], iterations=20, seed=1, warp=w) for w in (0, 1)]
        assert plans[0] == plans[1]


def test_warp_lets_a_better_place_in_through_a_late_plan() -> None:
    # A tour of 100 units holds a (score 3) at 10-40 or b (score 5) at 10-40, not both; the
    # plan [a] is a local optimum of moves that stay feasible only if b cannot be swapped in
    # directly; with a penalty the descent puts b in late and the repair drops a.
    matrix = [[0, 10, 10], [10, 0, 1], [10, 1, 0]]
    a = Visit("a", 1, 60, (TimeWindow(10, 40),), score=3)
    b = Visit("b", 2, 60, (TimeWindow(10, 40),), score=5)
    p = RoutingProblem(matrix, (a, b), (Tour("t", 0, 0, 0, 100),))
    ins = Inserter(p, [[0], [0]])
    ws = WarpSearch(LocalSearch(ins))
    routes = [[0]]
    ws.lam = 1.0
    assert ws.shake(routes, random.Random(0))
    assert routes == [[1]]


@pytest.mark.parametrize("value", [-1, True, 1.5])
def test_warp_field_is_checked(value: object) -> None:
    with pytest.raises(DataError, match="warp"):
        IteratedSearchParams(warp=value)  # type: ignore[arg-type]

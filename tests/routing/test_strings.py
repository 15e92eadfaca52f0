"""String moves between tours (routing/strings.py): tails (2-opt*) and CROSS-exchange."""

from __future__ import annotations

import random
from itertools import pairwise

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tourplan.exceptions import DataError
from tourplan.routing import (
    Break,
    Group,
    RoutingProblem,
    TimeWindow,
    Tour,
    Visit,
    check_solution,
    schedule_routes,
    strings,
)
from tourplan.routing.ils import iterated_insertion
from tourplan.routing.insertion import Inserter, routes_value
from tourplan.routing.moves import LocalSearch
from tourplan.routing.params import IteratedSearchParams
from tourplan.routing.strings import Move, apply_move, string_insert, string_moves


def _allowed(p: RoutingProblem) -> list[list[int]]:
    return [[t for t in range(len(p.tours)) if v.allows(t)] for v in p.visits]


def _problem(seed: int, *, exact: bool = True) -> RoutingProblem:
    """Two to four tours with their own start and end places and windows (so that a tail
    moved to another tour ends elsewhere, later or sooner), visits with one or two windows,
    some tours a visit may not use, visit limits, groups and a required visit; with ``exact``
    also breaks and duration limits."""
    rng = random.Random(seed)
    n_loc = rng.randint(8, 18)
    xy = [(rng.randint(0, 40), rng.randint(0, 40)) for _ in range(n_loc)]
    matrix = [[abs(a - c) + abs(b - d) + (1 if a > c else 0) for c, d in xy] for a, b in xy]
    n_tours = rng.randint(2, 4)
    tours = []
    for t in range(n_tours):
        begin = rng.randint(0, 60)
        tours.append(
            Tour(
                f"t{t}",
                rng.choice([0, 0, 1, 2]),
                rng.choice([0, 0, 3, 4]),
                begin,
                begin + rng.randint(150, 400),
                max_duration=rng.choice([None, None, 250]) if exact else None,
                max_visits=rng.choice([None, None, 4]),
                breaks=(Break("lunch", 30, 120, 200),) if exact and rng.random() < 0.4 else (),
            )
        )
    visits = []
    for k in range(5, n_loc):
        a = rng.randint(0, 300)
        wins = [TimeWindow(a, a + rng.randint(30, 200))]
        if rng.random() < 0.3:
            wins.append(TimeWindow(wins[0].end + 20, wins[0].end + 120))
        tours_ok = frozenset(rng.sample(range(n_tours), rng.randint(1, n_tours)))
        visits.append(
            Visit(
                f"v{k}",
                k,
                rng.randint(5, 40),
                tuple(wins),
                rng.randint(0, 9),
                required=k == 5 and rng.random() < 0.5,
                tours=tours_ok if rng.random() < 0.3 else None,
            )
        )
    groups = []
    free = list(range(1, len(visits)))
    rng.shuffle(free)
    while len(free) >= 2 and rng.random() < 0.5:
        members = (free.pop(), free.pop())
        groups.append(Group(f"g{len(groups)}", members, required=rng.random() < 0.3))
    return RoutingProblem(matrix, tuple(visits), tuple(tours), tuple(groups))


def _plan(p: RoutingProblem, seed: int) -> tuple[Inserter, list[list[int]]]:
    """A valid plan: insertion, then a few visits dropped at random (room for moves). Random
    problems whose required visits do not fit are left out (``assume``)."""
    ins = Inserter(p, _allowed(p))
    routes: list[list[int]] = [[] for _ in p.tours]
    ins.seed_required(routes)
    ins.fill(routes)
    assume(check_solution(p, schedule_routes(p, routes)) == [])
    rng = random.Random(seed)
    keep = ins.keep_mask()
    for r, route in enumerate(routes):
        for k in sorted(rng.sample(range(len(route)), len(route) // 3), reverse=True):
            if not keep[route[k]]:
                del route[k]
        assert ins.feasible(r, route)
    assert check_solution(p, schedule_routes(p, routes)) == []
    return ins, routes


def _travel(ins: Inserter, r: int, route: list[int]) -> int:
    tour = ins.problem.tours[r]
    locs = [tour.start_location, *(ins.loc_list[v] for v in route), tour.end_location]
    return sum(ins.tt_list[x][y] for x, y in pairwise(locs))


def _relaxed_ok(ins: Inserter, r: int, route: list[int]) -> bool:
    limit = ins.problem.tours[r].max_visits
    return (
        all(ins.allowed[r, v] for v in route)
        and (limit is None or len(route) <= limit)
        and ins.forward(r, route) is not None
    )


def _reference(ins: Inserter, routes: list[list[int]]) -> set[tuple[int, Move]]:
    """Every tail and CROSS move, built by brute force, kept if both new routes pass the
    relaxed test from scratch, with its travel added computed from scratch. A CROSS move at
    positions ``i`` of ``a`` and ``j`` of ``b`` exists when ``b[j]`` alone can follow
    ``a[:i]`` in tour ``a`` (the move's new arc, whatever the strings)."""
    out: set[tuple[int, Move]] = set()
    old = [_travel(ins, r, route) for r, route in enumerate(routes)]
    for a, ra in enumerate(routes):
        for b, rb in enumerate(routes):
            if a == b:
                continue
            for i in range(1, len(ra) + 1):
                for j in range(len(rb)):
                    moves: list[Move] = [(0, a, i, 0, b, j, 0, 0)]
                    if ins.allowed[a, rb[j]] and _arrives(ins, a, ra, i, rb[j]):
                        for k in range(min(3, len(ra) - i) + 1):
                            for m in range(1, min(3, len(rb) - j) + 1):
                                for flip in range(4):
                                    if max(k, m) < 2 or (flip & 1 and m < 2):
                                        continue
                                    if flip & 2 and k < 2:
                                        continue
                                    moves.append((1, a, i, k, b, j, m, flip))
                    for move in moves:
                        new_a, new_b = apply_move(routes, move)
                        if _relaxed_ok(ins, a, new_a) and _relaxed_ok(ins, b, new_b):
                            added = (
                                _travel(ins, a, new_a) + _travel(ins, b, new_b) - old[a] - old[b]
                            )
                            out.add((added, move))
    return out


def _arrives(ins: Inserter, r: int, route: list[int], i: int, v: int) -> bool:
    """Whether visit ``v`` can start within a window right after ``route[:i]`` in tour ``r``
    (whatever comes after it)."""
    ends = ins.forward(r, route)
    assert ends is not None
    prev = ins.problem.tours[r].start_location if i == 0 else ins.loc_list[route[i - 1]]
    return ins._start(v, ends[i] + ins.tt_list[prev][ins.loc_list[v]]) is not None


@settings(max_examples=80, deadline=None)
@given(seed=st.integers(0, 100_000), exact=st.booleans())
def test_moves_agree_with_brute_force(seed: int, exact: bool) -> None:
    p = _problem(seed, exact=exact)
    ins, routes = _plan(p, seed)
    saved = strings._NEAR
    strings._NEAR = ins.n  # every visit of another tour is near: the whole neighbourhood
    try:
        found = string_moves(ins, routes, LocalSearch(ins).nearest)
    finally:
        strings._NEAR = saved
    assert len(found) == len(set(found))  # no move twice
    assert set(found) == _reference(ins, routes)
    assert [added for added, _ in found] == sorted(added for added, _ in found)


@settings(max_examples=80, deadline=None)
@given(seed=st.integers(0, 100_000), shorter=st.booleans())
def test_string_insert_keeps_plans_valid_and_never_loses_score(seed: int, shorter: bool) -> None:
    p = _problem(seed)
    ins, routes = _plan(p, seed)
    search = LocalSearch(ins)
    keep = ins.keep_mask()
    for _ in range(8):
        before = routes_value(p, routes)
        planned = {v for route in routes for v in route}
        if not string_insert(ins, routes, search.nearest, shorter=shorter):
            break
        after = routes_value(p, routes)
        now = {v for route in routes for v in route}
        assert planned <= now  # no visit leaves: required visits and groups stay
        assert after[0] >= before[0]
        if now == planned:  # no place let in: only with shorter, and travel saved
            assert shorter and after[0] == before[0] and after[1] > before[1]
        else:
            assert len(now) == len(planned) + 1
        assert all(keep[v] <= (v in now) for v in planned)
        assert check_solution(p, schedule_routes(p, routes)) == []
    # LocalSearch.between with the string moves: never worse either
    search.strings = 2 if shorter else 1
    before = routes_value(p, routes)
    assert search.between(routes) >= before
    assert check_solution(p, schedule_routes(p, routes)) == []


def test_string_moves_do_happen() -> None:
    # on some of these random plans a string move lets a place in (the test above is not empty)
    made = 0
    for seed in range(60):
        p = _problem(seed)
        ins = Inserter(p, _allowed(p))
        routes: list[list[int]] = [[] for _ in p.tours]
        ins.fill(routes)
        for route in routes:
            del route[::3]
        before = routes_value(p, routes)[0]
        if string_insert(ins, routes, LocalSearch(ins).nearest):
            made += 1
            assert routes_value(p, routes)[0] >= before
    assert made >= 3


def test_one_tour_has_no_string_move() -> None:
    p = RoutingProblem(
        [[0, 1], [1, 0]],
        (Visit("a", 1, 1, (TimeWindow(0, 100),), score=1),),
        (Tour("t", 0, 0, 0, 100),),
    )
    ins = Inserter(p, _allowed(p))
    assert not string_insert(ins, [[0]], LocalSearch(ins).nearest)


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 100_000))
def test_iterated_search_with_strings_is_deterministic_and_valid(seed: int) -> None:
    p = _problem(seed)
    allowed = _allowed(p)
    _plan(p, seed)  # (leaves out problems whose required visits do not fit)
    pay = strings.PAY_VISITS
    strings.PAY_VISITS = 0  # short tours: else the rule (strings_pay) skips every string move
    try:
        runs = [
            iterated_insertion(p, allowed, iterations=30, seed=seed, temperature=1.0, strings=2)
            for _ in range(2)
        ]
    finally:
        strings.PAY_VISITS = pay
    assert runs[0] == runs[1]
    assert runs[0] is not None
    assert check_solution(p, schedule_routes(p, runs[0])) == []


@pytest.mark.parametrize("bad", [3, -1, True, 1.5])
def test_strings_field_is_checked(bad: object) -> None:
    with pytest.raises(DataError, match="strings"):
        IteratedSearchParams(strings=bad)  # type: ignore[arg-type]
    assert IteratedSearchParams().strings == 1  # on by default (docs/benchmarks.md)


def test_a_tail_ends_at_its_new_tours_end() -> None:
    # tour 0 ends far away (x = 200), tour 1 back at the depot by 100: tour 1 may hand its
    # last visit w to tour 0 (tails after q and after p), but only if what stays in tour 1
    # is checked against tour 1's end, not tour 0's
    xs = [0, 200, 190, 10, 20]  # depot, end of tour 0, q, p, w
    matrix = [[abs(x - y) for y in xs] for x in xs]
    always = (TimeWindow(0, 1000),)
    visits = tuple(
        Visit(name, loc, 0, always, score=1) for name, loc in (("q", 2), ("p", 3), ("w", 4))
    )
    tours = (Tour("far", 0, 1, 0, 1000), Tour("home", 0, 0, 0, 100))
    p = RoutingProblem(matrix, visits, tours)
    ins = Inserter(p, _allowed(p))
    routes = [[0], [1, 2]]
    found = dict(
        (move, added) for added, move in string_moves(ins, routes, LocalSearch(ins).nearest)
    )
    tails = (0, 0, 1, 0, 1, 1, 0, 0)
    assert tails in found
    assert apply_move(routes, tails) == ([0, 2], [1])
    # q -> w -> far end (170 + 180) and p -> home (10), against q -> far end (10) and
    # p -> w -> home (10 + 20)
    assert found[tails] == 170 + 180 + 10 - 10 - 30


def test_the_solver_passes_the_setting_to_the_search(monkeypatch: pytest.MonkeyPatch) -> None:
    """``SearchParameters(ils=IteratedSearchParams(strings=...))`` reaches the iterated search
    (the field did nothing until solver.py passed it on)."""
    from tourplan.routing import SearchParameters, solve
    from tourplan.routing import solver as solver_module

    seen: list[object] = []
    real = solver_module.iterated_insertion_job

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(kwargs.get("strings"))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(solver_module, "iterated_insertion_job", spy)
    params = SearchParameters(deterministic=True, ils=IteratedSearchParams(strings=2))
    solve(_problem(3, exact=False), params)
    assert seen and set(seen) == {2}


@settings(max_examples=100, deadline=None)
@given(lengths=st.lists(st.integers(0, 30), min_size=1, max_size=7), least=st.integers(0, 20))
def test_string_moves_pay_on_long_tours_only(lengths: list[int], least: int) -> None:
    """The rule: two used tours or more, holding ``least`` visits or more on average."""
    routes = [list(range(n)) for n in lengths]
    used = [n for n in lengths if n]
    expected = len(used) >= 2 and sum(used) / len(used) >= least
    assert strings.strings_pay(routes, least) == expected
    assert strings.strings_pay(routes) == strings.strings_pay(routes, strings.PAY_VISITS)


def test_the_local_search_builds_string_moves_only_where_they_pay(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Short tours (below ``PAY_VISITS``): no string move is built; long ones: they are.
    Fails if the rule is inverted or ignored."""
    from tourplan.routing import moves

    calls: list[int] = []

    def spy(ins: Inserter, routes: list[list[int]], *args: object, **kwargs: object) -> bool:
        calls.append(len(routes))
        return False

    monkeypatch.setattr(moves, "string_insert", spy)
    n = 2 * strings.PAY_VISITS + 4
    matrix = [[abs(a - b) for b in range(n + 1)] for a in range(n + 1)]
    visits = tuple(Visit(f"v{k}", k, 1, (TimeWindow(0, 10_000),), 1) for k in range(1, n + 1))
    p = RoutingProblem(matrix, visits, (Tour("a", 0, 0, 0, 10_000), Tour("b", 0, 0, 0, 10_000)))
    search = LocalSearch(Inserter(p, _allowed(p)))
    search.strings = 1
    half = strings.PAY_VISITS
    short = [list(range(half - 1)), list(range(half - 1, 2 * half - 2))]
    assert not search._strings(short) and calls == []
    long = [list(range(half)), list(range(half, 2 * half))]
    assert not search._strings(long) and calls == [2]

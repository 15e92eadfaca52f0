"""The start of compact tours (``IteratedSearchParams.petals`` and ``petal_round``,
:mod:`tourplan.routing.petals`): plans stay valid with their required visits and groups, are
repeatable per seed, each petal is one cluster of places, and the solver starts from it only when
asked (the first round with ``petals``, the second with ``petal_round``), keeping its best plan."""

from __future__ import annotations

import math
import random
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tourplan.routing import (
    IteratedSearchParams,
    RoutingProblem,
    SearchParameters,
    TimeWindow,
    Tour,
    Visit,
    check_solution,
    solve,
)
from tourplan.routing import petals as petals_module
from tourplan.routing import recombine as recombine_module
from tourplan.routing import solver as solver_module
from tourplan.routing.insertion import routes_value
from tourplan.routing.petals import petal_start, petals

from .test_exchange import _allowed, _check_plan, _random_problem


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 100_000))
def test_a_petal_start_is_a_valid_plan_with_required_visits_and_groups(seed: int) -> None:
    p = _random_problem(seed)
    routes = petal_start(p, _allowed(p), seed)
    assert routes == petal_start(p, _allowed(p), seed)  # repeatable per seed
    _check_plan(p, routes)


def _four_clusters(jitter_seed: int) -> RoutingProblem:
    """Five places in each of four directions, 100 units from the depot; four long tours."""
    rng = random.Random(jitter_seed)
    xy = [(0.0, 0.0)]
    for dx, dy in ((1, 0), (0, 1), (-1, 0), (0, -1)):
        xy += [(100 * dx + rng.uniform(-3, 3), 100 * dy + rng.uniform(-3, 3)) for _ in range(5)]
    tt = [[round(math.dist(a, b)) for b in xy] for a in xy]
    day = (TimeWindow(0, 5000),)
    visits = [Visit(f"v{k}", k, 10, day, score=1 + k % 3) for k in range(1, len(xy))]
    return RoutingProblem(tt, visits, tuple(Tour(f"t{t}", 0, 0, 0, 5000) for t in range(4)))


@pytest.mark.parametrize("seed", [0, 1, 2, 3, 4])
def test_each_petal_is_one_cluster(seed: int) -> None:
    # the seeds are far apart (one per direction) and each place detours least to its own
    # direction's seed: the four petals are the four clusters, whatever the first seed drawn
    part = petals(_four_clusters(seed), random.Random(seed))
    clusters = [set(part[5 * c : 5 * c + 5]) for c in range(4)]
    assert all(len(c) == 1 for c in clusters)
    assert len(set().union(*clusters)) == 4


def test_the_tours_of_a_petal_start_do_not_mix_clusters() -> None:
    # every tour could serve places of several directions (the day is long); insertion by
    # score per added time alone would mix them, the petals keep each tour in one direction
    p = _four_clusters(7)
    routes = petal_start(p, _allowed(p), 7)
    assert sorted(i for r in routes for i in r) == list(range(20))
    assert all(len({i // 5 for i in r}) == 1 for r in routes if r)


@pytest.mark.parametrize("petals_on", [True, False])
def test_the_solver_starts_from_petals_only_when_asked(
    monkeypatch: pytest.MonkeyPatch, petals_on: bool
) -> None:
    calls: list[Any] = []
    real = petals_module.petal_start

    def spy(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(petals_module, "petal_start", spy)
    p = _random_problem(5)
    params = SearchParameters(
        deterministic=True,
        iteration_limit=60,
        seed=3,
        ils=IteratedSearchParams(petals=petals_on, petal_round=False),
    )
    first = solve(p, params)
    assert check_solution(p, first) == []
    _check_plan(p, [list(r) for r in first.routes])
    assert len(calls) == (1 if petals_on else 0)
    assert solve(p, params).routes == first.routes  # repeatable


def _spy_petal_starts(monkeypatch: pytest.MonkeyPatch, start: Any = None) -> list[int]:
    """Record the seed of every petal start the solver asks for (``start``: what it gets)."""
    seeds: list[int] = []
    real = petals_module.petal_start

    def spy(problem: RoutingProblem, allowed: Any, seed: int = 0) -> Any:
        seeds.append(seed)
        return real(problem, allowed, seed) if start is None else start(problem)

    monkeypatch.setattr(petals_module, "petal_start", spy)
    return seeds


@pytest.mark.parametrize("on", [True, False])
def test_the_second_round_starts_from_petals_only_when_asked(
    monkeypatch: pytest.MonkeyPatch, on: bool
) -> None:
    seeds = _spy_petal_starts(monkeypatch)
    p = _random_problem(5)  # two or three tours: rounds with recombination between them
    params = SearchParameters(
        deterministic=True, iteration_limit=90, seed=3, ils=IteratedSearchParams(petal_round=on)
    )
    first = solve(p, params)
    assert check_solution(p, first) == []
    _check_plan(p, [list(r) for r in first.routes])
    assert seeds == ([4] if on else [])  # once, in the second round, with the next seed
    assert solve(p, params).routes == first.routes  # repeatable


def test_each_cycle_draws_its_own_petals(monkeypatch: pytest.MonkeyPatch) -> None:
    # with several cycles, each cycle's second round starts from other compact tours (the
    # cycle's seeds, as its workers'), not the same petal plan again
    seeds = _spy_petal_starts(monkeypatch)
    p = _random_problem(5)
    params = SearchParameters(deterministic=True, iteration_limit=120, seed=3, cycles=2)
    assert check_solution(p, solve(p, params)) == []
    assert seeds == [4, 1004]


def test_one_tour_has_no_second_round_to_start_from_petals(monkeypatch: pytest.MonkeyPatch) -> None:
    seeds = _spy_petal_starts(monkeypatch)
    p = _four_clusters(3)
    p = RoutingProblem(p.travel_times, p.visits, p.tours[:1])
    params = SearchParameters(
        deterministic=True, iteration_limit=60, ils=IteratedSearchParams(petal_round=True)
    )
    assert check_solution(p, solve(p, params)) == []
    assert seeds == []


def test_a_round_that_ends_below_the_best_plan_does_not_replace_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the second round starts from empty tours and its search gives them back as they are:
    # recombination (and the rounds after it) must still get the first round's plan
    empty: list[list[int]] = []
    _spy_petal_starts(monkeypatch, start=lambda q: empty)
    real_search = solver_module.iterated_insertion_job

    def search(problem: RoutingProblem, allowed: Any, **kw: Any) -> Any:
        if kw["start"] is empty:
            return [[] for _ in problem.tours], None, "converged"
        return real_search(problem, allowed, **kw)

    handed: list[tuple[int, int]] = []
    real_recombine = recombine_module.recombine

    def recombine(problem: RoutingProblem, allowed: Any, routes: Any, *rest: Any) -> Any:
        handed.append(routes_value(problem, routes))
        return real_recombine(problem, allowed, routes, *rest)

    monkeypatch.setattr(solver_module, "iterated_insertion_job", search)
    monkeypatch.setattr(recombine_module, "recombine", recombine)
    p = _four_clusters(1)
    params = SearchParameters(
        deterministic=True, iteration_limit=60, ils=IteratedSearchParams(petal_round=True)
    )
    solution = solve(p, params)
    assert check_solution(p, solution) == []
    assert len(handed) >= 2 and handed[0][0] > 0
    assert handed == sorted(handed)  # never below the round before

"""The start of compact tours (``IteratedSearchParams.petals``, :mod:`tourplan.routing.petals`):
plans stay valid with their required visits and groups, are repeatable per seed, each petal is
one cluster of places, and the solver starts from it only when asked."""

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
from tourplan.routing import solver as solver_module
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
    real = solver_module.petal_start

    def spy(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(solver_module, "petal_start", spy)
    p = _random_problem(5)
    params = SearchParameters(
        deterministic=True, iteration_limit=60, seed=3, ils=IteratedSearchParams(petals=petals_on)
    )
    first = solve(p, params)
    assert check_solution(p, first) == []
    _check_plan(p, [list(r) for r in first.routes])
    assert len(calls) == (1 if petals_on else 0)
    assert solve(p, params).routes == first.routes  # repeatable

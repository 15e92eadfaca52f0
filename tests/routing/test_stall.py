"""The stall budget of the iterated search (``routing/stall.py``, ``IteratedSearchParams.adapt``):
the flat budget is the rule it always was, the adaptive one waits ``adapt`` times the shakes the
search took to find its best plan, plans stay valid with their required visits and groups, and
runs are repeatable per seed."""

from __future__ import annotations

import random
from typing import Any

import pytest
from hypothesis import given, settings
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
    ils,
    solve,
)
from tourplan.routing.ils import iterated_insertion
from tourplan.routing.stall import STALL_TOUR, StallBudget

from .test_exchange import _allowed, _check_plan, _random_problem


def _long_problem(seed: int) -> RoutingProblem:
    """One or two tours over 60 places on a line, windows wide enough for tours of more than
    20 visits, a required visit and a group of alternatives (required for odd seeds)."""
    rng = random.Random(seed)
    n = 61
    xs = [0] + [rng.randint(0, 300) for _ in range(n - 1)]
    matrix = [[abs(a - b) for b in xs] for a in xs]
    tours = tuple(Tour(f"t{t}", 0, 0, 0, 2000) for t in range(rng.randint(1, 2)))
    visits = []
    for k in range(1, n):
        a = rng.randint(0, 1500)
        visits.append(
            Visit(
                f"v{k}",
                k,
                rng.randint(5, 30),
                (TimeWindow(a, a + rng.randint(200, 600)),),
                rng.randint(1, 9),
                required=k == 1,
            )
        )
    visits[0] = Visit("v1", 1, 10, (TimeWindow(0, 2000),), 1, required=True)
    groups = (Group("g", (2, 3), required=seed % 2 == 1),)
    return RoutingProblem(matrix, tuple(visits), tours, groups)


_PLAN = st.lists(st.lists(st.integers(0, 9), max_size=80), min_size=1, max_size=4)


@given(
    stall=st.integers(1, 5000),
    last_gain=st.integers(0, 20_000),
    since=st.integers(0, 20_000),
    best=_PLAN,
)
def test_the_flat_budget_is_the_old_rule(
    stall: int, last_gain: int, since: int, best: list[list[int]]
) -> None:
    budget = StallBudget(stall, None, 0.0)
    long_tours = max(1.0, max(map(len, best)) / STALL_TOUR)
    it = last_gain + since
    assert (budget.stop(it, last_gain, best) == "converged") == (since >= stall * long_tours)
    assert budget.restart_due(it, last_gain, last_gain, best) == (since > stall // 4)


@given(
    stall=st.integers(1, 5000),
    adapt=st.floats(0.1, 5.0),
    last_gain=st.integers(0, 20_000),
    since=st.integers(0, 40_000),
    best=_PLAN,
)
def test_the_adaptive_budget_waits_for_the_shakes_the_best_plan_took(
    stall: int, adapt: float, last_gain: int, since: int, best: list[list[int]]
) -> None:
    flat, grown = StallBudget(stall, None, 0.0), StallBudget(stall, None, adapt)
    it = last_gain + since
    if max(map(len, best)) <= STALL_TOUR:  # short tours (trip plans) keep the flat budget
        assert grown.stop(it, last_gain, best) == flat.stop(it, last_gain, best)
        assert grown.restart_due(it, 0, last_gain, best) == flat.restart_due(it, 0, last_gain, best)
        return
    if since < adapt * last_gain:
        assert grown.stop(it, last_gain, best) is None
    if flat.stop(it, last_gain, best) is None:
        assert grown.stop(it, last_gain, best) is None  # never stops sooner than the flat one
    if grown.stop(it, last_gain, best) is None:
        assert since < max(adapt * last_gain, stall * max(1.0, max(map(len, best)) / STALL_TOUR))
    # restarts after a quarter of the grown budget
    limit = grown.limit(last_gain, best)
    assert grown.restart_due(it, last_gain, last_gain, best) == (since > limit / 4)


def test_settle_still_stops_a_stalled_search() -> None:
    budget = StallBudget(1000, 200, 2.0)
    assert budget.stop(199, 0, [[1, 2]]) is None
    assert budget.stop(200, 0, [[1, 2]]) == "stalled"


@settings(max_examples=12, deadline=None)
@given(seed=st.integers(0, 100_000), adapt=st.sampled_from([0.5, 1.0, 3.0]))
def test_adaptive_plans_are_valid_with_required_visits_and_groups(seed: int, adapt: float) -> None:
    p = _long_problem(seed) if seed % 3 else _random_problem(seed)
    allowed = _allowed(p)
    kwargs: dict[str, Any] = {"iterations": 60, "seed": seed, "stall": 8, "adapt": adapt}
    best = iterated_insertion(p, allowed, temperature=1.0, **kwargs)
    assert best is not None
    assert best == iterated_insertion(p, allowed, temperature=1.0, **kwargs)  # repeatable
    _check_plan(p, best)


@pytest.mark.parametrize("seed", [8, 9, 11])
def test_the_search_stops_only_when_the_grown_budget_is_spent(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a spy on the rule the search consults: the search ends converged at the first shake
    # where the grown budget is spent, not at the flat budget
    seen: list[tuple[int, int, float]] = []

    class Spy(StallBudget):
        __slots__ = ()

        def stop(self, it: int, last_gain: int, best: Any) -> str | None:
            seen.append((it, last_gain, self.limit(last_gain, best)))
            return super().stop(it, last_gain, best)

    monkeypatch.setattr(ils, "StallBudget", Spy)
    p = _long_problem(seed)
    stopped: list[str] = []
    iterated_insertion(
        p, _allowed(p), iterations=5000, seed=seed, stall=5, adapt=4.0, stopped=stopped
    )
    it, last_gain, limit = seen[-1]
    assert stopped == ["converged"] and last_gain > 2  # the best came late: the budget grew
    assert limit == max(5, 4.0 * last_gain) and it - last_gain == int(-(-limit // 1))
    assert all(i - g < lim for i, g, lim in seen[:-1])


def test_the_solver_passes_adapt_on(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[float] = []

    class Spy(StallBudget):
        __slots__ = ()

        def __init__(self, stall: int, settle: int | None, adapt: float) -> None:
            made.append(adapt)
            super().__init__(stall, settle, adapt)

    monkeypatch.setattr(ils, "StallBudget", Spy)
    p = _random_problem(3)
    params = SearchParameters(
        deterministic=True, iteration_limit=60, ils=IteratedSearchParams(adapt=2.5)
    )
    _check_plan(p, [list(r) for r in solve(p, params).routes])
    assert made and set(made) == {2.5}


def test_adapt_is_a_number_at_least_zero() -> None:
    assert IteratedSearchParams().adapt == 0.0
    for bad in (-1, True, float("nan")):
        with pytest.raises(DataError, match="field 'adapt'"):
            IteratedSearchParams(adapt=bad)

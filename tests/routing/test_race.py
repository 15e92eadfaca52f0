"""The race of starts in the iterated search (``IteratedSearchParams.race``): plans stay
valid with their required visits and groups, runs are repeatable per seed, and the search goes
on from the best start's plan with the rest of the budget."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tourplan.exceptions import DataError
from tourplan.routing import IteratedSearchParams, ils
from tourplan.routing.ils import iterated_insertion
from tourplan.routing.insertion import routes_value

from .test_exchange import _allowed, _check_plan, _random_problem


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 100_000), race=st.integers(2, 4))
def test_a_race_gives_valid_plans_with_required_visits_and_groups(seed: int, race: int) -> None:
    p = _random_problem(seed)
    allowed = _allowed(p)
    kwargs: dict[str, Any] = {"iterations": 40, "seed": seed, "temperature": 1.0, "race": race}
    best = iterated_insertion(p, allowed, **kwargs)
    assert best is not None and best == iterated_insertion(p, allowed, **kwargs)
    _check_plan(p, best)


@pytest.mark.parametrize("seed", [0, 3, 11])
def test_no_race_below_two_starts(seed: int) -> None:
    p = _random_problem(seed)
    allowed = _allowed(p)
    plain = iterated_insertion(p, allowed, iterations=50, seed=seed)
    assert iterated_insertion(p, allowed, iterations=50, seed=seed, race=1) == plain


def test_the_search_goes_on_from_the_best_start(monkeypatch: pytest.MonkeyPatch) -> None:
    # the starts run with seeds of their own and no start plan, and share 40 % of the
    # iterations; the rest goes to one search from the best start's plan, with the seed
    p = _random_problem(18)  # its starts end with different scores, the best neither first nor last
    allowed = _allowed(p)
    calls: list[dict[str, Any]] = []
    results: list[list[list[int]]] = []
    real = ils.iterated_insertion

    def spy(*args: Any, **kwargs: Any) -> Any:
        calls.append(dict(kwargs))
        routes = real(*args, **kwargs)
        results.append(routes)
        return routes

    monkeypatch.setattr(ils, "iterated_insertion", spy)
    final = real(p, allowed, iterations=40, seed=7, race=4)
    assert len(calls) == 5
    starts, rest = calls[:4], calls[4]
    assert len({c["seed"] for c in starts}) == 4 and 7 not in {c["seed"] for c in starts}
    assert all(c.get("start") is None and c["iterations"] == 4 for c in starts)
    values = [routes_value(p, r) for r in results[:4]]
    assert values[-1] < max(values) and values[0] < max(values)
    assert rest["seed"] == 7 and rest["iterations"] == 24
    assert rest["start"] == results[values.index(max(values))]
    assert final == results[4] and routes_value(p, final) >= max(values)


def test_a_convergence_budget_is_shared_as_time_is(monkeypatch: pytest.MonkeyPatch) -> None:
    # with a stall budget (shakes without gain) each start gets its share of it and the
    # search that goes on the rest: a converging race costs what one search costs, not race + 1
    p = _random_problem(18)
    calls: list[dict[str, Any]] = []
    real = ils.iterated_insertion

    def spy(*args: Any, **kwargs: Any) -> Any:
        calls.append(dict(kwargs))
        return real(*args, **kwargs)

    monkeypatch.setattr(ils, "iterated_insertion", spy)
    real(p, _allowed(p), seconds=0.5, seed=3, race=4, stall=1000)
    assert [c["stall"] for c in calls] == [100, 100, 100, 100, 600]


def test_a_race_needs_a_whole_number_of_starts() -> None:
    assert IteratedSearchParams(race=4).race == 4
    for bad in (-1, True, 2.5):
        with pytest.raises(DataError, match="field 'race'"):
            IteratedSearchParams(race=bad)  # type: ignore[arg-type]


def test_the_solver_races_only_in_a_timed_search(monkeypatch: pytest.MonkeyPatch) -> None:
    # with a stall budget (the library's default) the search stops where it stalls: no race
    from tourplan.routing import SearchParameters, race, solve

    calls: list[int] = []
    real = race.race_of_starts

    def spy(*args: Any, **kwargs: Any) -> Any:
        calls.append(args[1])
        return real(*args, **kwargs)

    monkeypatch.setattr(race, "race_of_starts", spy)
    p = _random_problem(18)
    params = SearchParameters(deterministic=True, iteration_limit=300)
    assert IteratedSearchParams().race == 3 and params.ils.stall is not None
    solve(p, params)
    assert calls == []
    timed = SearchParameters(
        deterministic=True, iteration_limit=300, ils=IteratedSearchParams(stall=None)
    )
    _check_plan(p, [list(r) for r in solve(p, timed).routes])
    assert calls and set(calls) == {3}

"""Visits that do not count against ``max_visits`` (``Visit.counts=False``).

A long stay split by lunch is one stop in two parts: its second part must not use up one of the
day's stops. Every layer that reads ``max_visits`` is checked: the Inserter, the OR-Tools model,
the validator and the explainer.
"""

from __future__ import annotations

import pytest

from tourplan.exceptions import DataError
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
from tourplan.routing.exchange import best_position
from tourplan.routing.explain import explain_infeasible
from tourplan.routing.insertion import Inserter, insertion_routes
from tourplan.routing.ortools_model import OrToolsModel

ALWAYS = (TimeWindow(0, 1000),)
PARAMS = SearchParameters(deterministic=True, iteration_limit=100)
MATRIX = [[0, 10, 10], [10, 0, 5], [10, 5, 0]]


def _problem(*, counts: bool, max_visits: int = 1) -> RoutingProblem:
    """Two visits at one place (the second carries the first on) and a third elsewhere."""
    visits = (
        Visit("stay", 1, 60, ALWAYS, score=10),
        Visit("stay, after lunch", 1, 60, ALWAYS, score=5, counts=counts),
        Visit("elsewhere", 2, 60, ALWAYS, score=4),
    )
    return RoutingProblem(MATRIX, visits, (Tour("day", 0, 0, 0, 1000, max_visits=max_visits),))


def test_a_visit_that_does_not_count_joins_a_full_tour() -> None:
    counting = solve(_problem(counts=True), PARAMS)
    assert counting.score == 10  # one stop: the best visit alone
    problem = _problem(counts=False)
    solution = solve(problem, PARAMS)
    assert check_solution(problem, solution) == []
    assert solution.score == 15
    assert sorted(solution.routes[0]) == [0, 1]


def test_the_inserter_honours_counts() -> None:
    (route,) = insertion_routes(_problem(counts=False), [[0], [0], [0]]) or [[]]
    assert sorted(route) == [0, 1]
    (route,) = insertion_routes(_problem(counts=True), [[0], [0], [0]]) or [[]]
    assert route == [0]


@pytest.mark.parametrize("counts", [True, False])
def test_the_ortools_model_honours_counts(counts: bool) -> None:
    model = OrToolsModel(_problem(counts=counts))
    model.close(PARAMS)
    model.search(PARAMS, "GUIDED_LOCAL_SEARCH", None, 0.0, 1)
    routes = model.best_routes()
    assert routes is not None
    assert sorted(routes[0]) == ([0] if counts else [0, 1])


def test_the_validator_counts_only_visits_that_count() -> None:
    problem = _problem(counts=False)
    assert check_solution(problem, schedule_routes(problem, [[0, 1]])) == []
    bad = schedule_routes(_problem(counts=False, max_visits=2), [[0, 1, 2]])
    assert any("2 visits that count > max_visits 1" in p for p in check_solution(problem, bad))


def test_the_explainer_counts_only_required_visits_that_count() -> None:
    visits = (
        Visit("stay", 1, 60, ALWAYS, score=10, required=True),
        Visit("stay, after lunch", 1, 60, ALWAYS, score=5, required=True, counts=False),
    )
    problem = RoutingProblem(MATRIX, visits, (Tour("day", 0, 0, 0, 1000, max_visits=1),))
    assert explain_infeasible(problem) == []
    assert solve(problem, PARAMS).score == 15


def test_counts_must_be_a_bool() -> None:
    with pytest.raises(DataError, match="counts"):
        Visit("v", 1, 1, ALWAYS, score=1, counts=1)  # type: ignore[arg-type]


def test_moves_between_tours_let_a_visit_that_does_not_count_into_a_full_tour() -> None:
    # best_position (relocations, swaps, exchanges) read len(route) against max_visits: a full
    # tour refused a visit that does not count
    for counts, expected in ((False, True), (True, False)):
        problem = _problem(counts=counts)
        ins = Inserter(problem, [[0], [0], [0]])
        assert (best_position(ins, 0, [0], 1) is not None) is expected
        assert best_position(ins, 0, [0], 2) is None  # "elsewhere" counts: the tour is full

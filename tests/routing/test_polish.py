"""OR-Tools' polish after the iterated search: off by default (OR-Tools' routing solver is then
never loaded), on when asked, and never worse than the plan it starts from."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings

from tourplan.exceptions import DataError, InfeasibleError
from tourplan.routing import (
    OrToolsParams,
    RoutingProblem,
    SearchParameters,
    TimeWindow,
    Tour,
    Visit,
    check_solution,
    solve,
)
from tourplan.routing import solver as solver_module

from .test_properties import problems

DETERMINISTIC = SearchParameters(deterministic=True, iteration_limit=100)
POLISHED = SearchParameters(
    deterministic=True, iteration_limit=100, ortools=OrToolsParams(polish=True)
)


def _line(tours: int) -> RoutingProblem:
    """Five places on a line, each worth its distance from the depot; 100 s per tour."""
    always = (TimeWindow(0, 10_000),)
    visits = tuple(Visit(f"v{k}", k, 20, always, score=k) for k in range(1, 6))
    matrix = [[abs(i - j) * 5 for j in range(6)] for i in range(6)]
    return RoutingProblem(matrix, visits, tuple(Tour(f"t{t}", 0, 0, 0, 100) for t in range(tours)))


def test_the_default_search_never_builds_the_ortools_model(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    built: list[object] = []
    monkeypatch.setattr(solver_module._LazyModel, "get", lambda self: built.append(self))
    for params in (DETERMINISTIC, SearchParameters(time_limit=0.3)):
        problem = _line(2)
        solution = solve(problem, params)
        assert check_solution(problem, solution) == []
        assert solution.score == 15  # all five fit in two tours
        assert solution.status == "feasible"
    assert built == []


@pytest.mark.parametrize("tours", [1, 2])
def test_the_default_search_does_not_import_ortools_routing_solver(tours: int) -> None:
    # what halves the peak memory: OR-Tools' routing solver is not even loaded (one tour loads
    # no OR-Tools at all; several tours load CP-SAT for route recombination)
    code = textwrap.dedent(
        f"""
        import sys
        from tourplan.routing import RoutingProblem, SearchParameters, TimeWindow, Tour, Visit
        from tourplan.routing import check_solution, solve
        always = (TimeWindow(0, 10_000),)
        visits = tuple(Visit(f"v{{k}}", k, 20, always, score=k) for k in range(1, 6))
        matrix = [[abs(i - j) * 5 for j in range(6)] for i in range(6)]
        tours = tuple(Tour(f"t{{t}}", 0, 0, 0, 100) for t in range({tours}))
        problem = RoutingProblem(matrix, visits, tours)
        solution = solve(problem, SearchParameters(deterministic=True, iteration_limit=60))
        assert check_solution(problem, solution) == []
        print(sorted(m for m in sys.modules if m.startswith("ortools.constraint_solver")))
        print("ortools" in sys.modules)
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    routing_solver, any_ortools = done.stdout.split("\n")[:2]
    assert routing_solver == "[]"
    assert any_ortools == ("True" if tours > 1 else "False")


def test_a_problem_where_nothing_fits_gets_an_empty_plan_without_ortools() -> None:
    problem = RoutingProblem(
        [[0, 500], [500, 0]],
        (Visit("far", 1, 20, (TimeWindow(0, 10_000),), score=3),),
        (Tour("day", 0, 0, 0, 100),),
    )
    for params in (DETERMINISTIC, SearchParameters(time_limit=0.2), POLISHED):
        solution = solve(problem, params)
        assert [list(r) for r in solution.routes] == [[]]
        assert solution.score == 0
        assert check_solution(problem, solution) == []


def test_polish_must_be_a_bool() -> None:
    with pytest.raises(DataError, match="'polish'"):
        OrToolsParams(polish="yes")  # type: ignore[arg-type]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_the_polish_only_ever_improves_the_plan(problem: RoutingProblem) -> None:
    # Deterministic: the iterated search runs the same shakes with or without the polish, and
    # the polish's plan is kept only if it is better once scheduled exactly.
    try:
        plain = solve(problem, DETERMINISTIC)
    except InfeasibleError:
        plain = None
    try:
        polished = solve(problem, POLISHED)
    except InfeasibleError:
        assert plain is None  # the polish never loses a plan the search found
        return
    assert check_solution(problem, polished) == []
    if plain is not None:
        assert check_solution(problem, plain) == []
        assert (polished.score, -polished.travel_time) >= (plain.score, -plain.travel_time)

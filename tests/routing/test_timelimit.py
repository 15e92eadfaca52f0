"""What keeps the time limit: the vectorised allowed tours, and the OR-Tools phase skipped
when its model cannot pay off (no timing asserts here: bench/timelimit.py measures)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from tourplan.exceptions import InfeasibleError
from tourplan.routing import (
    RoutingProblem,
    SearchParameters,
    TimeWindow,
    Tour,
    Visit,
    check_solution,
    fits_alone,
    solve,
)
from tourplan.routing import solver as solver_module
from tourplan.routing.explain import allowed_tours

from .test_properties import problems


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_allowed_tours_is_the_fits_alone_loop(problem: RoutingProblem) -> None:
    expected = [
        [
            t
            for t, tour in enumerate(problem.tours)
            if v.allows(t) and fits_alone(problem, v, tour) is None
        ]
        for v in problem.visits
    ]
    assert allowed_tours(problem) == expected


def _two_days() -> RoutingProblem:
    always = (TimeWindow(0, 10_000),)
    visits = tuple(Visit(f"v{k}", k, 20, always, score=k) for k in range(1, 6))
    matrix = [[abs(i - j) * 5 for j in range(6)] for i in range(6)]
    return RoutingProblem(matrix, visits, (Tour("a", 0, 0, 0, 100), Tour("b", 0, 0, 0, 100)))


def test_an_unaffordable_ortools_model_is_never_built(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    built: list[object] = []
    real = solver_module._LazyModel.get

    def spy(self: object) -> object:
        built.append(self)
        return real(self)  # type: ignore[arg-type]

    monkeypatch.setattr(solver_module._LazyModel, "get", spy)
    monkeypatch.setattr(solver_module, "_BUILD_PER_NODE2", 1e6)  # "a model takes forever"
    problem = _two_days()
    solution = solve(problem, SearchParameters(time_limit=0.3, workers=1))
    assert built == []
    assert solution.status == "feasible"
    assert check_solution(problem, solution) == []
    assert solution.score == 15  # all five fit: the iterated search alone finds it


def test_a_deterministic_search_asked_to_polish_always_polishes(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tourplan.routing import OrToolsParams

    built: list[object] = []
    real = solver_module._LazyModel.get

    def spy(self: object) -> object:
        built.append(self)
        return real(self)  # type: ignore[arg-type]

    monkeypatch.setattr(solver_module._LazyModel, "get", spy)
    monkeypatch.setattr(solver_module, "_BUILD_PER_NODE2", 1e6)  # however costly the model
    problem = _two_days()
    params = SearchParameters(
        deterministic=True, iteration_limit=60, ortools=OrToolsParams(polish=True)
    )
    first = solve(problem, params)
    again = solve(problem, params)
    assert built  # the polish ran
    assert first.routes == again.routes
    assert check_solution(problem, first) == []


def test_ortools_alone_still_builds_its_model_first() -> None:
    problem = _two_days()
    params = SearchParameters(time_limit=0.5, workers=1)
    from tourplan.routing import OrToolsParams

    ortools_only = SearchParameters(
        time_limit=params.time_limit,
        workers=1,
        ortools=OrToolsParams(first_solution="PATH_CHEAPEST_ARC"),
    )
    try:
        solution = solve(problem, ortools_only)
    except InfeasibleError as exc:  # pragma: no cover - a plan exists
        raise AssertionError(exc) from exc
    assert check_solution(problem, solution) == []
    assert solution.score == 15

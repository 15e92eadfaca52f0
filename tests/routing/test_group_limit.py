"""Groups with a limit above one: at most ``limit`` members, never two in one tour."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tourplan.exceptions import DataError, InfeasibleError
from tourplan.routing import (
    Group,
    RoutingProblem,
    SearchParameters,
    check_solution,
    schedule_routes,
    solve,
)
from tourplan.routing.ortools_model import OrToolsModel

from .test_properties import problems

PARAMS = SearchParameters(deterministic=True, iteration_limit=100)


@st.composite
def grouped(draw: st.DrawFn) -> RoutingProblem:
    problem = draw(problems())
    free = [i for i, v in enumerate(problem.visits) if not v.required]
    if len(free) < 2:
        return problem
    members = draw(st.lists(st.sampled_from(free), min_size=2, max_size=4, unique=True))
    limit = draw(st.integers(1, 3))
    group = Group("g", tuple(members), required=draw(st.booleans()), limit=limit)
    return dataclasses.replace(problem, groups=(group,))


def _tours_of(problem: RoutingProblem, routes: list[list[int]]) -> list[int]:
    (group,) = problem.groups
    return [t for t, route in enumerate(routes) for i in route if i in group.visits]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(grouped())
def test_every_answer_keeps_the_limit_and_one_member_per_tour(problem: RoutingProblem) -> None:
    try:
        solution = solve(problem, PARAMS)
    except InfeasibleError:
        return
    assert check_solution(problem, solution) == []
    if problem.groups:
        tours = _tours_of(problem, [[v.visit for v in t.visits] for t in solution.tours])
        assert len(tours) == len(set(tours)) <= problem.groups[0].limit


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(grouped())
def test_the_ortools_model_keeps_the_limit(problem: RoutingProblem) -> None:
    model = OrToolsModel(problem)
    model.close(PARAMS)
    model.search(PARAMS, "GUIDED_LOCAL_SEARCH", None, 0.0, 1)
    routes = model.best_routes()
    if routes is None or not problem.groups:
        return
    tours = _tours_of(problem, routes)
    assert len(tours) == len(set(tours)) <= problem.groups[0].limit


def test_a_limit_must_be_positive() -> None:
    with pytest.raises(DataError, match="limit"):
        Group("g", (0, 1), limit=0)


def test_schedule_routes_refuses_two_members_in_one_tour() -> None:
    from tourplan.routing import TimeWindow, Tour, Visit

    always = (TimeWindow(0, 100),)
    problem = RoutingProblem(
        [[0, 1], [1, 0]],
        (Visit("a", 1, 1, always, 2), Visit("b", 1, 1, always, 1)),
        (Tour("t", 0, 0, 0, 100), Tour("u", 0, 0, 0, 100)),
        (Group("p", (0, 1), limit=2),),
    )
    assert problem.total_score == 3
    assert schedule_routes(problem, [[0], [1]]).score == 3
    with pytest.raises(InfeasibleError, match="never two in one tour"):
        schedule_routes(problem, [[0, 1], []])

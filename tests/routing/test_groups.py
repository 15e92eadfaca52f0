"""Groups of alternative visits: at most one member planned, exactly one in a required group."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tourplan.exceptions import DataError, InfeasibleError
from tourplan.routing import (
    Group,
    RoutingProblem,
    SearchParameters,
    TimeWindow,
    Tour,
    Visit,
    check_solution,
    explain_infeasible,
    schedule_routes,
    solve,
)
from tourplan.routing.insertion import Inserter
from tourplan.routing.moves import LocalSearch

PARAMS = SearchParameters(deterministic=True, iteration_limit=100)
ALWAYS = (TimeWindow(0, 10_000),)


def _line(n: int) -> list[list[int]]:
    return [[abs(i - j) for j in range(n)] for i in range(n)]


def _lengths(horizon: int, *, required: bool = False) -> RoutingProblem:
    """One place offered as a short (score 3), typical (5) and long (8) visit, and a neighbour.

    Going there and back takes 2. The long visit (90) fits only if the neighbour (30, score 4)
    is left out when ``horizon`` < 2 + 90 + 30 + 2.
    """
    visits = (
        Visit("pottery/short", 1, 30, ALWAYS, score=3),
        Visit("pottery/typical", 1, 60, ALWAYS, score=5),
        Visit("pottery/long", 1, 90, ALWAYS, score=8),
        Visit("silk", 1, 30, ALWAYS, score=4),
    )
    return RoutingProblem(
        _line(2),
        visits,
        (Tour("day", 0, 0, 0, horizon),),
        groups=(Group("pottery", (0, 1, 2), required=required),),
    )


def test_group_values_are_checked() -> None:
    with pytest.raises(DataError, match="no visit"):
        Group("g", ())
    with pytest.raises(DataError, match="twice"):
        Group("g", (1, 1))
    visits = (Visit("a", 0, 1, ALWAYS, 1), Visit("b", 0, 1, ALWAYS, 1, required=True))
    tours = (Tour("day", 0, 0, 0, 100),)
    with pytest.raises(DataError, match="out of range"):
        RoutingProblem([[0]], visits, tours, groups=(Group("g", (0, 5)),))
    with pytest.raises(DataError, match="groups 'g' and 'h'"):
        RoutingProblem([[0]], visits, tours, groups=(Group("g", (0,)), Group("h", (0,))))
    with pytest.raises(DataError, match="required itself"):
        RoutingProblem([[0]], visits, tours, groups=(Group("g", (0, 1)),))


def test_total_score_counts_the_best_member_of_each_group() -> None:
    assert _lengths(500).total_score == 8 + 4


def test_longer_alternative_is_chosen_when_it_scores_more() -> None:
    # 2 + 90 + 30 = 122 <= 130: the long visit and the neighbour both fit (12).
    solution = solve(_lengths(130), PARAMS)
    assert check_solution(_lengths(130), solution) == []
    assert solution.visited == frozenset({2, 3})
    assert solution.score == 12


def test_shorter_alternative_is_chosen_when_the_long_one_crowds_out_more() -> None:
    # 100 units: long alone (8) < typical + silk (5 + 4 = 9; 2 + 60 + 30 = 92).
    solution = solve(_lengths(100), PARAMS)
    assert solution.visited == frozenset({1, 3})
    assert solution.score == 9


def test_exchange_swaps_a_short_visit_for_the_long_one_of_its_group() -> None:
    problem = _lengths(100)
    ins = Inserter(problem, [[0]] * 4)
    routes = [[0]]  # the short visit only: 2 + 30 <= 100, the long one (92) fits in its stead
    assert LocalSearch(ins).exchange(routes)
    assert routes == [[2]]


def test_insertion_never_adds_a_second_member_of_a_group() -> None:
    problem = _lengths(1000)
    routes = Inserter(problem, [[0]] * 4).fill([[]])
    assert sorted(routes[0]) == [2, 3]


def test_required_group_is_planned_even_at_a_loss() -> None:
    # 40 units: only the short visit (32) fits; silk alone (score 4) would score more.
    problem = _lengths(40, required=True)
    solution = solve(problem, PARAMS)
    assert solution.visited == frozenset({0})


def test_required_group_that_cannot_fit_is_explained() -> None:
    problem = _lengths(20, required=True)
    reasons = explain_infeasible(problem)
    assert len(reasons) == 1
    assert "required group 'pottery'" in reasons[0]
    with pytest.raises(InfeasibleError):
        solve(problem, PARAMS)


def test_validator_and_scheduler_refuse_two_members() -> None:
    problem = _lengths(1000)
    with pytest.raises(InfeasibleError, match="alternatives of group 'pottery'"):
        schedule_routes(problem, [[0, 2]])
    valid = schedule_routes(problem, [[2]])
    assert check_solution(problem, valid) == []
    empty = schedule_routes(_lengths(1000, required=True), [[3]])
    assert check_solution(_lengths(1000, required=True), empty) == [
        "required group 'pottery' has no member visited"
    ]


@st.composite
def grouped_problems(draw: st.DrawFn) -> RoutingProblem:
    n_loc = draw(st.integers(2, 6))
    matrix = [
        [0 if i == j else draw(st.integers(1, 30)) for j in range(n_loc)] for i in range(n_loc)
    ]
    n_tours = draw(st.integers(1, 3))
    tours = tuple(
        Tour(f"t{t}", 0, 0, t * 1000, t * 1000 + draw(st.integers(60, 300))) for t in range(n_tours)
    )
    visits = []
    for k in range(draw(st.integers(1, 9))):
        a = draw(st.integers(0, n_tours * 1000))
        visits.append(
            Visit(
                f"v{k}",
                draw(st.integers(0, n_loc - 1)),
                draw(st.integers(0, 90)),
                (TimeWindow(a, a + draw(st.integers(0, 400))),),
                draw(st.integers(0, 9)),
            )
        )
    order = draw(st.permutations(range(len(visits))))
    groups = []
    at = 0
    while at < len(order):
        size = draw(st.integers(1, 3))
        members = tuple(order[at : at + size])
        at += size
        if len(members) > 1 or draw(st.booleans()):
            groups.append(Group(f"g{len(groups)}", members, required=draw(st.booleans())))
    return RoutingProblem(matrix, tuple(visits), tours, groups=tuple(groups))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(grouped_problems(), st.sampled_from([1, 2]))
def test_every_answer_with_groups_is_valid_and_holds_one_member_per_group(
    problem: RoutingProblem, workers: int
) -> None:
    params = (
        PARAMS
        if workers == 1
        else SearchParameters(0.3, recombination=PARAMS.recombination, deterministic=False)
    )
    try:
        solution = solve(problem, params)
    except InfeasibleError as exc:
        assert exc.reasons
        assert any(g.required for g in problem.groups)  # only a required group can fail
        return
    assert check_solution(problem, solution) == []
    for group in problem.groups:
        held = [i for i in group.visits if i in solution.visited]
        assert len(held) <= 1
        assert len(held) == 1 or not group.required

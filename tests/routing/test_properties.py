"""Property-based: random small problems, and the validator accepts every answer."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tourplan.exceptions import InfeasibleError
from tourplan.routing import (
    Break,
    RoutingProblem,
    SearchParameters,
    TimeWindow,
    Tour,
    Visit,
    check_solution,
    solve,
)

PARAMS = SearchParameters(deterministic=True, iteration_limit=100)


@st.composite
def problems(draw: st.DrawFn) -> RoutingProblem:
    n_loc = draw(st.integers(2, 6))
    matrix = [
        [0 if i == j else draw(st.integers(1, 30)) for j in range(n_loc)] for i in range(n_loc)
    ]
    n_tours = draw(st.integers(1, 2))
    tours = []
    for t in range(n_tours):
        start = t * 1000
        brks: tuple[Break, ...] = ()
        if draw(st.booleans()):
            e = start + draw(st.integers(0, 100))
            brks = (Break("lunch", draw(st.integers(0, 30)), e, e + draw(st.integers(0, 60))),)
        tours.append(
            Tour(
                f"t{t}",
                draw(st.integers(0, n_loc - 1)),
                draw(st.integers(0, n_loc - 1)),
                start,
                start + draw(st.integers(50, 300)),
                max_duration=draw(st.one_of(st.none(), st.integers(40, 300))),
                max_visits=draw(st.one_of(st.none(), st.integers(0, 4))),
                breaks=brks,
            )
        )
    visits = []
    for k in range(draw(st.integers(0, 7))):
        wins = []
        for _ in range(draw(st.integers(1, 3))):
            a = draw(st.integers(0, 2300))
            wins.append(TimeWindow(a, a + draw(st.integers(0, 120))))
        tours_allowed = draw(
            st.one_of(st.none(), st.frozensets(st.integers(0, n_tours - 1), min_size=1))
        )
        visits.append(
            Visit(
                f"v{k}",
                draw(st.integers(0, n_loc - 1)),
                draw(st.integers(0, 40)),
                tuple(wins),
                draw(st.integers(0, 9)),
                required=draw(st.booleans()) and draw(st.booleans()),
                tours=tours_allowed,
            )
        )
    return RoutingProblem(matrix, tuple(visits), tuple(tours))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_every_answer_is_valid(problem: RoutingProblem) -> None:
    try:
        solution = solve(problem, PARAMS)
    except InfeasibleError as exc:
        assert exc.reasons  # infeasibility always comes with reasons
        return
    assert check_solution(problem, solution) == []

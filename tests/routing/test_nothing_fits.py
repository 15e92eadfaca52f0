"""A problem in which no visit fits: the search stops after its first plan, converged.

Insertion into an empty plan tries every visit in every tour (breaks and duration checked
exactly), so an empty first plan means no visit fits alone anywhere; shaking it cannot find
anything. Found by ``bench/fuzz.py`` (seed 35, requests 390 and 685: four-day trips with a
lunch that leaves no room spent their stall budgets shaking empty plans, 1.14-1.18 times a
0.5 s limit)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tourplan.routing import (
    Break,
    RoutingProblem,
    SearchParameters,
    TimeWindow,
    Tour,
    Visit,
    moves,
    solve,
)
from tourplan.routing.explain import allowed_tours
from tourplan.routing.ils import iterated_insertion


@st.composite
def no_room_for_the_break(draw: st.DrawFn) -> RoutingProblem:
    """Tours of 100 with a break of 60 to start in [0, 40]; visits 1-10 away lasting 45-60:
    each fits alone but for the break, none with it."""
    n = draw(st.integers(1, 8))
    away = draw(st.lists(st.integers(1, 10), min_size=n, max_size=n))
    xs = [0, *away]
    matrix = [[abs(a - b) for b in xs] for a in xs]
    visits = tuple(
        Visit(f"v{i}", i + 1, draw(st.integers(45, 60)), (TimeWindow(0, 100),), score=1 + i)
        for i in range(n)
    )
    lunch = Break("lunch", 60, 0, 40)
    n_tours = draw(st.integers(1, 3))
    tours = tuple(Tour(f"t{t}", 0, 0, 0, 100, breaks=(lunch,)) for t in range(n_tours))
    return RoutingProblem(matrix, visits=visits, tours=tours)


@settings(max_examples=25, deadline=None)
@given(problem=no_room_for_the_break())
def test_an_empty_first_plan_ends_the_search(problem: RoutingProblem) -> None:
    allowed = allowed_tours(problem)
    assert all(allowed)  # every visit fits alone when the break is ignored
    calls = []
    original = moves.LocalSearch.improve

    def counted(self: moves.LocalSearch, *args: object) -> tuple[int, int]:
        calls.append(1)
        return original(self, *args)  # type: ignore[arg-type]

    moves.LocalSearch.improve = counted  # type: ignore[method-assign]
    try:
        stopped: list[str] = []
        best = iterated_insertion(problem, allowed, iterations=500, stopped=stopped)
    finally:
        moves.LocalSearch.improve = original  # type: ignore[method-assign]
    assert best == [[] for _ in problem.tours]
    assert stopped == ["converged"]
    assert len(calls) == 1  # the first plan only, no shake


def test_the_solver_says_converged_for_a_timed_search() -> None:
    visits = tuple(
        Visit(f"v{i}", i + 1, 45 + i, (TimeWindow(0, 100),), score=1 + i) for i in range(3)
    )
    lunch = Break("lunch", 60, 0, 40)
    tours = tuple(Tour(f"t{t}", 0, 0, 0, 100, breaks=(lunch,)) for t in range(2))
    problem = RoutingProblem(
        [[0, 2, 5, 9], [2, 0, 3, 7], [5, 3, 0, 4], [9, 7, 4, 0]], visits, tours
    )
    # a timed search (a race of starts, recombination with two tours) and 30 s to spend
    solution = solve(problem, SearchParameters(time_limit=30.0))
    assert not solution.visited
    assert solution.stop_reason == "converged"

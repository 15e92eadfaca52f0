"""The catalogue's repeats are members of the village's routing group, never "id#2" copies."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tourplan
from tourplan.catalogue import CatalogueRequest, catalogue_problem
from tourplan.catalogue.search import insert_repeats
from tourplan.geocode import Gazetteer, PlaceResolver
from tourplan.plan import build_problem
from tourplan.routing import (
    Group,
    RoutingProblem,
    SearchParameters,
    Solution,
    TimeWindow,
    Tour,
    TourSchedule,
    Visit,
    check_solution,
    schedule_routes,
    schedule_tour,
    solve,
)

from .conftest import SATURDAY

ALWAYS = (TimeWindow(0, 10_000),)


def _villages_with_repeats(n: int, copies: int, routes: int) -> RoutingProblem:
    """``n`` places on a line, each offered ``copies`` times as one group of that limit."""
    matrix = [[abs(i - j) * 5 for j in range(n + 1)] for i in range(n + 1)]
    visits = [Visit(f"p{k}", k, 20, ALWAYS, score=10 + k) for k in range(1, n + 1)]
    groups = []
    for k in range(n):
        members = [k]
        for c in range(1, copies):
            members.append(len(visits))
            visits.append(Visit(f"p{k + 1} (repeat {c})", k + 1, 20, ALWAYS, score=1))
        groups.append(Group(f"p{k + 1}", tuple(members), limit=copies))
    tours = tuple(Tour(f"r{t}", 0, 0, 0, 200, max_visits=3) for t in range(routes))
    return RoutingProblem(matrix, tuple(visits), tours, tuple(groups))


def test_the_catalogue_problem_has_groups_and_no_hash_copies() -> None:
    villages = tourplan.load_hanoi()
    request = CatalogueRequest(routes=4, max_routes_per_village=2, date=SATURDAY)
    resolver = PlaceResolver(Gazetteer.bundled(villages))
    base = build_problem(request.trip_request([]), villages, resolver=resolver)
    planning = catalogue_problem(base, routes=4, copies=2)
    problem = planning.problem
    assert not any("#" in v.id for v in problem.visits)
    assert problem.groups and all(g.limit == 2 for g in problem.groups)
    for group in problem.groups:
        villages = {planning.visit_villages[i].id for i in group.visits}
        assert villages == {group.id}
        own, *repeats = group.visits
        assert all(problem.visits[r].score < problem.visits[own].score for r in repeats)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(1, 5), st.integers(1, 3), st.integers(1, 4))
def test_repeats_respect_the_group_limit_and_never_share_a_route(
    n: int, copies: int, routes: int
) -> None:
    copies = min(copies, routes)
    problem = _villages_with_repeats(n, copies, routes)
    firsts = RoutingProblem(problem.travel_times, problem.visits[:n], problem.tours)
    found = solve(firsts, SearchParameters(deterministic=True, iteration_limit=60))
    plan: list[list[int]] = [[v.visit for v in t.visits] for t in found.tours]
    insert_repeats(problem, plan)
    solution = schedule_routes(problem, plan)
    assert check_solution(problem, solution) == []
    for group in problem.groups:
        tours = [t for t, route in enumerate(plan) for i in route if i in group.visits]
        assert len(tours) == len(set(tours)) <= group.limit


def test_the_validator_refuses_two_members_in_one_route() -> None:
    problem = _villages_with_repeats(1, 2, 2)

    both = schedule_tour(problem, 0, [0, 1])
    bad = Solution(
        (both, TourSchedule(1, 0, 0, (), (), 0)),
        problem.visits[0].score + problem.visits[1].score,
        both.travel_time,
        (),
    )
    assert any("two members in one tour" in v for v in check_solution(problem, bad))

"""The validator catches each kind of violation in hand-built solutions; schedule_routes rules."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tourplan.exceptions import InfeasibleError, InvalidSolutionError
from tourplan.routing import (
    Break,
    RoutingProblem,
    ScheduledBreak,
    ScheduledVisit,
    TimeWindow,
    Tour,
    Visit,
    check_solution,
    explain_infeasible,
    schedule_routes,
    validate_solution,
)

M = [[0, 10, 10], [10, 0, 5], [10, 5, 0]]


def _problem(**tour: object) -> RoutingProblem:
    visits = (
        Visit("a", 1, 20, (TimeWindow(0, 40), TimeWindow(100, 140)), score=3),
        Visit("b", 2, 20, (TimeWindow(0, 200),), score=2, tours=frozenset({0})),
    )
    end = tour.pop("latest_end", 300)
    day = Tour("d", 0, 0, 0, end, **tour)  # type: ignore[arg-type]
    return RoutingProblem(M, visits, (day, Tour("e", 0, 0, 0, 300)))


def test_schedule_routes_is_valid_and_leaves_late() -> None:
    p = _problem()
    s = schedule_routes(p, [[0, 1]])
    assert check_solution(p, s) == []
    t = s.tours[0]
    assert t.departure == 0 and t.visits[0].start == 10 and t.visits[1].start == 35
    assert t.arrival == 65 and s.score == 5 and s.travel_time == 25
    assert s.tours[1].visits == () and s.unvisited == ()
    validate_solution(p, s)


def test_schedule_waits_for_a_later_window_and_departs_late() -> None:
    p = RoutingProblem(
        M, (Visit("a", 1, 20, (TimeWindow(100, 140),), score=3),), (Tour("d", 0, 0, 0, 300),)
    )
    t = schedule_routes(p, [[0]]).tours[0]
    assert t.departure == 90 and t.visits[0].wait == 0


def test_schedule_places_a_break_where_it_fits() -> None:
    p = _problem(breaks=(Break("lunch", 30, 40, 60),))
    s = schedule_routes(p, [[0, 1]])
    assert check_solution(p, s) == []
    (b,) = s.tours[0].breaks
    assert 40 <= b.start <= 60 and b.end == b.start + 30


@pytest.mark.parametrize(
    "routes",
    [
        [[1, 0]],  # b 10-30, then a reached at 35, inside its morning window
        [[0], []],  # the second tour unused
        [[1], [0]],  # a in the second tour
    ],
)
def test_schedule_routes_accepts_other_orders(routes: list[list[int]]) -> None:
    p = _problem()
    assert check_solution(p, schedule_routes(p, routes)) == []


def test_schedule_routes_rejects_infeasible_orders() -> None:
    p = _problem(latest_end=50)
    with pytest.raises(InfeasibleError):
        schedule_routes(p, [[0, 1]])
    with pytest.raises(InfeasibleError):
        schedule_routes(_problem(), [[0], [0]])  # visited twice
    with pytest.raises(InfeasibleError):
        schedule_routes(_problem(max_duration=30), [[0, 1]])


def _bad(p: RoutingProblem, s: object, needle: str) -> None:
    violations = check_solution(p, s)  # type: ignore[arg-type]
    assert any(needle in v for v in violations), violations
    with pytest.raises(InvalidSolutionError):
        validate_solution(p, s)  # type: ignore[arg-type]


def test_validator_catches_each_violation() -> None:
    p = _problem(max_visits=2)
    good = schedule_routes(p, [[0, 1]])
    t = good.tours[0]
    a, b = t.visits

    def with_visits(*visits: ScheduledVisit, **kw: object) -> object:
        return replace(good, tours=(replace(t, visits=visits, **kw), good.tours[1]))

    _bad(p, with_visits(a, replace(b, start=250, end=270), arrival=300), "outside its windows")
    _bad(p, with_visits(replace(a, end=a.end + 1), b), "lasts")
    _bad(p, with_visits(replace(a, arrival=5, start=5, end=25), b), "needs 10 travel")
    _bad(p, with_visits(a, b, arrival=301), "after 300")
    _bad(p, with_visits(a, b, departure=-1), "before 0")
    _bad(p, replace(good, score=6), "score is 5")
    _bad(p, replace(good, travel_time=1), "travel time is 25")
    _bad(p, replace(good, unvisited=(1,)), "unvisited")
    # b is only allowed in tour 0
    moved = replace(
        good,
        tours=(
            replace(t, visits=(a,), travel_time=20, arrival=40),
            replace(good.tours[1], visits=(b,), departure=0, arrival=40, travel_time=20),
        ),
    )
    _bad(p, moved, "not allowed")
    twice = replace(
        good,
        tours=(
            t,
            replace(
                good.tours[1],
                visits=(replace(a, arrival=10, start=10, end=30),),
                departure=0,
                arrival=40,
                travel_time=20,
            ),
        ),
        travel_time=45,
    )
    _bad(p, twice, "visited 2 times")
    short = RoutingProblem(M, p.visits, (Tour("d", 0, 0, 0, 300, max_visits=1), p.tours[1]))
    _bad(short, good, "max_visits")
    long = RoutingProblem(M, p.visits, (Tour("d", 0, 0, 0, 300, max_duration=30), p.tours[1]))
    _bad(long, good, "lasts 65 > 30")


def test_validator_catches_required_and_break_violations() -> None:
    visits = (Visit("must", 1, 10, (TimeWindow(0, 100),), score=0, required=True),)
    p = RoutingProblem(M, visits, (Tour("d", 0, 0, 0, 300),))
    _bad(p, schedule_routes(p, [[]]), "required visit 'must'")
    pb = RoutingProblem(M, visits, (Tour("d", 0, 0, 0, 300, breaks=(Break("lunch", 30, 0, 100),)),))
    s = schedule_routes(pb, [[0]])
    assert check_solution(pb, s) == []
    t = s.tours[0]
    _bad(pb, replace(s, tours=(replace(t, breaks=()),)), "breaks taken")
    (brk,) = t.breaks
    _bad(pb, replace(s, tours=(replace(t, breaks=(replace(brk, start=200, end=230),)),)), "outside")
    overlap = ScheduledBreak(0, t.visits[0].start, t.visits[0].start + 30, 0)
    _bad(pb, replace(s, tours=(replace(t, breaks=(overlap,)),)), "runs past")


def test_explain_names_each_cause() -> None:
    far = RoutingProblem(
        [[0, 100], [100, 0]],
        (
            Visit("far", 1, 10, (TimeWindow(0, 1000),), score=1, required=True),
            Visit("long", 0, 500, (TimeWindow(0, 1000),), score=1, required=True),
        ),
        (Tour("d", 0, 0, 0, 150),),
    )
    reasons = explain_infeasible(far)
    assert any("'far'" in r and "there and back" in r for r in reasons)
    assert any("'long'" in r and "longer than" in r for r in reasons)
    pair = RoutingProblem(
        M,
        (
            Visit("x", 1, 50, (TimeWindow(0, 100),), score=1, required=True),
            Visit("y", 2, 50, (TimeWindow(0, 100),), score=1, required=True),
        ),
        (Tour("d", 0, 0, 0, 80),),
    )
    assert any("'x' and 'y'" in r for r in explain_infeasible(pair))

"""required_shortfall: where required visits that each fit alone collide, in numbers."""

from __future__ import annotations

import pytest

from tourplan.exceptions import InfeasibleError
from tourplan.routing import (
    Break,
    RoutingProblem,
    TimeWindow,
    Tour,
    Visit,
    explain_infeasible,
    required_shortfall,
    schedule_tour,
)

MATRIX = [[0, 10, 10], [10, 0, 30], [10, 30, 0]]


def _problem(b_window: TimeWindow, day: Tour) -> RoutingProblem:
    visits = (
        Visit("a", 1, 20, (TimeWindow(0, 15),), score=1, required=True),
        Visit("b", 2, 20, (b_window,), score=1, required=True),
    )
    return RoutingProblem(MATRIX, visits, (day,))


def test_the_visit_reached_too_late_with_its_earliest_arrival_and_last_start() -> None:
    p = _problem(TimeWindow(0, 40), Tour("day", 0, 0, 0, 100))
    found = required_shortfall(p)
    assert found is not None
    assert found.kind == "late_visit"
    assert [p.visits[i].id for i in found.order] == ["a", "b"]
    assert (p.visits[found.visit].id, found.time, found.limit) == ("b", 60, 40)  # type: ignore[index]
    assert found.overrun == 20
    reasons = explain_infeasible(p)
    assert any("'b' is reached at 60 at the earliest, its last start is 40" in r for r in reasons)


def test_a_late_return() -> None:
    p = _problem(TimeWindow(0, 100), Tour("day", 0, 0, 0, 70))
    found = required_shortfall(p)
    assert found is not None
    assert (found.kind, found.time, found.limit) == ("late_return", 90, 70)


def test_breaks_that_do_not_fit_name_the_visit_they_cannot_precede() -> None:
    # a (10-30) then lunch (30-60) reaches b at 90, after its last start 80; without lunch
    # b is reached at 60, and lunch must start by 35: lunch is what does not fit.
    lunch = Break("lunch", 30, 30, 35)
    p = _problem(TimeWindow(0, 80), Tour("day", 0, 0, 0, 200, breaks=(lunch,)))
    schedule_tour(p, 0, [0])
    schedule_tour(p, 0, [1])
    with pytest.raises(InfeasibleError):
        schedule_tour(p, 0, [0, 1])
    found = required_shortfall(p)
    assert found is not None
    assert found.kind == "breaks"
    assert p.visits[found.visit].id == "b"  # type: ignore[index]
    assert found.time is None and found.overrun == 0


def test_nothing_to_say_when_they_fit_or_one_fits_nowhere() -> None:
    assert required_shortfall(_problem(TimeWindow(0, 100), Tour("day", 0, 0, 0, 200))) is None
    nowhere = _problem(TimeWindow(500, 600), Tour("day", 0, 0, 0, 200))
    assert required_shortfall(nowhere) is None  # explained alone by explain_infeasible

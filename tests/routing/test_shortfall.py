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
    # a opens at 20 (the day starts at 0): a 20-40, b 70-90, back at 100, after the end 95;
    # the visits and the travel alone (90) would fit the day, the wait for a does not
    visits = (
        Visit("a", 1, 20, (TimeWindow(20, 25),), score=1, required=True),
        Visit("b", 2, 20, (TimeWindow(0, 100),), score=1, required=True),
    )
    p = RoutingProblem(MATRIX, visits, (Tour("day", 0, 0, 0, 95),))
    found = required_shortfall(p)
    assert found is not None
    assert (found.kind, found.time, found.limit) == ("late_return", 100, 95)


def test_a_day_too_short_for_the_visits_and_the_travel_whatever_the_order() -> None:
    """Regression: ``tourplan route --must duong-lam --must chuong --must bat-trang`` blamed
    lunch, and with ``--lunch none`` a village reached 9 minutes late: the three visits and
    the drives between them take 10 h 13 min, longer than the whole day."""
    p = _problem(TimeWindow(0, 100), Tour("day", 0, 0, 0, 70))
    found = required_shortfall(p)
    assert found is not None
    assert (found.kind, found.time, found.limit) == ("day_short", 90, 70)
    assert any("take 90, the tour leaves 70" in r for r in explain_infeasible(p))


def test_a_day_too_short_once_its_breaks_are_taken_is_not_blamed_on_the_breaks() -> None:
    # 90 of visits and travel fit the 100 of the day, not the 70 left after a 30-min lunch
    lunch = Break("lunch", 30, 0, 100)
    p = _problem(TimeWindow(0, 100), Tour("day", 0, 0, 0, 100, breaks=(lunch,)))
    without = _problem(TimeWindow(0, 100), Tour("day", 0, 0, 0, 100))
    assert required_shortfall(without) is None  # fits without lunch
    found = required_shortfall(p)
    assert found is not None
    assert (found.kind, found.time, found.limit) == ("day_short", 90, 70)


def test_a_visit_late_without_the_breaks_is_not_blamed_on_them() -> None:
    # b (last start 40) is reached at 60 without any lunch: lunch is not the cause
    lunch = Break("lunch", 30, 30, 35)
    p = _problem(TimeWindow(0, 40), Tour("day", 0, 0, 0, 200, breaks=(lunch,)))
    found = required_shortfall(p)
    assert found is not None
    assert (found.kind, found.time, found.limit) == ("late_visit", 60, 40)


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


def test_an_order_late_without_its_breaks_is_not_blamed_on_them() -> None:
    """Regression: the order missing least was the one said to miss only its breaks, even
    when that order missed the day's end without any break (lunch was blamed)."""
    # without lunch: a 20-40, b 70-90, back at 100, after the end 95; with a 5-min lunch
    # (40-45) b is reached after its last start 72, which the old search called "breaks"
    visits = (
        Visit("a", 1, 20, (TimeWindow(20, 25),), score=1, required=True),
        Visit("b", 2, 20, (TimeWindow(0, 72),), score=1, required=True),
    )
    lunch = Break("lunch", 5, 40, 45)
    p = RoutingProblem(MATRIX, visits, (Tour("day", 0, 0, 0, 95, breaks=(lunch,)),))
    found = required_shortfall(p)
    assert found is not None
    assert (found.kind, found.time, found.limit) == ("late_return", 100, 95)

"""earliest_end: the end time of earliest_schedule without building the schedule."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from tourplan.routing import Break, RoutingProblem, TimeWindow, Tour, Visit
from tourplan.routing.solution import earliest_end, earliest_schedule


def _problem(rng: random.Random) -> RoutingProblem:
    """One day with zero to three breaks (some windows tight), visits with one or two windows."""
    n_loc = rng.randint(3, 9)
    xy = [(rng.randint(0, 60), rng.randint(0, 60)) for _ in range(n_loc)]
    matrix = [[abs(a - c) + abs(b - d) for c, d in xy] for a, b in xy]
    breaks = []
    at = rng.randint(0, 120)
    for k in range(rng.randint(0, 3)):
        width = rng.choice([0, 10, 60])
        breaks.append(Break(f"b{k}", rng.randint(5, 60), at, at + width))
        at += rng.randint(60, 200)
    latest = rng.choice([300, 500, 900])
    tour = Tour("day", 0, rng.randrange(n_loc), 0, latest, breaks=tuple(breaks))
    visits = []
    for k in range(1, n_loc):
        a = rng.randint(0, 400)
        windows = [TimeWindow(a, a + rng.randint(10, 200))]
        if rng.random() < 0.4:
            b = windows[0].end + rng.randint(10, 100)
            windows.append(TimeWindow(b, b + rng.randint(10, 200)))
        visits.append(Visit(f"v{k}", k, rng.randint(0, 60), tuple(windows), 1))
    return RoutingProblem(matrix, tuple(visits), (tour,))


@settings(max_examples=300, deadline=None)
@given(seed=st.integers(0, 10**6), departure=st.integers(0, 100))
def test_earliest_end_is_the_end_of_the_earliest_schedule(seed: int, departure: int) -> None:
    rng = random.Random(seed)
    problem = _problem(rng)
    order = rng.sample(range(len(problem.visits)), rng.randint(0, len(problem.visits)))
    tour = problem.tours[0]
    plan = earliest_schedule(problem, tour, order, departure)
    assert earliest_end(problem, tour, order, departure) == (None if plan is None else plan[2])


def test_a_break_whose_window_has_passed_ends_the_day() -> None:
    matrix = [[0, 30], [30, 0]]
    visit = Visit("v", 1, 60, (TimeWindow(0, 500),), 1)
    lunch = Break("lunch", 60, 0, 50)  # must start by 50: before the visit ends, it cannot wait
    tour = Tour("day", 0, 0, 0, 500, breaks=(lunch,))
    problem = RoutingProblem(matrix, (visit,), (tour,))
    assert earliest_end(problem, tour, [0], 0) == 180  # lunch first (0-60), visit 90-150, back
    assert earliest_end(problem, tour, [0], 60) is None  # lunch can no longer start
    assert earliest_schedule(problem, tour, [0], 60) is None

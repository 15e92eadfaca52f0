"""Builders of small routing problems shared by the routing tests (as session fixtures)."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from tourplan.routing import Break, RoutingProblem, TimeWindow, Tour, Visit

ALWAYS = (TimeWindow(0, 10_000),)


def _line(n: int) -> list[list[int]]:
    return [[abs(i - j) for j in range(n)] for i in range(n)]


def _everywhere(problem: RoutingProblem) -> list[list[int]]:
    return [list(range(len(problem.tours))) for _ in problem.visits]


def _lunch_squeeze() -> RoutingProblem:
    # Without lunch all three fit (180 service + 4 travel <= 200); with a 60-unit lunch the
    # best is {b, c} (80 + 4 + 60 = 144, score 8), not {a} (score 7), and a + b is too long.
    visits = (
        Visit("a", 1, 100, ALWAYS, score=7),
        Visit("b", 2, 40, ALWAYS, score=4),
        Visit("c", 2, 40, ALWAYS, score=4),
    )
    lunch = Break("lunch", 60, 0, 200)
    return RoutingProblem(_line(3), visits, (Tour("day", 0, 0, 0, 200, breaks=(lunch,)),))


def _random_problem(seed: int) -> RoutingProblem:
    rng = random.Random(seed)
    n_loc = 12
    xy = [(rng.randint(0, 40), rng.randint(0, 40)) for _ in range(n_loc)]
    matrix = [[abs(a - c) + abs(b - d) for c, d in xy] for a, b in xy]
    tours = tuple(
        Tour(
            f"day {t}",
            0,
            0,
            t * 1000,
            t * 1000 + 400,
            max_duration=rng.choice([None, 300]),
            max_visits=rng.choice([None, 4]),
            breaks=(Break("lunch", 60, t * 1000 + 150, t * 1000 + 220),),
        )
        for t in range(2)
    )
    visits = []
    for k in range(1, n_loc):
        wins = []
        for t in range(2):
            a = t * 1000 + rng.randint(0, 300)
            wins.append(TimeWindow(a, a + rng.randint(20, 150)))
        visits.append(Visit(f"v{k}", k, rng.randint(10, 60), tuple(wins), rng.randint(1, 9)))
    return RoutingProblem(matrix, tuple(visits), tours)


@pytest.fixture(scope="session")
def line() -> Callable[[int], list[list[int]]]:
    """Travel times between locations 0..n-1 on a line, one time unit apart."""
    return _line


@pytest.fixture(scope="session")
def everywhere() -> Callable[[RoutingProblem], list[list[int]]]:
    """For each visit of a problem, every tour (no visit restricted)."""
    return _everywhere


@pytest.fixture(scope="session")
def lunch_squeeze() -> Callable[[], RoutingProblem]:
    """One day whose 60-unit lunch makes {b, c} (score 8) beat {a} (score 7)."""
    return _lunch_squeeze


@pytest.fixture(scope="session")
def random_problem() -> Callable[[int], RoutingProblem]:
    """A random two-day problem by seed: lunch breaks, sometimes duration and visit limits,
    two windows per visit, Manhattan travel times."""
    return _random_problem

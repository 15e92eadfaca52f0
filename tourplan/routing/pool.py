"""A pool of good tours met during a search, for route recombination.

Iterated insertion visits thousands of local optima whose tours are each good on their own.
Picking the best set of disjoint tours from all of them (a set packing, solved in
:mod:`tourplan.routing.recombine`) often beats every single plan met: the route recombination of
Hu & Lim (2014) for the TOPTW. This module keeps the tours; it knows nothing of the packing.

A tour found for one day is feasible for every day with the same start and end place, window,
duration limit, visit limit, breaks and allowed visits: such days form one *class*, and a
pooled tour is offered to every day of its class.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .problem import RoutingProblem

__all__ = ["PooledTour", "RoutePool", "tour_classes"]


def tour_classes(problem: RoutingProblem, allowed: Sequence[Sequence[int]]) -> list[int]:
    """For each tour, the index of the first tour interchangeable with it.

    Parameters
    ----------
    problem
        The problem.
    allowed
        For each visit, the tours it may be in.
    """
    seen: dict[object, int] = {}
    classes = []
    for r, tour in enumerate(problem.tours):
        key = (
            (tour.start_location, tour.end_location, tour.earliest_start, tour.latest_end),
            (tour.max_duration, tour.max_visits),
            tuple((b.duration, b.earliest_start, b.latest_start) for b in tour.breaks),
            tuple(r in ts for ts in allowed),
        )
        classes.append(seen.setdefault(key, r))
    return classes


@dataclass(frozen=True)
class PooledTour:
    """A tour's visits in order, with its class, score and travel time."""

    tour_class: int
    visits: tuple[int, ...]
    score: int
    travel: int


@dataclass
class RoutePool:
    """Distinct tours by class and set of visits, the best ``capacity`` per class kept.

    Parameters
    ----------
    classes
        For each tour, its class (see :func:`tour_classes`).
    capacity
        Tours kept per class (the highest score, then the shortest travel, win).
    """

    classes: list[int]
    capacity: int = 500
    _tours: dict[tuple[int, frozenset[int]], PooledTour] = field(default_factory=dict)

    def add(self, r: int, visits: Sequence[int], score: int, travel: int) -> None:
        """Offer tour ``r``'s ``visits`` (in order) with their score and travel time."""
        if not visits:
            return
        c = self.classes[r]
        key = (c, frozenset(visits))
        old = self._tours.get(key)
        if old is None or travel < old.travel:
            self._tours[key] = PooledTour(c, tuple(visits), score, travel)
            if len(self._tours) > 2 * self.capacity * len(set(self.classes)):
                self._trim()

    def merge(self, others: Iterable[RoutePool]) -> None:
        """Add every tour of ``others`` (pools of the same problem)."""
        for other in others:
            for t in other._tours.values():
                key = (t.tour_class, frozenset(t.visits))
                old = self._tours.get(key)
                if old is None or t.travel < old.travel:
                    self._tours[key] = t
        self._trim()

    def tours(self) -> list[PooledTour]:
        """The pooled tours, best first within each class."""
        self._trim()
        return list(self._tours.values())

    def __len__(self) -> int:
        return len(self._tours)

    def _trim(self) -> None:
        by_class: dict[int, list[PooledTour]] = {}
        for t in self._tours.values():
            by_class.setdefault(t.tour_class, []).append(t)
        self._tours = {}
        for ts in by_class.values():
            ts.sort(key=lambda t: (-t.score, t.travel))
            for t in ts[: self.capacity]:
                self._tours[t.tour_class, frozenset(t.visits)] = t

"""Solutions of a routing problem, and the earliest clean schedule of given visit orders.

Scheduling rules (shared with :mod:`tourplan.routing.validate`): a used tour departs its start place
at ``departure >= earliest_start``; each visit is reached after the previous event's end plus the
travel time plus any break taken in between; service starts at the first instant inside one of the
visit's windows and lasts its ``service``; the tour arrives at its end place by ``latest_end`` and
lasts at most ``max_duration`` (waiting included). Every break of a used tour is taken once, in one
of the gaps between consecutive events (departure, visits, arrival), starting inside its window;
it may interrupt a travel leg (a lunch stop on the way) or fill waiting time, but never overlaps a
visit.
A visit's ``arrival`` is the moment it could start, after travel and any break of that gap.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from ..exceptions import InfeasibleError
from .problem import Break, RoutingProblem, Tour, Visit

__all__ = [
    "Plan",
    "ScheduledBreak",
    "ScheduledVisit",
    "Solution",
    "TourSchedule",
    "earliest_end",
    "earliest_schedule",
    "schedule_routes",
    "schedule_tour",
]


@dataclass(frozen=True, slots=True)
class ScheduledVisit:
    """A visit in a tour: index into ``problem.visits`` and its times."""

    visit: int
    arrival: int
    start: int
    end: int

    @property
    def wait(self) -> int:
        """Time spent waiting between arrival and the start of service."""
        return self.start - self.arrival


@dataclass(frozen=True, slots=True)
class ScheduledBreak:
    """A break taken in a tour: index into ``tour.breaks``, its times, and its position.

    ``after`` is the number of the tour's visits done before the break (0 = before the first).
    """

    brk: int
    start: int
    end: int
    after: int


@dataclass(frozen=True, slots=True)
class TourSchedule:
    """The schedule of one tour; a tour without visits is unused (no departure, no breaks)."""

    tour: int
    departure: int
    arrival: int
    visits: tuple[ScheduledVisit, ...]
    breaks: tuple[ScheduledBreak, ...]
    travel_time: int

    @property
    def used(self) -> bool:
        """Whether the tour has at least one visit."""
        return bool(self.visits)

    @property
    def duration(self) -> int:
        """``arrival - departure``, waiting and breaks included (0 when unused)."""
        return self.arrival - self.departure if self.visits else 0


@dataclass(frozen=True)
class Solution:
    """A plan: one schedule per tour, with totals and the visits left out.

    Parameters
    ----------
    tours
        One schedule per tour of the problem, in the problem's order.
    score
        Sum of the visited visits' scores.
    travel_time
        Sum of the tours' travel times.
    unvisited
        Indices of the visits not in any tour, ascending.
    status
        How the solution was obtained (e.g. ``"optimal"``, ``"feasible"``, ``"scheduled"``).
    wall_time
        Seconds spent by the solver (0 for a hand-built solution).
    parameters
        The search parameters used, if any.
    stop_reason
        Why the search stopped: ``"converged"`` (no better plan for the stall budget),
        ``"time_limit"`` or ``"iteration_limit"``; ``None`` for a hand-built solution.
    """

    tours: tuple[TourSchedule, ...]
    score: int
    travel_time: int
    unvisited: tuple[int, ...]
    status: str = "scheduled"
    wall_time: float = 0.0
    parameters: object | None = None
    stop_reason: str | None = None

    @property
    def routes(self) -> tuple[tuple[int, ...], ...]:
        """The visit indices of each tour, in order."""
        return tuple(tuple(v.visit for v in t.visits) for t in self.tours)

    @property
    def visited(self) -> frozenset[int]:
        """Indices of all visited visits."""
        return frozenset(v.visit for t in self.tours for v in t.visits)


def _gap(
    time: int, travel: int, breaks: Sequence[Break]
) -> tuple[int, list[tuple[int, int]]] | None:
    """Earliest end of a gap starting at ``time`` holding ``travel`` and the given breaks.

    Travel is done as early as possible, interrupted by each break at its earliest start.
    Returns the arrival time and the (start, end) of each break, or ``None`` if a break's window
    has passed.
    """
    remaining = travel
    placed: list[tuple[int, int]] = []
    for b in breaks:
        start = max(time, b.earliest_start)
        if start > b.latest_start:
            # Travelling first only makes the break later; waiting cannot help either.
            return None
        remaining -= min(remaining, start - time)
        placed.append((start, start + b.duration))
        time = start + b.duration
    return time + remaining, placed


#: An earliest schedule: the visits, the breaks and the arrival at the end place.
Plan = tuple[list[ScheduledVisit], list[ScheduledBreak], int]


def earliest_schedule(
    problem: RoutingProblem, tour: Tour, order: Sequence[int], departure: int
) -> Plan | None:
    """Earliest schedule of ``order`` departing at ``departure``, breaks placed by a small DP.

    State: (number of visits done, number of breaks taken) -> earliest time. Breaks are taken in
    order of earliest start. It ignores ``max_duration`` (see :func:`schedule_tour`).

    Parameters
    ----------
    problem
        The problem.
    tour
        The tour of ``order``.
    order
        Visit indices, in order.
    departure
        Departure time from the tour's start place.

    Returns
    -------
    Plan or None
        The scheduled visits, the scheduled breaks and the arrival at the end place, or
        ``None`` if a window, a break or the tour's ``latest_end`` cannot be met.
    """
    visits: list[Visit] = [problem.visits[i] for i in order]
    locations = [tour.start_location, *(v.location for v in visits), tour.end_location]
    n, k = len(visits), len(tour.breaks)
    # best[j] = (time, back-pointer chain) after the current stop with j breaks taken
    inf = None
    best: list[tuple[int, list[tuple[int, int, int, list[tuple[int, int]]]]] | None]
    best = [inf] * (k + 1)
    best[0] = (departure, [])
    for i in range(n + 1):
        travel = problem.travel(locations[i], locations[i + 1])
        nxt: list[tuple[int, list[tuple[int, int, int, list[tuple[int, int]]]]] | None]
        nxt = [inf] * (k + 1)
        for j in range(k + 1):
            state = best[j]
            if state is None:
                continue
            time, chain = state
            for j2 in range(j, k + 1):
                if i == n and j2 != k:
                    continue
                res = _gap(time, travel, tour.breaks[j:j2])
                if res is None:
                    break
                arrival, placed = res
                if i < n:
                    start = visits[i].earliest_start(arrival)
                    if start is None:
                        continue
                    end = start + visits[i].service
                else:
                    start = end = arrival
                    if arrival > tour.latest_end:
                        continue
                cur = nxt[j2]
                if cur is None or end < cur[0]:
                    nxt[j2] = (end, [*chain, (arrival, start, j, placed)])
        best = nxt
    final = best[k]
    if final is None:
        return None
    chain = final[1]
    sched: list[ScheduledVisit] = []
    brks: list[ScheduledBreak] = []
    for i, (arrival, start, j, placed) in enumerate(chain):
        for offset, (bs, be) in enumerate(placed):
            brks.append(ScheduledBreak(j + offset, bs, be, i))
        if i < n:
            sched.append(ScheduledVisit(order[i], arrival, start, start + visits[i].service))
    return sched, brks, chain[-1][0]


def earliest_end(
    problem: RoutingProblem, tour: Tour, order: Sequence[int], departure: int
) -> int | None:
    """The arrival at the end place of :func:`earliest_schedule`, or ``None`` where it has none.

    The same small DP over (visits done, breaks taken) with times only: no schedule is built
    and each state's breaks are placed one after another instead of from the gap's start for
    every count. The Inserter's exact test (tours with breaks) calls it thousands of times a
    plan, where the schedule itself is never read.
    """
    visits = problem.visits
    breaks = tour.breaks
    k = len(breaks)
    n = len(order)
    best: list[int | None] = [None] * (k + 1)
    best[0] = departure
    here = tour.start_location
    for i in range(n + 1):
        visit = visits[order[i]] if i < n else None
        there = visit.location if visit is not None else tour.end_location
        leg = problem.travel(here, there)
        nxt: list[int | None] = [None] * (k + 1)
        for j in range(k + 1):
            time = best[j]
            if time is None:
                continue
            remaining = leg
            for j2 in range(j, k + 1):
                if j2 > j:  # one more break in this gap, as _gap places it
                    b = breaks[j2 - 1]
                    start = max(time, b.earliest_start)
                    if start > b.latest_start:
                        break
                    remaining -= min(remaining, start - time)
                    time = start + b.duration
                if visit is None:
                    if j2 != k or time + remaining > tour.latest_end:
                        continue
                    end = time + remaining
                else:
                    begins = visit.earliest_start(time + remaining)
                    if begins is None:
                        continue
                    end = begins + visit.service
                cur = nxt[j2]
                if cur is None or end < cur:
                    nxt[j2] = end
        best = nxt
        here = there
    return best[k]


def _latest(lo: int, hi: int, ok: object) -> int:
    """Largest integer in ``[lo, hi]`` satisfying the monotone predicate ``ok`` (true at lo)."""
    assert callable(ok)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if ok(mid):
            lo = mid
        else:
            hi = mid - 1
    return lo


def schedule_tour(problem: RoutingProblem, tour_index: int, order: Sequence[int]) -> TourSchedule:
    """Schedule one tour's visits in the given order; see :func:`schedule_routes`.

    Raises
    ------
    InfeasibleError
        If the order cannot be scheduled within the windows, the tour's window or its limits.
    """
    tour = problem.tours[tour_index]
    order = [int(i) for i in order]
    if not order:
        return TourSchedule(tour_index, tour.earliest_start, tour.earliest_start, (), (), 0)
    names = ", ".join(problem.visits[i].id for i in order)
    earliest = earliest_schedule(problem, tour, order, tour.earliest_start)
    if earliest is None:
        raise InfeasibleError(
            f"tour {tour.id!r} cannot visit [{names}] in this order",
            [f"tour {tour.id!r}: a window, a break or the end of the tour is missed"],
        )
    first_start = earliest[0][0].start
    end0 = earliest[2]

    def keeps_first(d: int) -> bool:
        plan = earliest_schedule(problem, tour, order, d)
        return plan is not None and plan[0][0].start <= first_start

    departure = _latest(tour.earliest_start, first_start, keeps_first)
    plan = earliest_schedule(problem, tour, order, departure)
    assert plan is not None
    if tour.max_duration is not None and plan[2] - departure > tour.max_duration:
        # Shift later while the return does not get later: removes waiting after the first visit.
        def keeps_end(d: int) -> bool:
            p = earliest_schedule(problem, tour, order, d)
            return p is not None and p[2] <= end0

        departure = _latest(departure, tour.latest_end, keeps_end)
        plan = earliest_schedule(problem, tour, order, departure)
        assert plan is not None
        if plan[2] - departure > tour.max_duration:
            raise InfeasibleError(
                f"tour {tour.id!r} cannot visit [{names}] within its maximum duration",
                [f"tour {tour.id!r} needs {plan[2] - departure} > {tour.max_duration}"],
            )
    sched, brks, arrival = plan
    locs = [tour.start_location, *(problem.visits[i].location for i in order), tour.end_location]
    travel = sum(problem.travel(a, b) for a, b in itertools.pairwise(locs))
    return TourSchedule(tour_index, departure, arrival, tuple(sched), tuple(brks), travel)


def schedule_routes(problem: RoutingProblem, routes: Sequence[Sequence[int]]) -> Solution:
    """Turn an order of visit indices per tour into the earliest feasible schedule.

    Each visit starts as early as possible; breaks go where they fit best; departure from the
    start place is then pushed as late as possible without delaying any visit (and, if the tour
    would exceed its maximum duration, later still as long as the return is not delayed).

    Parameters
    ----------
    problem
        The problem the routes refer to.
    routes
        One sequence of visit indices per tour (missing trailing tours are unused).

    Returns
    -------
    Solution
        With status ``"scheduled"``.

    Raises
    ------
    InfeasibleError
        If a route cannot be scheduled, a visit appears twice, two members of a group of
        alternatives are planned, or there are too many routes.

    Examples
    --------
    >>> from tourplan.routing.problem import TimeWindow, Tour, Visit
    >>> p = RoutingProblem(
    ...     [[0, 10], [10, 0]],
    ...     visits=(Visit("a", 1, 5, (TimeWindow(50, 100),), score=3),),
    ...     tours=(Tour("day", 0, 0, 0, 200),),
    ... )
    >>> s = schedule_routes(p, [[0]])
    >>> s.tours[0].departure, s.tours[0].visits[0].start, s.tours[0].arrival, s.score
    (40, 50, 65, 3)
    """
    if len(routes) > len(problem.tours):
        raise InfeasibleError(f"{len(routes)} routes for {len(problem.tours)} tours")
    seen: set[int] = set()
    for route in routes:
        for i in route:
            if i in seen:
                raise InfeasibleError(f"visit {problem.visits[i].id!r} appears twice")
            seen.add(int(i))
    for group in problem.groups:
        both = [problem.visits[i].id for i in group.visits if i in seen]
        shared = any(len(set(group.visits) & set(route)) > 1 for route in routes)
        names = ", ".join(repr(b) for b in both)
        if group.limit == 1 and len(both) > 1:
            raise InfeasibleError(
                f"visits {names} are alternatives of group {group.id!r}: at most one may be planned"
            )
        if len(both) > group.limit or shared:
            raise InfeasibleError(
                f"visits {names} of group {group.id!r}: at most {group.limit} may be planned, "
                "never two in one tour"
            )
    padded = [list(r) for r in routes] + [[] for _ in range(len(problem.tours) - len(routes))]
    tours = tuple(schedule_tour(problem, t, r) for t, r in enumerate(padded))
    score = sum(problem.visits[i].score for i in seen)
    unvisited = tuple(i for i in range(len(problem.visits)) if i not in seen)
    return Solution(tours, score, sum(t.travel_time for t in tours), unvisited)

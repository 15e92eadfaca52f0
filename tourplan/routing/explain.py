"""Reasons why a routing problem cannot be solved, found before (or instead of) searching."""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import combinations, permutations
from typing import Literal

import numpy as np

from ..exceptions import InfeasibleError
from .problem import RoutingProblem, Tour, Visit
from .solution import earliest_schedule, schedule_tour

__all__ = [
    "Shortfall",
    "allowed_tours",
    "explain_infeasible",
    "explain_together",
    "fits_alone",
    "required_shortfall",
]


def fits_alone(problem: RoutingProblem, visit: Visit, tour: Tour) -> str | None:
    """Why ``visit`` cannot be the only visit of ``tour`` (breaks ignored), or ``None`` if it can.

    Parameters
    ----------
    problem
        The problem (for travel times).
    visit, tour
        The visit and the tour to test.

    Returns
    -------
    str or None
        A short reason, or ``None`` when the visit fits.
    """
    if tour.max_visits == 0:
        return f"tour {tour.id!r} allows no visits"
    go = problem.travel(tour.start_location, visit.location)
    back = problem.travel(visit.location, tour.end_location)
    if visit.service > tour.horizon:
        return f"its {visit.service} service is longer than tour {tour.id!r} ({tour.horizon})"
    if go + visit.service + back > tour.horizon:
        return (
            f"going there and back takes {go} + {visit.service} + {back} > {tour.horizon} "
            f"available in tour {tour.id!r}"
        )
    latest_start = tour.latest_end - back - visit.service
    earliest = tour.earliest_start + go
    if not any(w.start <= latest_start and w.end >= earliest for w in visit.windows):
        return (
            f"it is closed whenever tour {tour.id!r} could be there "
            f"(start between {earliest} and {latest_start})"
        )
    return None


def allowed_tours(problem: RoutingProblem) -> list[list[int]]:
    """For each visit, the tours it may be in and fits in alone (breaks ignored).

    The same answer as ``[t for t, tour in enumerate(problem.tours) if visit.allows(t) and
    fits_alone(problem, visit, tour) is None]`` for every visit, computed for all visits of a
    tour at once (a few milliseconds for a thousand visits, where the loop takes tenths of a
    second: it runs inside the time limit).

    Examples
    --------
    >>> from tourplan.routing.problem import TimeWindow, Tour, Visit
    >>> p = RoutingProblem(
    ...     [[0, 10], [10, 0]],
    ...     visits=(Visit("a", 1, 5, (TimeWindow(0, 100),), score=1),),
    ...     tours=(Tour("short", 0, 0, 0, 20), Tour("long", 0, 0, 0, 100)),
    ... )
    >>> allowed_tours(p)
    [[1]]
    """
    visits = problem.visits
    n = len(visits)
    if n == 0:
        return []
    n_win = max(len(v.windows) for v in visits)
    opens = np.full((n, n_win), np.iinfo(np.int64).max, dtype=np.int64)
    closes = np.full((n, n_win), np.iinfo(np.int64).min, dtype=np.int64)
    for i, v in enumerate(visits):
        for k, w in enumerate(v.windows):
            opens[i, k], closes[i, k] = w.start, w.end
    loc = np.array([v.location for v in visits], dtype=np.int64)
    svc = np.array([v.service for v in visits], dtype=np.int64)
    tt = problem.travel_times
    ok = np.zeros((n, len(problem.tours)), dtype=bool)
    for t, tour in enumerate(problem.tours):
        if tour.max_visits == 0:
            continue
        go, back = tt[tour.start_location, loc], tt[loc, tour.end_location]
        fits = (svc <= tour.horizon) & (go + svc + back <= tour.horizon)
        latest = (tour.latest_end - back - svc)[:, None]
        earliest = (tour.earliest_start + go)[:, None]
        ok[:, t] = fits & ((opens <= latest) & (closes >= earliest)).any(axis=1)
    for i, v in enumerate(visits):
        if v.tours is not None:
            ok[i, [t for t in range(len(problem.tours)) if t not in v.tours]] = False
    return [np.flatnonzero(row).tolist() for row in ok]


def _tours_alone(problem: RoutingProblem, i: int) -> tuple[list[int], list[str]]:
    """The tours visit ``i`` fits in alone (breaks included), and why it fits in no other."""
    v = problem.visits[i]
    why: list[str] = []
    ok: list[int] = []
    for t, tour in enumerate(problem.tours):
        if not v.allows(t):
            continue
        reason = fits_alone(problem, v, tour)
        if reason is None:
            try:
                schedule_tour(problem, t, [i])
            except InfeasibleError:
                reason = f"its visit cannot be combined with the breaks of tour {tour.id!r}"
        if reason is None:
            ok.append(t)
        else:
            why.append(reason)
    return ok, why


# Most required visits whose every order is tried when they cannot all fit together.
_MAX_ORDERS_OF = 6


@dataclass(frozen=True, slots=True)
class Shortfall:
    """Why required visits confined to one tour cannot all fit in it, in the order missing least.

    Times are on the problem's own axis; a caller with a clock (the planner) turns them into
    times of day.

    Parameters
    ----------
    tour
        The tour index.
    order
        The required visits' indices, in the order that misses least.
    kind
        ``"day_short"``: in any order the visits and the travel between them take ``time``
        (a length), more than the ``limit`` the tour leaves once its breaks are taken;
        ``"late_visit"``: ``visit`` is reached at ``time`` at the earliest (breaks aside),
        after its last start ``limit``; ``"late_return"``: the tour is back at ``time`` at the
        earliest (breaks aside), after its end ``limit``; ``"breaks"``: some order fits
        without the tour's breaks, none with them (``visit``: the first visit they cannot
        precede, if any).
    visit, time, limit
        As ``kind`` says; ``None`` when it does not apply.
    """

    tour: int
    order: tuple[int, ...]
    kind: Literal["day_short", "late_visit", "late_return", "breaks"]
    visit: int | None = None
    time: int | None = None
    limit: int | None = None

    @property
    def overrun(self) -> int:
        """How late the order is (0 when only the breaks are missing)."""
        return 0 if self.time is None or self.limit is None else self.time - self.limit


def _shortfall(problem: RoutingProblem, t: int, order: tuple[int, ...]) -> Shortfall:
    """Where ``order`` fails in tour ``t``: without the tour's breaks, the first visit no
    schedule of the visits before it can reach in time, or the return; if it fits without
    them, the breaks (and the first visit they cannot precede)."""
    tour = problem.tours[t]
    # the same tour without an end: a prefix of the order is scheduled as if the day went on
    open_end = replace(tour, latest_end=tour.latest_end + 10**9, max_duration=None)
    for breaks in ((), tour.breaks):
        day = replace(open_end, breaks=breaks)
        end, loc = tour.earliest_start, tour.start_location
        for m in range(1, len(order) + 1):
            i = order[m - 1]
            v = problem.visits[i]
            plan = earliest_schedule(problem, day, order[:m], tour.earliest_start)
            if plan is None:
                arrival = end + problem.travel(loc, v.location)
                if not breaks and v.earliest_start(arrival) is None:
                    return Shortfall(t, order, "late_visit", i, arrival, v.windows[-1].end)
                if breaks:
                    return Shortfall(t, order, "breaks", i)
                break
            end, loc = plan[0][-1].end, v.location
        plan = earliest_schedule(problem, day, order, tour.earliest_start)
        if not breaks and plan is not None and plan[2] > tour.latest_end:
            return Shortfall(t, order, "late_return", None, plan[2], tour.latest_end)
    return Shortfall(t, order, "breaks")


def _day_short(problem: RoutingProblem, t: int, orders: list[tuple[int, ...]]) -> Shortfall | None:
    """The visits and the travel between them, in the order that takes least, when that is
    longer than tour ``t`` once its breaks are taken (whatever the windows); else ``None``."""
    tour = problem.tours[t]
    available = tour.horizon - sum(b.duration for b in tour.breaks)

    def needed(order: tuple[int, ...]) -> int:
        locs = [tour.start_location, *(problem.visits[i].location for i in order)]
        ends = [*locs[1:], tour.end_location]
        travel = sum(problem.travel(a, b) for a, b in zip(locs, ends, strict=True))
        return travel + sum(problem.visits[i].service for i in order)

    best = min(orders, key=needed)
    if needed(best) <= available:
        return None
    return Shortfall(t, best, "day_short", None, needed(best), available)


def _together(problem: RoutingProblem, alone: dict[int, list[int]]) -> Shortfall | None:
    tours = {tuple(ts) for ts in alone.values()}
    if len(alone) < 2 or len(alone) > _MAX_ORDERS_OF or len(tours) != 1:
        return None
    (ts,) = tours
    if len(ts) != 1:
        return None
    t = ts[0]
    orders = list(permutations(sorted(alone)))
    best: Shortfall | None = None
    for order in orders:
        try:
            schedule_tour(problem, t, list(order))
            return None
        except InfeasibleError:
            pass
        found = _shortfall(problem, t, order)
        if best is None or found.overrun < best.overrun:
            best = found
    # the day itself, if it is too short whatever the order and the hours, else the best order
    return None if best is None else _day_short(problem, t, orders) or best


def required_shortfall(problem: RoutingProblem) -> Shortfall | None:
    """Why the required visits cannot all fit together, or ``None`` if this cannot tell.

    Only for 2 to ``_MAX_ORDERS_OF`` required visits that each fit alone in exactly one and
    the same tour: every order is tried, and the one missing least is described.

    Examples
    --------
    >>> from tourplan.routing.problem import TimeWindow, Tour, Visit
    >>> p = RoutingProblem(
    ...     [[0, 10, 10], [10, 0, 30], [10, 30, 0]],
    ...     visits=(
    ...         Visit("a", 1, 20, (TimeWindow(0, 15),), score=1, required=True),
    ...         Visit("b", 2, 20, (TimeWindow(0, 40),), score=1, required=True),
    ...     ),
    ...     tours=(Tour("day", 0, 0, 0, 100),),
    ... )
    >>> s = required_shortfall(p)
    >>> s.kind, p.visits[s.visit].id, s.time, s.limit
    ('late_visit', 'b', 60, 40)
    """
    alone: dict[int, list[int]] = {}
    for i, v in enumerate(problem.visits):
        if v.required:
            alone[i] = _tours_alone(problem, i)[0]
            if not alone[i]:
                return None  # explained alone
    return _together(problem, alone)


def explain_together(problem: RoutingProblem, alone: dict[int, list[int]]) -> list[str]:
    """Why required visits that each fit alone cannot all fit together, with numbers.

    Only for up to ``_MAX_ORDERS_OF`` required visits that all allow exactly one and the same
    tour: every order is tried, and the one missing least is described (which visit is
    reached after its last start, or how late the tour would end).
    """
    best = _together(problem, alone)
    if best is None:
        return []
    tour = problem.tours[best.tour].id
    if best.kind == "day_short":
        why = f"the visits and the travel between them take {best.time}, the tour leaves "
        why += str(best.limit)
    elif best.kind == "late_visit":
        assert best.visit is not None
        why = (
            f"{problem.visits[best.visit].id!r} is reached at {best.time} at the earliest, "
            f"its last start is {best.limit}"
        )
    elif best.kind == "late_return":
        why = f"the earliest return is {best.time}, tour {tour!r} ends at {best.limit}"
    else:
        why = f"the breaks of tour {tour!r} do not fit between them"
    names = ", ".join(repr(problem.visits[i].id) for i in sorted(alone))
    order_names = ", ".join(problem.visits[i].id for i in best.order)
    return [
        f"required visits {names} cannot all fit in tour {tour!r}: in the best "
        f"order ({order_names}) {why}"
    ]


def explain_infeasible(problem: RoutingProblem) -> list[str]:
    """Find required visits that cannot be part of any solution, with the reason.

    Checks each required visit alone in each allowed tour (windows, distance, service length,
    breaks, tour limits), each required group of alternatives (does any member fit?), then
    pairs of required visits confined to the same single tour, and the count of required visits
    against the tours' ``max_visits``. An empty list does not prove the
    problem feasible.

    Parameters
    ----------
    problem
        The problem to examine.

    Returns
    -------
    list of str
        One reason per problem found, each naming the visit(s).

    Examples
    --------
    >>> from tourplan.routing.problem import TimeWindow, Tour, Visit
    >>> p = RoutingProblem(
    ...     [[0, 10], [10, 0]],
    ...     visits=(Visit("kiln", 1, 5, (TimeWindow(500, 600),), score=1, required=True),),
    ...     tours=(Tour("day 1", 0, 0, 0, 100),),
    ... )
    >>> explain_infeasible(p)  # doctest: +ELLIPSIS
    ["required visit 'kiln' cannot fit in any tour: it is closed whenever tour 'day 1' could be..."]
    """
    reasons: list[str] = []
    alone: dict[int, list[int]] = {}
    for i, v in enumerate(problem.visits):
        if not v.required:
            continue
        ok, why = _tours_alone(problem, i)
        alone[i] = ok
        if not ok:
            reasons.append(f"required visit {v.id!r} cannot fit in any tour: {'; '.join(why)}")
    for group in problem.groups:
        if not group.required:
            continue
        whys = []
        for i in group.visits:
            ok, why = _tours_alone(problem, i)
            if ok:
                break
            whys.append(f"{problem.visits[i].id!r}: {'; '.join(why)}")
        else:
            reasons.append(
                f"no visit of required group {group.id!r} can fit in any tour: {' | '.join(whys)}"
            )
    feasible = {i: ts for i, ts in alone.items() if ts}
    if len(feasible) <= 40:
        for i, j in combinations(sorted(feasible), 2):
            ti, tj = feasible[i], feasible[j]
            if len(ti) == 1 and ti == tj:
                t = ti[0]
                fits = False
                for order in ([i, j], [j, i]):
                    try:
                        schedule_tour(problem, t, order)
                        fits = True
                        break
                    except InfeasibleError:
                        pass
                if not fits:
                    reasons.append(
                        f"required visits {problem.visits[i].id!r} and {problem.visits[j].id!r} "
                        f"cannot both fit in tour {problem.tours[t].id!r}, the only one they allow"
                    )
    reasons += explain_together(problem, feasible)
    limits = [t.max_visits for t in problem.tours]
    n_required = sum(v.required and v.counts for v in problem.visits)
    n_required += sum(
        g.required and all(problem.visits[i].counts for i in g.visits) for g in problem.groups
    )
    if None not in limits and n_required > sum(x for x in limits if x is not None):
        reasons.append(
            f"{n_required} required visits but the tours allow at most "
            f"{sum(x for x in limits if x is not None)} visits in all"
        )
    return reasons

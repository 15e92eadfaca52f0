"""Feasibility, evaluation and insertion of visits into tours (score-per-time insertion).

Insertion adds, one at a time, the visit with the best ``score**2 / added time`` (Vansteenwegen et
al. 2009). The added times are vectorised with numpy and remembered per route
(:mod:`.insertion_costs`), so a route met again costs only its new candidates; the choice is the
same whatever was remembered. It respects windows (several per visit), tour windows,
allowed tours and ``max_visits``, and groups of alternatives: once a member of a group is in the
plan, the other members are no longer candidates (:meth:`Inserter.open_mask`).

Breaks and ``max_duration`` are handled in two steps. The vectorised test ignores them; it is a
relaxation (breaks only delay events, and a duration limit only removes plans), so a visit it
rejects cannot be inserted anyway. For a tour with breaks or a duration limit, the visit with the
best ratio is then confirmed with the exact scheduler of :mod:`tourplan.routing.solution` at its
best few positions (by the relaxed added time); if none holds, that visit is set aside for that
tour until the tour changes, and the next best candidate is tried.

The local search moves (:mod:`.moves`) and the iterated search (:mod:`.ils`) build on
:class:`Inserter`. The module is longer than 450 lines because the required-visit seed and the
group masks work on the Inserter's own arrays and exact checks; splitting them off would expose
those internals to another module.
"""

from __future__ import annotations

import itertools
from array import array
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from ..exceptions import InfeasibleError
from .insertion_costs import INF, CostTables, RouteCosts, insertion_monotone, travel_lists
from .pool import RoutePool
from .problem import RoutingProblem
from .solution import earliest_end, schedule_tour

__all__ = ["REQUIRED_WEIGHT", "Inserter", "Int", "Routes", "insertion_routes", "routes_value"]

_INF = INF
# Exactly feasible positions to compare (by exact end time) before inserting a visit.
_CONFIRM = 3
# Confirmations remembered (then forgotten all at once): a few MB at most.
_CONFIRM_MEMORY = 20_000
#: Insertion weight of a required visit (above any score squared).
REQUIRED_WEIGHT = 1e18
#: An array of integers (visit indices, positions, times).
Int = npt.NDArray[np.int64]
#: Visit indices per tour, in order.
Routes = list[list[int]]


def routes_value(problem: RoutingProblem, routes: Sequence[Sequence[int]]) -> tuple[int, int]:
    """(score, -travel time) of routes, larger is better: how plans are compared.

    Parameters
    ----------
    problem
        The problem.
    routes
        Visit indices per tour.
    """
    score = sum(problem.visits[i].score for r in routes for i in r)
    travel = 0
    for t, r in enumerate(routes):
        if r:
            tour = problem.tours[t]
            locs = [tour.start_location, *(problem.visits[i].location for i in r)]
            locs.append(tour.end_location)
            travel += sum(problem.travel(a, b) for a, b in itertools.pairwise(locs))
    return score, -travel


class Inserter:
    """Score-per-time insertion for one problem (arrays prepared once).

    Parameters
    ----------
    problem
        The problem (any: breaks and ``max_duration`` are checked exactly on confirmation).
    allowed
        For each visit, the tours it may be in (after any pruning by the caller).
    """

    def __init__(self, problem: RoutingProblem, allowed: Sequence[Sequence[int]]) -> None:
        self.problem = problem
        visits = problem.visits
        n = len(visits)
        self.n = n
        self.tt = problem.travel_times
        n_win = max((len(v.windows) for v in visits), default=1)
        self.opens = np.full((n, n_win), _INF, dtype=np.int64)
        self.closes = np.full((n, n_win), -1, dtype=np.int64)
        for i, v in enumerate(visits):
            for k, w in enumerate(v.windows):
                self.opens[i, k], self.closes[i, k] = w.start, w.end
        self.loc = np.array([v.location for v in visits], dtype=np.int64)
        self.svc = np.array([v.service for v in visits], dtype=np.int64)
        self.score = np.array([v.score for v in visits], dtype=np.int64)
        # Visits that do not count against ``max_visits`` (may join a full tour).
        self.uncounted = np.array([not v.counts for v in visits], dtype=bool)
        weight = self.score.astype(float) ** 2
        weight[[i for i in range(n) if problem.must_keep(i)]] = REQUIRED_WEIGHT
        self.weight = weight
        # Groups of alternatives: each visit's group (-1 for none), and each group's members.
        self.group = np.array(
            [-1 if (g := problem.group_of(i)) is None else g for i in range(n)], dtype=np.int64
        )
        self.members: list[list[int]] = [list(g.visits) for g in problem.groups]
        mask = np.zeros((len(problem.tours), n), dtype=bool)
        for i, ts in enumerate(allowed):
            mask[list(ts), i] = True
        self.allowed = mask & (weight > 0)[None, :]
        #: ``allowed`` as lists (tour x visit), for the scalar loops
        self.allowed_rows: list[list[bool]] = self.allowed.tolist()
        self.noise = np.ones(n)
        # plain-Python copies for the scalar loops (numpy scalar indexing is slow)
        self.tt_list: list[array[int]] = travel_lists(problem)
        self.loc_list: list[int] = self.loc.tolist()
        self.svc_list: list[int] = self.svc.tolist()
        self.score_list: list[int] = self.score.tolist()
        self.windows = [[(w.start, w.end) for w in v.windows] for v in visits]
        # Tours whose insertions the vectorised (relaxed) test cannot decide alone.
        self.exact = [bool(t.breaks) or t.max_duration is not None for t in problem.tours]
        self.single_window = n_win == 1
        # one window per visit (most problems): its bounds as lists, for the scalar loops
        self._open0: list[int] = self.opens[:, 0].tolist()
        self._close0: list[int] = self.closes[:, 0].tolist()
        self._group_list: list[int] = self.group.tolist()
        # Relaxed insertion costs per route, remembered (:mod:`.insertion_costs`).
        self.costs = CostTables(self.tt, self.loc, self.svc, self.opens, self.closes)
        self.fits: list[npt.NDArray[np.bool_]] = [np.zeros(n, dtype=bool)] * len(problem.tours)
        self.metric = insertion_monotone(problem)
        # the last route whose end times / latest arrivals were computed (the moves ask for a
        # route's times, then cost it); never handed out, only copies
        self._last_forward: tuple[tuple[int, ...], list[int]] = ((), [])
        self._last_latest: tuple[tuple[int, ...], list[int]] = ((), [])
        # (tour, visit, route) -> :meth:`confirm`'s answer: the search meets the same tours
        # again and again (97 % of the checks of a one-day plan were repeats)
        self._confirmed: dict[tuple[int, ...], int | None] = {}

    @staticmethod
    def supports(problem: RoutingProblem) -> bool:
        """Whether the heuristic handles the problem: always (breaks are checked exactly)."""
        del problem
        return True

    def open_mask(self, routes: Routes, *, leaving: int | None = None) -> npt.NDArray[np.bool_]:
        """Visits that may be added to ``routes``: not in them, and no other member of their
        group in them.

        Parameters
        ----------
        routes
            The plan.
        leaving
            A visit of the plan about to be taken out (for exchange): its group's other
            members are open, and it is not.
        """
        mask = np.ones(self.n, dtype=bool)
        mask[[i for route in routes for i in route]] = False
        group = self._group_list
        for route in routes:
            if self.members:
                for i in route:
                    g = group[i]
                    if g >= 0 and i != leaving:
                        mask[self.members[g]] = False
        return mask

    def keep_mask(self) -> list[bool]:
        """For each visit, whether it must stay once planned (required, or of a required group)."""
        return [self.problem.must_keep(i) for i in range(self.n)]

    def seed_required(self, routes: Routes, *, budget: int = 20_000) -> bool:
        """Place every required visit into ``routes`` (in place) before anything else.

        Greedy insertion can place the first required visits so that the others no longer
        fit. This is a depth-first search over (visit, tour, position), hardest visit first
        (fewest tours, then narrowest windows), each placement checked exactly (windows,
        breaks, duration, ``max_visits``), at most ``budget`` checks. Returns whether every
        required visit is placed; if not, ``routes`` is left unchanged.
        """
        problem = self.problem
        placed = {i for route in routes for i in route}
        todo = [i for i, v in enumerate(problem.visits) if v.required and i not in placed]
        if not todo:
            return True

        def span(i: int) -> int:
            return sum(w.end - w.start for w in problem.visits[i].windows)

        todo.sort(key=lambda i: (int(self.allowed[:, i].sum()), span(i), i))
        trial = [list(r) for r in routes]
        checks = 0

        def place(k: int) -> bool:
            nonlocal checks
            if k == len(todo):
                return True
            i = todo[k]
            options = []
            for r in np.flatnonzero(self.allowed[:, i]).tolist():
                route = trial[r]
                limit = problem.tours[r].max_visits
                full = limit is not None and problem.counted(route) >= limit
                if full and problem.visits[i].counts:
                    continue
                for p in range(len(route) + 1):
                    if checks >= budget:
                        return False
                    checks += 1
                    moved = [*route[:p], i, *route[p:]]
                    if self.feasible(r, moved):
                        options.append((self.travel(r, moved) - self.travel(r, route), r, p))
            for _, r, p in sorted(options):
                trial[r].insert(p, i)
                if place(k + 1):
                    return True
                del trial[r][p]
            return False

        if not place(0):
            return False
        routes[:] = trial
        return True

    def upper_bound(self) -> int:
        """The best score any plan could reach: every allowed visit, the best member per group."""
        ok = np.asarray(self.allowed.any(axis=0), dtype=bool)
        free = ok & (self.group < 0)
        usable = ok.tolist()
        best = [max((self.score_list[i] for i in m if usable[i]), default=0) for m in self.members]
        return int(self.score[free].sum()) + sum(best)

    def end_time(self, r: int, route: list[int]) -> int | None:
        """Exact earliest return of route ``r`` (breaks, duration), or ``None`` if infeasible."""
        tour = self.problem.tours[r]
        if not route:
            return tour.earliest_start
        if tour.max_duration is None:
            return earliest_end(self.problem, tour, route, tour.earliest_start)
        try:
            return schedule_tour(self.problem, r, route).arrival
        except InfeasibleError:
            return None

    def feasible(self, r: int, route: list[int]) -> bool:
        """Whether route ``r`` can be scheduled (relaxed test first, then the exact one)."""
        if self.forward(r, route) is None:
            return False
        return not self.exact[r] or self.end_time(r, route) is not None

    def _start(self, i: int, arrival: int) -> int | None:
        for start, end in self.windows[i]:
            if arrival <= end:
                return arrival if arrival > start else start
        return None

    def forward(self, r: int, route: list[int]) -> list[int] | None:
        """End time after each stop (start place first), or ``None`` if a window is missed."""
        key = (r, *route)
        table = self.costs.get(key)
        if table is not None:  # a route costed before (and so feasible)
            return list(table.end_times)
        ends = self._forward(r, route)
        if ends is not None:  # callers often cost this route next (:meth:`_table`)
            self._last_forward = key, ends
            return list(ends)
        return None

    def _forward(self, r: int, route: list[int]) -> list[int] | None:
        tour = self.problem.tours[r]
        tt, loc, svc = self.tt_list, self.loc_list, self.svc_list
        prev = tour.start_location
        end = tour.earliest_start
        ends = [end]
        if self.single_window:  # _start inlined: a third of the time on long routes
            opens, closes = self._open0, self._close0
            for i in route:
                here = loc[i]
                a = end + tt[prev][here]
                if a > closes[i]:
                    return None
                end = (a if a > opens[i] else opens[i]) + svc[i]
                ends.append(end)
                prev = here
        else:
            for i in route:
                s = self._start(i, end + tt[prev][loc[i]])
                if s is None:
                    return None
                end = s + svc[i]
                ends.append(end)
                prev = loc[i]
        if end + tt[prev][tour.end_location] > tour.latest_end:
            return None
        return ends

    def still_feasible(self, r: int, route: list[int], ends: list[int], lo: int, hi: int) -> bool:
        """Relaxed feasibility of ``route``, equal to the route of ``ends`` outside [lo, hi)."""
        tour = self.problem.tours[r]
        tt, loc, svc = self.tt_list, self.loc_list, self.svc_list
        prev = tour.start_location if lo == 0 else loc[route[lo - 1]]
        end = ends[lo]
        single, opens, closes = self.single_window, self._open0, self._close0
        for k in range(lo, len(route)):
            if k > hi and end <= ends[k]:
                return True  # from here on no later than the feasible route
            i = route[k]
            a = end + tt[prev][loc[i]]
            if single:
                if a > closes[i]:
                    return False
                end = (a if a > opens[i] else opens[i]) + svc[i]
            else:
                s = self._start(i, a)
                if s is None:
                    return False
                end = s + svc[i]
            prev = loc[i]
        return end + tt[prev][tour.end_location] <= tour.latest_end

    def repair(self, r: int, route: list[int]) -> None:
        """Drop visits until the route is feasible again."""
        self._repair_relaxed(r, route)
        while route and not self.feasible(r, route):
            # Breaks or the duration limit: drop the least valuable visit whose removal
            # makes the route feasible, else the last one.
            order = sorted(range(len(route)), key=lambda k: (self.weight[route[k]], -k))
            bad = next(
                (k for k in order if self.feasible(r, route[:k] + route[k + 1 :])),
                len(route) - 1,
            )
            del route[bad]

    def _repair_relaxed(self, r: int, route: list[int]) -> None:
        while route and self.forward(r, route) is None:
            bad = len(route) - 1
            tour = self.problem.tours[r]
            prev, end = tour.start_location, tour.earliest_start
            for k, i in enumerate(route):
                s = self._start(i, end + int(self.tt[prev, self.loc[i]]))
                if s is None:
                    bad = k
                    break
                end, prev = s + int(self.svc[i]), int(self.loc[i])
            del route[bad]

    def latest_arrivals(self, r: int, route: list[int]) -> list[int]:
        """Latest arrival at the stop after each gap of route ``r`` (gap ``k``: before
        ``route[k]``; the last gap before the tour's end) that keeps the rest feasible."""
        key = (r, *route)
        if self._last_latest[0] == key:  # the same route again (a move, then its costing)
            return list(self._last_latest[1])
        tour = self.problem.tours[r]
        ttl, locl, svcl = self.tt_list, self.loc_list, self.svc_list
        nxt, latest = tour.end_location, [tour.latest_end]  # built backwards
        bound = tour.latest_end
        single, opens, closes = self.single_window, self._open0, self._close0
        for i in reversed(route):
            here = locl[i]
            bound = bound - ttl[here][nxt] - svcl[i]
            if single:
                close = closes[i]
                bound = (close if close < bound else bound) if opens[i] <= bound else -_INF
            else:
                best = -_INF
                for start, end in self.windows[i]:
                    if start <= bound:
                        best = min(end, bound)
                bound = best
            latest.append(bound)
            nxt = here
        latest.reverse()
        self._last_latest = key, latest
        return list(latest)

    def evaluate(
        self, r: int, route: list[int], unrouted: npt.NDArray[np.bool_]
    ) -> tuple[npt.NDArray[np.float64], Int]:
        """Best ratio (or -1) and insertion position of each visit in route ``r``.

        Also records, per tour, the visits that fit somewhere (relaxed test) in
        ``self.fits[r]`` (a mask): with the triangle inequality, inserting a visit cannot make
        another fit that did not, so :meth:`fill` re-evaluates only those.

        The costs come from the route's remembered table (:mod:`.insertion_costs`); only the
        candidates not yet costed on this route are computed. The arithmetic is elementwise
        over all visits, as it was over the candidates, so the numbers are the same.
        """
        tour = self.problem.tours[r]
        n = self.n
        cand = self.allowed[r] & unrouted
        if tour.max_visits is not None and self.problem.counted(route) >= tour.max_visits:
            cand = cand & self.uncounted  # a full tour takes only visits that do not count
        if not cand.any():
            self.fits[r] = np.zeros(n, dtype=bool)
            return np.full(n, -1.0), np.zeros(n, dtype=np.int64)
        table = self._table(r, route)
        self.costs.complete(table, cand)
        best = table.best
        fits = cand & (best < _INF)
        self.fits[r] = fits
        ratio = np.where(fits, self.weight * self.noise / np.maximum(best, 1), -1.0)
        return ratio, np.where(cand, table.pos, 0)

    def _table(self, r: int, route: list[int]) -> RouteCosts:
        """The insertion costs of route ``r`` (remembered, or started now)."""
        key = (r, *route)
        table = self.costs.get(key)
        if table is None:
            tour = self.problem.tours[r]
            last_key, last_ends = self._last_forward
            ends = last_ends if last_key == key else self._forward(r, route)
            assert ends is not None
            locs = [tour.start_location, *(self.loc_list[i] for i in route), tour.end_location]
            latest = self.latest_arrivals(r, route)
            table = RouteCosts(self.n, locs, ends, latest, self.tt, self.costs.unknown)
            self.costs.add(key, table)
        return table

    def confirm(self, r: int, route: list[int], c: int) -> int | None:
        """Best exactly feasible position of visit ``c`` in route ``r``, or ``None``.

        Positions are tried in order of relaxed added time; among the first ``_CONFIRM``
        feasible ones, the one with the earliest exact return wins.
        """
        key = (r, c, *route)
        if key in self._confirmed:
            return self._confirmed[key]
        col = self.costs.shift(self._table(r, route), np.array([c], dtype=np.int64))[:, 0]
        best: tuple[int, int] | None = None
        found = 0
        for p in np.argsort(col, kind="stable").tolist():
            if col[p] >= _INF:
                break
            end = self.end_time(r, [*route[:p], c, *route[p:]])
            if end is None:
                continue
            if best is None or end < best[0]:
                best = (end, p)
            found += 1
            if found >= _CONFIRM:
                break
        if len(self._confirmed) >= _CONFIRM_MEMORY:
            self._confirmed.clear()
        self._confirmed[key] = None if best is None else best[1]
        return self._confirmed[key]

    def fill(self, routes: Routes) -> Routes:
        """Insert visits into ``routes`` (in place) while any fits; return them.

        A visit whose group already has a member in ``routes`` is never inserted.
        """
        unrouted = self.open_mask(routes)
        table = [self.evaluate(r, route, unrouted) for r, route in enumerate(routes)]
        # Each tour's best visit (first on a tie); the tour of the best of them, first on a
        # tie, is what the argmax over all tours' ratios in row order would choose.
        top = [int(t[0].argmax()) for t in table]
        tours = range(len(routes))
        while routes:
            r = max(tours, key=lambda k: table[k][0][top[k]])
            c = top[r]
            ratio, pos = table[r]
            if ratio[c] <= 0:
                break
            if self.exact[r]:
                p = self.confirm(r, routes[r], c)
                if p is None:
                    ratio[c] = -1.0  # not before this tour changes
                    top[r] = int(ratio.argmax())
                    continue
                pos[c] = p
            routes[r].insert(int(pos[c]), c)
            closed = [c] if self.group[c] < 0 else self.members[self.group[c]]
            unrouted[closed] = False
            for k, t in enumerate(table):
                t[0][closed] = -1.0
                if top[k] in closed:  # else it stays the first best of its tour
                    top[k] = int(t[0].argmax())
            if self.metric:  # only visits that fitted before can fit now
                table[r] = self.evaluate(r, routes[r], unrouted & self.fits[r])
            else:
                table[r] = self.evaluate(r, routes[r], unrouted)
            top[r] = int(table[r][0].argmax())
        return routes

    def value(self, routes: Routes) -> tuple[int, int]:
        """(score, -travel) of routes: larger is better."""
        score = sum(int(self.score[i]) for route in routes for i in route)
        return score, -sum(self.travel(r, route) for r, route in enumerate(routes))

    def travel(self, r: int, route: list[int]) -> int:
        """Travel time of route ``r`` (0 if empty)."""
        if not route:
            return 0
        tour = self.problem.tours[r]
        tt, loc = self.tt_list, self.loc_list
        prev, total = tour.start_location, 0
        for i in route:
            total += tt[prev][loc[i]]
            prev = loc[i]
        return total + tt[prev][tour.end_location]

    def offer(self, pool: RoutePool | None, routes: Routes) -> None:
        """Add each tour of ``routes`` to ``pool`` (if any)."""
        if pool is not None:
            for r, route in enumerate(routes):
                score = sum(self.score_list[i] for i in route)
                pool.add(r, route, score, self.travel(r, route))


def insertion_routes(problem: RoutingProblem, allowed: Sequence[Sequence[int]]) -> Routes | None:
    """Routes built by score-per-time insertion, or ``None`` if the problem is unsupported.

    Parameters
    ----------
    problem
        The problem.
    allowed
        For each visit, the tours it may be in.
    """
    if not Inserter.supports(problem):
        return None
    return Inserter(problem, allowed).fill([[] for _ in problem.tours])

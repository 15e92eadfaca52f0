"""Feasibility, evaluation and insertion of visits into tours (score-per-time insertion).

Insertion adds, one at a time, the visit with the best ``score**2 / added time`` (Vansteenwegen et
al. 2009), vectorised with numpy per tour. It respects windows (several per visit), tour windows,
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
import weakref
from array import array
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from ..exceptions import InfeasibleError
from .pool import RoutePool
from .problem import RoutingProblem
from .solution import earliest_schedule, schedule_tour

__all__ = ["REQUIRED_WEIGHT", "Inserter", "Int", "Routes", "insertion_routes", "routes_value"]

_INF = np.iinfo(np.int64).max // 4
# Exactly feasible positions to compare (by exact end time) before inserting a visit.
_CONFIRM = 3
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
        self.noise = np.ones(n)
        # plain-Python copies for the scalar loops (numpy scalar indexing is slow)
        self.tt_list: list[array[int]] = _travel_lists(problem)
        self.loc_list: list[int] = self.loc.tolist()
        self.svc_list: list[int] = self.svc.tolist()
        self.score_list: list[int] = self.score.tolist()
        self.windows = [[(w.start, w.end) for w in v.windows] for v in visits]
        # Tours whose insertions the vectorised (relaxed) test cannot decide alone.
        self.exact = [bool(t.breaks) or t.max_duration is not None for t in problem.tours]
        # Per tour: candidate indices and relaxed added time (positions x candidates).
        self._shift: list[tuple[Int, Int] | None] = [None] * len(problem.tours)
        self.single_window = n_win == 1
        self.fits: list[Int] = [np.zeros(0, dtype=np.int64)] * len(problem.tours)
        self.metric = _insertion_monotone(problem)

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
        for route in routes:
            mask[route] = False
            for i in route:
                g = self.group[i]
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
                if limit is not None and len(route) >= limit:
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
            plan = earliest_schedule(self.problem, tour, route, tour.earliest_start)
            return None if plan is None else plan[2]
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
        tour = self.problem.tours[r]
        tt, loc, svc = self.tt_list, self.loc_list, self.svc_list
        prev = tour.start_location
        ends = [tour.earliest_start]
        for i in route:
            s = self._start(i, ends[-1] + tt[prev][loc[i]])
            if s is None:
                return None
            ends.append(s + svc[i])
            prev = loc[i]
        if ends[-1] + tt[prev][tour.end_location] > tour.latest_end:
            return None
        return ends

    def still_feasible(self, r: int, route: list[int], ends: list[int], lo: int, hi: int) -> bool:
        """Relaxed feasibility of ``route``, equal to the route of ``ends`` outside [lo, hi)."""
        tour = self.problem.tours[r]
        tt, loc, svc = self.tt_list, self.loc_list, self.svc_list
        prev = tour.start_location if lo == 0 else loc[route[lo - 1]]
        end = ends[lo]
        for k in range(lo, len(route)):
            if k > hi and end <= ends[k]:
                return True  # from here on no later than the feasible route
            i = route[k]
            s = self._start(i, end + tt[prev][loc[i]])
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
        tour = self.problem.tours[r]
        ttl, locl, svcl = self.tt_list, self.loc_list, self.svc_list
        nxt, latest = tour.end_location, [tour.latest_end]  # built backwards
        for i in reversed(route):
            bound = latest[-1] - ttl[locl[i]][nxt] - svcl[i]
            best = -_INF
            for start, end in self.windows[i]:
                if start <= bound:
                    best = min(end, bound)
            latest.append(best)
            nxt = locl[i]
        latest.reverse()
        return latest

    def evaluate(
        self, r: int, route: list[int], unrouted: npt.NDArray[np.bool_]
    ) -> tuple[npt.NDArray[np.float64], Int]:
        """Best ratio (or -1) and insertion position of each visit in route ``r``.

        Also records, per tour, the visits that fit somewhere (relaxed test) in
        ``self.fits[r]``: with the triangle inequality, inserting a visit cannot make another
        fit that did not, so :meth:`fill` re-evaluates only those.
        """
        tour = self.problem.tours[r]
        n = self.n
        ratio = np.full(n, -1.0)
        pos = np.zeros(n, dtype=np.int64)
        cand = np.flatnonzero(self.allowed[r] & unrouted)
        if cand.size == 0 or (tour.max_visits is not None and len(route) >= tour.max_visits):
            self.fits[r] = cand[:0]
            return ratio, pos
        ends = self.forward(r, route)
        assert ends is not None
        locs = [tour.start_location, *(self.loc_list[i] for i in route), tour.end_location]
        latest = self.latest_arrivals(r, route)
        tt = self.tt
        prev_loc = np.array(locs[:-1], dtype=np.int64)[:, None]
        next_loc = np.array(locs[1:], dtype=np.int64)[:, None]
        end_prev = np.array(ends, dtype=np.int64)[:, None]
        cand_loc = self.loc[cand]
        arr = end_prev + tt[prev_loc, cand_loc]  # positions x candidates
        if self.single_window:
            start = np.maximum(arr, self.opens[cand, 0])
            start[arr > self.closes[cand, 0]] = _INF
        else:
            a = arr[..., None]
            start = np.where(a <= self.closes[cand], np.maximum(a, self.opens[cand]), _INF).min(
                axis=-1
            )
        new_arrival = start + (self.svc[cand] + tt[cand_loc, next_loc])
        # added time; infeasible where a window is missed or the next stop is reached too late
        shift = new_arrival - (end_prev + tt[prev_loc, next_loc])
        shift[new_arrival > np.array(latest, dtype=np.int64)[:, None]] = _INF
        shift[start >= _INF] = _INF
        if self.exact[r]:
            self._shift[r] = (cand, shift)
        best_pos = shift.argmin(axis=0)
        best_shift = shift[best_pos, np.arange(cand.size)]
        ok_c = best_shift < _INF
        fits = cand[ok_c]
        self.fits[r] = fits
        ratio[fits] = self.weight[fits] * self.noise[fits] / np.maximum(best_shift[ok_c], 1)
        pos[cand] = best_pos
        return ratio, pos

    def confirm(self, r: int, route: list[int], c: int) -> int | None:
        """Best exactly feasible position of visit ``c`` in route ``r``, or ``None``.

        Positions are tried in order of relaxed added time; among the first ``_CONFIRM``
        feasible ones, the one with the earliest exact return wins.
        """
        stored = self._shift[r]
        assert stored is not None
        cand, shift = stored
        col = shift[:, int(np.searchsorted(cand, c))]
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
        return None if best is None else best[1]

    def fill(self, routes: Routes) -> Routes:
        """Insert visits into ``routes`` (in place) while any fits; return them.

        A visit whose group already has a member in ``routes`` is never inserted.
        """
        unrouted = self.open_mask(routes)
        table = [self.evaluate(r, route, unrouted) for r, route in enumerate(routes)]
        while True:
            ratios = np.stack([t[0] for t in table])
            r, c = np.unravel_index(int(ratios.argmax()), ratios.shape)
            if ratios[r, c] <= 0:
                return routes
            if self.exact[r]:
                p = self.confirm(int(r), routes[r], int(c))
                if p is None:
                    table[r][0][c] = -1.0  # not before this tour changes
                    continue
                table[r][1][c] = p
            routes[r].insert(int(table[r][1][c]), int(c))
            closed = [int(c)] if self.group[c] < 0 else self.members[self.group[c]]
            unrouted[closed] = False
            for t in table:
                t[0][closed] = -1.0
            if self.metric:  # only visits that fitted before can fit now
                keep = np.zeros(self.n, dtype=bool)
                keep[self.fits[r]] = True
                table[r] = self.evaluate(int(r), routes[r], unrouted & keep)
            else:
                table[r] = self.evaluate(int(r), routes[r], unrouted)

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


# The travel matrix as rows of machine integers, by id of the problem: as fast to index as lists
# of Python ints at a fifth of their memory (13 MB on 600 places as lists), made once per problem
# rather than by every Inserter of a search.
_LISTS: dict[int, list[array[int]]] = {}


def _travel_lists(problem: RoutingProblem) -> list[array[int]]:
    """``problem.travel_times`` as one ``array("q")`` per row (read-only by every user)."""
    key = id(problem)
    if key not in _LISTS:
        _LISTS[key] = [array("q", row.tobytes()) for row in problem.travel_times]
        weakref.finalize(problem, _LISTS.pop, key, None)
    return _LISTS[key]


# _insertion_monotone's answers by id of the problem, dropped when the problem is collected:
# the check is cubic in the places (seconds on 600 places) and every Inserter asks it.
_MONOTONE: dict[int, bool] = {}


def _insertion_monotone(problem: RoutingProblem) -> bool:
    """Whether inserting a visit can never make another visit fit that did not.

    True when going from ``a`` to ``c`` through any visit ``b`` (service included) takes at
    least as long as going directly: ``tt[a, c] <= tt[a, b] + service(b) + tt[b, c]`` for all
    locations ``a``, ``c`` and visits ``b`` (a triangle inequality, checked once per problem
    and remembered while the problem lives).
    """
    key = id(problem)
    if key not in _MONOTONE:
        _MONOTONE[key] = _check_monotone(problem)
        weakref.finalize(problem, _MONOTONE.pop, key, None)
    return _MONOTONE[key]


# Most via-location x location^2 comparisons the check makes (0.03-0.1 s: 460 places); larger
# problems are not checked and run without the shortcut (the same plans, a little slower).
_MONOTONE_WORK = 10**8


def _check_monotone(problem: RoutingProblem) -> bool:
    tt = problem.travel_times
    via: dict[int, int] = {}
    for v in problem.visits:
        via[v.location] = min(v.service, via.get(v.location, v.service))
    if len(via) * tt.size > _MONOTONE_WORK:
        return False
    if tt.size and int(tt.max()) < 2**30 and max(via.values(), default=0) < 2**30:
        tt = tt.astype(np.int32)  # half the memory traffic; sums stay below 2**31
    through = np.empty_like(tt)
    shorter = np.empty(tt.shape, dtype=bool)
    for b, service in via.items():
        np.add(tt[:, b, None], tt[b] + service, out=through)
        if np.less(through, tt, out=shorter).any():
            return False
    return True


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

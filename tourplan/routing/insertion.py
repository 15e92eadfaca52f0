"""Constructive insertion and an iterated local search around it (TOPTW literature).

Insertion adds, one at a time, the visit with the best ``score**2 / added time`` (Vansteenwegen et
al. 2009), vectorised with numpy per tour. The iterated local search alternates a shake with
insertion, keeping the best plan. The shakes remove a run of consecutive visits from each tour,
as many visits scattered over each tour, or strings of visits near a random place across tours
(the string removal of Christiaens & Vanden Berghe 2020, the one shake that moves a region from one
tour to another). A shaken plan is kept as in a random walk, or by simulated annealing on the
score. Both respect windows (several per visit), tour windows, allowed tours and ``max_visits``.

After each re-insertion two local searches make room for more: tightening (2-opt and or-opt
moves that shorten a tour's travel, :meth:`Inserter.tighten`) and, for plans that score at least
as much as before the shake, exchange (a visit swapped for an unvisited place of higher score
that fits in its stead, :meth:`Inserter.exchange`, the "replace" move of the TOPTW literature).
Every tour of every plan met can be offered to a :class:`~tourplan.routing.pool.RoutePool`, from
which the solver recombines tours of different plans.

Breaks and ``max_duration`` are handled in two steps. The vectorised test ignores them; it is a
relaxation (breaks only delay events, and a duration limit only removes plans), so a visit it
rejects cannot be inserted anyway. For a tour with breaks or a duration limit, the visit with the
best ratio is then confirmed with the exact scheduler of :mod:`tourplan.routing.solution` at its
best few positions (by the relaxed added time); if none holds, that visit is set aside for that
tour until the tour changes, and the next best candidate is tried.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from ..exceptions import InfeasibleError
from .pool import RoutePool, tour_classes
from .problem import RoutingProblem
from .solution import _earliest, schedule_tour

__all__ = ["Inserter", "insertion_routes", "iterated_insertion", "pooled_iterated_insertion"]

_INF = np.iinfo(np.int64).max // 4
# Shakes without gain, per (25 + visits of the longest tour), before going back to the best plan.
_STALE = 0.5
# Exactly feasible positions to compare (by exact end time) before inserting a visit.
_CONFIRM = 3
# String removal: mean number of visits removed, longest string (Christiaens & Vanden Berghe).
_STRING_VISITS = 10
_STRING_LENGTH = 10
# Every how many shakes a string removal replaces the run / scattered removal.
_STRING_EVERY = 3
# Tightening: shortening moves tried for feasibility per pass, most saving first.
_TIGHTEN_TRIES = 30
# Exchange: rounds of one swap per tour (each followed by tightening and insertion).
_EXCHANGE_ROUNDS = 20
# Restart from a new randomised construction after this share of the budget (time, or
# iterations in deterministic mode) without a gain since the last restart.
_RESTART = 0.25
# Insertion weight of a required visit (above any score squared).
_REQUIRED = 1e18
_Int = npt.NDArray[np.int64]
Routes = list[list[int]]


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
        weight[[i for i, v in enumerate(visits) if v.required]] = _REQUIRED
        self.weight = weight
        mask = np.zeros((len(problem.tours), n), dtype=bool)
        for i, ts in enumerate(allowed):
            mask[list(ts), i] = True
        self.allowed = mask & (weight > 0)[None, :]
        self.noise = np.ones(n)
        # plain-Python copies for the scalar loops (numpy scalar indexing is slow)
        self.tt_list: list[list[int]] = self.tt.tolist()
        self.loc_list: list[int] = self.loc.tolist()
        self.svc_list: list[int] = self.svc.tolist()
        self.score_list: list[int] = self.score.tolist()
        self.windows = [[(w.start, w.end) for w in v.windows] for v in visits]
        # Tours whose insertions the vectorised (relaxed) test cannot decide alone.
        self.exact = [bool(t.breaks) or t.max_duration is not None for t in problem.tours]
        # Per tour: candidate indices and relaxed added time (positions x candidates).
        self._shift: list[tuple[_Int, _Int] | None] = [None] * len(problem.tours)
        self._near: _Int | None = None
        self.single_window = n_win == 1
        self.fits: list[_Int] = [np.zeros(0, dtype=np.int64)] * len(problem.tours)
        self.metric = _insertion_monotone(problem)

    @staticmethod
    def supports(problem: RoutingProblem) -> bool:
        """Whether the heuristic handles the problem: always (breaks are checked exactly)."""
        del problem
        return True

    def end_time(self, r: int, route: list[int]) -> int | None:
        """Exact earliest return of route ``r`` (breaks, duration), or ``None`` if infeasible."""
        tour = self.problem.tours[r]
        if not route:
            return tour.earliest_start
        if tour.max_duration is None:
            plan = _earliest(self.problem, tour, route, tour.earliest_start)
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

    def _still_feasible(self, r: int, route: list[int], ends: list[int], lo: int, hi: int) -> bool:
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

    def nearest(self, i: int) -> list[int]:
        """All visits by increasing travel time to and from visit ``i`` (``i`` first)."""
        if self._near is None:
            both = self.tt[self.loc][:, self.loc]
            self._near = np.argsort(both + both.T, axis=1, kind="stable")
        near: list[int] = self._near[i].tolist()
        return near

    def remove_strings(self, routes: Routes, rng: random.Random) -> None:
        """Remove strings of visits near a random visit, from up to a few tours (in place).

        The ruin of SISR (Christiaens & Vanden Berghe 2020): about ``_STRING_VISITS`` visits in
        strings of at most ``_STRING_LENGTH``, one string per tour, taken from the tours that
        visit the places nearest to a random visit (visited or not).
        """
        filled = [r for r in routes if r]
        if not filled:
            return
        tour_of = {i: t for t, route in enumerate(routes) for i in route}
        longest = min(_STRING_LENGTH, sum(map(len, filled)) / len(filled))
        n_strings = int(rng.uniform(1, 4 * _STRING_VISITS / (1 + longest)))
        ruined: set[int] = set()
        for i in self.nearest(rng.randrange(self.n)):
            if len(ruined) >= n_strings:
                break
            t = tour_of.get(i)
            if t is None or t in ruined:
                continue
            route = routes[t]
            length = int(rng.uniform(1, min(len(route), longest) + 1))
            at = route.index(i)
            first = rng.randint(max(0, at - length + 1), min(at, len(route) - length))
            del route[first : first + length]
            ruined.add(t)

    def _shortening_moves(self, r: int, route: list[int]) -> list[tuple[int, int, int]]:
        """Moves that shorten route ``r``'s travel, most saving first (at most a few).

        A move is ``(0, a, b)``: reverse ``route[a:b]`` (2-opt), or ``(k, a, b)`` with
        ``k`` in 1..3: move ``route[a:a + k]`` to just before ``route[b]`` (or-opt). Travel
        savings of all moves are computed at once (the matrix may be asymmetric).
        """
        tour = self.problem.tours[r]
        n = len(route)
        tt = self.tt
        locs = np.array(
            [tour.start_location, *(self.loc_list[i] for i in route), tour.end_location]
        )
        arc = tt[locs[:-1], locs[1:]]  # arc j: locs[j] -> locs[j + 1], j = 0..n
        a = np.arange(n + 1)[:, None]
        b = np.arange(n + 1)[None, :]
        # 2-opt: arcs a..b are replaced by locs[a] -> locs[b], the reversed inner arcs,
        # locs[a + 1] -> locs[b + 1]
        fwd = np.concatenate(([0], np.cumsum(arc)))
        bwd = np.concatenate(([0], np.cumsum(tt[locs[1:], locs[:-1]])))
        old = fwd[b + 1] - fwd[a]
        new = tt[locs[a], locs[b]] + bwd[b] - bwd[a + 1] + tt[locs[a + 1], locs[b + 1]]
        savings = [(0, np.where(b >= a + 2, old - new, 0))]
        # or-opt: route[s:s + k] is locs[s + 1..s + k]; it goes between locs[b], locs[b + 1]
        for k in range(1, min(3, n - 1) + 1):
            s = np.arange(n - k + 1)[:, None]
            first, last = locs[s + 1], locs[s + k]
            gain = arc[s] + arc[s + k] - tt[locs[s], locs[s + k + 1]]
            cost = tt[locs[b], first] + tt[last, locs[b + 1]] - arc[b]
            savings.append((k, np.where((b >= s) & (b <= s + k), 0, gain - cost)))
        flat = np.concatenate([save.ravel() for _, save in savings])
        top = np.flatnonzero(flat > 0)
        if top.size > _TIGHTEN_TRIES:
            top = top[np.argpartition(-flat[top], _TIGHTEN_TRIES - 1)[:_TIGHTEN_TRIES]]
        top = top[np.argsort(-flat[top], kind="stable")]
        offsets = np.cumsum([0, *(save.size for _, save in savings)])
        moves = []
        for j in top.tolist():
            m = int(np.searchsorted(offsets, j, side="right")) - 1
            x, y = divmod(j - int(offsets[m]), n + 1)
            moves.append((savings[m][0], x, y))
        return moves

    def tighten(self, r: int, route: list[int]) -> bool:
        """Shorten route ``r`` by 2-opt and or-opt moves (in place); return whether it changed.

        Each pass takes, of the moves that save most travel, the first after which the route
        still schedules (windows, tour window, breaks, duration), until none is left. Shorter
        tours leave room for more visits.
        """
        changed = False
        while len(route) > 1:
            ends = self.forward(r, route)
            assert ends is not None
            for k, x, y in self._shortening_moves(r, route):
                if k == 0:
                    moved = route[:x] + route[x:y][::-1] + route[y:]
                    lo, hi = x, y
                else:
                    rest = route[:x] + route[x + k :]
                    at = y if y < x else y - k
                    moved = rest[:at] + route[x : x + k] + rest[at:]
                    lo, hi = min(x, at), max(x, at) + k
                if self._still_feasible(r, moved, ends, lo, hi) and (
                    not self.exact[r] or self.end_time(r, moved) is not None
                ):
                    route[:] = moved
                    changed = True
                    break
            else:
                return changed
        return changed

    def exchange(self, routes: Routes) -> bool:
        """Swap one visit per tour for an unvisited place of higher score (in place).

        A tour's visits are tried from the lowest score up (required ones stay): without the
        visit, the unvisited places of higher score that now fit are evaluated as for insertion
        (allowed tours, windows; breaks and duration exactly), and the one of highest score,
        then best ratio, takes its place. Returns whether any tour changed.
        """
        unrouted = np.ones(self.n, dtype=bool)
        for route in routes:
            unrouted[route] = False
        changed = False
        for r, route in enumerate(routes):
            for j in sorted(range(len(route)), key=lambda j: self.score[route[j]]):
                v = route[j]
                if self.weight[v] >= _REQUIRED:
                    continue
                rest = route[:j] + route[j + 1 :]
                if self.forward(r, rest) is None:  # a matrix without the triangle inequality
                    continue
                ratio, pos = self.evaluate(r, rest, unrouted & (self.score > self.score[v]))
                fits = np.flatnonzero(ratio > 0)
                at: int | None = None
                for u in fits[np.lexsort((-ratio[fits], -self.score[fits]))].tolist():
                    at = self.confirm(r, rest, u) if self.exact[r] else int(pos[u])
                    if at is not None:
                        break
                if at is None:
                    continue
                rest.insert(at, u)
                route[:] = rest
                unrouted[u], unrouted[v] = False, True
                changed = True
                break
        return changed

    def improve(self, routes: Routes, floor: int) -> tuple[int, int]:
        """Insert, tighten, insert again; from score ``floor`` on, also exchange. Return value.

        Exchange is the costly step, so a caller passes the score a plan must reach to deserve
        it (in iterated insertion, the score of the plan before the shake).
        """
        self.fill(routes)
        if any([self.tighten(r, route) for r, route in enumerate(routes)]):
            self.fill(routes)
        if self.value(routes)[0] >= floor:
            for _ in range(_EXCHANGE_ROUNDS):
                if not self.exchange(routes):
                    break
                for r, route in enumerate(routes):
                    self.tighten(r, route)
                self.fill(routes)
        return self.value(routes)

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

    def evaluate(
        self, r: int, route: list[int], unrouted: npt.NDArray[np.bool_]
    ) -> tuple[npt.NDArray[np.float64], _Int]:
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
        ttl, locl, svcl = self.tt_list, self.loc_list, self.svc_list
        locs = [tour.start_location, *(locl[i] for i in route), tour.end_location]
        latest = [tour.latest_end]  # latest arrival at the next stop of each gap (reversed)
        for k in range(len(route) - 1, -1, -1):
            i = route[k]
            bound = latest[-1] - ttl[locl[i]][locs[k + 2]] - svcl[i]
            best = -_INF
            for start, end in self.windows[i]:
                if start <= bound:
                    best = min(end, bound)
            latest.append(best)
        latest.reverse()
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
        """Insert visits into ``routes`` (in place) while any fits; return them."""
        unrouted = np.ones(self.n, dtype=bool)
        for route in routes:
            unrouted[route] = False
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
            unrouted[c] = False
            for t in table:
                t[0][c] = -1.0
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


def _insertion_monotone(problem: RoutingProblem) -> bool:
    """Whether inserting a visit can never make another visit fit that did not.

    True when going from ``a`` to ``c`` through any visit ``b`` (service included) takes at
    least as long as going directly: ``tt[a, c] <= tt[a, b] + service(b) + tt[b, c]`` for all
    locations ``a``, ``c`` and visits ``b`` (a triangle inequality, checked once per problem).
    """
    tt = problem.travel_times
    via: dict[int, int] = {}
    for v in problem.visits:
        via[v.location] = min(v.service, via.get(v.location, v.service))
    for b, service in via.items():
        if (tt[:, b][:, None] + (service + tt[b][None, :]) < tt).any():
            return False
    return True


def warm_up() -> None:
    """Do nothing; submitting this to a fresh worker process makes it import this module."""


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


def iterated_insertion(
    problem: RoutingProblem,
    allowed: Sequence[Sequence[int]],
    *,
    start: Sequence[Sequence[int]] | None = None,
    seconds: float | None = None,
    iterations: int | None = None,
    seed: int = 0,
    noise: float = 0.0,
    until: float | None = None,
    shake_mix: bool = True,
    temperature: float = 0.0,
    pool: RoutePool | None = None,
) -> Routes | None:
    """Iterated local search: shake (remove visits) then re-insert, keep the best.

    Follows Vansteenwegen et al. (2009): each tour loses ``size`` consecutive visits from
    position ``pos``; ``size`` grows while nothing improves, ``pos`` moves on by ``size``. After
    a stretch without improvement the search goes back to its best plan with a random position.
    After a quarter of the budget (time, or ``iterations`` alone) without a gain, it starts again
    from a new construction with random weights (noise at least 1.0) and keeps the best plan of
    all its starts: some instances have basins a few visits at a time cannot leave.
    With ``shake_mix``, every other shake removes visits scattered over each tour instead, and
    every third one strings of visits near a random visit across tours
    (:meth:`Inserter.remove_strings`).

    Parameters
    ----------
    problem, allowed
        As for :func:`insertion_routes`.
    start
        Routes to start from (default: built by insertion).
    seconds, iterations
        Stop after this much wall time or this many shakes, whichever comes first (at least
        one must be given; ``iterations`` alone is deterministic).
    seed
        Seed of the random restarts and noise.
    noise
        Relative random noise on each visit's weight at each re-insertion (0 = none).
    until
        Stop at this ``time.monotonic()`` instant (an alternative to ``seconds``).
    shake_mix
        Alternate the run removal with scattered and string removals.
    temperature
        0 keeps every shaken plan (a random walk that returns to the best plan after a stretch
        without gain). Above 0, simulated annealing on the score: a shaken plan that lost
        ``d`` score is kept with probability ``exp(-d / T)``, else the search goes back to the
        plan before the shake; ``T`` starts at ``temperature`` times the mean score of a visit
        in the best plan and cools linearly to 0 at the deadline (or the last iteration).
    pool
        If given, every tour of every plan met after re-insertion is offered to it (for route
        recombination, :mod:`tourplan.routing.pool`).

    Returns
    -------
    list of list of int or None
        The best routes found, or ``None`` if the problem is unsupported.
    """
    if not Inserter.supports(problem):
        return None
    if seconds is None and iterations is None and until is None:
        raise ValueError("give seconds, until or iterations")
    if temperature < 0:
        raise ValueError("temperature must be >= 0")
    ins = Inserter(problem, allowed)
    rng = random.Random(seed)
    np_rng = np.random.default_rng(seed)
    began = time.monotonic()
    deadline = until if seconds is None else began + seconds
    current = [list(r) for r in start] if start is not None else [[] for _ in problem.tours]
    for r, route in enumerate(current):
        ins.repair(r, route)
    current_value = ins.improve(current, 0)
    ins.offer(pool, current)
    best, best_value = [list(r) for r in current], current_value
    local, local_value = best, best_value
    longest = max(1, max(len(r) for r in current))
    size, pos, stale, it = 1, 0, 0, 0
    bound = int(ins.score[ins.allowed.any(axis=0)].sum())
    last_gain = 0
    local_gain, local_gain_at = 0, began
    while (
        best_value[0] < bound
        and it - last_gain < 200 * (1 + ins.n)
        and (iterations is None or it < iterations)
        and (deadline is None or time.monotonic() < deadline)
    ):
        it += 1
        if deadline is None:
            stalled = it - local_gain > _RESTART * (iterations or 0)
        else:
            stalled = time.monotonic() - local_gain_at > _RESTART * (deadline - began)
        if stalled:  # start again from a randomised construction (the best plan stays)
            ins.noise = 1.0 + max(noise, 1.0) * (2 * np_rng.random(ins.n) - 1)
            current = [[] for _ in problem.tours]
            current_value = ins.improve(current, 0)
            ins.offer(pool, current)
            if not noise:
                ins.noise = np.ones(ins.n)
            local, local_value = [list(r) for r in current], current_value
            local_gain, local_gain_at = it, time.monotonic()
            if current_value > best_value:
                best, best_value, last_gain = local, current_value, it
            longest = max(1, max(len(r) for r in current))
            size, pos, stale = 1, 0, 0
            continue
        before = [list(r) for r in current] if temperature else current
        strings = shake_mix and it % _STRING_EVERY == 0
        if strings:  # strings near one place, across tours
            ins.remove_strings(current, rng)
        for r, route in enumerate(current):
            if not route or strings:
                pass
            elif shake_mix and it % 2 == 0:  # remove ``size`` visits anywhere in the tour
                for k in sorted(rng.sample(range(len(route)), min(size, len(route))))[::-1]:
                    del route[k]
            else:  # remove a run of ``size`` consecutive visits
                p = pos % len(route)
                del route[p : p + size]
            ins.repair(r, route)
        if noise:
            ins.noise = 1.0 + noise * (2 * np_rng.random(ins.n) - 1)
        value = ins.improve(current, current_value[0])
        ins.offer(pool, current)
        if temperature:
            if iterations is not None and deadline is None:
                done = it / iterations
            else:
                assert deadline is not None
                done = (time.monotonic() - began) / max(deadline - began, 1e-9)
            visited = max(1, sum(map(len, local)))
            cool = temperature * local_value[0] / visited * max(0.0, 1.0 - done)
            loss = current_value[0] - value[0]
            if loss > 0 and (cool <= 0 or rng.random() >= math.exp(-loss / cool)):
                current, value = before, current_value
            current_value = value
        if value > local_value:
            local, local_value = [list(r) for r in current], value
            size, stale = 1, 0
            local_gain, local_gain_at = it, time.monotonic()
            longest = max(1, max(len(r) for r in current))
            if value > best_value:
                best, best_value, last_gain = local, value, it
        else:
            size += 1
            stale += 1
        pos += size
        if size > max(1, longest // 2):
            size = 1
        if stale > _STALE * (25 + longest):
            current, current_value = [list(r) for r in local], local_value
            pos, size, stale = rng.randrange(longest), 1, 0
    return best


def pooled_iterated_insertion(
    problem: RoutingProblem,
    allowed: Sequence[Sequence[int]],
    *,
    capacity: int,
    **kwargs: Any,
) -> tuple[Routes | None, RoutePool]:
    """:func:`iterated_insertion` that also returns the pool of the tours it met.

    For worker processes, which cannot fill a caller's pool in place. ``capacity`` is the
    number of tours kept per class of interchangeable tours (see :class:`RoutePool`).
    """
    pool = RoutePool(tour_classes(problem, allowed), capacity)
    return iterated_insertion(problem, allowed, pool=pool, **kwargs), pool

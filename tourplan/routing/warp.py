"""Penalised time windows ("time warp"): a local search across infeasible plans, then repair.

Every move of :mod:`.moves` and :mod:`.exchange` keeps the plan feasible, so a better plan that
differs from the current one by several places swapped at once cannot be reached one place at
a time. Here a visit may start after its window's end: the late part is *time warp* (Vidal et
al. 2013; PyVRP's ``DurationSegment``), and the search maximises the penalised objective
``score * big - travel - lam * time warp``, with ``big`` (a score unit) worth more than the
longest leg. A high-score place can go in first and the places in its way leave later.

The time warp of a route with a visit inserted, removed or replaced is found in O(1) from
concatenated segment summaries (:func:`merge`: duration, time warp, earliest and latest start)
of the route's prefixes and suffixes. Moves (near neighbours only, :meth:`LocalSearch.nearest
<tourplan.routing.moves.LocalSearch.nearest>`): insert an unvisited place, remove a visit,
relocate a visit within or between tours, replace a visit by an unvisited place. Then
:func:`repair` drops visits from tours with time warp (least score per unit of warp removed,
never a visit that must be kept) until every tour is feasible; the caller's usual fill and
tightening follow (:meth:`~tourplan.routing.moves.LocalSearch.improve`).

It is exact only where a route is feasible exactly when its time warp is zero: one window per
visit, tours without breaks or a duration limit (:func:`supports`); elsewhere it never runs.
The penalty ``lam`` adapts as PyVRP's penalty manager does: raised when most penalised plans
end with time warp, lowered when most end without.
"""

from __future__ import annotations

import itertools
import random
import time

from .insertion import Inserter, Routes
from .moves import LocalSearch

__all__ = ["Segment", "WarpSearch", "merge", "repair", "route_warp", "scan_warp", "supports"]

#: Segment summary: (duration, time warp, earliest start, latest start).
Segment = tuple[int, int, int, int]

# Near neighbours whose positions a visit is tried at.
_NEAR = 8
# Descent passes over all visits at most (each pass visits every place once).
_PASSES = 4
# Places whose moves a shake tries: those nearest an unvisited place (0: all).
_FOCUS = 20
# Adapt the penalty after this many penalised searches; the share of them to end feasible.
_UPDATE_EVERY = 8
_TARGET = 0.5
_RAISE, _LOWER = 1.34, 0.7


def merge(a: Segment, b: Segment, edge: int) -> Segment:
    """The summary of segment ``a`` followed by ``b``, ``edge`` the travel between them.

    Parameters
    ----------
    a, b
        (duration, time warp, earliest start, latest start) of each segment.
    edge
        Travel time from the last stop of ``a`` to the first of ``b``.

    Examples
    --------
    >>> merge((10, 0, 0, 5), (5, 0, 30, 40), 10)  # start at 5, wait 5 at the second stop
    (30, 0, 5, 5)
    >>> merge((10, 0, 0, 0), (5, 0, 0, 15), 10)  # 5 late at the second stop
    (25, 5, 0, 0)
    """
    dur_a, warp_a, early_a, late_a = a
    dur_b, warp_b, early_b, late_b = b
    at_b = dur_a - warp_a + edge
    wait = early_b - at_b - late_a
    wait = wait if wait > 0 else 0
    warp = early_a + at_b - late_b
    warp = warp if warp > 0 else 0
    early = early_b - at_b
    late = late_b - at_b
    return (
        dur_a + dur_b + edge + wait,
        warp_a + warp_b + warp,
        (early if early > early_a else early_a) - wait,
        (late if late < late_a else late_a) + warp,
    )


def supports(ins: Inserter) -> bool:
    """Whether time warp decides feasibility exactly: one window per visit, no tour with
    breaks or a duration limit."""
    return ins.single_window and not any(ins.exact)


def scan_warp(ins: Inserter, r: int, route: list[int]) -> int:
    """Time warp of route ``r`` by a plain scan (start at the tour's earliest start; a late
    arrival is moved back to the window's end and the difference counted)."""
    if not route:
        return 0
    tour = ins.problem.tours[r]
    tt, loc = ins.tt_list, ins.loc_list
    prev, now, warp = tour.start_location, tour.earliest_start, 0
    for i in route:
        arrive = now + tt[prev][loc[i]]
        if arrive > ins._close0[i]:
            warp += arrive - ins._close0[i]
            arrive = ins._close0[i]
        now = max(arrive, ins._open0[i]) + ins.svc_list[i]
        prev = loc[i]
    back = now + tt[prev][tour.end_location]
    return warp + max(0, back - tour.latest_end)


class _Route:
    """One tour's visits with prefix and suffix segments, travel and time warp."""

    __slots__ = ("bwd", "fwd", "r", "travel", "visits", "warp")

    def __init__(self, ws: WarpSearch, r: int, visits: list[int]) -> None:
        self.r = r
        self.visits = visits
        self.fwd: list[Segment] = []
        self.bwd: list[Segment] = []
        self.travel = 0
        self.warp = 0
        ws._refresh(self)


def route_warp(ins: Inserter, r: int, route: list[int]) -> int:
    """Time warp of route ``r`` from its concatenated segments (0 for an empty route)."""
    return _Route(WarpSearch(LocalSearch(ins)), r, list(route)).warp


class WarpSearch:
    """Penalised local search and repair over the plans of one :class:`LocalSearch`.

    Parameters
    ----------
    search
        The local search (its Inserter's arrays, its near-neighbour lists).
    """

    def __init__(self, search: LocalSearch) -> None:
        self.search = search
        ins = self.ins = search.ins
        self.tours = ins.problem.tours
        legs = max((max(row) for row in ins.tt_list), default=0)
        #: The worth of a score unit: more than the longest leg.
        self.big = legs + 1
        #: Penalty per unit of time warp (adapted, see :meth:`shake`).
        self.lam = self.big / 200.0
        self._lam_range = (self.big / 2000.0, self.big / 20.0)
        self._feasible: list[bool] = []
        self.keep = ins.keep_mask()
        #: Moves only of the places nearest an unvisited place drawn by score, this many
        #: (0: of every place).
        self.focus = _FOCUS
        self._segs: list[Segment] = (
            [(ins.svc_list[i], 0, ins._open0[i], ins._close0[i]) for i in range(ins.n)]
            if ins.single_window
            else []
        )

    # --- segments -------------------------------------------------------------------------
    def _seg(self, i: int) -> Segment:
        return self._segs[i]

    def _within(self, route: _Route, p0: int, p: int) -> tuple[int, int]:
        """(travel, warp) of ``route`` with its visit at ``p0`` moved to before position
        ``p`` (``p`` not ``p0`` nor ``p0 + 1``): the stops in between are merged one by one."""
        v, tt, loc = route.visits, self.ins.tt_list, self.ins.loc_list
        u = v[p0]
        if p < p0:
            order, seg, head, tail = [u, *v[p:p0]], route.fwd[p], p, p0 + 1
        else:
            order, seg, head, tail = [*v[p0 + 1 : p], u], route.fwd[p0], p0, p
        prev, _ = self._ends(route, head, head)
        for i in order:
            seg = merge(seg, self._segs[i], tt[prev][loc[i]])
            prev = loc[i]
        _, nxt = self._ends(route, tail, tail)
        warp = merge(seg, route.bwd[tail], tt[prev][nxt])[1]
        a, b = self._ends(route, p0, p0 + 1)
        c, d = self._ends(route, p, p)
        lu = loc[u]
        travel = route.travel - tt[a][lu] - tt[lu][b] + tt[a][b]
        return travel + tt[c][lu] + tt[lu][d] - tt[c][d], warp

    def _refresh(self, route: _Route) -> None:
        tour = self.tours[route.r]
        tt, loc, visits = self.ins.tt_list, self.ins.loc_list, route.visits
        start: Segment = (0, 0, tour.earliest_start, tour.earliest_start)
        end: Segment = (0, 0, tour.earliest_start, tour.latest_end)
        fwd, prev = [start], tour.start_location
        for i in visits:
            fwd.append(merge(fwd[-1], self._seg(i), tt[prev][loc[i]]))
            prev = loc[i]
        bwd, nxt = [end], tour.end_location
        for i in reversed(visits):
            bwd.append(merge(self._seg(i), bwd[-1], tt[loc[i]][nxt]))
            nxt = loc[i]
        bwd.reverse()
        route.fwd, route.bwd = fwd, bwd
        route.travel = self.ins.travel(route.r, visits)
        route.warp = merge(fwd[-1], end, tt[prev][tour.end_location])[1] if visits else 0

    def _ends(self, route: _Route, p: int, q: int) -> tuple[int, int]:
        """Locations before position ``p`` and at position ``q`` (depots at the ends)."""
        tour, v, loc = self.tours[route.r], route.visits, self.ins.loc_list
        return (
            loc[v[p - 1]] if p > 0 else tour.start_location,
            loc[v[q]] if q < len(v) else tour.end_location,
        )

    def _insert(self, route: _Route, p: int, u: int, q: int | None = None) -> tuple[int, int]:
        """(travel, warp) of ``route`` with ``u`` put at ``p`` (replacing ``p..q-1`` if ``q``)."""
        q = p if q is None else q
        a, b = self._ends(route, p, q)
        tt, lu = self.ins.tt_list, self.ins.loc_list[u]
        seg = merge(merge(route.fwd[p], self._seg(u), tt[a][lu]), route.bwd[q], tt[lu][b])
        if not route.visits:
            return tt[a][lu] + tt[lu][b], seg[1]
        return route.travel - self._span(route, p, q) + tt[a][lu] + tt[lu][b], seg[1]

    def _span(self, route: _Route, p: int, q: int) -> int:
        """Travel from the stop before ``p`` to the stop at ``q`` along the route."""
        v, tt, loc = route.visits, self.ins.tt_list, self.ins.loc_list
        if not v:
            return 0
        a, _ = self._ends(route, p, p)
        total = 0
        for k in range(p, q):
            total += tt[a][loc[v[k]]]
            a = loc[v[k]]
        _, b = self._ends(route, q, q)
        return total + tt[a][b]

    def _remove(self, route: _Route, p: int) -> tuple[int, int]:
        """(travel, warp) of ``route`` without its visit at ``p``."""
        if len(route.visits) == 1:
            return 0, 0
        a, b = self._ends(route, p, p + 1)
        seg = merge(route.fwd[p], route.bwd[p + 1], self.ins.tt_list[a][b])
        return route.travel - self._span(route, p, p + 1) + self.ins.tt_list[a][b], seg[1]

    def _gain(self, d_score: int, d_travel: int, d_warp: int) -> float:
        return d_score * self.big - d_travel - self.lam * d_warp

    # --- the penalised descent -------------------------------------------------------------
    def descend(
        self,
        routes: Routes,
        rng: random.Random,
        deadline: float | None = None,
        focus: list[int] | None = None,
    ) -> int:
        """Improve ``routes`` (in place) on the penalised objective; return the moves made.

        The routes may end with time warp; :func:`repair` makes them feasible. With
        ``focus``, only the moves of those visits are tried.
        """
        ins, problem = self.ins, self.ins.problem
        state = [_Route(self, r, route) for r, route in enumerate(routes)]
        where: dict[int, int] = {i: r for r, route in enumerate(routes) for i in route}
        open_ = ins.open_mask(routes).tolist()
        allowed = ins.allowed.tolist()
        limits = [t.max_visits for t in self.tours]
        counts = [problem.counted(route) for route in routes]
        score, uncounted = ins.score_list, ins.uncounted.tolist()
        order = [
            i
            for i in (range(ins.n) if focus is None else focus)
            if any(allowed[r][i] for r in range(len(routes)))
        ]
        moves = 0

        def room(r: int, u: int, out: int | None = None) -> bool:
            if not allowed[r][u]:
                return False
            lim = limits[r]
            if lim is None or uncounted[u]:
                return True
            freed = out is not None and not uncounted[out]
            return counts[r] - freed < lim

        def changed(*rs: int) -> None:
            nonlocal open_
            for r in set(rs):
                self._refresh(state[r])
                counts[r] = problem.counted(state[r].visits)
            open_ = ins.open_mask(routes).tolist()

        for _ in range(_PASSES):
            rng.shuffle(order)
            improved = False
            for u in order:
                if deadline is not None and time.monotonic() >= deadline:
                    return moves
                near = list(
                    itertools.islice(
                        (w for w in self.search.nearest(u) if w in where and w != u), _NEAR
                    )
                )
                slots = {(where[w], routes[where[w]].index(w) + d) for w in near for d in (0, 1)}
                slots |= {(r, 0) for r, route in enumerate(routes) if not route}
                best, move = 1e-9, None
                home = where.get(u)
                if home is None:
                    if not open_[u]:
                        continue
                    for r, p in slots:
                        if room(r, u):
                            s = state[r]
                            tr, tw = self._insert(s, p, u)
                            g = self._gain(score[u], tr - s.travel, tw - s.warp)
                            if g > best:
                                best, move = g, ("in", r, p)
                    for w in near:  # replace a visited neighbour by u
                        r = where[w]
                        if self.keep[w] or not room(r, u, w):
                            continue
                        s, p = state[r], routes[r].index(w)
                        tr, tw = self._insert(s, p, u, p + 1)
                        g = self._gain(score[u] - score[w], tr - s.travel, tw - s.warp)
                        if g > best:
                            best, move = g, ("swap", r, p)
                else:
                    s0, p0 = state[home], routes[home].index(u)
                    tr0, tw0 = self._remove(s0, p0)
                    out = self._gain(0, tr0 - s0.travel, tw0 - s0.warp)
                    if not self.keep[u] and out - score[u] * self.big > best:
                        best, move = out - score[u] * self.big, ("out", home, p0)
                    for r, p in slots:
                        if r == home:
                            if p in (p0, p0 + 1):
                                continue
                            tr, tw = self._within(s0, p0, p)
                            g = self._gain(0, tr - s0.travel, tw - s0.warp)
                        elif room(r, u):
                            s = state[r]
                            tr, tw = self._insert(s, p, u)
                            g = out + self._gain(0, tr - s.travel, tw - s.warp)
                        else:
                            continue
                        if g > best:
                            best, move = g, ("move", r, p)
                if move is None:
                    continue
                kind, r, p = move
                if kind == "in":
                    routes[r].insert(p, u)
                    where[u] = r
                    changed(r)
                elif kind == "swap":
                    del where[routes[r][p]]
                    routes[r][p] = u
                    where[u] = r
                    changed(r)
                elif kind == "out":
                    del routes[r][p]
                    del where[u]
                    changed(r)
                else:
                    assert home is not None
                    p0 = routes[home].index(u)
                    if r == home and p > p0:
                        p -= 1
                    del routes[home][p0]
                    routes[r].insert(p, u)
                    where[u] = r
                    changed(r, home)
                moves += 1
                improved = True
            if not improved:
                break
        return moves

    # --- repair and the shake ----------------------------------------------------------------
    def repair(self, routes: Routes) -> bool:
        """Drop visits from tours with time warp (least score lost per unit of warp removed,
        never a visit that must be kept) until every tour is feasible; see :func:`repair`."""
        score = self.ins.score_list
        trial = [list(route) for route in routes]
        for r, route in enumerate(trial):
            s = _Route(self, r, route)
            while s.warp > 0:
                best: tuple[float, int] | None = None
                for p, i in enumerate(route):
                    if self.keep[i]:
                        continue
                    saved = s.warp - self._remove(s, p)[1]
                    key = score[i] / saved if saved > 0 else float("inf")
                    if best is None or (key, -score[i]) < (best[0], -score[route[best[1]]]):
                        best = (key, p)
                if best is None:
                    return False  # only visits that must stay, and still late
                del route[best[1]]
                self._refresh(s)
            if not self.ins.feasible(r, route):  # cannot happen where supports() holds
                return False
        routes[:] = trial
        return True

    def shake(self, routes: Routes, rng: random.Random, deadline: float | None = None) -> bool:
        """Penalised descent then repair, on ``routes`` in place; adapt the penalty.

        Returns ``False`` (``routes`` unchanged) when the repaired plan would lose a visit
        that must be kept.
        """
        trial = [list(r) for r in routes]
        focus = None
        if self.focus:  # around an unvisited place drawn by score
            shut = self.ins.open_mask(trial).tolist()
            out = [i for i in range(self.ins.n) if shut[i] and self.ins.score_list[i] > 0]
            if out:
                c = rng.choices(out, weights=[self.ins.score_list[i] for i in out])[0]
                focus = self.search.nearest(c)[: self.focus]
        self.descend(trial, rng, deadline, focus)
        self._feasible.append(all(scan_warp(self.ins, r, t) == 0 for r, t in enumerate(trial)))
        if len(self._feasible) >= _UPDATE_EVERY:
            share = sum(self._feasible) / len(self._feasible)
            lo, hi = self._lam_range
            if share < _TARGET - 0.1:
                self.lam = min(hi, self.lam * _RAISE)
            elif share > _TARGET + 0.1:
                self.lam = max(lo, self.lam * _LOWER)
            self._feasible.clear()
        if not self.repair(trial):
            return False
        routes[:] = trial
        return True


def repair(search: LocalSearch, routes: Routes) -> bool:
    """Make every tour of ``routes`` (in place) free of time warp by dropping visits: in
    each tour with warp, the visit losing least score per unit of warp removed, never one
    that must be kept (required, or of a required group). Returns whether it succeeded;
    if not (a tour late with only visits that must stay), ``routes`` is left unchanged.

    Parameters
    ----------
    search
        The local search of the problem (where :func:`supports` holds).
    routes
        Visit indices per tour.
    """
    return WarpSearch(search).repair(routes)

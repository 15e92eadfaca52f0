"""Moves between tours on strings of visits: tails (2-opt*) and CROSS-exchange.

The moves of :mod:`.exchange` carry one visit from tour to tour. Plans with three or four tours
differ from the best known ones by several places at once, laid out differently across tours,
which one visit at a time cannot reach without first losing score. These are the inter-route
string moves of PyVRP's local search and of the VRPTW literature (Potvin & Rousseau 1995 for
2-opt*, Taillard et al. 1997 for CROSS-exchange), turned to the orienteering objective:

* tails: tours ``a`` and ``b`` swap what follows positions ``i`` and ``j``
  (``a[:i] + b[j:]`` and ``b[:j] + a[i:]``), each tail then ending at the other tour's end;
* CROSS: strings of up to ``_LONGEST`` visits of ``a`` and of ``b`` (one may be empty, at least
  one has two visits or more) trade places, each possibly reversed.

Only moves whose new arc leads from a visit to one of its ``_NEAR`` nearest visits of another
tour are built (granular neighbourhoods, as PyVRP's). A move is feasible by the Inserter's
relaxed test, made cheap by each tour's end times (forward) and latest arrivals (backward): only
the new string is walked. Of the feasible moves, the ``_TRIES`` that save most travel are
checked exactly (tours with breaks or a duration limit) and tested for an unvisited place that
then fits in either tour; the first that lets one in is made, so the score rises. With
``shorter``, when none does, the feasible move saving most travel is made instead (score
unchanged). No visit leaves the plan: required visits stay, groups keep at most one member.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from itertools import pairwise

from .exchange import _best_entry
from .insertion import Inserter, Routes

__all__ = ["PAY_VISITS", "Move", "apply_move", "string_insert", "string_moves", "strings_pay"]

# Nearest visits of other tours a new arc may lead to, per visit.
_NEAR = 6
# Longest string a CROSS-exchange moves.
_LONGEST = 3
# Feasible moves, most travel saved first, tested for an entry (exactly where needed).
_TRIES = 12
#: String moves are tried only on plans whose non-empty tours hold at least this many visits on
#: average (:func:`strings_pay`). Measured (docs/benchmarks.md, "fifth pass"): building the moves
#: costs 2-5 % of the search's CPU time at every size, but on tours of 7-11 visits (the Hanoi-like
#: random rows, 300-600 places) they almost never let a place in, while on the public rows'
#: tours of 12-28 visits they do.
PAY_VISITS = 12

#: A move: ``(kind, a, i, k, b, j, m, flip)``. ``kind`` 0 (tails): ``a`` keeps ``a[:i]``,
#: ``b`` keeps ``b[:j]`` (``k``, ``m``, ``flip`` unused, 0). ``kind`` 1 (CROSS):
#: ``a[i:i + k]`` and ``b[j:j + m]`` trade places; ``flip`` bit 1 reverses the string going
#: into ``a``, bit 2 the one going into ``b``.
Move = tuple[int, int, int, int, int, int, int, int]


def apply_move(routes: Routes, move: Move) -> tuple[list[int], list[int]]:
    """The two new routes (tours ``a`` and ``b``) of ``move`` on ``routes`` (not changed)."""
    kind, a, i, k, b, j, m, flip = move
    ra, rb = routes[a], routes[b]
    if kind == 0:
        return ra[:i] + rb[j:], rb[:j] + ra[i:]
    into_a, into_b = rb[j : j + m], ra[i : i + k]
    if flip & 1:
        into_a = into_a[::-1]
    if flip & 2:
        into_b = into_b[::-1]
    return ra[:i] + into_a + ra[i + k :], rb[:j] + into_b + rb[j + m :]


class _Tour:
    """One tour's route with its end times, latest arrivals, stop locations (start and end
    place included) and travel up to each stop."""

    __slots__ = ("ends", "latest", "locs", "r", "route", "upto")

    def __init__(self, ins: Inserter, r: int, route: list[int]) -> None:
        tour = ins.problem.tours[r]
        self.r, self.route = r, route
        ends = ins.forward(r, route)
        assert ends is not None  # plans are feasible
        self.ends = ends
        self.latest = ins.latest_arrivals(r, route)
        self.locs = [tour.start_location, *(ins.loc_list[v] for v in route), tour.end_location]
        tt, upto = ins.tt_list, [0]
        for x, y in pairwise(self.locs):
            upto.append(upto[-1] + tt[x][y])
        self.upto = upto


def _walk(ins: Inserter, r: int, end: int, prev: int, seq: list[int]) -> list[tuple[int, int, int]]:
    """States of tour ``r`` serving ``seq`` in order, having ended its last stop (at location
    ``prev``) at time ``end``: ``(end time, location, travel)`` after each of the first visits
    that can be served (``seq`` allowed in the tour and within windows), the start first."""
    tt, loc, svc, allowed = ins.tt_list, ins.loc_list, ins.svc_list, ins.allowed_rows[r]
    states = [(end, prev, 0)]
    travel = 0
    if ins.single_window:  # Inserter._start inlined, as in Inserter._forward
        opens, closes = ins._open0, ins._close0
        for v in seq:
            if not allowed[v]:
                break
            here = loc[v]
            arrival = end + tt[prev][here]
            if arrival > closes[v]:
                break
            travel += arrival - end
            end, prev = (arrival if arrival > opens[v] else opens[v]) + svc[v], here
            states.append((end, prev, travel))
        return states
    for v in seq:
        if not allowed[v]:
            break
        travel += tt[prev][loc[v]]
        start = ins._start(v, end + tt[prev][loc[v]])
        if start is None:
            break
        end, prev = start + svc[v], loc[v]
        states.append((end, prev, travel))
    return states


def _whole(states: list[tuple[int, int, int]], n: int) -> tuple[int, int, int]:
    """The state after all ``n`` visits of a walk, or ``(-1, -1, -1)`` if it stopped before."""
    return states[n] if len(states) > n else (-1, -1, -1)


def _travel(tt: Sequence[Sequence[int]], locs: Sequence[int]) -> int:
    return sum(tt[x][y] for x, y in pairwise(locs))


def _joined(tt: Sequence[Sequence[int]], head: _Tour, i: int, tail: _Tour, j: int, end: int) -> int:
    """Travel of ``head``'s first ``i`` visits then ``tail``'s visits from ``j`` on, to ``end``."""
    n = len(tail.route)
    if j >= n:
        return head.upto[i] + tt[head.locs[i]][end]
    return (
        head.upto[i]
        + tt[head.locs[i]][tail.locs[j + 1]]
        + tail.upto[n]
        - tail.upto[j + 1]
        + tt[tail.locs[n]][end]
    )


class _Moves:
    """The tail and CROSS moves of one plan whose new arc leads to a near visit."""

    def __init__(
        self,
        ins: Inserter,
        routes: Routes,
        near: Callable[[int], list[int]],
        deadline: float | None = None,
    ) -> None:
        self.ins, self.routes, self.deadline = ins, routes, deadline
        self.info = [_Tour(ins, r, route) for r, route in enumerate(routes)]
        # latest arrivals of tour b's visits when they end tour a (its end place and time),
        # and whether b's visits from each position on are all allowed in tour a
        self._tails: dict[tuple[int, int], tuple[list[int], list[bool]]] = {}
        self.candidates = self._candidates(near)

    def _room(self, r: int, size: int) -> bool:
        limit = self.ins.problem.tours[r].max_visits
        return limit is None or size <= limit

    def _candidates(self, near: Callable[[int], list[int]]) -> list[tuple[int, Move]]:
        """The feasible moves as ``(travel added, move)``, least first."""
        tt = self.ins.tt_list
        info, routes = self.info, self.routes
        ends = [self.ins.problem.tours[r].end_location for r in range(len(routes))]
        where = {v: (t, p) for t, route in enumerate(routes) for p, v in enumerate(route)}
        out: list[tuple[int, Move]] = []
        for a, ta in enumerate(info):
            ra = ta.route
            for i in range(1, len(ra) + 1):
                if self.deadline is not None and time.monotonic() >= self.deadline:
                    return []  # the time limit is the cap, even inside one move
                count = 0
                for v in near(ra[i - 1]):
                    if count >= _NEAR:
                        break
                    hit = where.get(v)
                    if hit is None or hit[0] == a:
                        continue
                    count += 1
                    b, j = hit
                    tb = info[b]
                    rb = tb.route
                    # tails: a = ra[:i] + rb[j:], b = rb[:j] + ra[i:]
                    if (
                        self._room(a, i + len(rb) - j)
                        and self._room(b, j + len(ra) - i)
                        and self._tails_fit(a, i, b, j)
                    ):
                        added = (
                            _joined(tt, ta, i, tb, j, ends[a])
                            + _joined(tt, tb, j, ta, i, ends[b])
                            - ta.upto[-1]
                            - tb.upto[-1]
                        )
                        out.append((added, (0, a, i, 0, b, j, 0, 0)))
                    self._cross(a, i, b, j, out)
        out.sort(key=lambda c: c[0])
        return out

    def _tail(self, a: int, b: int) -> tuple[list[int], list[bool]]:
        if (a, b) not in self._tails:
            ins, rb = self.ins, self.routes[b]
            ok, suffix = True, [True]
            for v in reversed(rb):
                ok = ok and bool(ins.allowed[a, v])
                suffix.append(ok)
            self._tails[a, b] = ins.latest_arrivals(a, rb), suffix[::-1]
        return self._tails[a, b]

    def _tails_fit(self, a: int, i: int, b: int, j: int) -> bool:
        """Whether the tails move ``a[:i] + b[j:]``, ``b[:j] + a[i:]`` is feasible (relaxed)."""
        ins, ta, tb = self.ins, self.info[a], self.info[b]
        tt = ins.tt_list
        latest_a, allowed_a = self._tail(a, b)
        latest_b, allowed_b = self._tail(b, a)
        next_b = ta.locs[i + 1] if i < len(ta.route) else ins.problem.tours[b].end_location
        return (
            allowed_a[j]
            and allowed_b[i]
            and ta.ends[i] + tt[ta.locs[i]][tb.locs[j + 1]] <= latest_a[j]
            and tb.ends[j] + tt[tb.locs[j]][next_b] <= latest_b[i]
        )

    def _cross(self, a: int, i: int, b: int, j: int, out: list[tuple[int, Move]]) -> None:
        """Append the feasible CROSS moves at positions ``i`` of ``a`` and ``j`` of ``b``."""
        ins, ta, tb = self.ins, self.info[a], self.info[b]
        tt = ins.tt_list
        ra, rb = ta.route, tb.route
        top_k, top_m = min(_LONGEST, len(ra) - i), min(_LONGEST, len(rb) - j)
        # the states of a serving b's string and of b serving a's, straight and reversed
        into_a = [_walk(ins, a, ta.ends[i], ta.locs[i], rb[j : j + top_m])]
        if len(into_a[0]) == 1:
            return  # the new arc the move is built on, a[i - 1] -> b[j], cannot be driven
        into_b = [_walk(ins, b, tb.ends[j], tb.locs[j], ra[i : i + top_k])]
        into_a.append(
            [(-1, -1, -1)] * 2
            + [
                _whole(_walk(ins, a, ta.ends[i], ta.locs[i], rb[j : j + m][::-1]), m)
                for m in range(2, top_m + 1)
            ]
        )
        into_b.append(
            [(-1, -1, -1)] * 2
            + [
                _whole(_walk(ins, b, tb.ends[j], tb.locs[j], ra[i : i + k][::-1]), k)
                for k in range(2, top_k + 1)
            ]
        )
        for k in range(top_k + 1):
            for m in range(1, top_m + 1):
                if (
                    max(k, m) < 2
                    or not self._room(a, len(ra) - k + m)
                    or not self._room(b, len(rb) - m + k)
                ):
                    continue
                old = ta.upto[i + k + 1] - ta.upto[i] + tb.upto[j + m + 1] - tb.upto[j]
                after_a, by_a = ta.locs[i + k + 1], ta.latest[i + k]
                after_b, by_b = tb.locs[j + m + 1], tb.latest[j + m]
                for flip in range(4):
                    fa, fb = flip & 1, (flip >> 1) & 1
                    if (fa and m < 2) or (fb and k < 2):
                        continue
                    states_a, states_b = into_a[fa], into_b[fb]
                    if m >= len(states_a) or k >= len(states_b):
                        continue  # the string cannot be served
                    end_a, loc_a, trav_a = states_a[m]
                    end_b, loc_b, trav_b = states_b[k]
                    if end_a < 0 or end_b < 0:
                        continue  # a reversed string that cannot be served
                    if end_a + tt[loc_a][after_a] > by_a or end_b + tt[loc_b][after_b] > by_b:
                        continue
                    added = trav_a + tt[loc_a][after_a] + trav_b + tt[loc_b][after_b] - old
                    out.append((added, (1, a, i, k, b, j, m, flip)))


def strings_pay(routes: Routes, least: int | None = None) -> bool:
    """Whether string moves are worth building on ``routes``: two tours or more are used and
    they hold at least ``least`` (default :data:`PAY_VISITS`) visits each on average."""
    used = [len(route) for route in routes if route]
    return len(used) >= 2 and sum(used) >= (PAY_VISITS if least is None else least) * len(used)


def string_moves(
    ins: Inserter,
    routes: Routes,
    near: Callable[[int], list[int]],
    deadline: float | None = None,
) -> list[tuple[int, Move]]:
    """The feasible (relaxed test) tail and CROSS moves of ``routes`` whose new arc leads to a
    near visit, as ``(travel added, move)``, least first (ties in order of construction);
    none if ``deadline`` (a ``time.monotonic()`` instant) passes while they are built."""
    return _Moves(ins, routes, near, deadline).candidates


def string_insert(
    ins: Inserter,
    routes: Routes,
    near: Callable[[int], list[int]],
    deadline: float | None = None,
    *,
    shorter: bool = False,
) -> bool:
    """Make a tail or CROSS move between two tours that lets an unvisited place in (in place).

    Of the feasible moves (:func:`string_moves`), the ``_TRIES`` adding least travel are tried
    in that order: the two new routes are confirmed exactly for tours with breaks or a duration
    limit, then the open place of best ratio that fits in either goes in. With ``shorter``,
    when no move lets a place in, the one saving most travel (if any saves) is made. Returns
    whether a move was made.

    Parameters
    ----------
    ins
        The inserter of the problem.
    routes
        The plan; changed in place.
    near
        Visits by increasing travel to and from a visit (``LocalSearch.nearest``).
    deadline
        ``time.monotonic()`` instant after which no move is tried.
    shorter
        Also make a move that only saves travel.
    """
    if len(routes) < 2 or (deadline is not None and time.monotonic() >= deadline):
        return False
    open_ = ins.open_mask(routes)
    if not open_.any() and not shorter:
        return False
    fallback: tuple[list[int], list[int], int, int] | None = None
    tries = _TRIES
    for added, move in string_moves(ins, routes, near, deadline):
        if tries <= 0 or (deadline is not None and time.monotonic() >= deadline):
            break
        tries -= 1
        a, b = move[1], move[4]
        new_a, new_b = apply_move(routes, move)
        if (ins.exact[a] and not ins.feasible(a, new_a)) or (
            ins.exact[b] and not ins.feasible(b, new_b)
        ):
            continue
        for t, new in ((a, new_a), (b, new_b)):
            entry = _best_entry(ins, t, new, open_) if open_.any() else None
            if entry is not None:
                routes[a], routes[b] = new_a, new_b
                routes[t] = entry[1]
                return True
        if shorter and fallback is None and added < 0:
            fallback = new_a, new_b, a, b
    if fallback is not None:
        new_a, new_b, a, b = fallback
        routes[a], routes[b] = new_a, new_b
        return True
    return False

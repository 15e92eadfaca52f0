"""Moves between tours: relocate a visit to make room, and swap visits between two tours.

Insertion (:mod:`.insertion`) fills each tour with what fits in it, and the intra-tour moves
(:mod:`.moves`) shorten a tour; neither moves a visit from one tour to another once it is placed.
With several tours that is where a plan gets stuck: an unvisited place would fit in tour ``a`` if
one of ``a``'s visits were served by tour ``b`` instead, which still has room for it. These are
the inter-route neighbourhoods PyVRP's local search uses (relocate and swap between routes, its
``Exchange10`` / ``Exchange11`` operators and the SWAP* of Vidal 2022), turned to the orienteering
objective: a move is made only when it lets a place in, so the score rises with every move.

* :func:`relocate_insert`: visit ``v`` moves from tour ``a`` to tour ``b`` (where it fits at its
  best position), and the place of best insertion ratio that now fits in ``a`` goes in.
* :func:`swap_insert`: visits ``v`` of ``a`` and ``w`` of ``b`` trade tours (each at its best
  position in the other tour once the other visit is out, as in SWAP*), and an unvisited place
  goes into either.
* :func:`relocate_shorter`: visit ``v`` moves to the tour where it saves travel in all (score
  unchanged; off in the iterated search unless asked for, ``between="all"``).

The single placements these moves test are done by :func:`best_position`, the Inserter's
vectorised test for one visit written as a plain loop (numpy's overhead dominates for one
candidate), with each shortened tour's times computed once per call. The exchange of
:mod:`.moves` uses the same loop (:func:`cheapest_few`) when it has only a few candidates for a
route not costed before: the same added times and the same choice, without a route table.

Both keep the plan feasible by the Inserter's relaxed test, confirmed exactly for tours with
breaks or a duration limit; no visit leaves the plan, so required visits stay and groups of
alternatives keep at most one member.
"""

from __future__ import annotations

import time

import numpy as np
import numpy.typing as npt

from .insertion import Inserter, Routes

__all__ = [
    "best_position",
    "cheapest_few",
    "least_shift",
    "relocate_insert",
    "relocate_shorter",
    "swap_insert",
]

Mask = npt.NDArray[np.bool_]


def best_position(
    ins: Inserter,
    r: int,
    route: list[int],
    c: int,
    times: tuple[list[int], list[int]] | None = None,
) -> int | None:
    """Position of least added time of visit ``c`` in route ``r`` by the relaxed test, or
    ``None`` if it fits nowhere: :meth:`Inserter.evaluate` for one visit, in plain Python
    (a tenth of the time of the vectorised test for one candidate on short tours).

    ``route`` must be feasible by the relaxed test. ``times``: the route's
    :meth:`~Inserter.forward` end times and :meth:`~Inserter.latest_arrivals`, if known.
    """
    found = least_shift(ins, r, route, c, times)
    return None if found is None else found[1]


def least_shift(
    ins: Inserter,
    r: int,
    route: list[int],
    c: int,
    times: tuple[list[int], list[int]] | None = None,
) -> tuple[int, int] | None:
    """Least added time of visit ``c`` in route ``r`` and its first position, or ``None``
    (as :func:`best_position`): the numbers of :meth:`Inserter.evaluate` for one visit
    (``table.best`` and ``table.pos``), where its ratio would be positive."""
    tour = ins.problem.tours[r]
    if not ins.allowed_rows[r][c] or ins.noise[c] <= 0:
        return None  # as evaluate: no positive ratio
    limit = tour.max_visits
    # a full tour takes only a visit that does not count (counted only where it may be full)
    if limit is not None and len(route) >= limit and not ins.uncounted[c]:  # noqa: SIM102
        if ins.problem.counted(route) >= limit:
            return None
    if times is None:
        forward = ins.forward(r, route)
        if forward is None:
            return None
        times = forward, ins.latest_arrivals(r, route)
    ends, latest = times
    tt, loc = ins.tt_list, ins.loc_list
    here, service = loc[c], ins.svc_list[c]
    back = tt[here]
    best, at = None, None
    prev = tour.start_location
    size = len(route)
    if ins.single_window:  # Inserter._start inlined, as in Inserter._forward
        opens, close = ins._open0[c], ins._close0[c]
        for p in range(size + 1):
            nxt = loc[route[p]] if p < size else tour.end_location
            to_c = tt[prev]
            end = ends[p]
            a = end + to_c[here]
            if a <= close:
                arrival = (a if a > opens else opens) + service + back[nxt]
                if arrival <= latest[p]:
                    shift = arrival - end - to_c[nxt]
                    if best is None or shift < best:
                        best, at = shift, p
            prev = nxt
        return None if best is None or at is None else (best, at)
    for p in range(size + 1):
        nxt = loc[route[p]] if p < size else tour.end_location
        to_c = tt[prev]
        start = ins._start(c, ends[p] + to_c[here])
        if start is not None:
            arrival = start + service + back[nxt]
            if arrival <= latest[p]:
                shift = arrival - ends[p] - to_c[nxt]
                if best is None or shift < best:
                    best, at = shift, p
        prev = nxt
    return None if best is None or at is None else (best, at)


def cheapest_few(
    ins: Inserter, r: int, rest: list[int], candidates: list[int], ends: list[int] | None
) -> tuple[int, int] | None:
    """The candidate (of a few, increasing) to insert into tour ``r`` visiting ``rest`` and
    where, as :meth:`.moves.LocalSearch._best_insertion` chooses from :meth:`Inserter.evaluate`
    (the higher score, then the better ratio, the first the exact schedule confirms), each
    costed in plain Python (:func:`least_shift`: the same added times, positions and ratios),
    without the fixed cost of a new route's table. ``ends``: the route's end times, if known.
    """
    if ends is None:
        ends = ins.forward(r, rest)
        if ends is None:
            return None
    times = ends, ins.latest_arrivals(r, rest)
    weight, noise, score = ins.weight, ins.noise, ins.score_list
    found = []
    for u in candidates:
        least = least_shift(ins, r, rest, u, times)
        if least is not None:
            ratio = float(weight[u]) * float(noise[u]) / max(least[0], 1)
            if ratio > 0:
                found.append((-score[u], -ratio, u, least[1]))
    found.sort()  # as a lexsort on (-ratio, -score): ties by index
    for _, _, u, pos in found:
        at = ins.confirm(r, rest, u) if ins.exact[r] else pos
        if at is not None:
            return u, at
    return None


def _place(
    ins: Inserter,
    r: int,
    route: list[int],
    c: int,
    times: tuple[list[int], list[int]] | None = None,
) -> list[int] | None:
    """``route`` with visit ``c`` at its best feasible position in tour ``r``, or ``None``
    (``times`` as for :func:`best_position`)."""
    if not ins.exact[r]:
        at = best_position(ins, r, route, c, times)
        return None if at is None else [*route[:at], c, *route[at:]]
    mask = np.zeros(ins.n, dtype=bool)
    mask[c] = True
    ratio, pos = ins.evaluate(r, route, mask)
    if ratio[c] <= 0:
        return None
    at = ins.confirm(r, route, c) if ins.exact[r] else int(pos[c])
    if at is None:
        return None
    return [*route[:at], c, *route[at:]]


def _best_entry(
    ins: Inserter, r: int, route: list[int], open_: Mask
) -> tuple[int, list[int]] | None:
    """The open place of best ratio that fits in ``route`` (tour ``r``), and the new route."""
    if not open_.any() or ins.forward(r, route) is None:
        return None
    ratio, pos = ins.evaluate(r, route, open_)
    fits = np.flatnonzero(ratio > 0)
    for u in fits[np.argsort(-ratio[fits], kind="stable")].tolist():
        at = ins.confirm(r, route, u) if ins.exact[r] else int(pos[u])
        if at is not None:
            return u, [*route[:at], u, *route[at:]]
    return None


def _fit_elsewhere(ins: Inserter, routes: Routes) -> list[npt.NDArray[np.float64]]:
    """Per tour ``b``: the relaxed ratio (> 0 if it fits) of every visit of the other tours."""
    planned = np.zeros(ins.n, dtype=bool)
    for route in routes:
        planned[route] = True
    out = []
    for b, route in enumerate(routes):
        others = planned.copy()
        others[route] = False
        out.append(ins.evaluate(b, route, others)[0])
    return out


def relocate_insert(ins: Inserter, routes: Routes, deadline: float | None = None) -> bool:
    """Move one visit to another tour if that lets an unvisited place in (in place).

    For each visit ``v`` of tour ``a`` that fits in another tour ``b`` (relaxed test on ``b``
    as it is), the places that fit in ``a`` without ``v`` are evaluated; if one does (exactly,
    for tours with breaks or a duration limit), ``v`` goes to ``b`` and the best of them into
    ``a``. The first such move found is made. Returns whether one was.

    Parameters
    ----------
    ins
        The inserter of the problem.
    routes
        The plan (visit indices per tour); changed in place.
    deadline
        ``time.monotonic()`` instant after which no more moves are tried.
    """
    if len(routes) < 2:
        return False
    open_ = ins.open_mask(routes)
    if not open_.any():
        return False
    elsewhere = _fit_elsewhere(ins, routes)
    for a, route in enumerate(routes):
        for j, v in enumerate(route):
            targets = [b for b in range(len(routes)) if b != a and elsewhere[b][v] > 0]
            if not targets:
                continue
            if deadline is not None and time.monotonic() >= deadline:
                return False
            rest = route[:j] + route[j + 1 :]
            entry = _best_entry(ins, a, rest, open_)
            if entry is None:
                continue
            for b in sorted(targets, key=lambda b: -elsewhere[b][v]):
                moved = _place(ins, b, routes[b], v)
                if moved is not None:
                    routes[b] = moved
                    routes[a] = entry[1]
                    return True
    return False


#: A route without one visit, and its end times and latest arrivals (``None``: infeasible).
_Rest = tuple[list[int], tuple[list[int], list[int]] | None]


def _rest(ins: Inserter, r: int, route: list[int], j: int, cache: dict[int, _Rest]) -> _Rest:
    """``route`` without its ``j``-th visit and its times (as for :func:`best_position`)."""
    if j not in cache:
        rest = route[:j] + route[j + 1 :]
        ends = ins.forward(r, rest)
        cache[j] = rest, None if ends is None else (ends, ins.latest_arrivals(r, rest))
    return cache[j]


def swap_insert(ins: Inserter, routes: Routes, deadline: float | None = None) -> bool:
    """Swap two visits of two tours if that lets an unvisited place into either (in place).

    Visits ``v`` of tour ``a`` and ``w`` of tour ``b`` trade tours, each placed at its best
    feasible position once the other is out (the SWAP* of Vidal 2022, which finds the best
    positions among the few best insertions rather than only the swapped visit's place). The
    pair is tried only if ``v`` and ``w`` are near each other (each among the other's
    nearest visits of the other tour). The swap is made when an open place then fits in ``a``
    or ``b``; it goes in. Returns whether a swap was made.

    Parameters
    ----------
    ins
        The inserter of the problem.
    routes
        The plan; changed in place.
    deadline
        ``time.monotonic()`` instant after which no more swaps are tried.
    """
    if len(routes) < 2:
        return False
    open_ = ins.open_mask(routes)
    if not open_.any():
        return False
    tt = ins.tt
    loc = ins.loc
    for a in range(len(routes)):
        for b in range(a + 1, len(routes)):
            ra, rb = routes[a], routes[b]
            if not ra or not rb:
                continue
            # the closest pairs first: a swap of far-apart visits rarely fits both tours
            la, lb = loc[ra], loc[rb]
            near = tt[la][:, lb] + tt[lb][:, la].T
            rests_a: dict[int, _Rest] = {}
            rests_b: dict[int, _Rest] = {}
            for flat in np.argsort(near, axis=None, kind="stable")[: 4 * max(len(ra), len(rb))]:
                if deadline is not None and time.monotonic() >= deadline:
                    return False
                j, k = divmod(int(flat), len(rb))
                v, w = ra[j], rb[k]
                rest_a, times_a = _rest(ins, a, ra, j, rests_a)
                rest_b, times_b = _rest(ins, b, rb, k, rests_b)
                if times_a is None or times_b is None:
                    continue
                new_a = _place(ins, a, rest_a, w, times_a)
                if new_a is None:
                    continue
                new_b = _place(ins, b, rest_b, v, times_b)
                if new_b is None:
                    continue
                for t, new in ((a, new_a), (b, new_b)):
                    entry = _best_entry(ins, t, new, open_)
                    if entry is not None:
                        routes[a], routes[b] = new_a, new_b
                        routes[t] = entry[1]
                        return True
    return False


# Relocations by travel saved: candidate moves checked in full (exactly, for tours with breaks
# or a duration limit) before giving up.
_SHORTER_TRIES = 10


def relocate_shorter(ins: Inserter, routes: Routes, deadline: float | None = None) -> bool:
    """Move one visit to another tour where it saves travel in all (in place).

    PyVRP's ``Exchange10`` between routes on the travel part of the objective: visit ``v``
    leaves tour ``a`` (saving the detour to it) for the position of least extra travel in tour
    ``b`` that still fits (relaxed test, then exactly for tours with breaks or a duration
    limit). The move saving most travel is made. Less travel leaves room for places that did
    not fit; the score does not change. Returns whether a move was made.

    Parameters
    ----------
    ins
        The inserter of the problem.
    routes
        The plan; changed in place.
    deadline
        ``time.monotonic()`` instant after which no move is tried.
    """
    if len(routes) < 2 or (deadline is not None and time.monotonic() >= deadline):
        return False
    tt, loc, svc = ins.tt_list, ins.loc_list, ins.svc_list
    tours = ins.problem.tours
    times: list[tuple[list[int], list[int]] | None] = []
    for r, route in enumerate(routes):
        ends = ins.forward(r, route)
        times.append(None if ends is None else (ends, ins.latest_arrivals(r, route)))
    moves: list[tuple[int, int, int, int, int]] = []  # (saved, a, j, b, p)
    for a, ra in enumerate(routes):
        for j, v in enumerate(ra):
            here = loc[v]
            prev = tours[a].start_location if j == 0 else loc[ra[j - 1]]
            after = tours[a].end_location if j == len(ra) - 1 else loc[ra[j + 1]]
            saving = tt[prev][here] + tt[here][after] - tt[prev][after]
            if saving <= 0:
                continue
            for b, rb in enumerate(routes):
                at = times[b]
                limit = tours[b].max_visits
                if b == a or at is None or not ins.allowed[b, v]:
                    continue
                if limit is not None and len(rb) >= limit and not ins.uncounted[v]:  # noqa: SIM102
                    if ins.problem.counted(rb) >= limit:
                        continue
                ends, latest = at
                before = tours[b].start_location
                for p in range(len(rb) + 1):
                    nxt = loc[rb[p]] if p < len(rb) else tours[b].end_location
                    saved = saving - (tt[before][here] + tt[here][nxt] - tt[before][nxt])
                    if saved > 0:
                        start = ins._start(v, ends[p] + tt[before][here])
                        if start is not None and start + svc[v] + tt[here][nxt] <= latest[p]:
                            moves.append((saved, a, j, b, p))
                    before = nxt
    moves.sort(key=lambda m: -m[0])
    for _, a, j, b, p in moves[:_SHORTER_TRIES]:
        new_a = routes[a][:j] + routes[a][j + 1 :]
        new_b = [*routes[b][:p], routes[a][j], *routes[b][p:]]
        if ins.feasible(a, new_a) and (not ins.exact[b] or ins.feasible(b, new_b)):
            routes[a], routes[b] = new_a, new_b
            return True
    return False

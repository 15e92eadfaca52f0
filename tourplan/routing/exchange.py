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

Both keep the plan feasible by the Inserter's relaxed test, confirmed exactly for tours with
breaks or a duration limit; no visit leaves the plan, so required visits stay and groups of
alternatives keep at most one member.
"""

from __future__ import annotations

import time

import numpy as np
import numpy.typing as npt

from .insertion import Inserter, Routes

__all__ = ["relocate_insert", "swap_insert"]

Mask = npt.NDArray[np.bool_]


def _place(ins: Inserter, r: int, route: list[int], c: int) -> list[int] | None:
    """``route`` with visit ``c`` at its best feasible position in tour ``r``, or ``None``."""
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
            for flat in np.argsort(near, axis=None, kind="stable")[: 4 * max(len(ra), len(rb))]:
                if deadline is not None and time.monotonic() >= deadline:
                    return False
                j, k = divmod(int(flat), len(rb))
                v, w = ra[j], rb[k]
                rest_a = ra[:j] + ra[j + 1 :]
                rest_b = rb[:k] + rb[k + 1 :]
                if ins.forward(a, rest_a) is None or ins.forward(b, rest_b) is None:
                    continue
                new_a = _place(ins, a, rest_a, w)
                if new_a is None:
                    continue
                new_b = _place(ins, b, rest_b, v)
                if new_b is None:
                    continue
                for t, new in ((a, new_a), (b, new_b)):
                    entry = _best_entry(ins, t, new, open_)
                    if entry is not None:
                        routes[a], routes[b] = new_a, new_b
                        routes[t] = entry[1]
                        return True
    return False

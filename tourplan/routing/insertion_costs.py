"""Relaxed insertion costs of visits into routes, remembered per route (the Inserter's table).

For one tour and one route, the table holds, per candidate visit, the least added time of
inserting it (windows, the tour's window and the latest arrivals that keep the rest of the route
feasible; breaks and ``max_duration`` are left to the exact check of :mod:`.insertion`) and the
first position reaching it. The iterated search asks for the same route again and again (the
tours a shake did not touch, the exchange test of a tour without one of its visits, a refill
after tightening changed nothing), so the tables of the last routes seen are kept (least
recently used first out, within a memory budget) and only candidates not yet costed on a route
are computed.

Every candidate's column is computed on its own (a column depends only on the route and the
candidate), so a table built over several calls holds exactly the numbers a single call for all
candidates gives: the decisions of the search do not depend on what was remembered.

The module also holds the per-problem caches the Inserter shares between its instances: the
travel matrix as rows of machine integers, and whether the matrix obeys the triangle inequality.
"""

from __future__ import annotations

import weakref
from array import array
from collections import OrderedDict

import numpy as np
import numpy.typing as npt

from .problem import RoutingProblem

__all__ = ["INF", "CostTables", "RouteCosts", "insertion_monotone", "travel_lists"]

#: "Does not fit": an added time larger than any real one (and safe to add to).
INF = np.iinfo(np.int64).max // 4
#: Memory for the tables of one Inserter, in bytes (about 17 bytes per visit per table).
_CACHE_BYTES = 4_000_000
#: Most tables kept, whatever their size.
_CACHE_TABLES = 512

Int = npt.NDArray[np.int64]


class RouteCosts:
    """The insertion costs of one route of one tour, filled in as candidates are asked for.

    Parameters
    ----------
    n
        Number of visits of the problem.
    locs
        Locations in order: the tour's start, each visit's, the tour's end.
    ends
        End time after each stop (start first), as :meth:`Inserter.forward`.
    latest
        Latest arrival after each gap, as :meth:`Inserter.latest_arrivals`.
    tt
        The travel-time matrix.
    """

    __slots__ = (
        "best",
        "direct",
        "end_times",
        "ends",
        "known",
        "latest",
        "next",
        "pos",
        "prev",
    )

    def __init__(
        self,
        n: int,
        locs: list[int],
        ends: list[int],
        latest: list[int],
        tt: Int,
        unknown: Int | None = None,
    ):
        #: the end times as given (a list, for :meth:`Inserter.forward`)
        self.end_times = ends
        columns = np.array([locs[:-1], locs[1:], ends, latest], dtype=np.int64)
        columns[0] *= tt.shape[1]  # the start of each previous stop's row in the flat matrix
        # arrival at the next stop without an insertion
        direct = columns[2] + tt.ravel().take(columns[0] + columns[1])
        self.prev, self.next, self.ends, self.latest = columns[:, :, None]
        self.direct = direct[:, None]
        #: least added time per visit (INF: fits nowhere, or not ``known`` yet)
        self.best = np.full(n, INF, dtype=np.int64) if unknown is None else unknown.copy()
        #: first position of the least added time (0 where not ``known``)
        self.pos = np.zeros(n, dtype=np.int64)
        self.known = np.zeros(n, dtype=bool)


class CostTables:
    """Insertion costs of candidates into routes, remembered for the last routes seen.

    Parameters
    ----------
    tt, loc, svc
        Travel-time matrix, location and service time of each visit.
    opens, closes
        Windows per visit (visits x most windows; missing windows open at ``INF``, close at -1).
    """

    def __init__(self, tt: Int, loc: Int, svc: Int, opens: Int, closes: Int) -> None:
        self.tt, self.loc, self.svc = tt, loc, svc
        self.single_window = opens.shape[1] == 1
        self.opens, self.closes = opens, closes
        self.open0, self.close0 = opens[:, 0], closes[:, 0]
        # the matrix flat: ``take`` of flat indices is faster than a 2-d fancy index
        self.flat = np.ascontiguousarray(tt).ravel()
        self.width = tt.shape[1]
        n = loc.size
        self.capacity = max(8, min(_CACHE_TABLES, _CACHE_BYTES // (17 * max(n, 1))))
        self._tables: OrderedDict[tuple[int, ...], RouteCosts] = OrderedDict()
        #: a new table's ``best`` (copied: faster than filling)
        self.unknown = np.full(n, INF, dtype=np.int64)

    def get(self, key: tuple[int, ...]) -> RouteCosts | None:
        """The table of ``key`` = ``(tour, *route)``, if remembered."""
        table = self._tables.get(key)
        if table is not None:
            self._tables.move_to_end(key)
        return table

    def has(self, key: tuple[int, ...]) -> bool:
        """Whether the table of ``key`` is remembered (without using it)."""
        return key in self._tables

    def add(self, key: tuple[int, ...], table: RouteCosts) -> RouteCosts:
        """Remember ``table`` as that of ``key`` (dropping the least recently used)."""
        self._tables[key] = table
        if len(self._tables) > self.capacity:
            self._tables.popitem(last=False)
        return table

    def clear(self) -> None:
        """Forget every table."""
        self._tables.clear()

    def shift(self, table: RouteCosts, cand: Int) -> Int:
        """Added time of each candidate at each position (positions x candidates; INF where a
        window is missed or the next stop would be reached too late)."""
        cand_loc = self.loc[cand]
        arr = self.flat.take(table.prev + cand_loc)  # travel from the stop before each gap
        arr += table.ends
        if self.single_window:
            ok = arr <= self.close0[cand]
            start = np.maximum(arr, self.open0[cand], out=arr)  # arr is not used after
        else:
            a = arr[..., None]
            start = np.where(a <= self.closes[cand], np.maximum(a, self.opens[cand]), INF).min(
                axis=-1
            )
            ok = start < INF
        new_arrival = self.flat.take(cand_loc * self.width + table.next)  # on to the next stop
        new_arrival += self.svc[cand]
        new_arrival += start
        ok &= new_arrival <= table.latest
        new_arrival -= table.direct
        shift: Int = np.where(ok, new_arrival, INF)
        return shift

    def complete(self, table: RouteCosts, cand: npt.NDArray[np.bool_]) -> None:
        """Cost the candidates (a mask over visits) that ``table`` does not know yet."""
        need = (cand > table.known).nonzero()[0]  # cand and not known
        if need.size:
            shift = self.shift(table, need)
            table.best[need] = shift.min(axis=0)
            table.pos[need] = shift.argmin(axis=0)
            table.known[need] = True


# The travel matrix as rows of machine integers, by id of the problem: as fast to index as lists
# of Python ints at a fifth of their memory (13 MB on 600 places as lists), made once per problem
# rather than by every Inserter of a search.
_LISTS: dict[int, list[array[int]]] = {}


def travel_lists(problem: RoutingProblem) -> list[array[int]]:
    """``problem.travel_times`` as one ``array("q")`` per row (read-only by every user)."""
    key = id(problem)
    if key not in _LISTS:
        _LISTS[key] = [array("q", row.tobytes()) for row in problem.travel_times]
        weakref.finalize(problem, _LISTS.pop, key, None)
    return _LISTS[key]


# insertion_monotone's answers by id of the problem, dropped when the problem is collected:
# the check is cubic in the places (seconds on 600 places) and every Inserter asks it.
_MONOTONE: dict[int, bool] = {}


def insertion_monotone(problem: RoutingProblem) -> bool:
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

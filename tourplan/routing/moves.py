"""Local search moves on insertion plans: tightening, exchange and string removal.

After each re-insertion two local searches make room for more visits: tightening (2-opt and
or-opt moves that shorten a tour's travel, :meth:`LocalSearch.tighten`) and, for plans that score
at least as much as before the shake, exchange (a visit swapped for an unvisited place of higher
score that fits in its stead, :meth:`LocalSearch.exchange`, the "replace" move of the TOPTW
literature); :meth:`LocalSearch.improve` chains them with insertion. String removal
(:meth:`LocalSearch.remove_strings`, the ruin of Christiaens & Vanden Berghe 2020) is the one
shake of the iterated search that moves a region from one tour to another; forced insertion
(:meth:`LocalSearch.force_insert`) the shake that puts an unvisited place in and drops the visits
in its way.

Every move keeps the plan feasible: it is checked with the
:class:`~tourplan.routing.insertion.Inserter`'s relaxed test, then exactly for tours with breaks
or a duration limit.
"""

from __future__ import annotations

import bisect
import itertools
import random
import time

import numpy as np
import numpy.typing as npt

from .exchange import cheapest_few, relocate_insert, relocate_shorter, swap_insert
from .insertion import REQUIRED_WEIGHT, Inserter, Int, Routes
from .strings import string_insert, strings_pay

__all__ = ["LocalSearch"]

# String removal: mean number of visits removed, longest string (Christiaens & Vanden Berghe).
_STRING_VISITS = 10
_STRING_LENGTH = 10
# Tightening: shortening moves tried for feasibility per pass, most saving first.
_TIGHTEN_TRIES = 30
# Tightened routes remembered (then forgotten all at once): about 1 MB at most.
_TIGHT_MEMORY = 4_000
# Plans on which string moves found nothing, remembered (then forgotten all at once).
_NO_STRINGS_MEMORY = 500
# Exchange: at most this many candidates costed in plain Python, not in a new route table.
_FEW = 8
# Exchange: rounds of one swap per tour (each followed by tightening and insertion).
_EXCHANGE_ROUNDS = 20
# Moves between tours (relocate, swap) that let a place in: at most this many per improvement.
_BETWEEN_ROUNDS = 20


class LocalSearch:
    """Local search moves over the plans of one :class:`~tourplan.routing.insertion.Inserter`.

    Parameters
    ----------
    inserter
        Evaluates and inserts visits, and tests routes for feasibility.
    """

    def __init__(self, inserter: Inserter) -> None:
        self.ins = inserter
        self._near: dict[int, Int] = {}
        #: ``time.monotonic()`` instant after which :meth:`improve` stops exchanging.
        self.deadline: float | None = None
        #: Whether :meth:`between` tries the moves between tours (:mod:`.exchange`).
        self.between_moves = True
        #: Whether those include swaps (:func:`~.exchange.swap_insert`), not only relocations.
        self.swaps = True
        #: Whether they also include relocations that only save travel
        #: (:func:`~.exchange.relocate_shorter`; off by default: neutral on the benchmark).
        self.shorter = False
        #: Whether :meth:`between` first tries pair exchanges (:meth:`exchange_pair`).
        self.pairs = False
        #: String moves between tours (:func:`~.strings.string_insert`) when no relocation
        #: or swap helps: 0 none, 1 those that let a place in, 2 also those saving travel.
        self.strings = 0
        # Exchanges that failed in this improvement: (tour, visit out, rest of the tour) ->
        # the candidates tried. The same test with no new candidate fails again; skipped.
        self._failed: dict[tuple[int, ...], npt.NDArray[np.bool_]] = {}
        # Plans on which string moves found nothing.
        self._no_strings: set[tuple[tuple[int, ...], ...]] = set()
        # (tour, *visits) of routes tightened to the end: tightening them again changes nothing.
        self._tight: set[tuple[int, ...]] = set()

    def nearest(self, i: int) -> list[int]:
        """All visits by increasing travel time to and from visit ``i`` (``i`` first)."""
        # One row at a time, when first asked for: the whole order at once took five n x n
        # arrays (8 MB at its peak on 600 places, in every round of every search).
        order = self._near.get(i)
        if order is None:
            ins = self.ins
            there, back = ins.tt[ins.loc[i], ins.loc], ins.tt[ins.loc, ins.loc[i]]
            order = self._near[i] = np.argsort(there + back, kind="stable")
        near: list[int] = order.tolist()
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
        for i in self.nearest(rng.randrange(self.ins.n)):
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

    def force_insert(self, routes: Routes, rng: random.Random) -> bool:
        """Put an unvisited place into a tour, dropping the visits in its way (in place).

        A shake aimed at the places the plan leaves out, the ejection of the TOPTW literature:
        a place outside the plan (drawn with probability proportional to its score) goes where
        it can start within its window at the least detour, in any allowed tour, even if the
        rest of that tour no longer fits; then the visits of that tour that are in the way
        leave: the one of least score whose removal alone makes the tour feasible, else the
        visit right after the place, until it is feasible. Required visits (and members of
        required groups) never leave. Returns whether a place went in.
        """
        ins = self.ins
        candidates = np.flatnonzero(ins.open_mask(routes) & ins.allowed.any(axis=0))
        if candidates.size == 0:
            return False
        scores = ins.score[candidates].astype(float)
        if scores.sum() <= 0:
            return False
        u = int(candidates[rng.choices(range(candidates.size), weights=scores.tolist())[0]])
        tt, loc = ins.tt_list, ins.loc_list
        best: tuple[int, int, int] | None = None
        for r, route in enumerate(routes):
            tour = ins.problem.tours[r]
            if not ins.allowed[r, u] or (
                tour.max_visits is not None
                and len(route) >= tour.max_visits
                and not ins.uncounted[u]
                and ins.problem.counted(route) >= tour.max_visits
            ):
                continue
            ends = ins.forward(r, route)
            if ends is None:
                continue
            stops = [tour.start_location, *(loc[i] for i in route), tour.end_location]
            for p in range(len(route) + 1):
                a, b = stops[p], stops[p + 1]
                if ins._start(u, ends[p] + tt[a][loc[u]]) is None:
                    continue
                detour = tt[a][loc[u]] + tt[loc[u]][b] - tt[a][b]
                if best is None or detour < best[0]:
                    best = (detour, r, p)
        if best is None:
            return False
        _, r, p = best
        route = routes[r]
        route.insert(p, u)
        keep = self.ins.keep_mask()
        while not ins.feasible(r, route):
            others = [k for k, i in enumerate(route) if i != u and not keep[i]]
            if not others:
                route.remove(u)
                return False
            alone = [k for k in others if ins.feasible(r, route[:k] + route[k + 1 :])]
            if alone:
                del route[min(alone, key=lambda k: (ins.score_list[route[k]], k))]
                break
            at = route.index(u)
            after = [k for k in others if k > at]
            del route[after[0] if after else others[-1]]
        return True

    def _shortening_moves(self, r: int, route: list[int]) -> list[tuple[int, int, int]]:
        """Moves that shorten route ``r``'s travel, most saving first (at most a few).

        A move is ``(0, a, b)``: reverse ``route[a:b]`` (2-opt), or ``(k, a, b)`` with
        ``k`` in 1..3: move ``route[a:a + k]`` to just before ``route[b]`` (or-opt). Travel
        savings of all moves are computed at once (the matrix may be asymmetric).
        """
        ins = self.ins
        tour = ins.problem.tours[r]
        n = len(route)
        locs = np.array([tour.start_location, *(ins.loc_list[i] for i in route), tour.end_location])
        # travel between the route's stops, gathered once: each term below is a slice of it
        sub = ins.tt[np.ix_(locs, locs)]
        arc = sub.diagonal(1)  # arc j: locs[j] -> locs[j + 1], j = 0..n
        # 2-opt: arcs a..b are replaced by locs[a] -> locs[b], the reversed inner arcs,
        # locs[a + 1] -> locs[b + 1]
        fwd = np.concatenate(([0], np.cumsum(arc)))
        bwd = np.concatenate(([0], np.cumsum(sub.diagonal(-1))))
        old = fwd[None, 1:] - fwd[: n + 1, None]
        new = sub[:-1, :-1] + bwd[None, : n + 1] - bwd[1:, None] + sub[1:, 1:]
        a = np.arange(n + 1)[:, None]
        b = np.arange(n + 1)[None, :]
        savings = [(0, np.where(b >= a + 2, old - new, 0))]
        # or-opt: route[s:s + k] is locs[s + 1..s + k]; it goes between locs[b], locs[b + 1]
        for k in range(1, min(3, n - 1) + 1):
            gain = arc[: n - k + 1] + arc[k:] - sub.diagonal(k + 1)
            # to the string's first stop from locs[b], from its last stop on to locs[b + 1]
            cost = sub[: n + 1, 1 : n - k + 2].T + sub[k : n + 1, 1:] - arc[None, :]
            s = np.arange(n - k + 1)[:, None]
            savings.append((k, np.where((b >= s) & (b <= s + k), 0, gain[:, None] - cost)))
        flat = np.concatenate([save.ravel() for _, save in savings])
        top = np.flatnonzero(flat > 0)
        if top.size > _TIGHTEN_TRIES:
            top = top[np.argpartition(-flat[top], _TIGHTEN_TRIES - 1)[:_TIGHTEN_TRIES]]
        top = top[np.argsort(-flat[top], kind="stable")]
        offsets = list(itertools.accumulate((save.size for _, save in savings), initial=0))
        moves = []
        for j in top.tolist():
            m = bisect.bisect_right(offsets, j) - 1
            x, y = divmod(j - offsets[m], n + 1)
            moves.append((savings[m][0], x, y))
        return moves

    def tighten(self, r: int, route: list[int]) -> bool:
        """Shorten route ``r`` by 2-opt and or-opt moves (in place); return whether it changed.

        Each pass takes, of the moves that save most travel, the first after which the route
        still schedules (windows, tour window, breaks, duration), until none is left. Shorter
        tours leave room for more visits.
        """
        ins = self.ins
        changed = False
        if (r, *route) in self._tight:
            return False  # tightened before, to this same order: no move is left
        while len(route) > 1:
            ends = ins.forward(r, route)
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
                if ins.still_feasible(r, moved, ends, lo, hi) and (
                    not ins.exact[r] or ins.end_time(r, moved) is not None
                ):
                    route[:] = moved
                    changed = True
                    break
            else:
                self._remember_tight(r, route)
                return changed
        return changed

    def _remember_tight(self, r: int, route: list[int]) -> None:
        """Record that route ``r`` in this order has no shortening move left (a pure function
        of the tour and the order: :meth:`tighten` on it again would change nothing)."""
        if len(self._tight) >= _TIGHT_MEMORY:
            self._tight.clear()
        self._tight.add((r, *route))

    def exchange(self, routes: Routes) -> bool:
        """Swap one visit per tour for an unvisited place of higher score (in place).

        A tour's visits are tried from the lowest score up (required ones stay): without the
        visit, the unvisited places of higher score that now fit are evaluated as for insertion
        (allowed tours, windows; breaks and duration exactly), and the one of highest score,
        then best ratio, takes its place. Groups of alternatives are respected: a visit may give
        way to another member of its own group (a long visit for a short one), never to a
        member of a group already in the plan; a member of a required group gives way only to
        another member of its group. Returns whether any tour changed.
        """
        ins = self.ins
        changed = False
        score = ins.score_list
        for r, route in enumerate(routes):
            open_ = None  # the plan's open visits, the same for every visit without a group
            for j in sorted(range(len(route)), key=lambda j: score[route[j]]):
                v = route[j]
                g = ins._group_list[v]
                if ins.problem.visits[v].required:
                    continue
                free = ins.open_mask(routes, leaving=v) if g >= 0 else open_
                if free is None:  # the first visit without a group
                    free = open_ = ins.open_mask(routes)
                candidates = free & (ins.score > score[v])
                if ins.weight[v] >= REQUIRED_WEIGHT:  # a member of a required group
                    same = np.zeros(ins.n, dtype=bool)
                    same[ins.members[g]] = True
                    candidates &= same
                if not candidates.any():
                    continue
                rest = route[:j] + route[j + 1 :]
                key = (r, v, *rest)
                failed = self._failed.get(key)
                if failed is not None and not (candidates & ~failed).any():
                    continue  # no new candidate since none fitted in this same tour
                ends = ins.forward(r, rest)
                if ends is None:  # a matrix without the triangle inequality
                    continue
                placed = self._best_insertion(r, rest, candidates, ends)
                if placed is None:
                    self._failed[key] = candidates
                    continue
                u, at = placed
                rest.insert(at, u)
                route[:] = rest
                changed = True
                break
        return changed

    def _best_insertion(
        self, r: int, rest: list[int], candidates: np.ndarray, ends: list[int] | None = None
    ) -> tuple[int, int] | None:
        """The candidate to insert into tour ``r`` (visiting ``rest``; ``ends``: its end times)
        and where: the higher score, then the best ratio, the first the exact check confirms."""
        ins = self.ins
        few = np.flatnonzero(candidates)
        if ins.single_window and few.size <= _FEW and not ins.costs.has((r, *rest)):
            return cheapest_few(ins, r, rest, few.tolist(), ends)
        ratio, pos = ins.evaluate(r, rest, candidates)
        fits = np.flatnonzero(ratio > 0)
        for u in fits[np.lexsort((-ratio[fits], -ins.score[fits]))].tolist():
            at = ins.confirm(r, rest, u) if ins.exact[r] else int(pos[u])
            if at is not None:
                return u, at
        return None

    def exchange_pair(self, routes: Routes) -> bool:
        """Swap two neighbouring visits of a tour for one unvisited place of higher score than
        both together (in place); return whether a tour changed.

        The move toward plans of fewer, better places, which exchanges of one visit cannot
        reach: the pair of visits in a row (neither required nor in a group) is taken out and
        the unvisited place of highest score above theirs that fits in the shortened tour
        goes in (first such pair per tour, tried from the lowest pair score up).
        """
        ins = self.ins
        changed = False
        free = ins.open_mask(routes)
        for r, route in enumerate(routes):
            pairs = [
                j
                for j in range(len(route) - 1)
                if not self._keeps(route[j]) and not self._keeps(route[j + 1])
            ]
            pairs.sort(key=lambda j: ins.score_list[route[j]] + ins.score_list[route[j + 1]])
            for j in pairs:
                out = ins.score_list[route[j]] + ins.score_list[route[j + 1]]
                candidates = free & (ins.score > out)
                if not candidates.any():
                    break  # pairs are sorted: no later one has a candidate either
                rest = route[:j] + route[j + 2 :]
                ends = ins.forward(r, rest)
                if ends is None:
                    continue
                placed = self._best_insertion(r, rest, candidates, ends)
                if placed is None:
                    continue
                u, at = placed
                free[route[j]] = free[route[j + 1]] = True
                free[u] = False
                if ins.group[u] >= 0:
                    free[ins.members[ins.group[u]]] = False
                rest.insert(at, u)
                route[:] = rest
                changed = True
                break
        return changed

    def _keeps(self, i: int) -> bool:
        """Whether visit ``i`` must stay or belongs to a group (pair exchanges leave it)."""
        return bool(self.ins.problem.must_keep(i) or self.ins.group[i] >= 0)

    def improve(self, routes: Routes, floor: int) -> tuple[int, int]:
        """Insert, tighten, insert again; from score ``floor`` on, also exchange. Return value.

        Exchange is the costly step, so a caller passes the score a plan must reach to deserve
        it (in iterated insertion, the score of the plan before the shake).
        """
        self.ins.fill(routes)
        if any([self.tighten(r, route) for r, route in enumerate(routes)]):
            self.ins.fill(routes)
        self._failed.clear()
        if self.ins.value(routes)[0] >= floor:
            for _ in range(_EXCHANGE_ROUNDS):
                if self.deadline is not None and time.monotonic() >= self.deadline:
                    break  # the time limit is the cap, even inside one improvement
                if not self.exchange(routes):
                    break
                for r, route in enumerate(routes):
                    self.tighten(r, route)
                self.ins.fill(routes)
        return self.ins.value(routes)

    def _strings(self, routes: Routes) -> bool:
        """:func:`~.strings.string_insert` on ``routes`` unless it found no move on this very
        plan before (it would find none again: the test depends only on the plan)."""
        if not strings_pay(routes):
            return False
        key = tuple(tuple(route) for route in routes)
        if key in self._no_strings:
            return False
        if string_insert(self.ins, routes, self.nearest, self.deadline, shorter=self.strings > 1):
            return True
        if self.deadline is None or time.monotonic() < self.deadline:  # not cut short
            if len(self._no_strings) >= _NO_STRINGS_MEMORY:
                self._no_strings.clear()
            self._no_strings.add(key)
        return False

    def between(self, routes: Routes, *, swaps: bool = True) -> tuple[int, int]:
        """Moves between tours that let a place in (:mod:`.exchange`), each followed by
        tightening and insertion, until none is left (at most ``_BETWEEN_ROUNDS``); return the
        plan's value. The score never drops: no move takes a visit out of the plan.
        Swaps (the costlier move) are tried when no relocation helps, if ``swaps``; then, if
        :attr:`shorter`, a relocation that saves travel; then, if :attr:`strings`, a tail or
        CROSS move of strings between two tours.
        """
        swaps = swaps and self.swaps
        if self.pairs:
            for _ in range(_EXCHANGE_ROUNDS):
                if (self.deadline is not None and time.monotonic() >= self.deadline) or (
                    not self.exchange_pair(routes)
                ):
                    break
                for r, route in enumerate(routes):
                    self.tighten(r, route)
                self.ins.fill(routes)
        for _ in range(_BETWEEN_ROUNDS if self.between_moves and len(routes) > 1 else 0):
            if self.deadline is not None and time.monotonic() >= self.deadline:
                break
            if (
                not relocate_insert(self.ins, routes, self.deadline)
                and not (swaps and swap_insert(self.ins, routes, self.deadline))
                and not (self.shorter and relocate_shorter(self.ins, routes, self.deadline))
                and not (self.strings and self._strings(routes))
            ):
                break
            for r, route in enumerate(routes):
                self.tighten(r, route)
            self.ins.fill(routes)
        return self.ins.value(routes)

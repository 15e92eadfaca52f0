"""Decomposition: improve a plan of several tours two (or three) tours at a time.

The iterated search (:mod:`.ils`) is strong on plans of one or two tours and weaker on four: each
shake shakes every tour, and good plans differ from ours by several places swapped between tours
at once. Decomposition picks two tours that interact (their visits are among each other's nearest
places, :func:`interaction`), keeps every other tour fixed and runs the iterated search on the
sub-problem "these two tours and every place the fixed tours do not visit"
(:func:`sub_problem`), starting from the two tours as they are. The result is put back when the
whole plan's value (score, then travel) is better (:func:`decompose`). The sub-problem is a
smaller :class:`~.problem.RoutingProblem` over the same travel matrix: visits of the fixed tours,
visits allowed only in fixed tours and the other members of a group one fixed tour already
serves are left out, so a fixed tour's place can never be planned twice, required visits of the
chosen tours stay required and a group stays honoured.
"""

from __future__ import annotations

import random
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from .ils import iterated_insertion
from .insertion import Routes, routes_value
from .pool import RoutePool, tour_classes
from .problem import Group, RoutingProblem

__all__ = ["SubProblem", "decompose", "interaction", "sub_problem"]

# Nearest visited places of a visit that count for the interaction of two tours.
_NEAR = 8


@dataclass(frozen=True)
class SubProblem:
    """The sub-problem of some tours of a plan, the others fixed.

    Attributes
    ----------
    problem
        The smaller problem: the chosen tours, the places they may hold.
    allowed
        For each visit of ``problem``, the tours (of ``problem``) it may be in.
    visits
        For each visit of ``problem``, its index in the whole problem.
    tours
        For each tour of ``problem``, its index in the whole problem.
    start
        The chosen tours of the plan, in the sub-problem's visit indices.
    """

    problem: RoutingProblem
    allowed: list[list[int]]
    visits: list[int]
    tours: list[int]
    start: Routes

    def lift(self, routes: Routes, whole: Routes) -> Routes:
        """``whole`` with the chosen tours replaced by ``routes`` (sub-problem indices)."""
        plan = [list(r) for r in whole]
        for k, t in enumerate(self.tours):
            plan[t] = [self.visits[j] for j in routes[k]]
        return plan


def sub_problem(
    problem: RoutingProblem,
    allowed: Sequence[Sequence[int]],
    routes: Routes,
    chosen: Sequence[int],
) -> SubProblem:
    """The sub-problem of tours ``chosen`` of plan ``routes``, the other tours fixed.

    Its visits are those of the chosen tours and every place no fixed tour visits, less the
    places allowed in no chosen tour and the members of a group some fixed tour already serves
    (the iterated search places at most one member of a group). A group keeps its members that
    remain, and stays required only when no fixed tour serves it.

    Parameters
    ----------
    problem, allowed
        The whole problem and, for each visit, the tours it may be in.
    routes
        The plan (visit indices per tour).
    chosen
        The tours to search again, in order.
    """
    tours = list(chosen)
    pick = set(tours)
    fixed = {i for t, route in enumerate(routes) if t not in pick for i in route}
    served = {g for i in fixed if (g := problem.group_of(i)) is not None}
    position = {t: k for k, t in enumerate(tours)}
    visits: list[int] = []
    sub_allowed: list[list[int]] = []
    for i in range(len(problem.visits)):
        if i in fixed:
            continue
        g = problem.group_of(i)
        if g is not None and g in served:
            continue
        ks = [position[t] for t in allowed[i] if t in position]
        if ks:
            visits.append(i)
            sub_allowed.append(ks)
    index = {i: j for j, i in enumerate(visits)}
    groups = []
    for g, group in enumerate(problem.groups):
        members = tuple(index[i] for i in group.visits if i in index)
        if members and g not in served:
            groups.append(Group(group.id, members, required=group.required, limit=group.limit))
    sub = RoutingProblem(
        problem.travel_times,
        visits=tuple(
            problem.visits[i]
            if problem.visits[i].tours is None
            else replace(problem.visits[i], tours=None)
            for i in visits
        ),
        tours=tuple(problem.tours[t] for t in tours),
        groups=tuple(groups),
    )
    start = [[index[i] for i in routes[t]] for t in tours]
    return SubProblem(sub, sub_allowed, visits, tours, start)


def interaction(problem: RoutingProblem, routes: Routes) -> np.ndarray:
    """How much each pair of tours interacts: a symmetric matrix of counts.

    Entry ``(a, b)`` counts the visits of tour ``a`` with a visit of tour ``b`` among their
    ``_NEAR`` nearest visited places (travel there and back), and the visits of ``b`` with one
    of ``a``. Tours whose places are mixed in space count high; tours far apart count 0.
    """
    n_tours = len(routes)
    counts = np.zeros((n_tours, n_tours), dtype=np.int64)
    visited = [i for route in routes for i in route]
    if len(visited) < 2:
        return counts
    tour_of = np.array([t for t, route in enumerate(routes) for _ in route], dtype=np.int64)
    loc = np.array([problem.visits[i].location for i in visited], dtype=np.int64)
    tt = problem.travel_times[np.ix_(loc, loc)]
    both = tt + tt.T
    np.fill_diagonal(both, np.iinfo(np.int64).max)
    k = min(_NEAR, len(visited) - 1)
    near = np.argpartition(both, k - 1, axis=1)[:, :k]
    for a, row in zip(tour_of.tolist(), tour_of[near].tolist(), strict=True):
        for b in set(row):
            if b != a:
                counts[a, b] += 1
                counts[b, a] += 1
    return counts


def decompose(
    problem: RoutingProblem,
    allowed: Sequence[Sequence[int]],
    routes: Routes,
    *,
    until: float | None = None,
    runs: int | None = None,
    shakes: int = 300,
    size: int = 2,
    seed: int = 0,
    temperature: float = 1.0,
    noise: float = 1.0,
    pool: RoutePool | None = None,
) -> Routes:
    """Improve ``routes`` a few tours at a time; the better plan (never a worse one).

    Each run picks two tours with probability growing with their :func:`interaction` (plus
    one, so that every pair can be picked), and more up to ``size``; runs
    :func:`~.ils.iterated_insertion` on their :func:`sub_problem` for at most ``shakes`` shakes
    (and never past ``until``), and keeps the result if the whole plan's value (score, then
    travel) is better and it holds as many required visits. A plan of fewer than three tours
    is returned as it is.

    Parameters
    ----------
    problem, allowed
        The whole problem and, for each visit, the tours it may be in.
    routes
        The plan to improve (not changed).
    until
        ``time.monotonic()`` instant to stop by (runs continue until then).
    runs
        Number of runs (with ``until`` unset this is deterministic); at least one of ``until``
        and ``runs`` must be given.
    shakes
        Shakes of each run's iterated search.
    size
        Tours searched again per run (at most all tours but one): after the first two, each
        next tour is drawn with probability growing with its interaction with those chosen.
    seed, temperature, noise
        As for :func:`~.ils.iterated_insertion` (each run draws its own seed from ``seed``).
    pool
        If given, every tour the runs met is offered to it (for route recombination).

    Returns
    -------
    list of list of int
        The best plan met (a copy of ``routes`` if no run found a better one).
    """
    if until is None and runs is None:
        raise ValueError("give until or runs")
    n_tours = len(problem.tours)
    best = [list(r) for r in routes]
    if n_tours < 3 or sum(1 for r in best if r) < 2:
        return best
    best_value = routes_value(problem, best)
    keep = [problem.must_keep(i) for i in range(len(problem.visits))]
    best_kept = sum(keep[i] for r in best for i in r)
    rng = random.Random(seed)
    done = 0
    while (runs is None or done < runs) and (until is None or time.monotonic() < until):
        done += 1
        counts = interaction(problem, best) + 1
        pairs = [(a, b) for a in range(n_tours) for b in range(a + 1, n_tours)]
        a, b = rng.choices(pairs, weights=[int(counts[a, b]) for a, b in pairs])[0]
        chosen = [a, b]
        while len(chosen) < min(size, n_tours - 1):
            rest = [t for t in range(n_tours) if t not in chosen]
            weights = [int(sum(counts[t, c] for c in chosen)) for t in rest]
            chosen.append(rng.choices(rest, weights=weights)[0])
        sub = sub_problem(problem, allowed, best, sorted(chosen))
        if not sub.visits:
            continue  # nothing the chosen tours could hold
        sub_pool = (
            None
            if pool is None
            else RoutePool(tour_classes(sub.problem, sub.allowed), pool.capacity)
        )
        found = iterated_insertion(
            sub.problem,
            sub.allowed,
            start=sub.start,
            iterations=shakes,
            until=until,
            seed=rng.randrange(2**31),
            temperature=temperature,
            noise=noise,
            stall=shakes,
            pool=sub_pool,
        )
        if pool is not None and sub_pool is not None:
            for tour in sub_pool.tours():  # a sub-problem's tour k is whole tour sub.tours[k]
                for k, t in enumerate(sub.tours):
                    if sub_pool.classes[k] == tour.tour_class:
                        pool.add(t, [sub.visits[j] for j in tour.visits], tour.score, tour.travel)
        if found is None:
            continue
        plan = sub.lift(found, best)
        value = routes_value(problem, plan)
        kept = sum(keep[i] for r in plan for i in r)
        if value > best_value and kept >= best_kept:
            best, best_value, best_kept = plan, value, kept
    return best

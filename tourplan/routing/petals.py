"""A start of compact tours: each tour built by insertion on its own cluster of places.

PyVRP's early plans, handed to tourplan's iterated search, end above the same search from its
own start at equal CPU; what sets them apart is geographic: their tours are compact (each visit
near its tour's other visits), and so are the plans the search ends with from them
(docs/benchmarks.md, "Issue #15, eighth pass"). :func:`petal_start` builds such a plan from the
travel matrix alone: one seed place per tour, far from the tour's start and from the other
seeds; every place goes to the tour whose seed it detours least to reach (a "petal" around the
start), and each tour is filled by the usual insertion among the places of its petal only.
Required visits and members of required groups may go to any of their tours, and are put in
first.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

import numpy as np

from .insertion import Inserter, Routes
from .params import IteratedSearchParams
from .problem import RoutingProblem

__all__ = ["petal_start", "petals", "round_start"]


def petals(problem: RoutingProblem, rng: random.Random) -> list[int]:
    """The tour of each visit's petal (an index into ``problem.tours``, per visit).

    Parameters
    ----------
    problem
        The routing problem (its travel matrix, visits' locations and tours).
    rng
        Draws the first seed place, among the visits whose round trip from the first tour's
        start is at least the median; the next seeds are the visits of that outer half
        farthest (there and back) from the seeds drawn so far.

    Returns
    -------
    list of int
        For each visit, the tour whose seed it detours least to reach (from the tour's start,
        through the visit and the seed, to the tour's end).
    """
    tt = np.asarray(problem.travel_times, dtype=np.int64)
    loc = np.array([v.location for v in problem.visits], dtype=np.int64)
    tours = problem.tours
    home = tours[0].start_location
    far = tt[home, loc] + tt[loc, tours[0].end_location]
    outer = np.flatnonzero(far >= np.median(far))
    seeds = [int(rng.choice(outer.tolist()))]
    while len(seeds) < min(len(tours), len(outer)):
        gap = np.min([tt[loc[s], loc[outer]] + tt[loc[outer], loc[s]] for s in seeds], axis=0)
        seeds.append(int(outer[int(np.argmax(gap))]))
    detour = np.array(
        [
            tt[t.start_location, loc]
            + tt[loc, loc[s]]
            + tt[loc[s], t.end_location]
            - tt[t.start_location, loc[s]]
            - tt[loc[s], t.end_location]
            for t, s in zip(tours, seeds, strict=False)
        ]
    )
    return [int(k) for k in detour.argmin(axis=0)]


def petal_start(problem: RoutingProblem, allowed: Sequence[Sequence[int]], seed: int = 0) -> Routes:
    """A plan of compact tours, each filled by insertion among the places of its petal.

    Parameters
    ----------
    problem, allowed
        As for :func:`~tourplan.routing.insertion.insertion_routes`.
    seed
        Seed of the first petal's seed place (:func:`petals`).

    Returns
    -------
    list of list of int
        Feasible routes, one per tour: the required visits (and members of required groups)
        insertion can place, and other places each in its own petal's tour where allowed.

    Examples
    --------
    >>> from tourplan.routing import RoutingProblem, TimeWindow, Tour, Visit
    >>> tt = [[0, 5, 5, 5, 5], [5, 0, 9, 9, 9], [5, 9, 0, 9, 9], [5, 9, 9, 0, 9], [5, 9, 9, 9, 0]]
    >>> day = TimeWindow(0, 100)
    >>> visits = [Visit(f"v{i}", i, 1, (day,), score=1) for i in range(1, 5)]
    >>> problem = RoutingProblem(tt, visits, (Tour("a", 0, 0, 0, 100), Tour("b", 0, 0, 0, 100)))
    >>> routes = petal_start(problem, [(0, 1)] * 4, seed=1)
    >>> sorted(i for route in routes for i in route)
    [0, 1, 2, 3]
    """
    part = petals(problem, random.Random(seed + 104729))
    only = [
        tuple(ts) if problem.must_keep(i) else tuple(t for t in ts if t == part[i])
        for i, ts in enumerate(allowed)
    ]
    ins = Inserter(problem, only)
    routes: Routes = [[] for _ in problem.tours]
    ins.seed_required(routes)
    return ins.fill(routes)


def round_start(
    problem: RoutingProblem,
    allowed: Sequence[Sequence[int]],
    best: Routes | None,
    round_index: int,
    ils: IteratedSearchParams,
    seed: int,
) -> Routes | None:
    """The plan a round of the solver's iterated search starts from.

    The best plan so far (``best``; ``None`` in the first round: the search builds its own,
    with a race of starts), except with ``ils.petals`` in the first round and with
    ``ils.petal_round`` in the second, which start from :func:`petal_start` (seeds ``seed``
    and ``seed + 1``; the solver passes each cycle's own seed): another basin than the first
    round's, whose tours the route recombination after the round can mix with the first
    round's. Problems the insertion does not support keep ``best``.
    """
    if not Inserter.supports(problem):
        return best
    if round_index == 0 and best is None and ils.petals:
        return petal_start(problem, allowed, seed)
    if round_index == 1 and ils.petal_round:
        return petal_start(problem, allowed, seed + 1)
    return best

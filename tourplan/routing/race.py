"""A race of starts: several short independent searches, the best one continued.

On rows of a few hundred places the iterated search's outcome depends on its start: within one
start the gains stop after about 2 CPU s, and the best plans of the starts of one run lie 5 %
apart (pr16:1: 613 to 650; pr20:4: 1880 to 2033; docs/benchmarks.md, "Issue #15, fifth
pass"). :func:`race_of_starts` gives a share of the budget to ``race`` short searches with
seeds of their own and searches on from the best of their plans, which cuts the bad tail of the
spread between seeds without giving up the long search a good start needs.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

from .insertion import Routes, routes_value
from .problem import RoutingProblem

__all__ = ["RACE_SEED", "RACE_SHARE", "race_of_starts"]

#: Share of the budget (time, or iterations) the starts of a race share between them.
RACE_SHARE = 0.4
#: Seeds of the starts: ``seed + RACE_SEED * (1 + k)``, apart from the solver's seeds.
RACE_SEED = 7727


def race_of_starts(
    search: Callable[..., Routes | None],
    race: int,
    problem: RoutingProblem,
    allowed: Sequence[Sequence[int]],
    *,
    seconds: float | None,
    iterations: int | None,
    until: float | None,
    seed: int,
    stopped: list[str] | None,
    options: dict[str, Any],
) -> Routes | None:
    """Run ``race`` short starts of ``search``, then ``search`` from the best start's plan.

    Parameters
    ----------
    search
        The iterated search (:func:`~tourplan.routing.ils.iterated_insertion`), called with
        ``problem``, ``allowed``, a seed, a budget and ``options``.
    race
        Number of starts (2 or more).
    problem, allowed
        The problem and the tours each visit may use.
    seconds, iterations, until
        The budget as for the search: wall time, shakes (deterministic) or a
        ``time.monotonic()`` instant. Start ``k`` runs until ``(k + 1) / race`` of
        :data:`RACE_SHARE` of the time, and for ``RACE_SHARE / race`` of the iterations; a
        start that converges sooner leaves its time to the next.
    seed
        Seed of the search that goes on from the best start; the starts have seeds of their own.
    stopped
        Receives why the last search stopped (as for the search).
    options
        The other keyword arguments of the search (noise, temperature, pool, ...).

    Returns
    -------
    list of list of int or None
        The best routes found (at least as good as the best start's), or ``None`` if the
        search does not support the problem.
    """
    began = time.monotonic()
    deadline = until if seconds is None else began + seconds
    best: Routes | None = None
    best_value = (-1, 0)
    used = 0
    # A convergence budget (``stall``: shakes without gain) is shared as time is: each start
    # gets its share of it and the search that goes on the rest, so that a race costs a
    # converging search about what the search alone costs (with full budgets for each start,
    # a one-day plan of the bundled data took 2.5 times as long).
    short, rest_options = dict(options), dict(options)
    if options.get("stall") is not None:
        short["stall"] = max(1, int(options["stall"] * RACE_SHARE / race))
        rest_options["stall"] = max(1, int(options["stall"] * (1 - RACE_SHARE)))
    for k in range(race):
        part: dict[str, Any] = {"seed": seed + RACE_SEED * (k + 1)}
        if deadline is not None:
            part["until"] = began + (deadline - began) * RACE_SHARE * (k + 1) / race
        if iterations is not None:
            part["iterations"] = max(1, int(iterations * RACE_SHARE / race))
            used += part["iterations"]
        routes = search(problem, allowed, **part, **short)
        if routes is None:
            return None
        value = routes_value(problem, routes)
        if value > best_value:
            best, best_value = routes, value
    rest: dict[str, Any] = {"seed": seed, "start": best, "stopped": stopped}
    if deadline is not None:
        rest["until"] = deadline
    if iterations is not None:
        rest["iterations"] = max(1, iterations - used)
    return search(problem, allowed, **rest, **rest_options)

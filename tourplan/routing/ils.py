"""The iterated local search: shake, re-insert, improve, accept; restarts and annealing.

Follows Vansteenwegen et al. (2009) for the TOPTW: the search alternates a shake with insertion
(:mod:`.insertion`) and local search (:mod:`.moves`), keeping the best plan. The shakes remove a
run of consecutive visits from each tour, as many visits scattered over each tour, or strings of
visits near a random place across tours (the string removal of Christiaens & Vanden Berghe 2020).
A shaken plan is kept as in a random walk, or by simulated annealing on the score; after a share
of the budget without gain the search restarts from a randomised construction. Every tour of every
plan met can be offered to a :class:`~tourplan.routing.pool.RoutePool`, from which the solver
recombines tours of different plans (:mod:`.recombine`).

:func:`iterated_insertion` and :func:`pooled_iterated_insertion` are what the solver's worker
processes run; :func:`warm_up` lets a fresh worker import this module ahead of time.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Sequence
from typing import Any

import numpy as np

from .insertion import REQUIRED_WEIGHT, Inserter, Routes
from .moves import LocalSearch
from .pool import RoutePool, tour_classes
from .problem import RoutingProblem
from .stall import StallBudget
from .warp import WarpSearch
from .warp import supports as warp_supports

__all__ = [
    "STOP_REASONS",
    "iterated_insertion",
    "iterated_insertion_job",
    "pooled_iterated_insertion",
    "warm_up",
]

#: Why a search stopped: ``"converged"`` (no better plan for the stall budget, or every
#: reachable score collected), ``"time_limit"``, ``"iteration_limit"`` (deterministic mode).
STOP_REASONS = ("converged", "time_limit", "iteration_limit")

# Shakes without gain, per (25 + visits of the longest tour), before going back to the best plan.
_STALE = 0.5
# Every how many shakes a string removal replaces the run / scattered removal.
_STRING_EVERY = 3
# Restart from a new randomised construction after this share of the budget (time, or
# iterations in deterministic mode) without a gain since the last restart.
_RESTART = 0.25


def warm_up() -> None:
    """Do nothing; submitting this to a fresh worker process makes it import this module."""


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
    stall: int | None = None,
    stopped: list[str] | None = None,
    between: str = "both",
    exponents: Sequence[float] = (2.0,),
    elite: int = 0,
    force: int = 0,
    restart: float = _RESTART,
    pairs: bool = False,
    strings: int = 0,
    settle: int | None = None,
    race: int = 0,
    warp: int = 0,
    adapt: float = 0.0,
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
    (:meth:`~tourplan.routing.moves.LocalSearch.remove_strings`).

    Parameters
    ----------
    problem, allowed
        As for :func:`~tourplan.routing.insertion.insertion_routes`.
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
    stall
        Stop (converged) after this many shakes in a row without a better plan, times the
        visits of the best plan's longest tour over 20 when it has more; default
        ``200 * (1 + visits)``.
    stopped
        If given, why the search stopped is appended to it (one of :data:`STOP_REASONS`).
    between
        Moves between tours (:mod:`.exchange`) tried on a plan as good as the best of the
        current stretch: ``"both"`` (relocations; swaps too for a better plan), ``"all"``
        (also relocations that only save travel), ``"relocate"`` or ``"off"`` (for
        comparisons).
    exponents
        Insertion weights are ``score ** e``: the first start uses the first value, each
        restart draws its ``e`` from them (default ``(2.0,)``: the Inserter's ``score ** 2``).
    elite
        With ``elite > 0``, the best plan of each stretch between restarts is kept among the
        ``elite`` best distinct plans, and a restart starts from a child of two of them (some
        tours of one put into the other, :func:`_crossover`) rather than from an empty plan.
    force
        With ``force > 0``, every ``force``-th shake puts an unvisited place into a tour and
        drops the visits in its way (:meth:`~.moves.LocalSearch.force_insert`) instead of
        removing visits.
    restart
        Restart after this share of the budget (time, or ``iterations``) without a gain.
    pairs
        Also try, on a plan as good as the stretch's best, exchanges of two visits in a row
        for one place of higher score (:meth:`~.moves.LocalSearch.exchange_pair`).
    strings
        String moves between tours (:mod:`.strings`): 0 none, 1 those that let a place in,
        2 also those that only save travel.
    settle
        Stop (``"stalled"``, for the solver to hand the plan to decomposition) after this many
        shakes without a better plan, scaled as ``stall``; restarts keep their cadence.
    race
        With ``race > 1`` and no ``start``: ``race`` short starts with seeds of their own
        share 40 % of the budget, and the search goes on from the best of their plans
        (:func:`~tourplan.routing.race.race_of_starts`: it cuts the bad tail of the spread
        between seeds, where one start's basin decides the outcome).
    warp
        With ``warp > 0``, every ``warp``-th shake is a local search across plans with
        penalised time windows, then a repair (:mod:`.warp`), where :func:`.warp.supports`
        holds; elsewhere it never runs.
    adapt
        Above 0, the stall budget grows with the search's progress: converged only after
        ``adapt`` times the shakes it took to find its best plan without gain, restarts after
        a quarter of that (:class:`~tourplan.routing.stall.StallBudget`).

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
    if race > 1 and start is None:  # a race of short starts (routing/race.py)
        from .race import race_of_starts

        options: dict[str, Any] = {"noise": noise, "shake_mix": shake_mix, "pool": pool}
        options |= {"temperature": temperature, "stall": stall, "between": between}
        options |= {"exponents": exponents, "elite": elite, "force": force, "restart": restart}
        options |= {"pairs": pairs, "strings": strings, "settle": settle, "warp": warp}
        options["adapt"] = adapt
        return race_of_starts(
            iterated_insertion,
            race,
            problem,
            allowed,
            seconds=seconds,
            iterations=iterations,
            until=until,
            seed=seed,
            stopped=stopped,
            options=options,
        )
    ins = Inserter(problem, allowed)
    search = LocalSearch(ins)
    if between not in ("all", "both", "relocate", "off"):
        raise ValueError(f"between must be 'all', 'both', 'relocate' or 'off', not {between!r}")
    search.between_moves, search.swaps = between != "off", between in ("both", "all")
    search.shorter = between == "all"
    search.pairs = pairs
    search.strings = strings
    warper = WarpSearch(search) if warp > 0 and warp_supports(ins) else None
    rng = random.Random(seed)
    np_rng = np.random.default_rng(seed)
    # restarts' own choices (exponent, parents): a stream apart, so that the defaults draw
    # exactly the numbers they drew before these options existed
    xrng = random.Random(seed + 7919)
    base_weight = ins.weight.copy()
    varied = tuple(exponents) != (2.0,)
    if varied:
        ins.weight = _weights(base_weight, ins.score, exponents[0])
    classes = tour_classes(problem, allowed)
    elites: list[tuple[tuple[int, int], Routes]] = []
    began = time.monotonic()
    deadline = until if seconds is None else began + seconds
    search.deadline = deadline
    # Every plan is built around the required visits; a shake after which they cannot all be
    # put back is undone.
    seed_plan: Routes = [[] for _ in problem.tours]
    ins.seed_required(seed_plan)
    keep = ins.keep_mask()
    current = [list(r) for r in start] if start is not None else [list(r) for r in seed_plan]
    for r, route in enumerate(current):
        ins.repair(r, route)
    ins.seed_required(current)
    current_value = search.improve(current, 0)
    ins.offer(pool, current)
    best, best_value = [list(r) for r in current], current_value
    local, local_value = best, best_value
    longest = max(1, max(len(r) for r in current))
    size, pos, stale, it = 1, 0, 0, 0
    # an empty plan after insertion: no visit fits alone in any tour, nothing else to find
    bound = ins.upper_bound() if any(current) else 0
    last_gain = 0
    local_gain, local_gain_at = 0, began
    budget = StallBudget(200 * (1 + ins.n) if stall is None else stall, settle, adapt)
    reason = "converged"
    while True:
        why = "converged" if best_value[0] >= bound else budget.stop(it, last_gain, best)
        if why is not None:
            reason = why
            break
        if iterations is not None and it >= iterations:
            reason = "iteration_limit"
            break
        if deadline is not None and time.monotonic() >= deadline:
            reason = "time_limit"
            break
        it += 1
        # Restart after a share of the budget, or a quarter of the stall budget, without gain.
        stalled = budget.restart_due(it, local_gain, last_gain, best)
        if deadline is None:
            stalled = stalled or it - local_gain > restart * (iterations or 0)
        else:
            stalled = stalled or time.monotonic() - local_gain_at > restart * (deadline - began)
        if stalled:  # start again from a randomised construction (the best plan stays)
            ins.noise = 1.0 + max(noise, 1.0) * (2 * np_rng.random(ins.n) - 1)
            if varied:
                ins.weight = _weights(base_weight, ins.score, xrng.choice(exponents))
            current = [list(r) for r in seed_plan]
            if elite:
                _remember(elites, local, local_value, elite)
                child = _crossover(ins, classes, elites, xrng) if len(elites) > 1 else None
                if child is not None:
                    current = child
            current_value = search.improve(current, 0)
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
        before_shake = [list(r) for r in current]
        strings = shake_mix and it % _STRING_EVERY == 0
        held = sum(keep[i] for route in current for i in route)
        forced = force > 0 and it % force == 0 and search.force_insert(current, xrng)
        if warper is not None and it % warp == 0 and not forced:
            forced = warper.shake(current, xrng, deadline)
        if strings and not forced:  # strings near one place, across tours
            search.remove_strings(current, rng)
        for r, route in enumerate(current):
            if not route or strings or forced:
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
        value = search.improve(current, current_value[0])
        if value >= local_value:  # as good as the stretch's best: moves between tours
            # (swaps, the costlier move, only for a plan better than that best)
            value = search.between(current, swaps=value > local_value)
        if sum(keep[i] for route in current for i in route) < held:
            # re-insertion (required visits first) could not put back a required visit the
            # shake removed: this shake is undone
            current, value = before_shake, current_value
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
    if stopped is not None:
        stopped.append(reason)
    return best


def _weights(base: np.ndarray, score: np.ndarray, exponent: float) -> np.ndarray:
    """Insertion weights ``score ** exponent``; required visits keep their weight."""
    weight = score.astype(float) ** exponent
    required = base >= REQUIRED_WEIGHT
    weight[required] = base[required]
    return weight


def _remember(
    elites: list[tuple[tuple[int, int], Routes]], plan: Routes, value: tuple[int, int], size: int
) -> None:
    """Keep ``plan`` among the ``size`` best distinct plans (by set of visits)."""
    visited = {i for r in plan for i in r}
    for k, (v, other) in enumerate(elites):
        if {i for r in other for i in r} == visited:
            if value > v:
                elites[k] = (value, [list(r) for r in plan])
            break
    else:
        elites.append((value, [list(r) for r in plan]))
    elites.sort(key=lambda e: e[0], reverse=True)
    del elites[size:]


def _crossover(
    ins: Inserter,
    classes: list[int],
    elites: list[tuple[tuple[int, int], Routes]],
    rng: random.Random,
) -> Routes | None:
    """A child of two elite plans: some tours of one put into the other (SREX-like).

    Tours of parent ``b`` replace the tours of parent ``a`` (of the same class) they share
    most visits with; the other tours of ``a`` lose the visits (and group members) the
    incoming tours hold; required visits lost are put back (``seed_required``). The child is
    feasible; insertion then fills it. ``None`` if it would hold fewer required visits (or
    members of required groups) than ``a``.
    """
    a_i, b_i = rng.sample(range(len(elites)), 2)
    a, b = elites[a_i][1], elites[b_i][1]
    chosen = [r for r in range(len(b)) if b[r]]
    if not chosen:
        return None
    rng.shuffle(chosen)
    chosen = chosen[: rng.randint(1, max(1, len(chosen) // 2))]
    child = [list(r) for r in a]
    taken: set[int] = set()
    for r in chosen:
        slots = [s for s in range(len(a)) if classes[s] == classes[r] and s not in taken]
        if not slots:
            continue
        inb = set(b[r])
        s = max(slots, key=lambda s: (len(inb.intersection(a[s])), s == r))
        child[s] = list(b[r])
        taken.add(s)
    inserted = {i for s in taken for i in child[s]}
    closed = {int(ins.group[i]) for i in inserted if ins.group[i] >= 0}
    for s, route in enumerate(child):
        if s not in taken:
            route[:] = [i for i in route if i not in inserted and int(ins.group[i]) not in closed]
            ins.repair(s, route)
    ins.seed_required(child)
    keep = ins.keep_mask()
    if sum(keep[i] for r in child for i in r) < sum(keep[i] for r in a for i in r):
        return None  # a required visit (or group) is lost: a fresh construction instead
    return child


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


def iterated_insertion_job(
    problem: RoutingProblem,
    allowed: Sequence[Sequence[int]],
    *,
    capacity: int | None,
    **kwargs: Any,
) -> tuple[Routes | None, RoutePool | None, str]:
    """One run of the iterated search for the solver (in this or a worker process).

    With a ``capacity``, the tours met are pooled (:func:`pooled_iterated_insertion`).
    Returns the best routes, the pool (or ``None``) and why the run stopped.
    """
    stopped: list[str] = []
    if capacity is None:
        return iterated_insertion(problem, allowed, stopped=stopped, **kwargs), None, stopped[0]
    routes, pool = pooled_iterated_insertion(
        problem, allowed, capacity=capacity, stopped=stopped, **kwargs
    )
    return routes, pool, stopped[0]

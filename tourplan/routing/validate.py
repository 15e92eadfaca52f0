"""An independent check of a solution against its problem, sharing no code with the solver."""

from __future__ import annotations

import itertools

from ..exceptions import InvalidSolutionError
from .problem import RoutingProblem
from .solution import Solution, TourSchedule

__all__ = ["check_solution", "validate_solution"]


def _check_tour(problem: RoutingProblem, ts: TourSchedule, out: list[str]) -> int:
    """Append the violations of one tour to ``out``; return its recomputed travel time."""
    tour = problem.tours[ts.tour]
    name = f"tour {tour.id!r}"
    if not ts.visits:
        if ts.breaks:
            out.append(f"{name}: unused tour has breaks")
        if ts.travel_time != 0:
            out.append(f"{name}: unused tour reports travel time {ts.travel_time}")
        return 0
    if ts.departure < tour.earliest_start:
        out.append(f"{name}: departs at {ts.departure} before {tour.earliest_start}")
    if ts.arrival > tour.latest_end:
        out.append(f"{name}: arrives at {ts.arrival} after {tour.latest_end}")
    if tour.max_duration is not None and ts.arrival - ts.departure > tour.max_duration:
        out.append(f"{name}: lasts {ts.arrival - ts.departure} > {tour.max_duration}")
    known = [sv.visit for sv in ts.visits if 0 <= sv.visit < len(problem.visits)]
    counted = sum(1 for i in known if problem.visits[i].counts)  # unknown ones flagged below
    if tour.max_visits is not None and counted > tour.max_visits:
        out.append(f"{name}: {counted} visits that count > max_visits {tour.max_visits}")

    # Breaks: each exactly once, inside its window, in a valid position.
    taken = sorted(b.brk for b in ts.breaks)
    if taken != list(range(len(tour.breaks))):
        out.append(f"{name}: breaks taken {taken}, expected each of {len(tour.breaks)} once")
    gaps: dict[int, list[tuple[int, int]]] = {}
    for b in ts.breaks:
        if not 0 <= b.brk < len(tour.breaks):
            continue
        brk = tour.breaks[b.brk]
        if not brk.earliest_start <= b.start <= brk.latest_start:
            out.append(
                f"{name}: break {brk.id!r} starts at {b.start} outside "
                f"[{brk.earliest_start}, {brk.latest_start}]"
            )
        if b.end - b.start != brk.duration:
            out.append(f"{name}: break {brk.id!r} lasts {b.end - b.start} != {brk.duration}")
        if not 0 <= b.after <= len(ts.visits):
            out.append(f"{name}: break {brk.id!r} after {b.after} visits, out of range")
            continue
        gaps.setdefault(b.after, []).append((b.start, b.end))

    # Walk the events: departure, visits, arrival.
    loc = tour.start_location
    time = ts.departure
    travel_total = 0
    events = [(v.visit, v) for v in ts.visits]
    for pos in range(len(events) + 1):
        if pos < len(events):
            idx, sv = events[pos]
            if not 0 <= idx < len(problem.visits):
                out.append(f"{name}: unknown visit index {idx}")
                return travel_total
            visit = problem.visits[idx]
            nxt_loc, nxt_time, label = visit.location, sv.arrival, f"visit {visit.id!r}"
        else:
            nxt_loc, nxt_time, label = tour.end_location, ts.arrival, "the end place"
        travel = problem.travel(loc, nxt_loc)
        travel_total += travel
        in_gap = sorted(gaps.get(pos, []))
        busy = 0
        cursor = time
        for bs, be in in_gap:
            if bs < cursor:
                out.append(f"{name}: a break at {bs} overlaps the previous event or break")
            if be > nxt_time:
                out.append(f"{name}: a break ending at {be} runs past the arrival at {label}")
            busy += be - bs
            cursor = max(cursor, be)
        if nxt_time - time < travel + busy:
            out.append(
                f"{name}: reaches {label} at {nxt_time}, but leaving at {time} it needs "
                f"{travel} travel + {busy} break"
            )
        if pos == len(events):
            break
        if not any(w.start <= sv.start <= w.end for w in visit.windows):
            out.append(f"{name}: visit {visit.id!r} starts at {sv.start} outside its windows")
        if sv.start < sv.arrival:
            out.append(f"{name}: visit {visit.id!r} starts before its arrival")
        if sv.end - sv.start != visit.service:
            out.append(f"{name}: visit {visit.id!r} lasts {sv.end - sv.start} != {visit.service}")
        if not visit.allows(ts.tour):
            out.append(f"{name}: visit {visit.id!r} is not allowed in this tour")
        loc, time = visit.location, sv.end
    return travel_total


def check_solution(problem: RoutingProblem, solution: Solution) -> list[str]:
    """List every rule the solution breaks (empty if it is valid).

    Recomputes travel from the matrix and checks windows, durations, tour windows, maximum
    duration and visits, breaks, allowed tours, required visits, each visit at most once, at
    most ``limit`` members of each group (at least one if required), never two in one tour, and
    the reported score, travel time and unvisited list.

    Parameters
    ----------
    problem
        The problem.
    solution
        Any solution, from the solver or built by hand.

    Returns
    -------
    list of str
        Human-readable violations.
    """
    out: list[str] = []
    if [t.tour for t in solution.tours] != list(range(len(problem.tours))):
        out.append("the solution must have one schedule per tour, in order")
        return out
    travel = sum(_check_tour(problem, ts, out) for ts in solution.tours)
    counts: dict[int, int] = {}
    for ts in solution.tours:
        for sv in ts.visits:
            counts[sv.visit] = counts.get(sv.visit, 0) + 1
    for idx, c in counts.items():
        if c > 1 and 0 <= idx < len(problem.visits):
            out.append(f"visit {problem.visits[idx].id!r} is visited {c} times")
    for i, v in enumerate(problem.visits):
        if v.required and i not in counts:
            out.append(f"required visit {v.id!r} is not visited")
    tour_of = {sv.visit: ts.tour for ts in solution.tours for sv in ts.visits}
    for group in problem.groups:
        done = [problem.visits[i].id for i in group.visits if i in counts]
        if len(done) > group.limit:
            out.append(f"group {group.id!r} has {len(done)} members visited: {', '.join(done)}")
        tours = [tour_of[i] for i in group.visits if i in tour_of]
        if len(set(tours)) < len(tours):
            out.append(f"group {group.id!r} has two members in one tour")
        if group.required and not done:
            out.append(f"required group {group.id!r} has no member visited")
    score = sum(problem.visits[i].score for i in counts if 0 <= i < len(problem.visits))
    if score != solution.score:
        out.append(f"score is {score}, the solution says {solution.score}")
    if travel != solution.travel_time:
        out.append(f"travel time is {travel}, the solution says {solution.travel_time}")
    for ts in solution.tours:
        recomputed = 0
        if ts.visits:
            tour = problem.tours[ts.tour]
            locs = [tour.start_location, *(problem.visits[v.visit].location for v in ts.visits)]
            locs.append(tour.end_location)
            recomputed = sum(problem.travel(a, b) for a, b in itertools.pairwise(locs))
        if recomputed != ts.travel_time:
            out.append(f"tour {ts.tour}: travel time is {recomputed}, it says {ts.travel_time}")
    unvisited = tuple(i for i in range(len(problem.visits)) if i not in counts)
    if tuple(sorted(solution.unvisited)) != unvisited:
        out.append("the list of unvisited visits is wrong")
    return out


def validate_solution(problem: RoutingProblem, solution: Solution) -> None:
    """Raise :class:`~tourplan.exceptions.InvalidSolutionError` if the solution breaks a rule.

    Raises
    ------
    InvalidSolutionError
        With ``violations`` listing each broken rule.
    """
    violations = check_solution(problem, solution)
    if violations:
        raise InvalidSolutionError(violations)

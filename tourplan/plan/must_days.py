"""Which day of a trip each must-visit village goes on, when a trip is planned day by day.

A trip of several days with must-visits is first planned at once (:func:`~tourplan.plan.areas.
plan_by_areas`): the routing core may put any must-visit on any day, but it scores each place
alone and counts the road only to break ties, so two must-visits an hour apart can share a
day and its road while another day goes elsewhere (the guide's review of 2026-12-02:
``--days 2 --must chuong --must bat-trang`` went Chuông, Quảng Phú Cầu and Bát Tràng, 73 min
apart, on the first day). The planner then plans day by day, each day among its areas with
its must-visits, for each set of days given here, and keeps the plan worth most. No words here.
"""

from __future__ import annotations

from .problem import PlanningProblem

__all__ = ["must_visit_days"]


def must_visit_days(planning: PlanningProblem, given: dict[str, int]) -> list[dict[str, int]]:
    """The days to try for the must-visits, each a mapping village id -> day index.

    First ``given`` (the days of the plan made at once); then, when it differs, one area of
    must-visits a day: must-visits more than twice ``area_minutes`` of travel apart (no area
    holds both) go on different days while there are days enough (each group of them on a
    day the plan at once gave one of its villages, else the nearest free one).

    Parameters
    ----------
    planning
        The trip's planning problem (its tours are the days).
    given
        The day of each must-visit village in the plan made at once.

    Returns
    -------
    list of dict
        ``[given]`` or ``[given, spread]``.
    """
    problem = planning.problem
    where: dict[str, int] = {}
    for i, village in enumerate(planning.visit_villages):
        where.setdefault(village.id, problem.visits[i].location)
    reach = 2 * planning.request.value.area_minutes * 60
    groups: list[list[str]] = []
    for v in sorted(given, key=lambda v: (given[v], v)):
        near = (
            g
            for g in groups
            if all(
                problem.travel(where[v], where[u]) <= reach
                and problem.travel(where[u], where[v]) <= reach
                for u in g
            )
        )
        group = next(near, None)
        if group is None:
            groups.append([v])
        else:
            group.append(v)
    days = len(problem.tours)
    if len(groups) > days:
        return [given]
    taken: set[int] = set()
    spread: dict[str, int] = {}
    for group in groups:
        wanted = [given[v] for v in group]
        free = [t for t in range(days) if t not in taken]
        day = min(free, key=lambda t: (t not in wanted, abs(t - wanted[0]), t))
        taken.add(day)
        spread |= dict.fromkeys(group, day)
    return [given] if spread == given else [given, spread]

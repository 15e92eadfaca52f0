"""The routing core: a generic team orienteering problem with time windows, solved with OR-Tools.

Modules, one concern each: :mod:`.problem` (the problem), :mod:`.solution` (schedules),
:mod:`.validate` and :mod:`.explain` (checks), :mod:`.params` (search parameters per component),
:mod:`.insertion` (feasibility and insertion of visits), :mod:`.moves` (local search moves),
:mod:`.ils` (the iterated local search), :mod:`.pool` and :mod:`.recombine` (route
recombination), :mod:`.ortools_model` (the OR-Tools model) and :mod:`.solver` (:func:`solve`).
It knows nothing of villages, dates or words.
"""

from __future__ import annotations

from .explain import Shortfall as Shortfall
from .explain import explain_infeasible as explain_infeasible
from .explain import fits_alone as fits_alone
from .explain import required_shortfall as required_shortfall
from .params import IteratedSearchParams as IteratedSearchParams
from .params import OrToolsParams as OrToolsParams
from .params import RecombinationParams as RecombinationParams
from .params import SearchParameters as SearchParameters
from .problem import Break as Break
from .problem import Group as Group
from .problem import RoutingProblem as RoutingProblem
from .problem import TimeWindow as TimeWindow
from .problem import Tour as Tour
from .problem import Visit as Visit
from .solution import ScheduledBreak as ScheduledBreak
from .solution import ScheduledVisit as ScheduledVisit
from .solution import Solution as Solution
from .solution import TourSchedule as TourSchedule
from .solution import schedule_routes as schedule_routes
from .solution import schedule_tour as schedule_tour
from .solver import solve as solve
from .validate import check_solution as check_solution
from .validate import validate_solution as validate_solution

__all__ = [
    "Break",
    "Group",
    "IteratedSearchParams",
    "OrToolsParams",
    "RecombinationParams",
    "RoutingProblem",
    "ScheduledBreak",
    "ScheduledVisit",
    "SearchParameters",
    "Shortfall",
    "Solution",
    "TimeWindow",
    "Tour",
    "TourSchedule",
    "Visit",
    "check_solution",
    "explain_infeasible",
    "fits_alone",
    "required_shortfall",
    "schedule_routes",
    "schedule_tour",
    "solve",
    "validate_solution",
]

"""The routing core: a generic team orienteering problem with time windows, solved with OR-Tools."""

from __future__ import annotations

from .explain import explain_infeasible as explain_infeasible
from .explain import fits_alone as fits_alone
from .problem import Break as Break
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
from .solver import SearchParameters as SearchParameters
from .solver import solve as solve
from .validate import check_solution as check_solution
from .validate import validate_solution as validate_solution

__all__ = [
    "Break",
    "RoutingProblem",
    "ScheduledBreak",
    "ScheduledVisit",
    "SearchParameters",
    "Solution",
    "TimeWindow",
    "Tour",
    "TourSchedule",
    "Visit",
    "check_solution",
    "explain_infeasible",
    "fits_alone",
    "schedule_routes",
    "schedule_tour",
    "solve",
    "validate_solution",
]

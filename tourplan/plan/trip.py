"""The planning entry point: a request and the caller's villages become a checked itinerary."""

from __future__ import annotations

import networkx as nx

from ..geocode import PlaceResolver
from ..model import Villages
from ..routing import SearchParameters, solve, validate_solution
from .itinerary import Itinerary
from .problem import build_problem
from .request import TripRequest
from .schedule import to_itinerary

__all__ = ["DEFAULT_TIME_LIMIT", "plan_trip"]

DEFAULT_TIME_LIMIT = 5.0
"""Seconds of search when the caller gives no :class:`~tourplan.routing.SearchParameters`."""


def plan_trip(
    request: TripRequest,
    villages: Villages,
    *,
    resolver: PlaceResolver,
    road_graph: nx.MultiDiGraph | None = None,
    search: SearchParameters | None = None,
) -> Itinerary:
    """Plan the trip a traveller asks for, over the caller's villages.

    :func:`tourplan.plan_trip` is the same with the bundled data as defaults.

    Parameters
    ----------
    request
        What the traveller wants.
    villages
        The villages to choose from.
    resolver
        How to find the start/end places.
    road_graph
        A road graph (an osmnx-style ``MultiDiGraph``) to take travel times from instead of
        the transport mode's straight-line estimate.
    search
        Solver settings (default: ``SearchParameters(time_limit=5.0)``, a 5 s search; note
        that ``SearchParameters()`` alone means 10 s).

    Returns
    -------
    Itinerary
        One day per date with stops, legs and lunch; the villages left out, with reason codes.
        The solution behind it has passed the independent validator.

    Raises
    ------
    UnknownPlaceError, DataError, MustVisitError
        See :func:`~tourplan.plan.build_problem`.
    InfeasibleError
        When the must-visit villages do not fit together.
    """
    planning = build_problem(request, villages, resolver=resolver, road_graph=road_graph)
    params = search or SearchParameters(time_limit=DEFAULT_TIME_LIMIT)
    solution = solve(planning.problem, params)
    validate_solution(planning.problem, solution)
    return to_itinerary(planning, solution)

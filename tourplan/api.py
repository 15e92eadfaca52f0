"""The convenient entry points: plan a trip or a catalogue with the bundled data as defaults.

:mod:`tourplan.plan` and :mod:`tourplan.catalogue` take every input from the caller; these
wrappers fill in the bundled Hanoi villages, the bundled gazetteer and a road graph read from
a file, so that ``tourplan.plan_trip(request)`` just works.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, TypeAlias

from .catalogue import Catalogue, CatalogueRequest
from .catalogue import plan_catalogue as _plan_catalogue
from .datasets import load_hanoi
from .datasets.experiences import load_hanoi_experiences
from .geocode import Gazetteer, PlaceResolver
from .model import Villages
from .model.experience import Experiences
from .plan import Itinerary, TripRequest
from .plan import plan_trip as _plan_trip
from .routing import SearchParameters
from .travel import load_road_graph

if TYPE_CHECKING:  # networkx loads only with a road graph (0.1 s)
    import networkx as nx

__all__ = ["plan_catalogue", "plan_trip"]

RoadGraph: TypeAlias = "nx.MultiDiGraph | str | os.PathLike[str]"
"""A road graph, or the path of a GraphML file holding one."""


def _graph(road_graph: RoadGraph | None) -> nx.MultiDiGraph | None:
    if isinstance(road_graph, str | os.PathLike):
        return load_road_graph(road_graph)
    return road_graph  # a graph (networkx is loaded by whoever made it), or None


def plan_trip(
    request: TripRequest,
    villages: Villages | None = None,
    *,
    road_graph: RoadGraph | None = None,
    resolver: PlaceResolver | None = None,
    search: SearchParameters | None = None,
    experiences: Experiences | None = None,
) -> Itinerary:
    """Plan the trip a traveller asks for (see :func:`tourplan.plan.plan_trip`).

    Parameters
    ----------
    request
        What the traveller wants.
    villages
        The villages to choose from (default: the bundled Hanoi dataset).
    road_graph
        A road graph (an osmnx-style ``MultiDiGraph`` or a GraphML path) to take travel times
        from instead of the transport mode's straight-line estimate.
    resolver
        How to find the start/end places (default: offline, bundled places and ``villages``).
    search
        Solver settings (default: ``SearchParameters(time_limit=5.0)``, a 5 s search).
    experiences
        The experiences to book from (default: the bundled ones, docs/experiences.md).

    Returns
    -------
    Itinerary
        Without words: put it in words with :func:`tourplan.text.format_itinerary`.

    Examples
    --------
    >>> import tourplan
    >>> request = tourplan.TripRequest.for_days("hoan-kiem-lake", "2026-12-05")
    >>> search = tourplan.SearchParameters(time_limit=1.0, deterministic=True)
    >>> len(tourplan.plan_trip(request, search=search).days)
    1
    """
    villages = load_hanoi() if villages is None else villages
    resolver = resolver or PlaceResolver(Gazetteer.bundled(villages))
    if experiences is None and request.counts_costs:
        experiences = load_hanoi_experiences()
    return _plan_trip(
        request,
        villages,
        resolver=resolver,
        road_graph=_graph(road_graph),
        search=search,
        experiences=experiences,
    )


def plan_catalogue(
    request: CatalogueRequest,
    villages: Villages | None = None,
    *,
    road_graph: RoadGraph | None = None,
    resolver: PlaceResolver | None = None,
    search: SearchParameters | None = None,
) -> Catalogue:
    """Design a catalogue of day routes from a hub (see
    :func:`tourplan.catalogue.plan_catalogue`).

    Parameters
    ----------
    request
        The number of routes, the day template and the rules.
    villages
        The villages (default: the bundled Hanoi dataset).
    road_graph
        Optional road graph, or the path of a GraphML file, for travel times.
    resolver
        How to find the hub (default: offline, bundled places and ``villages``).
    search
        Solver settings (default: ``SearchParameters(time_limit=10.0)``, a 10 s search).
    """
    villages = load_hanoi() if villages is None else villages
    resolver = resolver or PlaceResolver(Gazetteer.bundled(villages))
    return _plan_catalogue(
        request, villages, resolver=resolver, road_graph=_graph(road_graph), search=search
    )

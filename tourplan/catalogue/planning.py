"""Catalogue planning: K parallel day routes on one template date, built on plan/'s blocks.

A catalogue of K day routes is a team orienteering problem with K parallel tours on one
template day: each route is a feasible day trip (opening hours, lunch, day window), each
village appears in at most ``max_routes_per_village`` routes, and the routes together collect
the most interest, then drive the least.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from ..exceptions import DataError
from ..geocode import PlaceResolver, resolve_village
from ..hours import OpeningHours, Span
from ..model import Villages
from ..plan import Itinerary, LeftOut, PlanningProblem, build_problem, score, to_itinerary
from ..plan.clock import Clock
from ..routing import Group, RoutingProblem, SearchParameters
from .naming import route_area, route_id, route_themes, with_highlights
from .request import CatalogueRequest, hub_errors
from .search import solve_with_repeats
from .values import Catalogue, CatalogueNote, Route

if TYPE_CHECKING:  # networkx loads only with a road graph (0.1 s)
    import networkx as nx

__all__ = ["DEFAULT_TIME_LIMIT", "catalogue_problem", "every_day", "plan_catalogue"]

DEFAULT_TIME_LIMIT = 10.0
"""Seconds of search when the caller gives no :class:`~tourplan.routing.SearchParameters`."""


def every_day(hours: OpeningHours) -> OpeningHours:
    """The hours at which a place is open on every day of the week."""
    common: list[Span] = list(hours.week[0])
    for spans in hours.week[1:]:
        nxt = []
        for a in common:
            for b in spans:
                lo, hi = max(a.opens, b.opens), min(a.closes, b.closes)
                if hi > lo:
                    nxt.append(Span(lo, hi))
        common = nxt
    day = tuple(sorted(common))
    return OpeningHours(week=(day,) * 7)


def catalogue_problem(planning: PlanningProblem, routes: int, copies: int) -> PlanningProblem:
    """``planning`` (one tour per date) with ``routes`` parallel tours on each date and each
    village offered to up to ``copies`` of them.

    With ``copies`` > 1, a village's visit gets ``copies - 1`` repeats, each worth a quarter of
    the one before and never required, and the visit and its repeats form one routing
    :class:`~tourplan.routing.Group` of ``limit=copies``: at most ``copies`` of them are
    planned, never two in one route (the routing validator checks it). Placing the repeats is
    :func:`~tourplan.catalogue.search.solve_with_repeats`' job.
    """
    if routes < 1 or copies < 1 or copies > routes:
        raise DataError(f"need 1 <= copies ({copies}) <= routes ({routes})", field="copies")
    problem, request = planning.problem, planning.request
    if problem.groups:
        raise DataError("the catalogue offers one visit length per village", field="visits")
    tours = tuple(
        dataclasses.replace(tour, id=f"{tour.id}#{k + 1}") if routes > 1 else tour
        for tour in problem.tours
        for k in range(routes)
    )
    visits = list(problem.visits)
    villages = list(planning.visit_villages)
    lengths = list(planning.visit_lengths)
    groups: list[Group] = []
    if copies > 1:
        for i, (visit, village) in enumerate(
            zip(problem.visits, planning.visit_villages, strict=True)
        ):
            members = [i]
            for c in range(1, copies):
                members.append(len(visits))
                visits.append(
                    dataclasses.replace(
                        visit,
                        id=f"{visit.id} (repeat {c})",
                        score=max(1, score(village, request) // 4**c),
                        required=False,
                    )
                )
                villages.append(village)
                lengths.append(planning.visit_lengths[i])
            groups.append(Group(village.id, tuple(members), limit=copies))
    return dataclasses.replace(
        planning,
        problem=RoutingProblem(
            travel_times=problem.travel_times,
            visits=tuple(visits),
            tours=tours,
            groups=tuple(groups),
        ),
        tour_dates=tuple(d for d in planning.tour_dates for _ in range(routes)),
        visit_villages=tuple(villages),
        visit_lengths=tuple(lengths),
    )


def plan_catalogue(
    request: CatalogueRequest,
    villages: Villages,
    *,
    resolver: PlaceResolver,
    road_graph: nx.MultiDiGraph | None = None,
    search: SearchParameters | None = None,
) -> Catalogue:
    """Design a catalogue of day routes from a hub, over the caller's villages.

    :func:`tourplan.plan_catalogue` is the same with the bundled data as defaults.

    Parameters
    ----------
    request
        The number of routes, the day template and the rules.
    villages
        The villages.
    resolver
        How to find the hub.
    road_graph
        Optional road graph for travel times.
    search
        Solver settings (default: ``SearchParameters(time_limit=10.0)``, a 10 s search).
        The time limit is for the whole call: the search gets what building the problem left
        (:class:`~tourplan.plan.clock.Clock`).

    Returns
    -------
    Catalogue
        At most ``request.routes`` routes, each a feasible day trip that the independent
        validator accepted; fewer when the villages cannot fill them, with a note saying why.
        Villages whose ``status`` is ``proposed_for_removal`` are left out unless
        ``request.must_include`` names them.
    """

    def named(m: str) -> str:  # an unknown name is blamed on must_include
        return resolve_village(villages, m, "must_include", resolver).id

    if not request.include_sights:  # craft villages, and the sights asked for by name
        asked = {named(m) for m in request.must_include}
        villages = villages.filter(lambda v: not v.is_sight or v.id in asked)
    # villages proposed for removal from the city's list (2023) stay out unless named
    # the time limit covers building the problem too (issue #19)
    clock = Clock(search or SearchParameters(time_limit=DEFAULT_TIME_LIMIT))
    kept = {named(m) for m in request.must_include}
    villages = villages.filter(lambda v: v.status != "proposed_for_removal" or v.id in kept)
    if request.any_day:
        villages = Villages(
            dataclasses.replace(v, opening_hours=every_day(v.opening_hours)) for v in villages
        )
    must = list(request.must_include)
    notes: list[CatalogueNote] = []
    for theme in request.must_themes:
        themed = sorted(villages.with_theme(theme), key=lambda v: (-v.interest, v.id))
        if not themed:
            notes.append(CatalogueNote("no_theme", theme=theme))
            continue
        if not any(villages.get(m).id in {v.id for v in themed} for m in must):
            must.append(themed[0].id)
    trip = request.trip_request(must)
    with hub_errors():  # the hub is the trip's start
        problem = build_problem(trip, villages, resolver=resolver, road_graph=road_graph)
    planning = catalogue_problem(problem, request.routes, request.max_routes_per_village)
    params = clock.search()
    visit_themes = [frozenset(v.themes) for v in planning.visit_villages]
    solution = solve_with_repeats(planning.problem, params, visit_themes)
    plan = to_itinerary(planning, solution)

    hub = planning.start
    routes: list[Route] = []
    seen: set[frozenset[str]] = set()
    same = 0
    for day in plan.days:
        if len(day.stops) < request.min_stops:
            continue
        visited = frozenset(s.village.id for s in day.stops)
        if visited in seen:  # repeats may make two routes of one set of villages
            same += 1
            continue
        seen.add(visited)
        itinerary = Itinerary(days=(day,), mode=plan.mode)
        stops = [s.village for s in day.stops]
        themes = route_themes(stops)
        routes.append(
            Route(
                id=route_id(hub, itinerary.village_ids, themes[0] if themes else "route"),
                number=0,
                themes=themes,
                area=route_area(hub, stops),
                itinerary=itinerary,
            )
        )
    routes.sort(key=lambda r: (-r.itinerary.interest, r.day.travel_time, r.id))
    routes = [dataclasses.replace(r, number=i) for i, r in enumerate(routes, start=1)]
    routes = with_highlights(routes)
    covered = {i for r in routes for i in r.village_ids}
    left_out = [x for x in plan.left_out if x.village.id not in covered]
    dropped_ids = {
        s.village.id for d in plan.days if len(d.stops) < request.min_stops for s in d.stops
    } - covered
    left_out += [
        LeftOut(v, "lower_interest", min_stops=request.min_stops)
        for v in villages
        if v.id in dropped_ids
    ]
    if same:
        notes.append(CatalogueNote("same_routes", dropped=same))
    if len(routes) + same < request.routes:
        reachable = len(planning.candidates)
        exhausted = len(covered) >= reachable
        notes.append(
            CatalogueNote(
                "villages_exhausted" if exhausted else "routes_too_short",
                asked=request.routes,
                made=len(routes),
                reachable=reachable,
                per_village=request.max_routes_per_village,
                min_stops=request.min_stops,
                day_window=(request.day_start, request.day_end),
            )
        )
    return Catalogue(
        request=request,
        hub=hub,
        routes=tuple(routes),
        left_out=tuple(left_out),
        notes=tuple(notes),
        villages=villages,
    )

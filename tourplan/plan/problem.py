"""Request to routing problem: resolve places, screen villages, compute travel, build tours.

The steps, each in its own function so that other planners (the route catalogue) can build
on them:

1. resolve the start/end places and the must-visit/avoid villages by name;
2. screen the villages: each one's service windows per date from its opening hours, the pace
   and the day window, or the reason it is left out;
3. compute travel times (transport mode, or a road graph);
4. build the generic :class:`~tourplan.routing.RoutingProblem`: one tour per date, lunch as a
   break, each village offered at up to three lengths (short, typical, long) as a group of
   alternative visits whose scores follow the value model (:mod:`tourplan.plan.value`: time
   spent with diminishing returns, season and active hours, less the stop's own cost; the
   road is charged by the day's plans, :mod:`tourplan.plan.areas`), must-visit villages'
   groups required, a long stay's second part after lunch; villages no day can reach in
   time, or never worth a stop, are left out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..exceptions import DataError, InfeasibleError
from ..geocode import PlaceResolver, resolve_village
from ..model import Place, Village, Villages
from ..routing import Break as RoutingBreak
from ..routing import Group, RoutingProblem, Tour, Visit, fits_alone
from ..travel import TravelMatrix, get_mode, road_travel_matrix, travel_matrix
from .itinerary import HANOI_TZ, LeftOut, LeftOutReason
from .offers import (
    Option,
    active_windows,
    add_second_part,
    closed_reason,
    minute_of,
    score,
    season_factor,
    service_minutes,
    start_windows,
    visit_score,
)
from .reach import check_reach, resolve_ends
from .request import TripRequest
from .sessions import SessionOffer
from .value import VisitLength

if TYPE_CHECKING:  # networkx loads only with a road graph (0.1 s)
    import networkx as nx

__all__ = [
    "DAY",
    "ROAD_SNAP_LIMIT_M",
    "MustVisitError",
    "PlanningProblem",
    "build_problem",
    "day_tour",
    "score",
    "season_factor",
    "service_minutes",
    "visit_score",
]

DAY = 86_400
"""Seconds in a day."""
ROAD_SNAP_LIMIT_M = 3_000.0
"""How far a place may lie from the nearest road-graph node (commune-level points are ±1-3 km)."""
_START, _END = "start", "end"


@dataclass(frozen=True)
class _Node:
    """A place in the travel matrix under a matrix-local id (so a start at a village is fine)."""

    id: str
    name: str
    lat: float
    lon: float


@dataclass(frozen=True)
class PlanningProblem:
    """A request translated into the solver's terms, with what is needed to translate back.

    Attributes
    ----------
    request
        The request.
    start, end
        The resolved day start and end places.
    candidates
        Villages offered to the solver, in order.
    problem
        The generic routing problem (times in seconds after midnight of the first date).
    travel
        The travel matrix, ids ``"start"``, ``"end"`` and the candidates' ids.
    excluded
        Villages not offered to the solver, each with its reason.
    tour_dates
        The date of each tour of ``problem`` (default: the request's dates, one tour each).
    visit_villages
        The village behind each visit of ``problem`` (default: the candidates, one visit each).
    visit_lengths
        The length of each visit of ``problem`` (default: ``"typical"`` for each).
    unworthy
        Candidates whose every visit is worth less than a round trip to it alone, each as
        the ``not_worth_the_drive`` entry it gets when no plan takes it.
    visit_sessions
        The experience each visit of ``problem`` holds, or ``None`` (default: none);
        see :mod:`tourplan.plan.experiences`.
    """

    request: TripRequest
    start: Place
    end: Place
    candidates: tuple[Village, ...]
    problem: RoutingProblem
    travel: TravelMatrix
    excluded: tuple[LeftOut, ...]
    tour_dates: tuple[dt.date, ...] = ()
    visit_villages: tuple[Village, ...] = ()
    visit_lengths: tuple[VisitLength, ...] = ()
    unworthy: tuple[LeftOut, ...] = ()
    visit_sessions: tuple[SessionOffer | None, ...] = ()  # experiences (issue #21)

    def __post_init__(self) -> None:
        if not self.tour_dates:
            object.__setattr__(self, "tour_dates", self.request.dates)
        if not self.visit_villages:
            object.__setattr__(self, "visit_villages", self.candidates)
        if len(self.visit_lengths) != len(self.visit_villages):
            object.__setattr__(self, "visit_lengths", ("typical",) * len(self.visit_villages))
        if len(self.visit_sessions) != len(self.visit_villages):
            object.__setattr__(self, "visit_sessions", (None,) * len(self.visit_villages))

    @property
    def origin(self) -> dt.datetime:
        """Time zero of the problem: local midnight of the first date."""
        return dt.datetime.combine(self.request.dates[0], dt.time(0), tzinfo=HANOI_TZ)

    def offset(self, date: dt.date) -> int:
        """Seconds from :attr:`origin` to local midnight of ``date``."""
        return (date - self.request.dates[0]).days * DAY

    def at(self, seconds: int) -> dt.datetime:
        """The aware local datetime ``seconds`` after :attr:`origin`."""
        return self.origin + dt.timedelta(seconds=seconds)


class MustVisitError(InfeasibleError):
    """Some must-visit villages cannot be visited on any day; ``left_out`` says why of each.

    ``reasons`` names each village with its reason code; :func:`tourplan.text.explain` puts
    each of ``left_out`` in words.
    """

    def __init__(self, left_out: Sequence[LeftOut]) -> None:
        self.left_out = tuple(left_out)
        super().__init__(
            "the must-visit villages cannot all be planned",
            [f"{x.village.name_vi} ({x.village.id}): {x.reason}" for x in self.left_out],
        )


def day_tour(request: TripRequest, date: dt.date, tour_id: str, end_location: int) -> Tour:
    """The tour of one day of ``request`` on ``date``: the day window, lunch, the stop limit.

    Times are seconds after local midnight of the request's first date; the tour starts at
    location 0 and ends at ``end_location``.
    """
    offset = (date - request.dates[0]).days * DAY
    breaks: tuple[RoutingBreak, ...] = ()
    if request.lunch is not None:
        breaks = (
            RoutingBreak(
                id="lunch",
                duration=request.lunch.minutes * 60,
                earliest_start=offset + minute_of(request.lunch.earliest) * 60,
                latest_start=offset + minute_of(request.lunch.latest) * 60,
            ),
        )
    return Tour(
        id=tour_id,
        start_location=0,
        end_location=end_location,
        earliest_start=offset + minute_of(request.day_start) * 60,
        latest_end=offset + minute_of(request.day_end) * 60,
        max_visits=request.max_stops_per_day,
        breaks=breaks,
    )


def _travel(
    nodes: Sequence[_Node], request: TripRequest, road_graph: nx.MultiDiGraph | None
) -> TravelMatrix:
    if road_graph is None:
        return travel_matrix(nodes, request.mode)
    mode = get_mode(request.mode)
    return road_travel_matrix(
        road_graph,
        nodes,
        # Many bundled points are commune centroids, 1-3 km from the village (data/README.md).
        max_snap_m=ROAD_SNAP_LIMIT_M,
        access_seconds=mode.access_seconds,
        mode=mode.name,
    )


def build_problem(
    request: TripRequest,
    villages: Villages,
    *,
    resolver: PlaceResolver,
    road_graph: nx.MultiDiGraph | None = None,
) -> PlanningProblem:
    """Translate a request into a routing problem over ``villages``: one tour per date.

    Parameters
    ----------
    request
        What the traveller wants.
    villages
        The villages to choose from.
    resolver
        Finds the start and end places.
    road_graph
        A road graph to take travel times from, instead of the transport mode's estimate.

    Raises
    ------
    UnknownPlaceError
        A start/end place or a must-visit/avoid village is unknown (with suggestions), naming
        its field (a start point named as a village is told so).
    DataError
        The day window is shorter than every visit, or than the journey from the start to
        the end or to the nearest village (:func:`~tourplan.plan.reach.check_reach`); a
        position outside Vietnam (naming ``start`` or ``end``).
    MustVisitError
        A must-visit village cannot be visited on any day (an ``InfeasibleError`` whose
        ``left_out`` holds each such village with its reason).
    """
    start, end = resolve_ends(request, resolver)
    must = [resolve_village(villages, n, "must_visit", resolver) for n in request.must_visit]
    avoid = {resolve_village(villages, n, "avoid", resolver).id for n in request.avoid}
    clash = [v.id for v in must if v.id in avoid]
    if clash:
        raise DataError(
            f"{', '.join(clash)} is both a must-visit and a village to avoid", field="avoid"
        )
    must_ids = {v.id for v in must}

    first = request.value.lengths[0]
    shortest = min((service_minutes(v, request, first) for v in villages), default=0)
    if shortest > request.day_minutes and end.id == start.id:  # elsewhere: a transfer day
        raise DataError(
            f"the day window {request.day_start:%H:%M}-{request.day_end:%H:%M} "
            f"({request.day_minutes} min) is shorter than any visit (the shortest takes "
            f"{shortest} min)",
            field="day_end",
        )

    offsets = [(d - request.dates[0]).days * DAY for d in request.dates]
    excluded: list[LeftOut] = []
    candidates: list[Village] = []
    options: dict[str, list[Option]] = {}
    for village in villages:
        if village.id in avoid:
            excluded.append(LeftOut(village, "avoided"))
            continue
        offered: list[Option] = []
        factor = season_factor(village, request)
        for length in request.value.lengths:
            service = service_minutes(village, request, length)
            w = start_windows(village, service * 60, request, offsets)
            if not w:
                continue
            if village.active_hours is None or factor < 1:
                offered.append(Option(length, service, w, factor))
                continue
            # The work is seen only at some hours: a visit then is worth its full value,
            # one at other times active_factor of it (the group holds both).
            active = active_windows(village, w, request, offsets)
            if len(request.value.lengths) == 1:  # one visit per place (the catalogue)
                offered.append(
                    Option(length, service, active, 1.0)
                    if active
                    else Option(length, service, w, request.value.active_factor)
                )
                continue
            if active:
                offered.append(Option(length, service, active, 1.0, "active"))
            offered.append(Option(length, service, w, request.value.active_factor, "any"))
        worth = [o for o in offered if visit_score(village, request, o.length, 0, o.factor) > 0]
        if village.id in must_ids:
            worth = offered
        if not worth:
            service = service_minutes(village, request, first)
            if offered:  # never worth a stop, whatever the road
                longest = max(o.service for o in offered) - request.value.stop_minutes
                excluded.append(LeftOut(village, "not_worth_a_stop", visit_minutes=longest))
            else:
                excluded.append(closed_reason(village, service, request))
            continue
        options[village.id] = worth
        candidates.append(village)

    nodes = [_Node(_START, start.name, start.lat, start.lon)]
    same_end = end.id == start.id and (end.lat, end.lon) == (start.lat, start.lon)
    if not same_end:
        nodes.append(_Node(_END, end.name, end.lat, end.lon))
    nodes += [_Node(v.id, v.name, v.lat, v.lon) for v in candidates]
    travel = _travel(nodes, request, road_graph)
    # Whole minutes, rounded up: itineraries read 09:17, not 09:16:43.
    seconds = ((travel.seconds + 59) // 60) * 60
    # A day that starts or ends at a village is already there: no access time to it.
    ends = range(1 if same_end else 2)
    for k, node in enumerate(nodes[len(ends) :], start=len(ends)):
        for e in ends:
            if (nodes[e].lat, nodes[e].lon) == (node.lat, node.lon):
                seconds[e, k] = seconds[k, e] = 0
    end_location = 0 if same_end else 1
    first_visit_location = 1 if same_end else 2
    mode_name = travel.mode or request.mode
    check_reach(seconds, request, mode_name, start, None if same_end else end, candidates, villages)

    tours = tuple(day_tour(request, d, d.isoformat(), end_location) for d in request.dates)

    def prize_of(v: Village, option: Option) -> int:
        # The road is not in the static prize: a day's road is paid once, by the plan of
        # the day (tourplan.plan.areas), not by each of its stops.
        net = visit_score(v, request, option.length, 0.0, option.factor)
        return max(1, net)

    probe = RoutingProblem(
        travel_times=seconds,
        visits=tuple(
            Visit(
                f"{v.id}#{o.length}" + (f"@{o.hours}" if o.hours else ""),
                first_visit_location + i,
                o.service * 60,
                o.windows,
                prize_of(v, o),
            )
            for i, v in enumerate(candidates)
            for o in options[v.id]
        ),
        tours=tours,
    )

    # Lengths that no single day can reach, visit and leave in time are dropped, and
    # villages with no length left are left out up front. A village whose every length is
    # worth less than a round trip to it alone is marked: if no plan takes it, it was not
    # worth the drive.
    reachable: list[Village] = []
    visits: list[Visit] = []
    groups: list[Group] = []
    lengths: list[VisitLength] = []
    owners: list[Village] = []
    unworthy: list[LeftOut] = []
    k = 0
    for i, village in enumerate(candidates):
        members: list[int] = []
        best_alone = -math.inf
        for option in options[village.id]:
            visit = probe.visits[k]
            k += 1
            if any(fits_alone(probe, visit, tour) is None for tour in tours):
                members.append(len(visits))
                visits.append(visit)
                lengths.append(option.length)
                owners.append(village)
                road = (seconds[0, visit.location] + seconds[visit.location, end_location]) / 60
                best_alone = max(
                    best_alone,
                    visit_score(village, request, option.length, float(road), option.factor),
                )
        travel_minutes = int(seconds[0, first_visit_location + i]) // 60
        onward = (
            int(seconds[first_visit_location + i, end_location]) // 60
            if end_location != 0
            else None
        )
        shortest = min(o.service for o in options[village.id])
        mode = travel.mode or request.mode
        numbers = (travel_minutes, onward, shortest)
        if not members:
            excluded.append(_by_road(village, "too_far", request, mode, *numbers))
            continue
        if best_alone <= 0:
            unworthy.append(_by_road(village, "not_worth_the_drive", request, mode, *numbers))
        reachable.append(village)
        required = village.id in must_ids
        if len(members) == 1:
            visits[members[0]] = dataclasses.replace(
                visits[members[0]], id=village.id, required=required
            )
        else:
            groups.append(Group(village.id, tuple(members), required=required))
    if request.lunch is not None:
        for village in reachable:
            add_second_part(village, request, offsets, probe, visits, groups, lengths, owners)
    impossible = [x for x in excluded if x.village.id in must_ids]
    if impossible:
        raise MustVisitError(impossible)
    problem = RoutingProblem(
        travel_times=seconds, visits=tuple(visits), tours=tours, groups=tuple(groups)
    )
    return PlanningProblem(
        request=request,
        start=start,
        end=end,
        candidates=tuple(reachable),
        problem=problem,
        travel=travel,
        excluded=tuple(excluded),
        visit_villages=tuple(owners),
        visit_lengths=tuple(lengths),
        unworthy=tuple(unworthy),
    )


def _by_road(
    village: Village,
    reason: LeftOutReason,
    request: TripRequest,
    mode: str,
    travel_minutes: int,
    onward_minutes: int | None,
    visit_minutes: int,
) -> LeftOut:
    """A village left out for its journey (``too_far``, ``not_worth_the_drive``), with the
    numbers that explain it (``onward_minutes``: on to the day's end, when it is not the
    start)."""
    return LeftOut(
        village,
        reason,
        travel_minutes=travel_minutes,
        onward_minutes=onward_minutes,
        mode=mode,
        visit_minutes=visit_minutes,
        day_window=(request.day_start, request.day_end),
    )

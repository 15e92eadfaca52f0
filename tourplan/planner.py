"""Trip planning: a traveller's request becomes a routing problem, then a dated itinerary.

The steps, each in its own function:

1. resolve the start/end places and the must-visit/avoid villages by name;
2. compute travel times (transport mode, or a road graph) and each village's service windows
   per date from its opening hours, the pace and the day window;
3. build the generic :class:`~tourplan.routing.RoutingProblem` (one tour per date, lunch as a
   break, must-visit villages required) and solve it with OR-Tools;
4. validate the solution independently and turn it into a dated :class:`~tourplan.Itinerary`,
   with the villages left out and why.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import networkx as nx

from .datasets import load_hanoi
from .exceptions import DataError, InfeasibleError
from .geocode import Gazetteer, PlaceResolver
from .itinerary import HANOI_TZ, Break, Day, Itinerary, LeftOut, LeftOutReason, Leg, Stop
from .model import Place, Village, Villages
from .request import TripRequest
from .routing import (
    Break as RoutingBreak,
)
from .routing import (
    RoutingProblem,
    ScheduledBreak,
    SearchParameters,
    Solution,
    TimeWindow,
    Tour,
    Visit,
    solve,
    validate_solution,
)
from .travel import TravelMatrix, get_mode, load_road_graph, road_travel_matrix, travel_matrix

__all__ = ["PlanningProblem", "build_problem", "plan_trip", "service_minutes"]

DAY = 86_400
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
        Villages offered to the solver, in visit-index order.
    problem
        The generic routing problem (times in seconds after midnight of the first date).
    travel
        The travel matrix, ids ``"start"``, ``"end"`` and the candidates' ids.
    excluded
        Villages not offered to the solver, with the reason and its explanation.
    """

    request: TripRequest
    start: Place
    end: Place
    candidates: tuple[Village, ...]
    problem: RoutingProblem
    travel: TravelMatrix
    excluded: tuple[LeftOut, ...]
    tour_dates: tuple[dt.date, ...] = ()

    def __post_init__(self) -> None:
        if not self.tour_dates:
            object.__setattr__(self, "tour_dates", self.request.dates)

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


def service_minutes(village: Village, request: TripRequest) -> int:
    """Length of a visit to ``village`` at the request's pace, in whole minutes (at least 5)."""
    return max(5, round(village.visit_minutes * request.pace_factor))


def _score(village: Village, request: TripRequest) -> int:
    bonus = request.theme_bonus if set(village.themes) & set(request.themes) else 1.0
    return round(village.interest * 10 * bonus)


def _minute_of(t: dt.time) -> int:
    return t.hour * 60 + t.minute


def _windows(
    village: Village, service_s: int, request: TripRequest, offsets: Sequence[int]
) -> tuple[TimeWindow, ...]:
    """Start-of-visit windows over the whole trip: the visit fits inside one open span,
    inside the day window."""
    day_open, day_close = _minute_of(request.day_start) * 60, _minute_of(request.day_end) * 60
    windows = []
    for date, offset in zip(request.dates, offsets, strict=True):
        for span in village.opening_hours.on(date, request.holidays):
            first = max(span.opens * 60, day_open)
            last = min(span.closes * 60, day_close) - service_s
            if last >= first:
                windows.append(TimeWindow(offset + first, offset + last))
    return tuple(windows)


_EXPLANATIONS: dict[str, tuple[str, str]] = {
    "avoided": ("bạn đã yêu cầu bỏ qua làng này", "you asked to avoid it"),
    "closed": (
        "đóng cửa vào {when} (giờ mở cửa: {hours})",
        "closed on {when} (opening hours: {hours})",
    ),
    "too_long": (
        "một lượt tham quan mất {service} phút, dài hơn cả ngày ({day})",
        "a visit takes {service} min, longer than the day ({day})",
    ),
    "short": (
        "vào {when} không có khung giờ mở cửa nào đủ dài cho {service} phút tham quan trong "
        "ngày {day} (giờ mở cửa: {hours})",
        "no opening on {when} is long enough for a {service}-minute visit inside the day {day} "
        "(opening hours: {hours})",
    ),
    "too_far": (
        "mất {go} phút mỗi chiều bằng {mode}: cùng {service} phút tham quan thì không kịp "
        "trong ngày {day} khi làng mở cửa",
        "{go} min each way by {mode}: with a {service}-minute visit it does not fit in the "
        "day {day} while it is open",
    ),
    "max_stops": (
        "mỗi ngày đã đủ tối đa {limit} điểm dừng",
        "every day already has the maximum of {limit} stops",
    ),
    "lower_interest": (
        "có thể ghé riêng, nhưng các làng đã chọn hấp dẫn hơn trong thời gian có",
        "it would fit on its own, but the villages chosen are worth more in the time available",
    ),
}
_WEEKDAYS_VI = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


def _explain(key: str, lang: Literal["vi", "en"], **values: object) -> str:
    """A left-out reason in words, in Vietnamese or English."""
    vi, en = _EXPLANATIONS[key]
    return (vi if lang == "vi" else en).format(**values)


def _dates(dates: Sequence[dt.date], lang: Literal["vi", "en"]) -> str:
    if lang == "vi":
        return ", ".join(f"{_WEEKDAYS_VI[d.weekday()]} {d:%d/%m}" for d in dates)
    return ", ".join(f"{d:%a %d %b}" for d in dates)


def _day_text(request: TripRequest) -> str:
    return f"{request.day_start:%H:%M}-{request.day_end:%H:%M}"


def _closed_explanation(
    village: Village, service: int, request: TripRequest, lang: Literal["vi", "en"]
) -> tuple[LeftOutReason, str]:
    open_days = [d for d in request.dates if village.opening_hours.on(d, request.holidays)]
    when, hours, day = _dates(request.dates, lang), village.opening_hours, _day_text(request)
    if not open_days:
        return "closed", _explain("closed", lang, when=when, hours=hours)
    if service > request.day_minutes:
        return "too_long", _explain("too_long", lang, service=service, day=day)
    return "closed", _explain("short", lang, when=when, service=service, day=day, hours=hours)


def _fits_alone(visit: Visit, tour: Tour, problem: RoutingProblem) -> bool:
    """Can a day reach the village, visit it and get back in time (ignoring lunch)?"""
    go = problem.travel(tour.start_location, visit.location)
    back = problem.travel(visit.location, tour.end_location)
    arrival = tour.earliest_start + go
    for w in visit.windows:
        start = max(arrival, w.start)
        if start <= w.end and start + visit.service + back <= tour.latest_end:
            return True
    return False


def _resolve_villages(names: Sequence[str], villages: Villages) -> list[Village]:
    return [villages.get(name) for name in names]


def _lay_out_gap(
    gap_start: int,
    travel: int,
    ready: int,
    next_start: int | None,
    breaks: Sequence[tuple[ScheduledBreak, RoutingBreak]],
) -> tuple[int, int, list[tuple[str, str, int, int]]]:
    """Place the breaks of one gap (between two events) where a traveller takes them.

    The solver may take a break in the middle of a journey; a traveller would rather have
    lunch in the village they reach (same arrival at the next visit) or, when the break starts
    right away, where they are. Returns the leg's departure and arrival, and each break as
    ``(name, "origin" | "destination" | "on_the_way", start, end)``. A break stays on the way
    only when neither end of the journey fits its window (a journey longer than the window).
    """
    if not breaks:
        return ready - travel, ready, []
    at_origin = [(sb, b) for sb, b in breaks if sb.end <= ready - travel]
    rest = [(sb, b) for sb, b in breaks if sb.end > ready - travel]
    placed = [(b.id, "origin", sb.start, sb.end) for sb, b in at_origin]
    if not rest:
        return ready - travel, ready, placed
    depart = max([gap_start, *(sb.end for sb, _ in at_origin)])
    arrive = depart + travel
    moved, clock = [], arrive
    for _sb, b in sorted(rest, key=lambda x: x[0].start):
        start = max(clock, b.earliest_start)
        if start > b.latest_start or (next_start is not None and start + b.duration > next_start):
            break
        moved.append((b.id, "destination", start, start + b.duration))
        clock = start + b.duration
    else:
        return depart, arrive, placed + moved
    on_the_way = [(b.id, "on_the_way", sb.start, sb.end) for sb, b in rest]
    return depart, ready, placed + on_the_way


def build_problem(
    request: TripRequest,
    villages: Villages | None = None,
    *,
    road_graph: nx.MultiDiGraph | str | os.PathLike[str] | None = None,
    resolver: PlaceResolver | None = None,
    tours_per_date: int = 1,
    copies: int = 1,
    lang: Literal["vi", "en"] = "vi",
) -> PlanningProblem:
    """Translate a request into a routing problem over ``villages`` (default: bundled Hanoi).

    ``tours_per_date`` > 1 plans several parallel tours on each date (a route catalogue);
    ``copies`` > 1 adds extra visits ``"<id>#2"``, ``"<id>#3"`` ... of each village, each worth
    a quarter of the one before, for callers (the route catalogue) that let a village appear
    in several tours; keeping two copies out of one tour is then the caller's job.

    Raises
    ------
    UnknownPlaceError
        A start/end place or a must-visit/avoid village is unknown (with suggestions).
    DataError
        The day window is shorter than every visit.
    InfeasibleError
        A must-visit village cannot be visited on any day, with the reason.
    """
    villages = load_hanoi() if villages is None else villages
    if resolver is None:
        resolver = PlaceResolver(Gazetteer.bundled(villages))
    start = resolver.resolve(request.start)
    end = start if request.end is None else resolver.resolve(request.end)
    must = _resolve_villages(request.must_visit, villages)
    avoid = {v.id for v in _resolve_villages(request.avoid, villages)}
    clash = [v.id for v in must if v.id in avoid]
    if clash:
        raise DataError(
            f"{', '.join(clash)} is both a must-visit and a village to avoid", field="avoid"
        )
    must_ids = {v.id for v in must}

    shortest = min((service_minutes(v, request) for v in villages), default=0)
    if shortest > request.day_minutes:
        raise DataError(
            f"the day window {request.day_start:%H:%M}-{request.day_end:%H:%M} "
            f"({request.day_minutes} min) is shorter than any visit (the shortest takes "
            f"{shortest} min)",
            field="day_end",
        )

    offsets = [(d - request.dates[0]).days * DAY for d in request.dates]
    excluded: list[LeftOut] = []
    candidates: list[Village] = []
    windows: dict[str, tuple[TimeWindow, ...]] = {}
    for village in villages:
        if village.id in avoid:
            excluded.append(LeftOut(village, "avoided", _explain("avoided", lang)))
            continue
        service = service_minutes(village, request)
        w = _windows(village, service * 60, request, offsets)
        if not w:
            reason, text = _closed_explanation(village, service, request, lang)
            excluded.append(LeftOut(village, reason, text))
            continue
        windows[village.id] = w
        candidates.append(village)

    nodes = [_Node(_START, start.name, start.lat, start.lon)]
    same_end = end.id == start.id and (end.lat, end.lon) == (start.lat, start.lon)
    if not same_end:
        nodes.append(_Node(_END, end.name, end.lat, end.lon))
    nodes += [_Node(v.id, v.name, v.lat, v.lon) for v in candidates]
    travel = _travel(nodes, request, road_graph)
    # Whole minutes, rounded up: itineraries read 09:17, not 09:16:43.
    seconds = ((travel.seconds + 59) // 60) * 60
    end_location = 0 if same_end else 1
    first_visit_location = 1 if same_end else 2

    day_open, day_close = _minute_of(request.day_start) * 60, _minute_of(request.day_end) * 60
    if tours_per_date < 1 or copies < 1 or copies > tours_per_date:
        raise DataError(
            f"need 1 <= copies ({copies}) <= tours per date ({tours_per_date})", field="copies"
        )
    tours: list[Tour] = []
    tour_dates: list[dt.date] = []
    for date, offset in [
        (d, o) for d, o in zip(request.dates, offsets, strict=True) for _ in range(tours_per_date)
    ]:
        tour_dates.append(date)
        breaks: tuple[RoutingBreak, ...] = ()
        if request.lunch is not None:
            breaks = (
                RoutingBreak(
                    id="lunch",
                    duration=request.lunch.minutes * 60,
                    earliest_start=offset + _minute_of(request.lunch.earliest) * 60,
                    latest_start=offset + _minute_of(request.lunch.latest) * 60,
                ),
            )
        tours.append(
            Tour(
                id=f"{date.isoformat()}"
                + (f"#{len(tours) % tours_per_date + 1}" if tours_per_date > 1 else ""),
                start_location=0,
                end_location=end_location,
                earliest_start=offset + day_open,
                latest_end=offset + day_close,
                max_visits=request.max_stops_per_day,
                breaks=breaks,
            )
        )
    visits = tuple(
        Visit(
            id=v.id if c == 0 else f"{v.id}#{c + 1}",
            location=first_visit_location + i,
            service=service_minutes(v, request) * 60,
            windows=windows[v.id],
            score=max(1, _score(v, request) // 4**c),
            required=v.id in must_ids and c == 0,
        )
        for i, v in enumerate(candidates)
        for c in range(copies)
    )
    problem = RoutingProblem(travel_times=seconds, visits=visits, tours=tuple(tours))

    # Villages that no single day can reach, visit and leave in time are left out up front.
    reachable: list[Village] = []
    kept_visits: list[Visit] = []
    for village in candidates:
        mine = [x for x in visits if _village_id(x.id) == village.id]
        visit = mine[0]
        if any(_fits_alone(visit, tour, problem) for tour in problem.tours):
            reachable.append(village)
            kept_visits.extend(mine)
        else:
            go = int(seconds[0, visit.location]) // 60
            excluded.append(
                LeftOut(
                    village,
                    "too_far",
                    _explain(
                        "too_far",
                        lang,
                        go=go,
                        mode=travel.mode or request.mode,
                        service=visit.service // 60,
                        day=_day_text(request),
                    ),
                )
            )
    impossible = [x for x in excluded if x.village.id in must_ids]
    if impossible:
        raise InfeasibleError(
            "the must-visit villages cannot all be planned",
            [f"{x.village.name_vi} ({x.village.id}): {x.explanation}" for x in impossible],
        )
    if len(reachable) != len(candidates):
        problem = RoutingProblem(
            travel_times=seconds, visits=tuple(kept_visits), tours=tuple(tours)
        )
    return PlanningProblem(
        request=request,
        start=start,
        end=end,
        candidates=tuple(reachable),
        problem=problem,
        travel=travel,
        excluded=tuple(excluded),
        tour_dates=tuple(tour_dates),
    )


def _village_id(visit_id: str) -> str:
    """The village behind a visit id (``"bat-trang#2"`` is Bát Tràng's second copy)."""
    return visit_id.split("#", 1)[0]


def _travel(
    nodes: Sequence[_Node],
    request: TripRequest,
    road_graph: nx.MultiDiGraph | str | os.PathLike[str] | None,
) -> TravelMatrix:
    if road_graph is None:
        return travel_matrix(nodes, request.mode)
    graph = road_graph if isinstance(road_graph, nx.Graph) else load_road_graph(road_graph)
    mode = get_mode(request.mode)
    return road_travel_matrix(
        graph,
        nodes,
        # Many bundled points are commune centroids, 1-3 km from the village (data/README.md).
        max_snap_m=ROAD_SNAP_LIMIT_M,
        access_seconds=mode.access_seconds,
        mode=mode.name,
    )


def plan_trip(
    request: TripRequest,
    villages: Villages | None = None,
    *,
    road_graph: nx.MultiDiGraph | str | os.PathLike[str] | None = None,
    resolver: PlaceResolver | None = None,
    search: SearchParameters | None = None,
    lang: Literal["vi", "en"] = "vi",
) -> Itinerary:
    """Plan the trip a traveller asks for.

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
        Solver settings (default: :class:`~tourplan.routing.SearchParameters` with a 5 s
        limit).
    lang
        Language of names in the itinerary's texts (``vi`` or ``en``).

    Returns
    -------
    Itinerary
        One day per date with stops, legs and lunch; the villages left out, with reasons.
        The solution behind it has passed the independent validator.

    Raises
    ------
    UnknownPlaceError, DataError, InfeasibleError
        See :func:`build_problem`; ``InfeasibleError`` also when the must-visit villages do
        not fit together.
    """
    planning = build_problem(request, villages, road_graph=road_graph, resolver=resolver, lang=lang)
    params = search or SearchParameters(time_limit=5.0)
    solution = solve(planning.problem, params)
    validate_solution(planning.problem, solution)
    return to_itinerary(planning, solution, lang=lang)


def to_itinerary(
    planning: PlanningProblem, solution: Solution, *, lang: Literal["vi", "en"] = "vi"
) -> Itinerary:
    """Turn a validated solution of ``planning.problem`` into a dated itinerary."""
    request, problem, travel = planning.request, planning.problem, planning.travel
    seconds = problem.travel_times
    days: list[Day] = []
    by_tour = {t.tour: t for t in solution.tours}
    visited_ids: set[str] = set()
    day_is_full: list[bool] = []
    for index, date in enumerate(planning.tour_dates):
        offset = planning.offset(date)
        tour = problem.tours[index]
        schedule = by_tour.get(index)
        if schedule is None or not schedule.visits:
            day_start = planning.at(offset + _minute_of(request.day_start) * 60)
            days.append(Day(date, planning.start, planning.end, day_start, day_start))
            day_is_full.append(False)
            continue
        village_of = {v.id: v for v in planning.candidates}
        node_ids = list(travel.ids)
        locations = [tour.start_location]
        locations += [problem.visits[sv.visit].location for sv in schedule.visits]
        locations.append(tour.end_location)
        legs, breaks, real_arrivals = [], [], []
        for k in range(len(locations) - 1):
            a, b = locations[k], locations[k + 1]
            gap_start = schedule.departure if k == 0 else schedule.visits[k - 1].end
            next_start = schedule.visits[k].start if k < len(schedule.visits) else None
            ready = schedule.visits[k].arrival if next_start is not None else schedule.arrival
            here = planning.start.id if k == 0 else node_ids[a]
            there = planning.end.id if next_start is None else node_ids[b]
            gap = _lay_out_gap(
                gap_start,
                int(seconds[a, b]),
                ready,
                next_start,
                [(sb, tour.breaks[sb.brk]) for sb in schedule.breaks if sb.after == k],
            )
            depart, arrive, placed = gap
            real_arrivals.append(arrive)
            legs.append(
                Leg(
                    origin=here,
                    destination=there,
                    depart=planning.at(depart),
                    arrive=planning.at(arrive),
                    mode=travel.mode or request.mode,
                    distance_m=travel.metres_between(node_ids[a], node_ids[b]),
                    path=tuple(travel.path(node_ids[a], node_ids[b]) or ()),
                )
            )
            for name, where, b_start, b_end in placed:
                place = {"origin": here, "destination": there, "on_the_way": there}[where]
                breaks.append(Break(name, planning.at(b_start), planning.at(b_end), place))
        stops = []
        for sv, arrive in zip(schedule.visits, real_arrivals, strict=False):
            village = village_of[_village_id(problem.visits[sv.visit].id)]
            visited_ids.add(village.id)
            stops.append(
                Stop(village, planning.at(arrive), planning.at(sv.start), planning.at(sv.end))
            )
        days.append(
            Day(
                date=date,
                start_place=planning.start,
                end_place=planning.end,
                departure=planning.at(schedule.departure),
                arrival=planning.at(schedule.arrival),
                stops=tuple(stops),
                legs=tuple(legs),
                breaks=tuple(breaks),
            )
        )
        limit = request.max_stops_per_day
        day_is_full.append(limit is not None and len(stops) >= limit)

    left_out = list(planning.excluded)
    for village in planning.candidates:
        if village.id in visited_ids:
            continue
        if day_is_full and all(day_is_full):
            left_out.append(
                LeftOut(
                    village,
                    "max_stops",
                    _explain("max_stops", lang, limit=request.max_stops_per_day),
                )
            )
        else:
            left_out.append(LeftOut(village, "lower_interest", _explain("lower_interest", lang)))
    order = {v.id: i for i, v in enumerate(planning.candidates)}
    left_out.sort(
        key=lambda x: (
            _REASON_ORDER[x.reason],
            -x.village.interest,
            order.get(x.village.id, 0),
            x.village.id,
        )
    )
    return Itinerary(
        days=tuple(days), left_out=tuple(left_out), mode=travel.mode or request.mode, lang=lang
    )


_REASON_ORDER: dict[str, int] = {
    "avoided": 0,
    "lower_interest": 1,
    "max_stops": 2,
    "closed": 3,
    "too_long": 4,
    "too_far": 5,
}

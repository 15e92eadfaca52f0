"""Experience route catalogues: K distinct day routes from a hub covering the most heritage.

A catalogue of K day routes is a team orienteering problem with K parallel tours on one
template day: each route is a feasible day trip (opening hours, lunch, day window), each
village appears in at most ``max_routes_per_village`` routes, and the routes together collect
the most interest, then drive the least. Routes get a stable id, a generated name and
description in Vietnamese and English, and export through the itinerary exporters.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import itertools
import math
import os
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import networkx as nx

from .datasets import load_hanoi
from .exceptions import DataError, InfeasibleError
from .geocode import Gazetteer, PlaceResolver
from .hours import OpeningHours, Span
from .itinerary import Day, Itinerary, LeftOut
from .model import THEMES, Place, Village, Villages
from .planner import PlanningProblem, build_problem, to_itinerary
from .request import Lunch, Pace, PlaceQuery, TripRequest
from .routing import (
    RoutingProblem,
    SearchParameters,
    Solution,
    schedule_routes,
    solve,
    validate_solution,
)
from .routing.solution import schedule_tour

__all__ = [
    "THEME_LABELS",
    "Catalogue",
    "CatalogueRequest",
    "Route",
    "plan_catalogue",
]

THEME_LABELS: dict[str, tuple[str, str]] = {
    "art": ("mỹ nghệ dân gian", "folk art"),
    "bamboo": ("mây tre đan", "bamboo weaving"),
    "ceramics": ("gốm", "ceramics"),
    "embroidery": ("thêu", "embroidery"),
    "flowers": ("hoa", "flowers"),
    "food": ("ẩm thực", "food"),
    "herbal": ("thuốc nam", "herbal medicine"),
    "heritage": ("làng cổ", "heritage"),
    "incense": ("hương", "incense"),
    "jewellery": ("kim hoàn", "jewellery"),
    "lacquer": ("sơn mài", "lacquer"),
    "metal": ("nghề kim khí", "metalwork"),
    "performance": ("múa rối nước", "water puppetry"),
    "textiles": ("dệt lụa", "textiles"),
    "wood": ("đồ gỗ", "woodwork"),
}
"""Short Vietnamese and English labels of each theme, used to name routes."""

assert set(THEME_LABELS) == set(THEMES)

_DIRECTIONS = (
    ("phía bắc", "north of"),
    ("phía đông bắc", "north-east of"),
    ("phía đông", "east of"),
    ("phía đông nam", "south-east of"),
    ("phía nam", "south of"),
    ("phía tây nam", "south-west of"),
    ("phía tây", "west of"),
    ("phía tây bắc", "north-west of"),
)
# Districts on the left (north-east) bank of the Red River, across from the old city.
_ACROSS_THE_RIVER = {
    "Quận Long Biên",
    "Huyện Gia Lâm",
    "Huyện Đông Anh",
    "Huyện Sóc Sơn",
    "Huyện Mê Linh",
}


@dataclass(frozen=True)
class CatalogueRequest:
    """What a planner asks of a catalogue.

    Parameters
    ----------
    date
        The template day; its weekday decides which villages are open (and the .ics date).
    hub
        Where every route starts and ends (a known place id or name, ``"lat,lon"``, a Place).
    routes
        How many routes to design (K).
    max_routes_per_village
        Each village may appear in at most this many routes (r, default 1: no overlap).
    min_stops, max_stops
        Bounds on the number of villages of each route (``max_stops`` ``None``: no limit).
        Routes that cannot reach ``min_stops`` are dropped, with an explanation.
    any_day
        Design routes that work on any day of the week: a village is offered only at the
        times it is open every day.
    must_include
        Villages (ids or names) that must appear in some route.
    must_themes
        Themes that must appear in some route (the best village of each is required).
    day_start, day_end, mode, lunch, pace
        The day template, as in :class:`~tourplan.request.TripRequest`.
    """

    date: dt.date
    hub: PlaceQuery = "hoan-kiem-lake"
    routes: int = 10
    max_routes_per_village: int = 1
    min_stops: int = 2
    max_stops: int | None = 5
    any_day: bool = False
    must_include: tuple[str, ...] = ()
    must_themes: tuple[str, ...] = ()
    day_start: dt.time = dt.time(8, 0)
    day_end: dt.time = dt.time(17, 30)
    mode: str = "car"
    lunch: Lunch | None = field(default_factory=Lunch)
    pace: Pace = "normal"

    def __post_init__(self) -> None:
        for name in ("routes", "max_routes_per_village", "min_stops"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise DataError(
                    f"{name} must be a whole number of at least 1, got {value!r}", field=name
                )
        if self.max_routes_per_village > self.routes:
            raise DataError(
                f"max_routes_per_village ({self.max_routes_per_village}) cannot exceed the "
                f"number of routes ({self.routes})",
                field="max_routes_per_village",
            )
        if self.max_stops is not None and self.max_stops < self.min_stops:
            raise DataError(
                f"max_stops ({self.max_stops}) is below min_stops ({self.min_stops})",
                field="max_stops",
            )
        object.__setattr__(self, "must_include", tuple(self.must_include))
        object.__setattr__(self, "must_themes", tuple(self.must_themes))
        unknown = [t for t in self.must_themes if t not in THEMES]
        if unknown:
            raise DataError(
                f"unknown theme(s) {', '.join(unknown)}; known themes: {', '.join(THEMES)}",
                field="must_themes",
            )
        self.trip_request()  # validates the day template (window, lunch, pace, mode name)

    def trip_request(self, must_visit: Sequence[str] = ()) -> TripRequest:
        """The one-day trip request each route must satisfy."""
        return TripRequest(
            start=self.hub,
            dates=(self.date,),
            day_start=self.day_start,
            day_end=self.day_end,
            mode=self.mode,
            lunch=self.lunch,
            must_visit=tuple(must_visit),
            max_stops_per_day=self.max_stops,
            pace=self.pace,
        )


@dataclass(frozen=True)
class Route:
    """One published route of a catalogue.

    Attributes
    ----------
    id
        Stable id: the same villages from the same hub always give the same id.
    number
        Position in the catalogue (1 = most interest).
    name_vi, name_en, description_vi, description_en
        Generated from the route's villages, crafts and area.
    themes
        The route's themes, most frequent first.
    itinerary
        The route as a one-day itinerary on the template date (export it like any plan).
    """

    id: str
    number: int
    name_vi: str
    name_en: str
    description_vi: str
    description_en: str
    themes: tuple[str, ...]
    itinerary: Itinerary

    @property
    def day(self) -> Day:
        """The route's day."""
        return self.itinerary.days[0]

    @property
    def village_ids(self) -> tuple[str, ...]:
        """The villages of the route, in visiting order."""
        return self.itinerary.village_ids

    def name(self, lang: str = "vi") -> str:
        """The route's name in ``lang``."""
        return self.name_en if lang == "en" else self.name_vi

    def description(self, lang: str = "vi") -> str:
        """The route's description in ``lang``."""
        return self.description_en if lang == "en" else self.description_vi


@dataclass(frozen=True)
class Catalogue:
    """A set of day routes and what they cover.

    Attributes
    ----------
    request
        The catalogue request.
    hub
        The resolved hub.
    routes
        The routes, most interest first (possibly fewer than requested; see ``notes``).
    left_out
        Villages in no route, each with a reason.
    notes
        Explanations, e.g. why fewer routes than requested were produced.
    villages
        Every village considered.
    """

    request: CatalogueRequest
    hub: Place
    routes: tuple[Route, ...]
    left_out: tuple[LeftOut, ...]
    notes: tuple[str, ...]
    villages: Villages

    @property
    def covered(self) -> tuple[str, ...]:
        """Ids of villages in at least one route, in catalogue order."""
        return tuple(dict.fromkeys(i for r in self.routes for i in r.village_ids))

    @property
    def overlap(self) -> dict[str, int]:
        """Villages in more than one route, with their number of routes."""
        counts = Counter(i for r in self.routes for i in r.village_ids)
        return {i: n for i, n in counts.items() if n > 1}

    @property
    def theme_mix(self) -> dict[str, int]:
        """Number of stops per theme over all routes, most frequent first."""
        counts = Counter(
            t for r in self.routes for s in r.itinerary.stops for t in s.village.themes
        )
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

    @property
    def coverage(self) -> float:
        """Share of the villages' total interest that the routes cover (0 to 1)."""
        total = sum(v.interest for v in self.villages)
        covered = set(self.covered)
        return sum(v.interest for v in self.villages if v.id in covered) / total if total else 0.0


def _every_day(hours: OpeningHours) -> OpeningHours:
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


def _bearing(a: Place, lat: float, lon: float) -> float:
    y = math.sin(math.radians(lon - a.lon)) * math.cos(math.radians(lat))
    x = math.cos(math.radians(a.lat)) * math.sin(math.radians(lat)) - math.sin(
        math.radians(a.lat)
    ) * math.cos(math.radians(lat)) * math.cos(math.radians(lon - a.lon))
    return (math.degrees(math.atan2(y, x)) + 360.0) % 360.0


def _area(hub: Place, villages: Sequence[Village]) -> tuple[str, str]:
    districts = Counter(v.old_district for v in villages if v.old_district)
    if villages and all(v.old_district in _ACROSS_THE_RIVER for v in villages) and hub.lon < 105.86:
        return "bên kia sông Hồng", "across the Red River"
    if districts:
        district, count = districts.most_common(1)[0]
        if count * 3 >= 2 * len(villages):
            short = (
                district.split(" ", 1)[1]
                if district.startswith(("Huyện", "Quận", "Thị xã"))
                else district
            )
            short = short.removeprefix("xã ").strip()
            return f"ở {short}", f"in {_ascii(short)}"
    lat = sum(v.lat for v in villages) / len(villages)
    lon = sum(v.lon for v in villages) / len(villages)
    sector = int(((_bearing(hub, lat, lon) + 22.5) % 360) // 45)
    vi, en = _DIRECTIONS[sector]
    return f"{vi} Hà Nội", f"{en} Hanoi"


def _ascii(text: str) -> str:
    """Vietnamese place names as English texts write them: ``Tây Hồ`` -> ``Tay Ho``."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _route_themes(villages: Sequence[Village]) -> tuple[str, ...]:
    counts = Counter(t for v in villages for t in v.themes)
    weight = Counter({t: sum(v.interest for v in villages if t in v.themes) for t in counts})
    return tuple(sorted(counts, key=lambda t: (-counts[t], -weight[t], t)))


def _join(items: Sequence[str], word: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def _hm(delta: dt.timedelta, lang: str) -> str:
    minutes = round(delta.total_seconds() / 60)
    h, m = divmod(minutes, 60)
    if lang == "vi":
        return f"{h} giờ {m:02d} phút" if h else f"{m} phút"
    return f"{h} h {m:02d} min" if h else f"{m} min"


def _describe(hub: Place, itinerary: Itinerary) -> tuple[str, str, str, str, tuple[str, ...]]:
    day = itinerary.days[0]
    villages = [s.village for s in day.stops]
    themes = _route_themes(villages)
    area_vi, area_en = _area(hub, villages)
    top = themes[:2]
    name_vi = _join([THEME_LABELS[t][0] for t in top], "và").capitalize() + f" {area_vi}"
    name_en = _join([THEME_LABELS[t][1] for t in top], "and").capitalize() + f" {area_en}"
    km = (day.distance_m or 0) / 1000
    names_vi = _join([f"{v.name_vi} ({v.craft('vi')})" for v in villages], "và")
    names_en = _join([f"{v.display_name('en')} ({v.craft('en')})" for v in villages], "and")
    description_vi = (
        f"{len(villages)} làng: {names_vi}. Khởi hành {day.departure:%H:%M} từ {hub.name}, "
        f"về {day.arrival:%H:%M}; {_hm(day.travel_time, 'vi')} di chuyển, {km:.0f} km."
    )
    hub_en = hub.name_en or hub.name
    description_en = (
        f"{len(villages)} villages: {names_en}. Leaves {hub_en} at {day.departure:%H:%M}, back "
        f"at {day.arrival:%H:%M}; {_hm(day.travel_time, 'en')} on the road, {km:.0f} km."
    )
    return name_vi, name_en, description_vi, description_en, themes


def _route_id(hub: Place, village_ids: Sequence[str], theme: str) -> str:
    digest = hashlib.sha1("|".join(sorted(village_ids)).encode()).hexdigest()[:6]
    return f"{hub.id}-{theme}-{digest}"


def _solve_with_repeats(
    problem: RoutingProblem,
    params: SearchParameters,
    max_routes_per_village: int,
    themes: Sequence[frozenset[str]],
) -> Solution:
    """Best coverage first (each village once), then repeats where routes have room.

    The solver sees only each village's first visit, so every route competes for coverage.
    With ``max_routes_per_village`` > 1 the extra copies (``"<id>#2"`` ...) are then inserted
    greedily, most interesting first, at the cheapest feasible place of a route that does not
    yet visit that village, so two copies never share a route.
    """
    first = [i for i, v in enumerate(problem.visits) if "#" not in v.id]
    coverage = RoutingProblem(
        travel_times=problem.travel_times,
        visits=tuple(problem.visits[i] for i in first),
        tours=problem.tours,
    )
    found = solve(coverage, params)
    routes: list[list[int]] = [[] for _ in problem.tours]
    for tour in found.tours:
        routes[tour.tour] = [first[v.visit] for v in tour.visits]
    if max_routes_per_village > 1:
        _insert_repeats(problem, routes)
    _gather_themes(problem, routes, themes)
    solution = schedule_routes(problem, routes)
    validate_solution(problem, solution)
    return solution


MAX_EXTRA_DRIVING = 0.10
"""A swap that gathers themes may lengthen the two routes' driving by at most this share."""


def _coherence(route: Sequence[int], themes: Sequence[frozenset[str]]) -> int:
    """Pairs of stops in a route that share a theme."""
    return sum(1 for k, a in enumerate(route) for b in route[k + 1 :] if themes[a] & themes[b])


def _gather_themes(
    problem: RoutingProblem, routes: list[list[int]], themes: Sequence[frozenset[str]]
) -> None:
    """Break ties toward themed routes: swap villages between routes, in place.

    A swap keeps the set of villages (so coverage and interest are unchanged), must keep both
    routes feasible, must raise the number of same-theme pairs, and may add at most
    :data:`MAX_EXTRA_DRIVING` to the two routes' driving. Deterministic: fixed order, first
    improvement, a bounded number of passes.
    """

    village = [v.id.split("#", 1)[0] for v in problem.visits]

    def driving(t: int, route: list[int]) -> int | None:
        try:
            return schedule_tour(problem, t, route).travel_time
        except InfeasibleError:
            return None

    for _ in range(5):
        improved = False
        for a, b in itertools.combinations(range(len(routes)), 2):
            if not routes[a] or not routes[b]:
                continue
            before = _coherence(routes[a], themes) + _coherence(routes[b], themes)
            drive = (driving(a, routes[a]) or 0) + (driving(b, routes[b]) or 0)
            for i, j in itertools.product(range(len(routes[a])), range(len(routes[b]))):
                va, vb = routes[a][i], routes[b][j]
                if themes[va] == themes[vb]:
                    continue
                new_a = [*routes[a][:i], vb, *routes[a][i + 1 :]]
                new_b = [*routes[b][:j], va, *routes[b][j + 1 :]]
                if len({village[x] for x in new_a}) < len(new_a) or len(
                    {village[x] for x in new_b}
                ) < len(new_b):
                    continue  # a village's copy would join a route that visits it already
                if _coherence(new_a, themes) + _coherence(new_b, themes) <= before:
                    continue
                da, db = driving(a, new_a), driving(b, new_b)
                if da is None or db is None or da + db > drive * (1 + MAX_EXTRA_DRIVING):
                    continue
                routes[a], routes[b] = new_a, new_b
                improved = True
                break
        if not improved:
            return


def _insert_repeats(problem: RoutingProblem, routes: list[list[int]]) -> None:
    village_of = [v.id.split("#", 1)[0] for v in problem.visits]
    used = {i for route in routes for i in route}
    spare = sorted(
        (i for i, v in enumerate(problem.visits) if "#" in v.id),
        key=lambda i: (-problem.visits[i].score, problem.visits[i].id),
    )
    for copy in spare:
        village = village_of[copy]
        best: tuple[int, int, int] | None = None  # (added seconds, tour, position)
        for t, route in enumerate(routes):
            limit = problem.tours[t].max_visits
            if village in {village_of[i] for i in route} or (limit and len(route) >= limit):
                continue
            base = schedule_tour(problem, t, route)
            for position in range(len(route) + 1):
                trial = [*route[:position], copy, *route[position:]]
                try:
                    schedule = schedule_tour(problem, t, trial)
                except InfeasibleError:
                    continue
                added = schedule.arrival - schedule.departure - (base.arrival - base.departure)
                if best is None or added < best[0]:
                    best = (added, t, position)
        if best is not None and copy not in used:
            _, t, position = best
            routes[t].insert(position, copy)
            used.add(copy)


def _fewer_routes_note(
    request: CatalogueRequest, planning: PlanningProblem, routes: Sequence[Route], lang: str
) -> str:
    reachable = len(planning.candidates)
    covered = len({i for r in routes for i in r.village_ids})
    r = request.max_routes_per_village
    if covered >= reachable:
        if lang == "vi":
            return (
                f"yêu cầu {request.routes} tuyến; {len(routes)} tuyến đã đi qua cả {reachable} "
                f"làng có thể ghé, mỗi làng tối đa {r} tuyến: thêm tuyến thì phải dùng lại làng "
                "(tăng số tuyến tối đa mỗi làng)"
            )
        return (
            f"asked for {request.routes} routes; {len(routes)} routes already visit all "
            f"{reachable} villages that can be visited, each in at most {r} route(s): more "
            "routes would have to share villages (raise max_routes_per_village)"
        )
    if lang == "vi":
        return (
            f"yêu cầu {request.routes} tuyến; chỉ {len(routes)} tuyến có ít nhất "
            f"{request.min_stops} điểm dừng: các làng còn lại không xếp được thành tuyến đủ dài "
            f"trong ngày {request.day_start:%H:%M}-{request.day_end:%H:%M}"
        )
    return (
        f"asked for {request.routes} routes; only {len(routes)} have at least "
        f"{request.min_stops} stops: the remaining villages do not make a long enough route "
        f"within {request.day_start:%H:%M}-{request.day_end:%H:%M}"
    )


def _unique_names(routes: list[Route]) -> list[Route]:
    """Routes sharing a generated name get their most interesting village's name added."""
    counts = Counter(r.name_vi for r in routes)
    out = []
    for route in routes:
        if counts[route.name_vi] > 1:
            best = max(route.itinerary.stops, key=lambda s: (s.village.interest, s.village.id))
            route = dataclasses.replace(
                route,
                name_vi=f"{route.name_vi}: {best.village.name_vi}",
                name_en=f"{route.name_en}: {best.village.display_name('en')}",
            )
        out.append(route)
    return out


def plan_catalogue(
    request: CatalogueRequest,
    villages: Villages | None = None,
    *,
    road_graph: nx.MultiDiGraph | str | os.PathLike[str] | None = None,
    resolver: PlaceResolver | None = None,
    search: SearchParameters | None = None,
    lang: Literal["vi", "en"] = "vi",
) -> Catalogue:
    """Design a catalogue of day routes from a hub.

    Parameters
    ----------
    request
        The number of routes, the day template and the rules.
    villages
        The villages (default: the bundled Hanoi dataset).
    road_graph
        Optional road graph for travel times (see :func:`~tourplan.planner.plan_trip`).
    resolver
        How to find the hub (default: offline, bundled places and ``villages``).
    search
        Solver settings (default: 10 s).
    lang
        Language of the notes and of the reasons villages are left out.

    Returns
    -------
    Catalogue
        At most ``request.routes`` routes, each a feasible day trip that the independent
        validator accepted; fewer when the villages cannot fill them, with the reason in
        ``notes``.
    """
    villages = load_hanoi() if villages is None else villages
    if request.any_day:
        villages = Villages(
            dataclasses.replace(v, opening_hours=_every_day(v.opening_hours)) for v in villages
        )
    resolver = resolver or PlaceResolver(Gazetteer.bundled(villages))
    must = list(request.must_include)
    notes: list[str] = []
    for theme in request.must_themes:
        themed = sorted(villages.with_theme(theme), key=lambda v: (-v.interest, v.id))
        if not themed:
            notes.append(
                f"không làng nào có chủ đề '{theme}'"
                if lang == "vi"
                else f"no village has the theme '{theme}'"
            )
            continue
        if not any(villages.get(m).id in {v.id for v in themed} for m in must):
            must.append(themed[0].id)
    trip = request.trip_request(must)
    planning = build_problem(
        trip,
        villages,
        road_graph=road_graph,
        resolver=resolver,
        tours_per_date=request.routes,
        copies=request.max_routes_per_village,
        lang=lang,
    )
    params = search or SearchParameters(time_limit=10.0)
    by_id = {v.id: v for v in villages}
    visit_themes = [frozenset(by_id[v.id.split("#", 1)[0]].themes) for v in planning.problem.visits]
    solution = _solve_with_repeats(
        planning.problem, params, request.max_routes_per_village, visit_themes
    )
    plan = to_itinerary(planning, solution, lang=lang)

    hub = planning.start
    routes: list[Route] = []
    for day in plan.days:
        if len(day.stops) < request.min_stops:
            continue
        itinerary = Itinerary(days=(day,), mode=plan.mode, lang=plan.lang)
        name_vi, name_en, desc_vi, desc_en, themes = _describe(hub, itinerary)
        routes.append(
            Route(
                id=_route_id(hub, itinerary.village_ids, themes[0] if themes else "route"),
                number=0,
                name_vi=name_vi,
                name_en=name_en,
                description_vi=desc_vi,
                description_en=desc_en,
                themes=themes,
                itinerary=itinerary,
            )
        )
    routes.sort(key=lambda r: (-r.itinerary.interest, r.day.travel_time, r.id))
    routes = [dataclasses.replace(r, number=i) for i, r in enumerate(routes, start=1)]
    routes = _unique_names(routes)
    covered = {i for r in routes for i in r.village_ids}
    left_out = [x for x in plan.left_out if x.village.id not in covered]
    dropped_ids = {
        s.village.id for d in plan.days if len(d.stops) < request.min_stops for s in d.stops
    } - covered
    too_short = (
        f"tuyến của làng này có ít hơn {request.min_stops} điểm dừng"
        if lang == "vi"
        else f"its route would have had fewer than {request.min_stops} stops"
    )
    left_out += [LeftOut(v, "lower_interest", too_short) for v in villages if v.id in dropped_ids]
    if len(routes) < request.routes:
        notes.append(_fewer_routes_note(request, planning, routes, lang))
    return Catalogue(
        request=request,
        hub=hub,
        routes=tuple(routes),
        left_out=tuple(left_out),
        notes=tuple(notes),
        villages=villages,
    )

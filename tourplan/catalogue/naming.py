"""What names a route, as data: its themes, its area seen from the hub, its stable id."""

from __future__ import annotations

import dataclasses
import hashlib
import math
from collections import Counter
from collections.abc import Sequence

from ..model import Place, Village
from .values import DIRECTIONS, Area, Route

__all__ = ["ACROSS_THE_RIVER", "route_area", "route_id", "route_themes", "with_highlights"]

ACROSS_THE_RIVER = frozenset(
    {"Quận Long Biên", "Huyện Gia Lâm", "Huyện Đông Anh", "Huyện Sóc Sơn", "Huyện Mê Linh"}
)
"""Districts on the left (north-east) bank of the Red River, across from the old city."""
_OLD_CITY_EAST_LON = 105.86
"""A hub west of this longitude is on the old city's side of the Red River."""


def _bearing(a: Place, lat: float, lon: float) -> float:
    y = math.sin(math.radians(lon - a.lon)) * math.cos(math.radians(lat))
    x = math.cos(math.radians(a.lat)) * math.sin(math.radians(lat)) - math.sin(
        math.radians(a.lat)
    ) * math.cos(math.radians(lat)) * math.cos(math.radians(lon - a.lon))
    return (math.degrees(math.atan2(y, x)) + 360.0) % 360.0


def route_area(hub: Place, villages: Sequence[Village]) -> Area:
    """Where ``villages`` lie seen from ``hub``: across the river, in one district, or a
    compass direction."""
    districts = Counter(v.old_district for v in villages if v.old_district)
    if (
        villages
        and all(v.old_district in ACROSS_THE_RIVER for v in villages)
        and hub.lon < _OLD_CITY_EAST_LON
    ):
        return Area("across_river")
    if districts:
        district, count = districts.most_common(1)[0]
        if count * 3 >= 2 * len(villages):
            short = (
                district.split(" ", 1)[1]
                if district.startswith(("Huyện", "Quận", "Thị xã"))
                else district
            )
            return Area("district", district=short.removeprefix("xã ").strip())
    lat = sum(v.lat for v in villages) / len(villages)
    lon = sum(v.lon for v in villages) / len(villages)
    sector = int(((_bearing(hub, lat, lon) + 22.5) % 360) // 45)
    return Area("direction", direction=DIRECTIONS[sector])


def route_themes(villages: Sequence[Village]) -> tuple[str, ...]:
    """The themes of ``villages``, most frequent first (then most interest, then by name)."""
    counts = Counter(t for v in villages for t in v.themes)
    weight = Counter({t: sum(v.interest for v in villages if t in v.themes) for t in counts})
    return tuple(sorted(counts, key=lambda t: (-counts[t], -weight[t], t)))


def route_id(hub: Place, village_ids: Sequence[str], theme: str) -> str:
    """A stable id: the hub, the main theme and a digest of the set of villages."""
    digest = hashlib.sha1("|".join(sorted(village_ids)).encode()).hexdigest()[:6]
    return f"{hub.id}-{theme}-{digest}"


def with_highlights(routes: Sequence[Route]) -> list[Route]:
    """Routes that would share a name (same two main themes, same area) get a highlight:
    their most interesting village."""

    def key(route: Route) -> tuple[tuple[str, ...], Area]:
        return route.themes[:2], route.area

    counts = Counter(key(r) for r in routes)
    out = []
    for route in routes:
        if counts[key(route)] > 1:
            best = max(route.itinerary.stops, key=lambda s: (s.village.interest, s.village.id))
            route = dataclasses.replace(route, highlight=best.village.id)
        out.append(route)
    return out

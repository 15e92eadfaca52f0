"""The values of a route catalogue: routes, their area, the notes and the catalogue itself."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from ..model import Place, Villages
from ..plan import Day, Itinerary, LeftOut
from .request import CatalogueRequest

__all__ = ["DIRECTIONS", "Area", "Catalogue", "CatalogueNote", "Direction", "Route"]

Direction = Literal[
    "north", "north_east", "east", "south_east", "south", "south_west", "west", "north_west"
]
DIRECTIONS: tuple[Direction, ...] = (
    "north", "north_east", "east", "south_east", "south", "south_west", "west", "north_west",
)  # fmt: skip
"""The eight compass sectors, clockwise from north (each 45° wide)."""


@dataclass(frozen=True)
class Area:
    """Where a route goes, as seen from its hub.

    Attributes
    ----------
    kind
        ``across_river`` (every village is on the far bank of the Red River from the old
        city), ``district`` (at least two thirds of the villages lie in one district) or
        ``direction`` (the compass sector of the villages' centre from the hub).
    district
        The district's short Vietnamese name (``kind == "district"``), e.g. ``Gia Lâm``.
    direction
        The compass sector (``kind == "direction"``).
    """

    kind: Literal["across_river", "district", "direction"]
    district: str = ""
    direction: Direction | None = None


@dataclass(frozen=True)
class Route:
    """One published route of a catalogue, without words (:mod:`tourplan.text` names it).

    Attributes
    ----------
    id
        Stable id: the same villages from the same hub always give the same id.
    number
        Position in the catalogue (1 = most interest).
    themes
        The route's themes, most frequent first.
    area
        Where the route goes, as seen from the hub.
    itinerary
        The route as a one-day itinerary on the template date (export it like any plan).
    highlight
        The id of the route's most interesting village when another route shares its
        themes and area (its name then names this village too), else ``None``.
    """

    id: str
    number: int
    themes: tuple[str, ...]
    area: Area
    itinerary: Itinerary
    highlight: str | None = None

    @property
    def day(self) -> Day:
        """The route's day."""
        return self.itinerary.days[0]

    @property
    def hub(self) -> Place:
        """Where the route starts."""
        return self.day.start_place

    @property
    def village_ids(self) -> tuple[str, ...]:
        """The villages of the route, in visiting order."""
        return self.itinerary.village_ids


@dataclass(frozen=True)
class CatalogueNote:
    """Something the reader of a catalogue should know, as a code and its numbers.

    Attributes
    ----------
    kind
        ``no_theme`` (no village has ``theme``), ``villages_exhausted`` (``made`` routes
        already visit all ``reachable`` villages, each in at most ``per_village`` routes, so
        fewer than the ``asked`` routes were made), ``routes_too_short`` (only ``made``
        routes reach ``min_stops`` stops within ``day_window``) or ``same_routes``
        (``dropped`` routes visited the same villages as a route kept: one is enough).
    """

    kind: Literal["no_theme", "villages_exhausted", "routes_too_short", "same_routes"]
    theme: str = ""
    asked: int = 0
    made: int = 0
    reachable: int = 0
    per_village: int = 0
    min_stops: int = 0
    day_window: tuple[dt.time, dt.time] | None = None
    dropped: int = 0


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
        Notes, e.g. why fewer routes than requested were produced.
    villages
        Every village considered.
    """

    request: CatalogueRequest
    hub: Place
    routes: tuple[Route, ...]
    left_out: tuple[LeftOut, ...]
    notes: tuple[CatalogueNote, ...]
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

"""Frozen, validated values for one place: Place, Village, their vocabularies and Bounds. No I/O."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Literal, get_args

from ..exceptions import DataError
from ..hours import OpeningHours

__all__ = [
    "CONFIDENCES",
    "COORD_KINDS",
    "KINDS",
    "ORIGINS",
    "SIGHT_KINDS",
    "THEMES",
    "VIETNAM_BOUNDS",
    "Bounds",
    "Confidence",
    "CoordKind",
    "Kind",
    "Origin",
    "Place",
    "Village",
    "check_position",
]

Status = Literal["", "recognised", "traditional", "proposed_for_removal"]
"""The city's title for a village: ``recognised`` (a recognition decision names it),
``traditional`` (a craft village no recognition source names), ``proposed_for_removal`` (on
the 2023 proposal to withdraw the title of villages whose craft has died out); ``""`` when a
file does not say. Catalogues leave ``proposed_for_removal`` villages out by default."""
STATUSES: tuple[Status, ...] = get_args(Status)

CoordKind = Literal["village", "landmark", "commune_centroid", "address", "user"]
"""What a coordinate points at: the village itself, a landmark in it (a communal house, a
pagoda), the centroid of its commune, a geocoded address, or a point the user gave."""

Confidence = Literal["high", "medium", "low"]
"""How far to trust a row as a whole (identity, craft, location); see ``data/README.md``."""

Origin = Literal["source", "default", "source+default"]
"""Where a value came from: a cited source, a documented default, or a mix (e.g. the days
from a source and the clock times by default)."""

Kind = Literal["village", "pagoda", "temple", "museum", "show", "market"]
"""What a place to visit is: a craft village, or a sight of one of the other kinds (a pagoda,
a temple or communal house, a museum, a show such as water puppets, a market)."""

COORD_KINDS: tuple[str, ...] = get_args(CoordKind)
KINDS: tuple[str, ...] = get_args(Kind)
SIGHT_KINDS: tuple[str, ...] = tuple(k for k in KINDS if k != "village")
"""The kinds of place that are sights rather than craft villages."""
CONFIDENCES: tuple[str, ...] = get_args(Confidence)
ORIGINS: tuple[str, ...] = get_args(Origin)

THEMES: tuple[str, ...] = (
    "art",
    "bamboo",
    "ceramics",
    "embroidery",
    "flowers",
    "food",
    "herbal",
    "heritage",
    "incense",
    "jewellery",
    "lacquer",
    "metal",
    "performance",
    "textiles",
    "wood",
)
"""The theme vocabulary used to tag villages and to express a traveller's preferences."""

_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_VILLAGE_TEXT_FIELDS = (
    "name_vi",
    "name_en",
    "craft_vi",
    "craft_en",
    "old_district",
    "commune_2025",
    "coord_source",
    "hours_note",
    "interest_basis",
    "url",
    "notes",
    "visit_minutes_source",
    "opening_hours_source",
    "season_source",
    "active_hours_source",
    "fee_source",
    "status_title",
    "status_source",
)


def _check_id(value: str, what: str = "id") -> None:
    if not isinstance(value, str) or not _ID.match(value):
        raise DataError(
            f"{value!r} is not a valid id: use lower-case letters, digits, '-' or '_' "
            "(e.g. 'bat-trang')",
            field=what,
        )


def check_position(lat: float, lon: float) -> None:
    """Raise :class:`DataError` naming ``lat`` or ``lon`` unless both are degrees in range."""
    for name, value, limit in (("lat", lat, 90.0), ("lon", lon, 180.0)):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise DataError(f"{name} must be a number, got {value!r}", field=name)
        if not math.isfinite(value) or not -limit <= value <= limit:
            raise DataError(
                f"{name} {value} is out of range (-{limit:g} to {limit:g} degrees)", field=name
            )


def _check_choice(value: str, choices: tuple[str, ...], what: str) -> None:
    if value not in choices:
        raise DataError(f"{value!r} is not one of {', '.join(choices)}", field=what)


@dataclass(frozen=True)
class Bounds:
    """A latitude/longitude box used to catch misplaced or swapped coordinates."""

    name: str
    min_lat: float
    max_lat: float
    min_lon: float
    max_lon: float

    def contains(self, lat: float, lon: float) -> bool:
        """True when the point lies inside the box."""
        return self.min_lat <= lat <= self.max_lat and self.min_lon <= lon <= self.max_lon


VIETNAM_BOUNDS = Bounds("Vietnam", 8.0, 23.5, 102.0, 110.0)
"""Mainland Vietnam's bounding box: villages outside it are refused as misplaced."""


@dataclass(frozen=True)
class Place:
    """A named point: a hotel, a start point, a geocoded address.

    Parameters
    ----------
    id
        Unique, stable identifier (lower case, ``-`` and ``_`` allowed).
    name
        Display name, in Vietnamese where it has one (with diacritics).
    lat, lon
        WGS-84 latitude and longitude in degrees.
    name_en
        English name, if different.
    coord_kind
        What the coordinate points at (see :data:`CoordKind`).
    coord_precision_m
        Estimated error of the coordinate in metres, if known.
    coord_source
        Where the coordinate comes from.
    notes
        Free text.

    Examples
    --------
    >>> Place("hotel", "Khách sạn", 21.03, 105.85).lat
    21.03
    >>> Place("hotel", "Khách sạn", 121.03, 105.85)
    Traceback (most recent call last):
    ...
    tourplan.exceptions.DataError: field 'lat': lat 121.03 is out of range (-90 to 90 degrees)
    """

    id: str
    name: str
    lat: float
    lon: float
    name_en: str = ""
    coord_kind: CoordKind = "user"
    coord_precision_m: int | None = None
    coord_source: str = ""
    notes: str = ""

    def __post_init__(self) -> None:
        _check_id(self.id)
        if not self.name.strip():
            raise DataError(f"place {self.id!r} has an empty name", field="name")
        check_position(self.lat, self.lon)
        _check_choice(self.coord_kind, COORD_KINDS, "coord_kind")
        if self.coord_precision_m is not None and self.coord_precision_m < 0:
            raise DataError("coord_precision_m must not be negative", field="coord_precision_m")


@dataclass(frozen=True)
class Village:
    """A craft village (or any visitable site) with what a trip planner needs to know.

    Parameters
    ----------
    id
        Unique, stable identifier, e.g. ``"bat-trang"``.
    name_vi, name_en
        Vietnamese name (with diacritics) and English name.
    lat, lon
        WGS-84 latitude and longitude in degrees.
    visit_minutes
        How long a visit lasts, in minutes (> 0).
    opening_hours
        When visits may take place; a visit must fit inside one open span.
    interest
        How rewarding a visit is, 1 (least) to 100 (most).
    craft_vi, craft_en
        The craft in Vietnamese and English.
    themes
        Theme tags from :data:`THEMES`, stored sorted and without repeats; a single string
        is taken as one theme (``themes="ceramics"`` is ``themes=("ceramics",)``).
    old_district, commune_2025
        The district before and the commune after Hanoi's 1 July 2025 reorganisation.
    coord_kind, coord_precision_m, coord_source
        What the coordinate points at, its estimated error in metres, and its source.
    confidence
        How far to trust the row as a whole.
    visit_minutes_origin, opening_hours_origin
        Whether the value comes from a source or is a documented default.
    hours_note
        What sources say about hours, markets, festivals or bookings.
    interest_basis
        Why the interest score is what it is.
    url
        A page about the village.
    notes
        Free text (sources, caveats).
    kind
        ``"village"`` for a craft village, else the kind of sight (see :data:`Kind`).
    short_minutes, long_minutes
        A quick look and a long, hands-on stay, in minutes; ``visit_minutes`` is the typical
        visit. ``None`` when no source gives one (the planner then uses its defaults).
        When given, ``short_minutes <= visit_minutes <= long_minutes``.
    visit_minutes_source
        Where the three visit lengths come from (citations with URLs); empty for defaults.
    opening_hours_source
        Where the opening hours come from; empty when they are a default.
    season_months
        Months (1-12) when the craft is active or at its best; empty means all year.
    active_hours
        Hours of the day when the work can be seen (e.g. sticky rice cooked from 16:00);
        ``None`` when the work can be seen whenever the place is open.
    season_source, active_hours_source
        Where ``season_months`` and ``active_hours`` come from.
    fee_vnd
        Entrance fee for an adult, in Vietnamese đồng; ``None`` when unknown, 0 when free.
    fee_source
        Where the fee comes from, with what it covers.
    status, status_year, status_title, status_source
        The city's title for the village (:data:`Status`), the year it was given or
        proposed for removal, the title as the source words it, and the source's URL;
        ``""`` / ``None`` when a file does not say.

    Examples
    --------
    >>> v = Village("x", "Làng X", "X village", 21.0, 105.8, visit_minutes=60,
    ...             opening_hours=OpeningHours.parse("Mo-Su 08:00-17:00"), interest=50)
    >>> v.name
    'Làng X'
    """

    id: str
    name_vi: str
    name_en: str
    lat: float
    lon: float
    visit_minutes: int
    opening_hours: OpeningHours
    interest: int
    craft_vi: str = ""
    craft_en: str = ""
    themes: tuple[str, ...] = ()
    old_district: str = ""
    commune_2025: str = ""
    coord_kind: CoordKind = "user"
    coord_precision_m: int | None = None
    coord_source: str = ""
    confidence: Confidence = "medium"
    visit_minutes_origin: Origin = "source"
    opening_hours_origin: Origin = "source"
    hours_note: str = ""
    interest_basis: str = ""
    url: str = ""
    notes: str = field(default="", compare=True)
    kind: Kind = "village"
    short_minutes: int | None = None
    long_minutes: int | None = None
    visit_minutes_source: str = ""
    opening_hours_source: str = ""
    season_months: frozenset[int] = frozenset()
    active_hours: OpeningHours | None = None
    season_source: str = ""
    active_hours_source: str = ""
    fee_vnd: int | None = None
    fee_source: str = ""
    status: Status = ""
    status_year: int | None = None
    status_title: str = ""
    status_source: str = ""

    def __post_init__(self) -> None:
        _check_id(self.id)
        _check_choice(self.status, STATUSES, "status")
        # surrounding whitespace is noise (loaders strip cells); drop it here too, so that
        # saving and loading a village gives an equal village
        for name in _VILLAGE_TEXT_FIELDS:
            value = getattr(self, name)
            if isinstance(value, str) and value != value.strip():
                object.__setattr__(self, name, value.strip())
        if not self.name_vi.strip():
            raise DataError(f"village {self.id!r} has an empty name_vi", field="name_vi")
        check_position(self.lat, self.lon)
        if isinstance(self.visit_minutes, bool) or not isinstance(self.visit_minutes, int):
            raise DataError(
                f"visit_minutes must be a whole number of minutes, got {self.visit_minutes!r}",
                field="visit_minutes",
            )
        if self.visit_minutes <= 0:
            raise DataError(
                f"visit_minutes must be positive, got {self.visit_minutes}", field="visit_minutes"
            )
        if not isinstance(self.opening_hours, OpeningHours):
            raise DataError("opening_hours must be an OpeningHours value", field="opening_hours")
        if isinstance(self.interest, bool) or not isinstance(self.interest, int):
            raise DataError(
                f"interest must be a whole number, got {self.interest!r}", field="interest"
            )
        if not 1 <= self.interest <= 100:
            raise DataError(f"interest must be 1 to 100, got {self.interest}", field="interest")
        themes: object = self.themes
        if isinstance(themes, str):  # one theme, not its letters
            object.__setattr__(self, "themes", (themes,))
        unknown = [t for t in self.themes if t not in THEMES]
        if unknown:
            raise DataError(
                f"unknown theme(s) {', '.join(unknown)}; known themes: {', '.join(THEMES)}",
                field="themes",
            )
        if list(self.themes) != sorted(set(self.themes)):
            object.__setattr__(self, "themes", tuple(sorted(set(self.themes))))
        _check_choice(self.coord_kind, COORD_KINDS, "coord_kind")
        _check_choice(self.confidence, CONFIDENCES, "confidence")
        _check_choice(self.visit_minutes_origin, ORIGINS, "visit_minutes_origin")
        _check_choice(self.opening_hours_origin, ORIGINS, "opening_hours_origin")
        if self.coord_precision_m is not None and self.coord_precision_m < 0:
            raise DataError("coord_precision_m must not be negative", field="coord_precision_m")
        _check_choice(self.kind, KINDS, "kind")
        self._check_visit_lengths()
        months: object = self.season_months
        if not isinstance(months, frozenset):
            if not isinstance(months, set | tuple | list):
                raise DataError(
                    f"season_months must be a set of months 1-12, got {months!r}",
                    field="season_months",
                )
            object.__setattr__(self, "season_months", frozenset(months))
        bad = [m for m in self.season_months if isinstance(m, bool) or m not in range(1, 13)]
        if bad:
            raise DataError(
                f"season_months must be months 1-12, got {bad!r}", field="season_months"
            )
        if self.active_hours is not None and not isinstance(self.active_hours, OpeningHours):
            raise DataError("active_hours must be an OpeningHours value", field="active_hours")
        if self.fee_vnd is not None and (
            isinstance(self.fee_vnd, bool) or not isinstance(self.fee_vnd, int) or self.fee_vnd < 0
        ):
            raise DataError(
                f"fee_vnd must be a whole number of đồng, 0 or more, got {self.fee_vnd!r}",
                field="fee_vnd",
            )

    def _check_visit_lengths(self) -> None:
        for name in ("short_minutes", "long_minutes"):
            value = getattr(self, name)
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                raise DataError(
                    f"{name} must be a positive whole number of minutes, got {value!r}",
                    field=name,
                )
        if self.short_minutes is not None and self.short_minutes > self.visit_minutes:
            raise DataError(
                f"short_minutes {self.short_minutes} is longer than visit_minutes "
                f"{self.visit_minutes}",
                field="short_minutes",
            )
        if self.long_minutes is not None and self.long_minutes < self.visit_minutes:
            raise DataError(
                f"long_minutes {self.long_minutes} is shorter than visit_minutes "
                f"{self.visit_minutes}",
                field="long_minutes",
            )

    @property
    def name(self) -> str:
        """The display name: the Vietnamese name."""
        return self.name_vi

    @property
    def hours_confirmed(self) -> bool:
        """True when a source gives the opening hours (days and clock times).

        False when they are a default, wholly or in part (``opening_hours_origin`` is
        ``default`` or ``source+default``): a plan then says "hours not confirmed".
        """
        return self.opening_hours_origin == "source"

    @property
    def commune(self) -> str:
        """The 2025 commune's name alone (``Xã Bát Tràng``), without the sources and notes
        ``commune_2025`` carries in brackets or parentheses; empty when the reorganisation
        split the village's old commune (``commune_2025`` starts with "Split") or none is
        known."""
        text = self.commune_2025.strip()
        if text.lower().startswith("split"):
            return ""
        return re.split(r"\s*[\[(;]", text, maxsplit=1)[0].strip()

    @property
    def is_sight(self) -> bool:
        """True for a sight (pagoda, temple, museum, show, market), False for a village."""
        return self.kind != "village"

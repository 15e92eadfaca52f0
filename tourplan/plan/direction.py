"""A day's direction out of town: which stops lie the other side of the start from the day's aim.

A guide sells a day in one direction out of town: the south-west (Chuông, a pagoda of Chương
Mỹ), the east bank (Bát Tràng, Kim Lan), the far west (Đường Lâm, Tây Phương). A day that
goes east and then west passes back by the town between its stops: it is two half-day trips
sold as one, and the traveller sees the city's ring roads twice instead of one countryside.
The travel estimate does not see this (the road from Bát Tràng to a pagoda of Chương Mỹ is
costed like any other 25 km), so the value model does (docs/value.md §10):

- the day's **directions** are its must-visit places out of town (the traveller asked to go
  there: the day goes that way), or, when it has none, its most valuable stop;
- a stop out of town whose angle at the start with *any* direction exceeds 90 degrees is
  **off the day's direction**: the start (the town) lies on the way between them
  (``|ab|² > |sa|² + |sb|²``), and the stop keeps
  :attr:`~tourplan.plan.value.ValueModel.direction_factor` of its value (with two must-visits
  out of town, a stop on the way to one but the other side of town from the other still
  crosses town between them);
- a place within :attr:`~tourplan.plan.value.ValueModel.town_km` of the start is in town: it
  has no direction of its own and is never off it (a pagoda in the old quarter pairs with
  any day).

Must-visit places are never discounted (they are planned whatever their value). Distances use
a local flat projection around the start (errors well under 1 % within 100 km). No words here.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Protocol

from .value import ValueModel

__all__ = [
    "Located",
    "direction_factors",
    "directions",
    "off_direction",
    "offset_km",
    "out_of_town",
]

_KM_PER_DEGREE = 111.195
"""Kilometres per degree of latitude (and of longitude at the equator), on a sphere of the
mean Earth radius 6371 km."""


class Located(Protocol):
    """Anything with a WGS-84 latitude and longitude in degrees (a place, a village)."""

    @property
    def lat(self) -> float: ...  # pragma: no cover - a protocol

    @property
    def lon(self) -> float: ...  # pragma: no cover - a protocol


def offset_km(start: Located, place: Located) -> tuple[float, float]:
    """``place`` as (east, north) kilometres from ``start``, in a flat projection around it.

    Examples
    --------
    >>> from tourplan.model import Place
    >>> east, north = offset_km(Place("s", "S", 21.0, 105.8), Place("p", "P", 21.1, 105.8))
    >>> round(east, 3), round(north, 2)
    (0.0, 11.12)
    """
    east = (place.lon - start.lon) * _KM_PER_DEGREE * math.cos(math.radians(start.lat))
    north = (place.lat - start.lat) * _KM_PER_DEGREE
    return east, north


def out_of_town(start: Located, place: Located, town_km: float) -> bool:
    """Whether ``place`` lies farther than ``town_km`` from ``start`` (it has a direction)."""
    east, north = offset_km(start, place)
    return math.hypot(east, north) > town_km


def _apart(start: Located, a: Located, b: Located) -> bool:
    """Whether the angle at ``start`` between ``a`` and ``b`` exceeds 90 degrees."""
    ax, ay = offset_km(start, a)
    bx, by = offset_km(start, b)
    return ax * bx + ay * by < 0


def directions(
    start: Located,
    places: Sequence[Located],
    required: Sequence[bool],
    values: Sequence[float],
    town_km: float,
) -> list[int]:
    """The indices of the places that give a day its direction.

    The required places out of town when there are any; else the most valuable place out of
    town (the first of equal ones); else none (a day in town has no direction).

    Examples
    --------
    >>> from tourplan.model import Place
    >>> s = Place("s", "S", 21.0, 105.8)
    >>> east, west = Place("e", "E", 21.0, 106.0), Place("w", "W", 21.0, 105.6)
    >>> directions(s, [east, west], [False, True], [90, 10], 5.0)
    [1]
    >>> directions(s, [east, west], [False, False], [90, 10], 5.0)
    [0]
    """
    away = [i for i, p in enumerate(places) if out_of_town(start, p, town_km)]
    asked = [i for i in away if required[i]]
    if asked:
        return asked
    if not away:
        return []
    return [max(away, key=lambda i: (values[i], -i))]


def off_direction(
    start: Located,
    places: Sequence[Located],
    aims: Sequence[Located],
    required: Sequence[bool],
    town_km: float,
) -> list[bool]:
    """For each place, whether it lies off the day's direction given by ``aims``.

    A place is off when it is out of town, not required, and its angle at ``start`` with any
    of ``aims`` exceeds 90 degrees. With no aims nothing is off.

    Examples
    --------
    >>> from tourplan.model import Place
    >>> s = Place("s", "S", 21.0, 105.8)
    >>> east, west = Place("e", "E", 21.0, 106.0), Place("w", "W", 21.0, 105.6)
    >>> south_west = Place("sw", "SW", 20.8, 105.7)
    >>> off_direction(s, [east, south_west], [west], [False, False], 5.0)
    [True, False]
    >>> south_east = Place("se", "SE", 20.8, 105.9)
    >>> off_direction(s, [south_east], [south_west, west], [False], 5.0)  # over 90° from west
    [True]
    """
    return [
        bool(aims)
        and not required[k]
        and out_of_town(start, place, town_km)
        and any(_apart(start, place, aim) for aim in aims)
        for k, place in enumerate(places)
    ]


def direction_factors(
    start: Located,
    places: Sequence[Located],
    required: Sequence[bool],
    values: Sequence[float],
    model: ValueModel,
) -> list[float]:
    """The share of its value each of a day's places keeps for the day's direction:
    ``model.direction_factor`` for a place :func:`off_direction` of the day's
    :func:`directions` (its must-visits out of town, else its most valuable place by
    ``values``), 1 for the others."""
    aims = [places[i] for i in directions(start, places, required, values, model.town_km)]
    off = off_direction(start, places, aims, required, model.town_km)
    return [model.direction_factor if o else 1.0 for o in off]

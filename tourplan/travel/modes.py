"""Transport modes (walk, bicycle, motorbike, car, tour bus) and straight-line travel matrices.

Without a road graph a leg's time is estimated from the geodesic distance: times a detour
factor gives road metres, driven at a speed that depends on how far into the trip you are
(slow town streets first, faster rural roads beyond), plus a fixed access time per leg for
parking and walking in. Every default is explained, with its source, in ``docs/travel.md``.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import numpy as np
import numpy.typing as npt

from ..exceptions import DataError
from ..geodesic import geodesic_matrix_m
from .matrix import Located, TravelMatrix

__all__ = ["MODES", "TransportMode", "get_mode", "travel_matrix"]

SpeedBands = tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class TransportMode:
    """How one kind of traveller moves: speeds by distance band, detour, access time.

    Parameters
    ----------
    name
        Short identifier, e.g. ``"car"``.
    speed_bands
        ``(up_to_km, kmh)`` pairs in increasing ``up_to_km``; the last must be ``math.inf``.
        The first ``up_to_km`` kilometres of road are covered at the first speed, the next
        stretch at the second, and so on (like tax brackets), so the time grows
        continuously with distance and long trips reach rural speeds.
    detour_factor
        Road distance divided by straight-line distance (circuity), at least 1.
    access_seconds
        Fixed time added once per leg between two different places: parking, locking a
        bike, walking from the parking place into the village.
    description
        A sentence on who travels this way and under what assumptions.

    Examples
    --------
    >>> car = get_mode("car")
    >>> car.road_seconds(8_000.0) / 60  # 8 km of town road at 20 km/h
    24.0
    >>> slow = car.replace(speed_bands=((math.inf, 15.0),), access_seconds=0)
    >>> slow.road_seconds(3_000.0) / 60
    12.0
    """

    name: str
    speed_bands: SpeedBands
    detour_factor: float = 1.3
    access_seconds: int = 0
    description: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise DataError("a transport mode needs a non-empty name", field="name")
        try:
            bands = tuple((float(up_to), float(kmh)) for up_to, kmh in self.speed_bands)
        except (TypeError, ValueError) as exc:
            raise DataError(
                f"mode '{self.name}': speed_bands must be (up_to_km, kmh) pairs: {exc}",
                field="speed_bands",
            ) from exc
        if not bands:
            raise DataError(
                f"mode '{self.name}' needs at least one speed band", field="speed_bands"
            )
        for up_to, kmh in bands:
            if not (math.isfinite(kmh) and kmh > 0):
                raise DataError(
                    f"mode '{self.name}': speed must be a positive number of km/h, got {kmh}",
                    field="speed_bands",
                )
            if not up_to > 0:
                raise DataError(
                    f"mode '{self.name}': band limit must be positive km, got {up_to}",
                    field="speed_bands",
                )
        limits = [up_to for up_to, _ in bands]
        if any(b <= a for a, b in itertools.pairwise(limits)):
            raise DataError(
                f"mode '{self.name}': band limits must increase, got {limits}", field="speed_bands"
            )
        if limits[-1] != math.inf:
            raise DataError(
                f"mode '{self.name}': the last band must run to math.inf km, got {limits[-1]}",
                field="speed_bands",
            )
        detour = float(self.detour_factor)
        if not (math.isfinite(detour) and detour >= 1):
            raise DataError(
                f"mode '{self.name}': detour_factor must be at least 1 (road ≥ straight line), "
                f"got {self.detour_factor}",
                field="detour_factor",
            )
        access = self.access_seconds
        if isinstance(access, bool) or not isinstance(access, (int, np.integer)) or access < 0:
            raise DataError(
                f"mode '{self.name}': access_seconds must be a non-negative whole number of "
                f"seconds, got {access!r}",
                field="access_seconds",
            )
        object.__setattr__(self, "speed_bands", bands)
        object.__setattr__(self, "detour_factor", detour)
        object.__setattr__(self, "access_seconds", int(access))

    def replace(self, **changes: Any) -> TransportMode:
        """Return a copy with some fields overridden (validated like the original)."""
        unknown = set(changes) - {f.name for f in dataclasses.fields(self)}
        if unknown:
            raise DataError(
                f"mode '{self.name}' has no setting {', '.join(sorted(unknown))}; "
                "use name, speed_bands, detour_factor, access_seconds or description"
            )
        return dataclasses.replace(self, **changes)

    def road_seconds(self, road_m: Any) -> Any:
        """Return the driving time in (fractional) seconds over ``road_m`` metres of road.

        Works on a number or on a numpy array of distances; access time is not included.
        """
        km = np.asarray(road_m, dtype=np.float64) / 1000.0
        hours = np.zeros_like(km)
        lower = 0.0
        for up_to, kmh in self.speed_bands:
            hours += np.clip(km - lower, 0.0, up_to - lower) / kmh
            lower = up_to
        seconds = hours * 3600.0
        return float(seconds) if seconds.ndim == 0 else seconds

    def leg_seconds(self, straight_m: float) -> int:
        """Return the whole seconds of one leg between different places ``straight_m`` apart."""
        return (
            round(float(self.road_seconds(straight_m * self.detour_factor))) + self.access_seconds
        )


_KM_INF = math.inf

MODES: Mapping[str, TransportMode] = MappingProxyType(
    {
        mode.name: mode
        for mode in (
            TransportMode(
                name="walk",
                speed_bands=((_KM_INF, 4.5),),
                detour_factor=1.3,
                access_seconds=0,
                description="on foot on village lanes and busy pavements",
            ),
            TransportMode(
                name="bicycle",
                speed_bands=((5.0, 12.0), (_KM_INF, 15.0)),
                detour_factor=1.3,
                access_seconds=120,
                description="leisure cycling, e.g. a rented city bike; 2 min to lock and unlock",
            ),
            TransportMode(
                name="motorbike",
                speed_bands=((8.0, 22.0), (_KM_INF, 35.0)),
                detour_factor=1.25,
                access_seconds=180,
                description="a scooter or a xe ôm; uses alleys; 3 min at a paid parking spot",
            ),
            TransportMode(
                name="car",
                speed_bands=((8.0, 20.0), (_KM_INF, 40.0)),
                detour_factor=1.35,
                access_seconds=300,
                description="a private car or taxi with driver; 5 min to park and walk in",
            ),
            TransportMode(
                name="bus",
                speed_bands=((8.0, 18.0), (_KM_INF, 35.0)),
                detour_factor=1.4,
                access_seconds=600,
                description="a 29–45 seat tour coach on main roads; 10 min to park and unload",
            ),
        )
    }
)
"""The built-in modes by name; see ``docs/travel.md`` for where each number comes from."""

_ALIASES = {"foot": "walk", "bike": "bicycle", "scooter": "motorbike", "taxi": "car"}
_ALIASES |= {"tour bus": "bus", "tour_bus": "bus", "coach": "bus"}


def get_mode(name: str | TransportMode) -> TransportMode:
    """Return the built-in mode called ``name`` (case-insensitive), or ``name`` if a mode.

    Raises
    ------
    DataError
        If no mode has that name; the message lists the known ones.

    Examples
    --------
    >>> get_mode("Tour bus").name
    'bus'
    """
    if isinstance(name, TransportMode):
        return name
    key = str(name).strip().lower()
    key = _ALIASES.get(key, key)
    try:
        return MODES[key]
    except KeyError:
        raise DataError(
            f"unknown transport mode '{name}'; known modes: {', '.join(sorted(MODES))}",
            field="mode",
        ) from None


def travel_matrix(
    places: Iterable[Located], mode: str | TransportMode = "car", **overrides: Any
) -> TravelMatrix:
    """Return straight-line-based travel times between places for a transport mode.

    Parameters
    ----------
    places
        Objects with ``id``, ``name``, ``lat`` and ``lon``.
    mode
        A built-in mode name (see :data:`MODES`) or a :class:`TransportMode`.
    **overrides
        Fields of the mode to override, e.g. ``detour_factor=1.5``.

    Returns
    -------
    TravelMatrix
        Whole seconds (banded driving time over geodesic × detour, plus access time off the
        diagonal) and road metres (geodesic × detour).

    Examples
    --------
    >>> from types import SimpleNamespace as P
    >>> a = P(id="a", name="A", lat=21.0, lon=105.8)
    >>> b = P(id="b", name="B", lat=21.1, lon=105.8)
    >>> m = travel_matrix([a, b], "car", access_seconds=0)
    >>> m.seconds_between("a", "b"), round(m.metres_between("a", "b") or 0)
    (2065, 14947)
    """
    chosen = get_mode(mode)
    if overrides:
        chosen = chosen.replace(**overrides)
    items = list(places)
    straight = geodesic_matrix_m([p.lat for p in items], [p.lon for p in items])
    road_m: npt.NDArray[np.float64] = straight * chosen.detour_factor
    seconds = np.rint(chosen.road_seconds(road_m)).astype(np.int64)
    seconds += chosen.access_seconds
    np.fill_diagonal(seconds, 0)
    bands = ", ".join(
        f"{kmh:g} km/h"
        + (f" up to {up_to:g} km" if math.isfinite(up_to) else " beyond" if k else "")
        for k, (up_to, kmh) in enumerate(chosen.speed_bands)
    )
    return TravelMatrix(
        ids=tuple(p.id for p in items),
        seconds=seconds,
        metres=road_m,
        mode=chosen.name,
        description=(
            f"{chosen.name}: geodesic distance × {chosen.detour_factor:g} detour, {bands}, "
            f"+{chosen.access_seconds} s access per leg"
        ),
    )

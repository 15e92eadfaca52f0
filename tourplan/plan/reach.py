"""The day's two ends: resolved in the field that named them, and within a day's journey.

:func:`~tourplan.plan.problem.build_problem` resolves ``start`` and ``end`` here (a position
outside Vietnam is blamed on the field that gave it, not on a "place") and refuses, with one
rule for both ends, a request whose days cannot even make their journey: from the start to
the end, or from the start to the nearest village it could visit, or (on a day that returns
to its start) to the nearest village of the data and back, longer than the day window.
Without that, a start hundreds of kilometres away planned empty days as if it were a choice.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from ..exceptions import DataError
from ..geocode import PlaceResolver, resolve_place
from ..geodesic import geodesic_pairs_m
from ..model import Place, Village
from ..travel import get_mode
from .request import TripRequest

__all__ = ["check_reach", "resolve_ends"]


def resolve_ends(request: TripRequest, resolver: PlaceResolver) -> tuple[Place, Place]:
    """The start and end places of ``request`` (the end is the start unless given).

    Raises
    ------
    DataError
        A position outside the resolver's bounds, naming ``start`` or ``end``.
    UnknownPlaceError, GeocodingError
        As :meth:`~tourplan.geocode.PlaceResolver.resolve`.
    """
    start = resolve_place(resolver, request.start, "start")
    end = start if request.end is None else resolve_place(resolver, request.end, "end")
    return start, end


def _refuse_longer_than_the_day(
    journey: str, minutes: int, request: TripRequest, mode: str, field: str
) -> None:
    if minutes > request.day_minutes:
        raise DataError(
            f"{journey} takes {minutes} min (mode {mode}), longer than the day window "
            f"{request.day_start:%H:%M}-{request.day_end:%H:%M} ({request.day_minutes} min)",
            field=field,
        )


def check_reach(
    seconds: npt.NDArray[np.int64],
    request: TripRequest,
    mode: str,
    start: Place,
    end: Place | None,
    candidates: Sequence[Village],
    villages: Sequence[Village] = (),
) -> None:
    """Refuse a day that cannot make its journey: to its end, or to any village at all.

    A day that returns to its start must also make the journey there and back to the
    nearest of all ``villages`` (worth a stop on this request or not): a start further out
    is outside the area of the data, however the request values its places.

    Parameters
    ----------
    seconds
        The travel times in seconds: the start at index 0, then the end when it is
        elsewhere, then the candidates in order.
    request
        The request (its day window).
    mode
        The transport mode's name, for the message.
    start, end
        The resolved start, and the end when the day ends elsewhere (else ``None``).
    candidates
        The villages offered (open on some date and worth a stop); none: nothing to reach.
    villages
        Every village of the data, for the journey there and back (straight-line estimate
        of ``mode``, as when no road graph is given).

    Raises
    ------
    DataError
        Naming ``start`` when even the nearest candidate is further from the start than the
        day is long, or the nearest village there and back (on a day that returns to its
        start); ``end`` when the end is further from the start than the day is long.
    """
    if end is None and villages:
        closest, minutes = _nearest_there_and_back(start, villages, mode)
        _refuse_longer_than_the_day(
            f"the journey from {start.name} to the nearest village, {closest.name}, and back",
            minutes,
            request,
            mode,
            "start",
        )
    first = 1 if end is None else 2  # where the candidates begin in ``seconds``
    if candidates:
        nearest = min(range(len(candidates)), key=lambda i: int(seconds[0, first + i]))
        _refuse_longer_than_the_day(
            f"the journey from {start.name} to the nearest village, {candidates[nearest].name},",
            int(seconds[0, first + nearest]) // 60,
            request,
            mode,
            "start",
        )
    if end is not None:  # every day goes from the start to the end, with or without stops
        journey = f"the journey from {start.name} to {end.name}"
        _refuse_longer_than_the_day(journey, int(seconds[0, 1]) // 60, request, mode, "end")


def _nearest_there_and_back(
    start: Place, villages: Sequence[Village], mode: str
) -> tuple[Village, int]:
    """The village nearest ``start`` and the whole minutes there and back by ``mode``'s
    straight-line estimate (each way rounded up to a minute, as the travel times are)."""
    chosen = get_mode(mode)
    lats = np.array([v.lat for v in villages], dtype=np.float64)
    lons = np.array([v.lon for v in villages], dtype=np.float64)
    straight = geodesic_pairs_m(
        np.full_like(lats, start.lat), np.full_like(lons, start.lon), lats, lons
    )
    i = int(np.argmin(straight))
    seconds = 0 if straight[i] == 0 else chosen.leg_seconds(float(straight[i]))
    return villages[i], 2 * ((seconds + 59) // 60)

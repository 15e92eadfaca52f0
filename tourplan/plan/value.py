"""The value of a day: what a visit is worth for the time spent, what a stop costs, variety.

A model of what makes a day worth having, in numbers (docs/value.md argues every default):

- **Time spent, with diminishing returns.** A visit of ``t`` minutes to a place of interest
  ``I`` whose typical visit lasts ``T`` minutes is worth
  ``I * (1 - exp(-t / T)) / (1 - exp(-1))``: exactly ``I`` at the typical length, about
  ``0.62 I`` for half of it, ``1.37 I`` for twice as long, and never more than ``1.58 I``.
  The value grows with time and every extra minute adds less than the one before.
- **Lengths.** A place can be visited ``short`` (a quick look), ``typical`` or ``long`` (a
  hands-on stay). The village's sourced ``short_minutes``/``long_minutes`` are used when
  given, else :attr:`ValueModel.short_factor` and :attr:`ValueModel.long_factor` times the
  typical length (documented defaults).
- **A cost per stop.** Each stop costs :attr:`ValueModel.stop_minutes` of its own (parking,
  walking in, finding the workshop), added to the visit, and :attr:`ValueModel.stop_value`
  interest points, so two rich visits beat five thin ones.
- **Variety.** In one day, a place whose themes were all met at an earlier stop counts
  :attr:`ValueModel.repeat_factor` of its value (see :func:`day_value`).

No words here: codes and numbers only.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ..exceptions import DataError
from ..model import Village

__all__ = [
    "LENGTHS",
    "ValueModel",
    "VisitLength",
    "day_value",
    "length_minutes",
    "stop_value",
    "time_value",
]

VisitLength = Literal["short", "typical", "long"]
"""How long a place is visited: a quick look, its typical visit, or a long hands-on stay."""

LENGTHS: tuple[VisitLength, ...] = ("short", "typical", "long")
"""The visit lengths, shortest first."""

_SATURATION = 1.0 - math.exp(-1.0)


@dataclass(frozen=True)
class ValueModel:
    """The parameters of the value of a day (docs/value.md gives the sources of the defaults).

    Parameters
    ----------
    stop_minutes
        Minutes each stop costs on top of the visit: parking, walking in, finding the
        workshop. Default 15.
    stop_value
        Interest points each stop costs (the effort of one more arrival). Default 15.
    short_factor, long_factor
        A short and a long visit as a multiple of the typical length, when the village has
        no sourced ``short_minutes``/``long_minutes``. Defaults 0.5 and 2.0.
    min_minutes
        No visit is shorter than this. Default 30.
    repeat_factor
        In one day, the share of its value a place adds when each of its themes was already
        met at an earlier stop that day (0-1). Default 0.5.
    road_value
        Interest points an hour on the road costs, charged to each stop for the one-way
        journey from the day's start (an approximation of the drive a place commits the day
        to: the routing core scores visits one by one), and per hour on the road in a day's
        value. Default 30: an hour at an average village (interest about 35 for a 60-90
        minute visit) is worth about that, and an hour in the car is an hour not visiting.
    area_minutes
        A day's area: the places within this many minutes of travel of its most valuable
        place (see :mod:`tourplan.plan.areas`). Default 25.
    lengths
        The lengths offered to the planner (default all three).

    Examples
    --------
    >>> ValueModel().stop_minutes
    15
    >>> ValueModel(repeat_factor=2)
    Traceback (most recent call last):
    ...
    tourplan.exceptions.DataError: field 'repeat_factor': must be between 0 and 1, got 2
    """

    stop_minutes: int = 15
    stop_value: int = 15
    short_factor: float = 0.5
    long_factor: float = 2.0
    min_minutes: int = 30
    repeat_factor: float = 0.5
    road_value: float = 30.0
    area_minutes: int = 25
    lengths: tuple[VisitLength, ...] = LENGTHS

    def __post_init__(self) -> None:
        for name in ("stop_minutes", "stop_value", "min_minutes", "area_minutes"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise DataError(f"must be a whole number >= 0, got {value!r}", field=name)
        if self.stop_value < 1:
            raise DataError("a stop never comes for free: must be >= 1", field="stop_value")
        if not 0 < self.short_factor <= 1:
            raise DataError(f"must be in (0, 1], got {self.short_factor}", field="short_factor")
        if not self.long_factor >= 1:
            raise DataError(f"must be >= 1, got {self.long_factor}", field="long_factor")
        if not 0 <= self.repeat_factor <= 1:
            raise DataError(
                f"must be between 0 and 1, got {self.repeat_factor}", field="repeat_factor"
            )
        if not self.road_value >= 0:
            raise DataError(f"must be >= 0, got {self.road_value}", field="road_value")
        lengths = tuple(dict.fromkeys(self.lengths))
        if not lengths or any(x not in LENGTHS for x in lengths):
            raise DataError(
                f"must be some of {', '.join(LENGTHS)}, got {self.lengths!r}", field="lengths"
            )
        object.__setattr__(self, "lengths", tuple(x for x in LENGTHS if x in lengths))


def length_minutes(
    village: Village, length: VisitLength, model: ValueModel, pace_factor: float = 1.0
) -> int:
    """Minutes of a ``length`` visit to ``village`` at a pace, without the stop's own time.

    The sourced short/long lengths when the village has them, else the model's factors of
    the typical length; never below ``model.min_minutes`` (nor the typical length for a
    long visit, nor above it for a short one).

    Examples
    --------
    >>> from tourplan.hours import OpeningHours
    >>> from tourplan.model import Village
    >>> v = Village("v", "V", "V", 21.0, 105.8, 90, OpeningHours.parse("Mo-Su 08:00-17:00"), 50)
    >>> [length_minutes(v, x, ValueModel()) for x in LENGTHS]
    [45, 90, 180]
    """
    typical = village.visit_minutes
    if length == "typical":
        minutes = float(typical)
    elif length == "short":
        minutes = float(
            village.short_minutes
            if village.short_minutes is not None
            else min(typical, typical * model.short_factor)
        )
    else:
        minutes = float(
            village.long_minutes
            if village.long_minutes is not None
            else max(typical, typical * model.long_factor)
        )
    return max(model.min_minutes, 5, round(minutes * pace_factor))


def time_value(interest: float, minutes: float, typical_minutes: float) -> float:
    """What ``minutes`` at a place of ``interest`` (typical visit ``typical_minutes``) is worth.

    ``interest * (1 - exp(-minutes / typical)) / (1 - exp(-1))``: 0 for no time, ``interest``
    at the typical length, growing with time with diminishing returns.

    Examples
    --------
    >>> round(time_value(60, 90, 90), 6)
    60.0
    >>> time_value(60, 45, 90) < 60 < time_value(60, 180, 90)
    True
    """
    if minutes <= 0 or interest <= 0:
        return 0.0
    return interest * (1.0 - math.exp(-minutes / max(1.0, typical_minutes))) / _SATURATION


def stop_value(
    village: Village,
    minutes: float,
    model: ValueModel,
    interest: float | None = None,
    pace_factor: float = 1.0,
) -> float:
    """The net value of one stop: the value of its visit time, less the stop's own cost.

    ``minutes`` is the visit itself (without ``model.stop_minutes``); ``interest`` defaults
    to the village's (the planner passes it with a theme bonus applied). May be negative: a
    stop that is not worth its cost.
    """
    base = village.interest if interest is None else interest
    return time_value(base, minutes, village.visit_minutes * pace_factor) - model.stop_value


def day_value(
    stops: Sequence[tuple[Village, float]],
    model: ValueModel,
    interests: Sequence[float] | None = None,
    pace_factor: float = 1.0,
) -> float:
    """The value of one day's stops, in order: each ``(village, visit minutes)``.

    Each stop adds its :func:`stop_value`; a stop whose themes were all met at an earlier
    stop of the day adds ``model.repeat_factor`` of its time value (its stop cost in full).
    """
    seen: set[str] = set()
    total = 0.0
    for k, (village, minutes) in enumerate(stops):
        interest = village.interest if interests is None else interests[k]
        worth = time_value(interest, minutes, village.visit_minutes * pace_factor)
        themes = set(village.themes)
        if themes and themes <= seen:
            worth *= model.repeat_factor
        seen |= themes
        total += worth - model.stop_value
    return total

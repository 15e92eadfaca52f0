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
  :attr:`ValueModel.repeat_factor` of its value (see :func:`day_value`); on a day with asked
  themes only the asked themes a place carries count (:func:`counted_themes`).
- **Asked themes.** On a day with asked themes, a place carrying none of them keeps
  :attr:`ValueModel.off_theme_factor` of its value (see :mod:`tourplan.plan.offers`).
- **One direction a day.** A stop the other side of town from the day's must-visits (or its
  best stop) keeps :attr:`ValueModel.direction_factor` of its value (see
  :mod:`tourplan.plan.direction`).
- **Seasons and times of day.** A visit out of the place's season counts
  :attr:`ValueModel.season_factor` of its value, one outside its active hours (sticky rice is
  cooked from 16:00) :attr:`ValueModel.active_factor` (see :func:`caveats`, :func:`visit_factor`).

No words here: codes and numbers only.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Literal

from ..exceptions import DataError
from ..model import Village, active_spans, in_season

__all__ = [
    "LENGTHS",
    "SIZE_MINUTES",
    "Caveat",
    "ValueModel",
    "VisitLength",
    "caveats",
    "counted_themes",
    "day_value",
    "length_minutes",
    "size_factor",
    "stop_value",
    "time_value",
    "visit_factor",
]

VisitLength = Literal["short", "typical", "long"]
"""How long a place is visited: a quick look, its typical visit, or a long hands-on stay."""

LENGTHS: tuple[VisitLength, ...] = ("short", "typical", "long")
"""The visit lengths, shortest first."""

Caveat = Literal["out_of_season", "outside_active_hours"]
"""Why a visit is worth less than the place at its best:

- ``out_of_season``: the date is outside the place's season (``Village.season_months``);
- ``outside_active_hours``: in season, but the visit starts when the work is not seen
  (``Village.active_hours``, e.g. sticky rice cooked from 16:00).
"""

_SATURATION = 1.0 - math.exp(-1.0)

SIZE_MINUTES = 90
"""The typical visit at which a place is worth its interest (:attr:`ValueModel.size_weight`):
the data's default typical visit of a craft village (``data/README.md``)."""


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
        Interest points an hour on the road costs in a day's value: the day's road is paid
        once, whatever the number of stops (see :mod:`tourplan.plan.areas`). Default 20:
        the published tours sell 1.5 h each way for a day at a headline place (docs/value.md).
    season_factor
        The share of its value a visit keeps out of the place's season (0-1). Default 0.25.
    active_factor
        The share of its value a visit keeps when it starts outside the place's active hours
        (0-1). Default 0.5.
    sight_factor
        The share of its value a sight (a pagoda, temple, museum, show: not a craft village)
        keeps in the free choice (0-1; a theme bonus still applies); a must-visit sight is
        planned whatever its value. Default 0.5: tourplan plans craft-village trips,
        and the published tours pair sights with villages rather than fill a day with them
        (docs/value.md).
    off_theme_factor
        On a day with asked themes, the share of its value a place that carries none of them
        keeps (0-1). Default 0.5: what the traveller asked for comes first; a place off the
        theme is a filler, worth half (docs/value.md).
    size_weight
        How much more a place whose typical visit is longer is worth at that visit: its
        interest times ``(visit_minutes / SIZE_MINUTES) ** size_weight`` (0-1; 0: interest
        alone). Default 0.5: a place guides give three hours holds more than one they give an
        hour and a half, with diminishing returns (docs/value.md).
    direction_factor
        The share of its value a stop keeps when it lies off the day's direction out of town
        (0-1; the start between it and the day's must-visits or best stop, see
        :mod:`tourplan.plan.direction`). Default 0.5: a guide sells one direction a day; a
        stop the other side of town is a second trip glued to the first (docs/value.md §10).
    town_km
        A place within this many kilometres of the day's start is in town: it has no
        direction of its own (:mod:`tourplan.plan.direction`). Default 5.
    area_minutes
        A day's area: the places within this many minutes of travel of its most valuable
        place (see :mod:`tourplan.plan.areas`). Default 25.
    split_minutes
        A place whose long visit lasts this long or longer (a day in Đường Lâm) can be
        visited in two parts, before and after lunch, counted as one visit. Default 240.
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
    road_value: float = 20.0
    season_factor: float = 0.25
    active_factor: float = 0.5
    sight_factor: float = 0.5
    off_theme_factor: float = 0.5
    size_weight: float = 0.5
    direction_factor: float = 0.5
    town_km: float = 5.0
    area_minutes: int = 25
    split_minutes: int = 240
    lengths: tuple[VisitLength, ...] = LENGTHS

    def __post_init__(self) -> None:
        for name in ("stop_minutes", "stop_value", "min_minutes", "area_minutes", "split_minutes"):
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
        for name in (
            "season_factor",
            "active_factor",
            "sight_factor",
            "off_theme_factor",
            "size_weight",
            "direction_factor",
        ):
            if not 0 <= getattr(self, name) <= 1:
                raise DataError(f"must be between 0 and 1, got {getattr(self, name)}", field=name)
        if not self.town_km >= 0:
            raise DataError(f"must be >= 0, got {self.town_km}", field="town_km")
        if not self.road_value >= 0:
            raise DataError(f"must be >= 0, got {self.road_value}", field="road_value")
        lengths = tuple(dict.fromkeys(self.lengths))
        if not lengths or any(x not in LENGTHS for x in lengths):
            raise DataError(
                f"must be some of {', '.join(LENGTHS)}, got {self.lengths!r}", field="lengths"
            )
        object.__setattr__(self, "lengths", tuple(x for x in LENGTHS if x in lengths))


def size_factor(village: Village, model: ValueModel) -> float:
    """How much a typical visit to ``village`` is worth, as a multiple of its interest:
    ``(visit_minutes / SIZE_MINUTES) ** model.size_weight``.

    Examples
    --------
    >>> from tourplan.hours import OpeningHours
    >>> hours = OpeningHours.parse("Mo-Su 08:00-17:00")
    >>> day = Village("d", "D", "D", 21.0, 105.8, 360, hours, 50)
    >>> hour = Village("h", "H", "H", 21.0, 105.8, 90, hours, 50)
    >>> size_factor(day, ValueModel()), size_factor(hour, ValueModel())
    (2.0, 1.0)
    """
    return float((village.visit_minutes / SIZE_MINUTES) ** model.size_weight)


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


def counted_themes(village: Village, asked: Collection[str] = ()) -> frozenset[str]:
    """The themes of ``village`` that count for variety: on a day with ``asked`` themes, the
    asked ones it carries (when it carries any), else all its themes.

    A traveller who asked for heritage has met it at the first heritage place; a second one
    repeats what was asked even when it also makes pottery.

    Examples
    --------
    >>> from tourplan.hours import OpeningHours
    >>> v = Village("v", "V", "V", 21.0, 105.8, 90, OpeningHours.parse("Mo-Su 08:00-17:00"), 50,
    ...             themes=("ceramics", "heritage"))
    >>> sorted(counted_themes(v)), sorted(counted_themes(v, ["heritage"]))
    (['ceramics', 'heritage'], ['heritage'])
    """
    themes = frozenset(village.themes)
    return (themes & frozenset(asked)) or themes


def day_value(
    stops: Sequence[tuple[Village, float]],
    model: ValueModel,
    interests: Sequence[float] | None = None,
    pace_factor: float = 1.0,
    asked: Collection[str] = (),
) -> float:
    """The value of one day's stops, in order: each ``(village, visit minutes)``.

    Each stop adds its :func:`stop_value`; a stop whose themes (:func:`counted_themes`, with
    the ``asked`` themes of the request) were all met at an earlier stop of the day adds
    ``model.repeat_factor`` of its time value (its stop cost in full). ``interests``
    (default: the villages') may carry the theme factors and the :func:`visit_factor` of each
    stop.
    """
    seen: set[str] = set()
    total = 0.0
    for k, (village, minutes) in enumerate(stops):
        interest = village.interest if interests is None else interests[k]
        worth = time_value(interest, minutes, village.visit_minutes * pace_factor)
        themes = counted_themes(village, asked)
        if themes and themes <= seen:
            worth *= model.repeat_factor
        seen |= themes
        total += worth - model.stop_value
    return total


def caveats(
    village: Village, start: dt.datetime, holidays: Collection[dt.date] = ()
) -> tuple[Caveat, ...]:
    """What makes a visit starting at local time ``start`` worth less: out of season, or
    outside the place's active hours (none for a place without season or active hours).

    Examples
    --------
    >>> from tourplan.hours import OpeningHours
    >>> xoi = Village("xoi", "Xôi", "Sticky rice", 21.0, 105.9, 60,
    ...               OpeningHours.parse("Mo-Su 08:00-20:00"), 35,
    ...               active_hours=OpeningHours.parse("Mo-Su 16:00-20:00"))
    >>> caveats(xoi, dt.datetime(2026, 12, 5, 9, 30)), caveats(xoi, dt.datetime(2026, 12, 5, 16))
    (('outside_active_hours',), ())
    """
    if not in_season(village, start.date()):
        return ("out_of_season",)
    if village.active_hours is None:
        return ()
    minute = start.hour * 60 + start.minute
    spans = active_spans(village, start.date(), holidays)
    if any(opens <= minute < closes for opens, closes in spans):
        return ()
    return ("outside_active_hours",)


def visit_factor(found: Collection[Caveat], model: ValueModel) -> float:
    """The share of its value a visit keeps with these caveats (1 with none)."""
    factor = 1.0
    if "out_of_season" in found:
        factor *= model.season_factor
    if "outside_active_hours" in found:
        factor *= model.active_factor
    return factor

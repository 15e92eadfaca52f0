"""A traveller's request, in their terms: where from, which days, how, what they love."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from ..exceptions import DataError
from ..geocode.coordinates import parse_lat_lon
from ..model import THEMES, Place
from ..names import one_line
from ..public_holidays import vietnam_public_holidays
from .value import ValueModel

__all__ = [
    "DEFAULT_LUNCH",
    "FIRST_DATE",
    "LAST_DATE",
    "MAX_STOPS_PER_DAY",
    "MAX_THEME_BONUS",
    "MAX_TRIP_DAYS",
    "PACE_FACTORS",
    "Lunch",
    "Pace",
    "PlaceQuery",
    "TripRequest",
    "as_date",
]

Pace = Literal["relaxed", "normal", "quick"]
"""How long visits last compared with each village's usual visit duration."""

PACE_FACTORS: dict[str, float] = {"relaxed": 1.25, "normal": 1.0, "quick": 0.75}
"""Multiplier applied to every visit duration for each pace."""

PlaceQuery = str | Place | tuple[float, float]
"""A place as a traveller gives it: a known id or name, ``"lat,lon"`` text, an address, a
``(lat, lon)`` pair, or a :class:`~tourplan.model.Place`."""


MAX_TRIP_DAYS = 60
"""The most days a trip may have (and the longest span from its first to its last date): work
and memory grow with the days, and a longer stay is several trips."""

FIRST_DATE = dt.date(2000, 1, 1)
LAST_DATE = dt.date(2099, 12, 31)
"""The dates a trip may fall on: the range over which Vietnam's lunar-calendar public holidays
(Tết) are computed."""

MAX_STOPS_PER_DAY = 100
"""The largest ``max_stops_per_day`` accepted (no day holds that many stops anyway)."""

MAX_THEME_BONUS = 100.0
"""The largest ``theme_bonus`` accepted."""


def _minutes(t: dt.time) -> int:
    return t.hour * 60 + t.minute


def _as_time(value: dt.time | str, what: str) -> dt.time:
    if isinstance(value, dt.time):
        if value.tzinfo is not None:
            raise DataError("give local times without a time zone (Hanoi time)", field=what)
        return value.replace(second=0, microsecond=0)
    if isinstance(value, str):
        try:
            return dt.time.fromisoformat(value.strip())
        except ValueError:
            raise DataError(f"{value!r} is not a time of day like 08:30", field=what) from None
    raise DataError(f"{what} must be a time like 08:30, got {value!r}", field=what)


def as_date(value: object, what: str) -> dt.date:
    """``value`` as a date: a :class:`datetime.date` or ISO 8601 text such as ``2026-12-05``.

    Raises
    ------
    DataError
        Naming ``what`` when the value is neither (a datetime is refused: give the date).
    """
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise DataError(f"{value!r} is not a date like 2026-12-05", field=what) from None
    raise DataError(
        f"{what} must be a date or ISO 8601 text like 2026-12-05, got {value!r}", field=what
    )


@dataclass(frozen=True)
class Lunch:
    """A lunch break: its length and the window in which it must start (local times).

    Examples
    --------
    >>> Lunch()
    Lunch(earliest=datetime.time(11, 0), latest=datetime.time(13, 0), minutes=60)
    >>> Lunch.parse("11:30-13:00/45").minutes
    45
    """

    earliest: dt.time = dt.time(11, 0)
    latest: dt.time = dt.time(13, 0)
    minutes: int = 60

    def __post_init__(self) -> None:
        object.__setattr__(self, "earliest", _as_time(self.earliest, "lunch.earliest"))
        object.__setattr__(self, "latest", _as_time(self.latest, "lunch.latest"))
        if self.latest < self.earliest:
            raise DataError(
                f"lunch must start between {self.earliest:%H:%M} and {self.latest:%H:%M}, "
                "but the latest start is before the earliest",
                field="lunch",
            )
        if isinstance(self.minutes, bool) or not isinstance(self.minutes, int) or self.minutes <= 0:
            raise DataError(
                f"lunch minutes must be a positive whole number, got {self.minutes!r}",
                field="lunch",
            )

    @classmethod
    def parse(cls, text: str) -> Lunch:
        """Parse ``"HH:MM-HH:MM/MINUTES"`` (start window and length), e.g. ``11:00-13:00/60``."""
        window, sep, minutes = text.partition("/")
        first, dash, last = window.partition("-")
        if not sep or not dash:
            raise DataError(
                f"{text!r} is not a lunch like 11:00-13:00/60 (start window / minutes)",
                field="lunch",
            )
        try:
            length = int(minutes)
        except ValueError:
            raise DataError(
                f"lunch length {minutes!r} is not a whole number of minutes", field="lunch"
            ) from None
        return cls(_as_time(first, "lunch"), _as_time(last, "lunch"), length)


DEFAULT_LUNCH = Lunch()
"""The lunch a request has unless it asks otherwise: 11:00-13:00, 60 minutes; none on a day that
starts as its window closes or later, or ends before it fits (an explicit lunch is kept)."""


def _lunch_problem(lunch: Lunch, day_start: dt.time, day_end: dt.time) -> str | None:
    """Why ``lunch`` cannot be had in the day, or ``None``: it must start in its window and
    inside the day, end by the day's end, and leave time for a visit (a lunch as long as the
    day planned an empty day)."""
    first, last = _minutes(day_start), _minutes(day_end)
    what = f"lunch ({lunch.earliest:%H:%M}-{lunch.latest:%H:%M}, {lunch.minutes} min)"
    day = f"the day {day_start:%H:%M}-{day_end:%H:%M}"
    if lunch.minutes >= last - first:
        return f"{what} leaves no time for a visit in {day} ({last - first} min)"
    earliest = max(_minutes(lunch.earliest), first)
    if min(_minutes(lunch.latest), last - lunch.minutes) < earliest:
        return f"{what} does not fit in {day}"
    return None


@dataclass(frozen=True)
class TripRequest:
    """What a traveller asks for. Validated when created; every field has a sensible default.

    Parameters
    ----------
    start
        Where each day starts: a known place id or name (bundled start points and villages,
        with or without diacritics), ``"lat,lon"``, an address (geocoded only when allowed),
        a ``(lat, lon)`` pair or a :class:`~tourplan.model.Place`.
    dates
        The dates of the trip (at least one; sorted and de-duplicated): dates or ISO 8601
        text such as ``"2026-12-05"``.
    end
        Where each day ends, if not at ``start``.
    day_start, day_end
        Each day's window in local Hanoi time: leave no earlier, be back no later.
    mode
        Transport mode name: ``walk``, ``bicycle``, ``motorbike``, ``car`` or ``bus``.
    lunch
        The lunch break, or ``None`` for none. The default (:data:`DEFAULT_LUNCH`) is
        dropped when the day starts after its window or ends before it fits; a lunch given
        explicitly that does not fit, or that is as long as the day (no time is left for a
        visit), is refused.
    must_visit
        Villages (ids or names) that must be in the plan.
    avoid
        Villages (ids or names) that must not be in the plan.
    themes
        Preferred themes (see :data:`~tourplan.model.THEMES`): matching villages count
        ``theme_bonus`` times their interest.
    max_stops_per_day
        At most this many villages a day (``None``: no limit).
    pace
        ``relaxed`` (visits 25 % longer), ``normal`` or ``quick`` (25 % shorter).
    holidays
        Dates treated as public holidays for opening hours with a ``PH`` rule, besides
        Vietnam's public holidays (see ``public_holidays``); after construction it holds both.
    theme_bonus
        Interest multiplier for villages with a preferred theme (>= 1).
    public_holidays
        Add Vietnam's public holidays among ``dates`` (Tết included, from the ``holidays``
        package) to ``holidays`` (default True); False keeps only the dates given.
    value
        The value model: stop costs, visit lengths, variety (:class:`ValueModel`).
    experiences
        Experiences (ids or names) that must be booked (docs/experiences.md).
    with_experiences
        Let the planner add experiences where they add most.
    party
        How many people travel (prices and group sizes); default 1.
    budget_vnd
        A hard limit, in đồng, on entrance fees and experiences for the whole party.

    Examples
    --------
    >>> req = TripRequest.for_days("hoan-kiem-lake", dt.date(2026, 12, 5), days=2,
    ...                            must_visit=["Bát Tràng"], themes=["textiles"])
    >>> [d.isoformat() for d in req.dates]
    ['2026-12-05', '2026-12-06']
    >>> req.day_start, req.day_end
    (datetime.time(8, 0), datetime.time(17, 30))
    """

    start: PlaceQuery
    dates: tuple[dt.date, ...]
    end: PlaceQuery | None = None
    day_start: dt.time = dt.time(8, 0)
    day_end: dt.time = dt.time(17, 30)
    mode: str = "car"
    lunch: Lunch | None = DEFAULT_LUNCH
    must_visit: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    max_stops_per_day: int | None = None
    pace: Pace = "normal"
    holidays: frozenset[dt.date] = frozenset()
    theme_bonus: float = 1.5
    public_holidays: bool = True
    value: ValueModel = field(default_factory=ValueModel)
    # experiences and budgets (issue #21), checked in _check_costs
    experiences: tuple[str, ...] = ()
    with_experiences: bool = False
    party: int = 1
    budget_vnd: int | None = None

    def __post_init__(self) -> None:
        _check_place(self.start, "start")
        _check_costs(self)
        if self.end is not None:
            _check_place(self.end, "end")
        dates: object = self.dates  # callers may pass one date (or ISO text) or any iterable
        if isinstance(dates, dt.date | str):
            dates = (dates,)
        if not isinstance(dates, Iterable):
            raise DataError("dates must be a list of dates", field="dates")
        checked: list[dt.date] = []
        for d in dates:
            checked.append(as_date(d, "dates"))
            if len(checked) > MAX_TRIP_DAYS:
                raise DataError(f"a trip has at most {MAX_TRIP_DAYS} days", field="dates")
        if not checked:
            raise DataError("give at least one date", field="dates")
        _check_span(min(checked), max(checked))
        object.__setattr__(self, "dates", tuple(sorted(set(checked))))
        object.__setattr__(self, "day_start", _as_time(self.day_start, "day_start"))
        object.__setattr__(self, "day_end", _as_time(self.day_end, "day_end"))
        if self.day_end <= self.day_start:
            raise DataError(
                f"the day ends ({self.day_end:%H:%M}) before it starts ({self.day_start:%H:%M})",
                field="day_end",
            )
        if not isinstance(self.mode, str) or not self.mode.strip():
            raise DataError("mode must be a transport mode name such as 'car'", field="mode")
        if self.lunch is DEFAULT_LUNCH and (
            _lunch_problem(self.lunch, self.day_start, self.day_end)
            or _minutes(self.lunch.latest) <= _minutes(self.day_start)
        ):  # the day does not span lunch time (or would open with lunch where it starts)
            object.__setattr__(self, "lunch", None)
        if not isinstance(self.value, ValueModel):
            raise DataError("value must be a ValueModel", field="value")
        if self.lunch is not None:
            if not isinstance(self.lunch, Lunch):
                raise DataError("lunch must be a Lunch value or None", field="lunch")
            problem = _lunch_problem(self.lunch, self.day_start, self.day_end)
            if problem:
                raise DataError(problem, field="lunch")
        for name in ("must_visit", "avoid", "themes"):
            value = getattr(self, name)
            value = (value,) if isinstance(value, str) else value
            value = tuple(dict.fromkeys(one_line(v, name).strip() for v in value if v.strip()))
            object.__setattr__(self, name, value)
        clash = set(self.must_visit) & set(self.avoid)
        if clash:
            raise DataError(
                f"{', '.join(sorted(clash))} is both a must-visit and a village to avoid",
                field="avoid",
            )
        unknown = [t for t in self.themes if t not in THEMES]
        if unknown:
            raise DataError(
                f"unknown theme(s) {', '.join(unknown)}; known themes: {', '.join(THEMES)}",
                field="themes",
            )
        if self.max_stops_per_day is not None and (
            isinstance(self.max_stops_per_day, bool)
            or not isinstance(self.max_stops_per_day, int)
            or not 1 <= self.max_stops_per_day <= MAX_STOPS_PER_DAY
        ):
            raise DataError(
                f"max_stops_per_day must be a whole number from 1 to {MAX_STOPS_PER_DAY}, "
                f"got {self.max_stops_per_day!r}",
                field="max_stops_per_day",
            )
        if self.pace not in PACE_FACTORS:
            raise DataError(
                f"pace {self.pace!r} is not one of {', '.join(PACE_FACTORS)}", field="pace"
            )
        holidays = frozenset(self.holidays)
        if self.public_holidays:
            holidays |= vietnam_public_holidays(self.dates)
        object.__setattr__(self, "holidays", holidays)
        if (
            isinstance(self.theme_bonus, bool)
            or not isinstance(self.theme_bonus, int | float)
            or not 1.0 <= self.theme_bonus <= MAX_THEME_BONUS
        ):
            raise DataError(
                f"theme_bonus must be a number from 1 to {MAX_THEME_BONUS:g}, "
                f"got {self.theme_bonus!r}",
                field="theme_bonus",
            )

    @classmethod
    def for_days(
        cls, start: PlaceQuery, first_date: dt.date | str, days: int = 1, **fields: object
    ) -> TripRequest:
        """A request for ``days`` consecutive days from ``first_date`` (a date or ISO text).

        Examples
        --------
        >>> TripRequest.for_days("hoan-kiem-lake", "2026-12-05", days=2).dates[-1]
        datetime.date(2026, 12, 6)
        """
        first = as_date(first_date, "first_date")
        if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_TRIP_DAYS:
            raise DataError(
                f"days must be a whole number from 1 to {MAX_TRIP_DAYS}, got {days!r}",
                field="days",
            )
        _check_span(first, first)
        _check_span(first, first + dt.timedelta(days=days - 1))
        dates = tuple(first + dt.timedelta(days=i) for i in range(days))
        return cls(start=start, dates=dates, **fields)  # type: ignore[arg-type]

    @property
    def counts_costs(self) -> bool:
        """Whether the plan counts costs: experiences, a party or a budget were asked for."""
        return bool(
            self.experiences
            or self.with_experiences
            or self.party != 1
            or self.budget_vnd is not None
        )

    @property
    def day_minutes(self) -> int:
        """Length of each day's window in minutes."""
        return _minutes(self.day_end) - _minutes(self.day_start)

    @property
    def pace_factor(self) -> float:
        """The multiplier of visit durations for this request's pace."""
        return PACE_FACTORS[self.pace]


def _check_span(first: dt.date, last: dt.date) -> None:
    """Refuse dates outside FIRST_DATE-LAST_DATE or a trip spanning more than MAX_TRIP_DAYS days."""
    for day in (first, last):
        if not FIRST_DATE <= day <= LAST_DATE:
            raise DataError(
                f"{day.isoformat()} is outside the dates a trip may have "
                f"({FIRST_DATE.isoformat()} to {LAST_DATE.isoformat()})",
                field="dates",
            )
    if (last - first).days >= MAX_TRIP_DAYS:
        raise DataError(
            f"the trip spans {(last - first).days + 1} days from {first.isoformat()} to "
            f"{last.isoformat()}; a trip has at most {MAX_TRIP_DAYS} days",
            field="dates",
        )


def _check_costs(request: TripRequest) -> None:
    """Normalise and check the fields of experiences and budgets (one message per field)."""
    wanted: object = request.experiences
    if isinstance(wanted, str):
        wanted = (wanted,)
    if not isinstance(wanted, Iterable) or not all(isinstance(w, str) for w in wanted):
        raise DataError("experiences must be a list of names", field="experiences")
    names = (one_line(w, "experiences").strip() for w in wanted if w.strip())
    object.__setattr__(request, "experiences", tuple(dict.fromkeys(names)))
    if not isinstance(request.with_experiences, bool):
        raise DataError("with_experiences must be true or false", field="with_experiences")
    party = request.party
    if isinstance(party, bool) or not isinstance(party, int) or not 1 <= party <= 1000:
        raise DataError(
            f"party must be a whole number from 1 to 1000, got {party!r}", field="party"
        )
    budget = request.budget_vnd
    if budget is not None and (
        isinstance(budget, bool) or not isinstance(budget, int) or budget < 0
    ):
        raise DataError(
            f"budget must be a whole number of đồng, 0 or more, got {budget!r}", field="budget_vnd"
        )


def _check_place(value: object, what: str) -> None:
    if isinstance(value, Place):
        return
    if isinstance(value, str):
        if not value.strip():
            raise DataError(f"{what} place is empty", field=what)
        one_line(value, what)  # "hoan\x00kiem" is no name (not Hoàn Kiếm)
        try:
            parse_lat_lon(value)  # "lat,lon" text: out of range is blamed on this place
        except DataError as exc:
            raise DataError(f"{value.strip()!r}: {exc.reason}", field=what) from None
        return
    if (
        isinstance(value, tuple)
        and len(value) == 2
        and all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)
    ):
        lat, lon = value
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise DataError(f"{what} ({lat}, {lon}) is not a valid latitude, longitude", field=what)
        return
    raise DataError(
        f"{what} must be a place id or name, 'lat,lon', an address, a (lat, lon) pair or a Place; "
        f"got {value!r}",
        field=what,
    )

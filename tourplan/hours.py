"""Opening hours as values: a subset of OpenStreetMap's ``opening_hours``, and windows on a date.

The supported subset covers what craft villages, workshops and museums need::

    Mo-Fr 08:00-11:30,13:30-17:00; Sa,Su 08:00-17:00; PH off

- rules are separated by ``;``; a later rule replaces earlier ones for the days it names
  (OpenStreetMap semantics);
- a rule is a day selector followed by comma-separated time spans ``HH:MM-HH:MM`` or by
  ``off`` / ``closed``;
- day selectors are weekdays ``Mo Tu We Th Fr Sa Su``, ranges (``Mo-Fr``, also wrapping as
  ``Sa-Mo``) and comma lists (``Mo,We,Fr``), and ``PH`` for public holidays;
- ``24/7`` means always open; a rule with times (or ``off``) but no days applies to every
  day;
- ``24:00`` may close a span; spans may not run past midnight.

Days a rule never names are closed.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from .exceptions import OpeningHoursError

__all__ = ["WEEKDAYS", "OpeningHours", "Span"]

WEEKDAYS: tuple[str, ...] = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
"""OpenStreetMap weekday abbreviations, Monday first (``datetime.date.weekday()`` order)."""

_DAY_INDEX = {name.lower(): i for i, name in enumerate(WEEKDAYS)}
_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")
_MINUTES_PER_DAY = 24 * 60
_PH = 7  # index of the public-holiday pseudo-day


@dataclass(frozen=True, order=True)
class Span:
    """One open span within a day, in minutes after local midnight.

    Parameters
    ----------
    opens
        Minute of the day the place opens (0 to 1439).
    closes
        Minute of the day the place closes (1 to 1440), after ``opens``.

    Examples
    --------
    >>> Span(8 * 60, 11 * 60 + 30)
    Span(opens=480, closes=690)
    >>> str(Span(480, 690))
    '08:00-11:30'
    """

    opens: int
    closes: int

    def __post_init__(self) -> None:
        if not 0 <= self.opens < _MINUTES_PER_DAY:
            raise OpeningHoursError(f"opening minute {self.opens} is outside 0..1439")
        if not 0 < self.closes <= _MINUTES_PER_DAY:
            raise OpeningHoursError(f"closing minute {self.closes} is outside 1..1440")
        if self.closes <= self.opens:
            raise OpeningHoursError(
                f"span {_fmt(self.opens)}-{_fmt(self.closes)} closes before it opens "
                "(spans past midnight are not supported)"
            )

    @property
    def minutes(self) -> int:
        """Length of the span in minutes."""
        return self.closes - self.opens

    def __str__(self) -> str:
        return f"{_fmt(self.opens)}-{_fmt(self.closes)}"


DaySpans = tuple[Span, ...]


@dataclass(frozen=True)
class OpeningHours:
    """The weekly opening hours of a place, with optional public-holiday hours.

    Build it with :meth:`parse`; two values are equal when they open at the same times,
    whatever the text they were written as. ``str()`` gives a canonical expression that parses
    back to an equal value.

    Parameters
    ----------
    week
        Seven tuples of open spans, Monday first; an empty tuple is a closed day.
    holidays
        Spans on public holidays, or ``None`` when the hours say nothing about holidays
        (then a holiday keeps its weekday's hours).

    Examples
    --------
    >>> hours = OpeningHours.parse("Mo-Fr 08:00-11:30,13:30-17:00; Sa,Su 08:00-17:00; PH off")
    >>> str(hours)
    'Mo-Fr 08:00-11:30,13:30-17:00; Sa,Su 08:00-17:00; PH off'
    >>> [str(s) for s in hours.on(dt.date(2026, 12, 7))]  # a Monday
    ['08:00-11:30', '13:30-17:00']
    >>> hours.on(dt.date(2026, 9, 2), holidays={dt.date(2026, 9, 2)})  # National Day
    ()
    >>> OpeningHours.parse("Sa,Su 08:00-17:00").is_open_on(dt.date(2026, 12, 7))
    False
    """

    week: tuple[DaySpans, DaySpans, DaySpans, DaySpans, DaySpans, DaySpans, DaySpans]
    holidays: DaySpans | None = None

    def __post_init__(self) -> None:
        if len(self.week) != 7:
            raise OpeningHoursError(f"expected 7 days of spans, got {len(self.week)}")
        for day, spans in zip(WEEKDAYS, self.week, strict=True):
            _check_disjoint(spans, day)
        if self.holidays is not None:
            _check_disjoint(self.holidays, "PH")

    # -- construction -----------------------------------------------------------------------
    @classmethod
    def parse(cls, text: str) -> OpeningHours:
        """Parse an ``opening_hours`` expression (see the module docstring for the subset).

        Raises
        ------
        OpeningHoursError
            With the offending part of the expression quoted.
        """
        if not isinstance(text, str):
            raise OpeningHoursError(f"opening hours must be text, got {type(text).__name__}")
        source = text.strip()
        if not source:
            raise OpeningHoursError("opening hours are empty")
        days: list[DaySpans | None] = [None] * 8
        rules = [r.strip() for r in source.split(";") if r.strip()]
        if not rules:
            raise OpeningHoursError(f"opening hours '{source}' hold no rule")
        for rule in rules:
            if rule == "24/7":
                for i in range(7):
                    days[i] = (Span(0, _MINUTES_PER_DAY),)
                continue
            if rule.lower() in ("off", "closed"):  # no days named: every weekday
                for i in range(7):
                    days[i] = ()
                continue
            selected, spans = _parse_rule(rule, source)
            for i in selected:
                days[i] = spans
        week = tuple(d if d is not None else () for d in days[:7])
        return cls(week=week, holidays=days[_PH])  # type: ignore[arg-type]

    @classmethod
    def always(cls) -> OpeningHours:
        """Open at every hour of every day (``24/7``)."""
        return cls.parse("24/7")

    # -- queries ----------------------------------------------------------------------------
    def on(self, date: dt.date, holidays: Collection[dt.date] = ()) -> DaySpans:
        """The open spans on ``date`` (empty when closed).

        Parameters
        ----------
        date
            The local calendar date.
        holidays
            Dates that are public holidays; they use the ``PH`` rule when there is one.
        """
        if self.holidays is not None and date in holidays:
            return self.holidays
        return self.week[date.weekday()]

    def windows(
        self, date: dt.date, tz: dt.tzinfo, holidays: Collection[dt.date] = ()
    ) -> tuple[tuple[dt.datetime, dt.datetime], ...]:
        """The open windows on ``date`` as aware datetimes in ``tz``."""
        midnight = dt.datetime.combine(date, dt.time(0), tzinfo=tz)
        return tuple(
            (midnight + dt.timedelta(minutes=s.opens), midnight + dt.timedelta(minutes=s.closes))
            for s in self.on(date, holidays)
        )

    def is_open_on(self, date: dt.date, holidays: Collection[dt.date] = ()) -> bool:
        """True when the place opens at some time on ``date``."""
        return bool(self.on(date, holidays))

    def is_open_at(self, when: dt.datetime, holidays: Collection[dt.date] = ()) -> bool:
        """True when the place is open at the (local, naive or aware) time ``when``."""
        minute = when.hour * 60 + when.minute
        return any(s.opens <= minute < s.closes for s in self.on(when.date(), holidays))

    def longest_span(self) -> int:
        """Minutes of the longest open span in the week (0 when never open)."""
        return max((s.minutes for spans in self.week for s in spans), default=0)

    def __str__(self) -> str:
        rules: list[str] = []
        i = 0
        while i < 7:
            j = i
            while j + 1 < 7 and self.week[j + 1] == self.week[i]:
                j += 1
            if self.week[i]:
                rules.append(f"{_fmt_days(i, j)} {_fmt_spans(self.week[i])}")
            i = j + 1
        if not rules:
            rules.append("off")
        if self.holidays is not None:
            rules.append(f"PH {_fmt_spans(self.holidays) if self.holidays else 'off'}")
        return "; ".join(rules)


def _parse_rule(rule: str, source: str) -> tuple[list[int], DaySpans]:
    rule = re.sub(r"\s*([,-])\s*", r"\1", rule)  # "Mo, We 08:00 - 12:00" -> "Mo,We 08:00-12:00"
    parts = rule.split(None, 1)
    first = parts[0]
    if _looks_like_time(first):
        selected, rest = list(range(7)), rule
    else:
        selected = _parse_days(first, source)
        rest = parts[1].strip() if len(parts) > 1 else ""
    if not rest:
        raise OpeningHoursError(f"rule '{rule}' in '{source}' has no times and no 'off'")
    if rest.lower() in ("off", "closed"):
        return selected, ()
    spans = tuple(sorted(_parse_span(s.strip(), source) for s in rest.split(",")))
    _check_disjoint(spans, rule)
    return selected, _merge_touching(spans)


def _merge_touching(spans: DaySpans) -> DaySpans:
    """``08:00-12:00,12:00-17:00`` is the same opening as ``08:00-17:00``."""
    merged: list[Span] = []
    for span in spans:
        if merged and merged[-1].closes == span.opens:
            merged[-1] = Span(merged[-1].opens, span.closes)
        else:
            merged.append(span)
    return tuple(merged)


def _looks_like_time(token: str) -> bool:
    return token[:1].isdigit()


def _parse_days(selector: str, source: str) -> list[int]:
    selected: list[int] = []
    for item in selector.split(","):
        item = item.strip()
        if item.upper() == "PH":
            selected.append(_PH)
            continue
        if "-" in item:
            first, _, last = item.partition("-")
            a, b = _day(first, source), _day(last, source)
            selected.extend(range(a, b + 1) if a <= b else [*range(a, 7), *range(0, b + 1)])
        else:
            selected.append(_day(item, source))
    return selected


def _day(token: str, source: str) -> int:
    try:
        return _DAY_INDEX[token.strip().lower()]
    except KeyError:
        raise OpeningHoursError(
            f"unknown day '{token}' in '{source}' (use {', '.join(WEEKDAYS)} or PH)"
        ) from None


def _parse_span(text: str, source: str) -> Span:
    opens, sep, closes = text.partition("-")
    if not sep:
        raise OpeningHoursError(f"time span '{text}' in '{source}' must look like 08:00-17:00")
    a, b = _minute(opens, source), _minute(closes, source)
    try:
        return Span(a, b)
    except OpeningHoursError as exc:
        raise OpeningHoursError(f"{exc.reason} in '{source}'") from None


def _minute(text: str, source: str) -> int:
    match = _TIME.match(text.strip())
    if not match:
        raise OpeningHoursError(f"time '{text.strip()}' in '{source}' must look like HH:MM")
    hour, minute = int(match[1]), int(match[2])
    if hour > 24 or minute > 59 or (hour == 24 and minute):
        raise OpeningHoursError(f"time '{text.strip()}' in '{source}' is not a time of day")
    return hour * 60 + minute


def _check_disjoint(spans: Iterable[Span], where: str) -> None:
    ordered = sorted(spans)
    for a, b in itertools.pairwise(ordered):
        if b.opens < a.closes:
            raise OpeningHoursError(f"spans {a} and {b} overlap in '{where}'")


def _fmt(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def _fmt_spans(spans: DaySpans) -> str:
    return ",".join(str(s) for s in spans)


def _fmt_days(first: int, last: int) -> str:
    if first == last:
        return WEEKDAYS[first]
    if last == first + 1:
        return f"{WEEKDAYS[first]},{WEEKDAYS[last]}"
    return f"{WEEKDAYS[first]}-{WEEKDAYS[last]}"

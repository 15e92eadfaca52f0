"""Seasons and times of day of a place: in season on a date, active at a time; month lists.

A village's craft may run only part of the year (lotus tea in summer, peach trees before Tết)
or be seen only at some hours (sticky rice cooked from 16:00). :class:`~tourplan.model.Village`
carries these as data (``season_months``, ``active_hours``); this module answers the questions a
planner asks of them, and reads and writes month lists as files hold them (``"5-7"``,
``"11-1"``, ``"1,2,12"``). Pure functions, no I/O; what a plan does with the answers (value a
visit less, say why) belongs to the planner.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable

from ..exceptions import DataError
from .place import Village

__all__ = ["active_at", "active_spans", "format_months", "in_season", "parse_months"]


def in_season(village: Village, date: dt.date) -> bool:
    """True when ``date`` falls in the village's season (always, when it has none).

    Examples
    --------
    >>> from tourplan.hours import OpeningHours
    >>> lotus = Village("sen", "Trà sen", "Lotus tea", 21.05, 105.82, visit_minutes=60,
    ...                 opening_hours=OpeningHours.parse("Mo-Su 08:00-17:00"), interest=50,
    ...                 season_months=frozenset({5, 6, 7}))
    >>> in_season(lotus, dt.date(2026, 6, 15)), in_season(lotus, dt.date(2026, 12, 5))
    (True, False)
    """
    return not village.season_months or date.month in village.season_months


def active_spans(
    village: Village, date: dt.date, holidays: Collection[dt.date] = ()
) -> tuple[tuple[int, int], ...]:
    """The spans of ``date`` (minutes after midnight) when the village's work can be seen.

    The village's ``active_hours`` on that date, or its opening hours when it has none; empty
    out of season.
    """
    if not in_season(village, date):
        return ()
    hours = village.active_hours if village.active_hours is not None else village.opening_hours
    return tuple((s.opens, s.closes) for s in hours.on(date, holidays))


def active_at(village: Village, when: dt.datetime, holidays: Collection[dt.date] = ()) -> bool:
    """True when the work can be seen at local time ``when``: in season and in active hours.

    Without ``active_hours``, the village counts as active whenever it is in season (its
    opening hours say when it can be visited at all).

    Examples
    --------
    >>> from tourplan.hours import OpeningHours
    >>> xoi = Village("xoi", "Xôi", "Sticky rice", 21.0, 105.9, visit_minutes=60,
    ...               opening_hours=OpeningHours.parse("Mo-Su 08:00-20:00"), interest=50,
    ...               active_hours=OpeningHours.parse("Mo-Su 16:00-20:00"))
    >>> morning, afternoon = dt.datetime(2026, 12, 5, 9, 39), dt.datetime(2026, 12, 5, 16, 30)
    >>> active_at(xoi, morning), active_at(xoi, afternoon)
    (False, True)
    """
    if not in_season(village, when.date()):
        return False
    if village.active_hours is None:
        return True
    return village.active_hours.is_open_at(when, holidays)


def parse_months(text: str, field: str = "season_months") -> frozenset[int]:
    """Months from text such as ``"5-7"``, ``"11-1"`` (wrapping past December) or ``"1,2,12"``.

    Empty text is no season (all year). ``;`` separates like ``,``.

    Raises
    ------
    DataError
        Naming ``field`` when a part is not a month 1-12 or a range of them.

    Examples
    --------
    >>> sorted(parse_months("11-2"))
    [1, 2, 11, 12]
    >>> sorted(parse_months("6, 8"))
    [6, 8]
    """
    months: set[int] = set()
    for part in text.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        first, sep, last = part.partition("-")
        a = _month(first, text, field)
        b = _month(last, text, field) if sep else a
        months.update(range(a, b + 1) if a <= b else [*range(a, 13), *range(1, b + 1)])
    return frozenset(months)


def _month(token: str, text: str, field: str) -> int:
    token = token.strip()
    if not token.isdigit() or not 1 <= int(token) <= 12:
        raise DataError(
            f"{token!r} in {text!r} is not a month 1-12 (write e.g. '5-7', '11-1' or '1,2,12')",
            field=field,
        )
    return int(token)


def format_months(months: Iterable[int]) -> str:
    """Months as compact text that :func:`parse_months` reads back: ``{5, 6, 7}`` -> ``"5-7"``.

    A run through December into January is written as one wrapping range (``"11-1"``).

    Examples
    --------
    >>> format_months({12, 1, 2}), format_months({5, 6, 7, 9}), format_months(())
    ('12-2', '5-7,9', '')
    """
    chosen = sorted(set(months))
    if not chosen or len(chosen) == 12:
        return "" if not chosen else "1-12"
    runs: list[list[int]] = []
    for m in chosen:
        if runs and runs[-1][-1] == m - 1:
            runs[-1].append(m)
        else:
            runs.append([m])
    if len(runs) > 1 and runs[0][0] == 1 and runs[-1][-1] == 12:  # wrap December -> January
        runs[0] = runs.pop() + runs[0]
        runs.insert(0, runs.pop(0))
    runs.sort(key=lambda r: r[0] if r[0] <= r[-1] else r[0] - 12)
    return ",".join(str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs)

"""Public holidays of Vietnam as dates, lunar Tết included, from the maintained holidays package.

Opening hours may say what a place does on public holidays (the ``PH`` rule of
:class:`~tourplan.hours.OpeningHours`); this module says which dates those are. The
``holidays`` package follows the Labour Code and the government's yearly decisions on
substitute days off, and computes the lunar dates of Tết (Tết Nguyên Đán) and of the Hùng Kings'
commemoration, so nothing here is hand-kept. Dates only, no names: words live in ``text/``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import cache

__all__ = ["is_tet", "tet_days", "vietnam_public_holidays"]

_TET_WORDS = "Lunar New Year"
"""How the package's English names of the Tết days read (Lunar New Year's Eve, Second Day of
Lunar New Year, ...); the substitute days of Tết carry the same words."""


@cache
def _year(year: int) -> tuple[frozenset[dt.date], frozenset[dt.date]]:
    """All public holidays of ``year`` and those that belong to Tết."""
    # imported here, once: the package takes ~150 ms to import, which ``import tourplan``
    # should not pay (measured on the shared 2-core machine)
    import holidays as holidays_package

    calendar = holidays_package.country_holidays("VN", years=year, language="en_US")
    every = frozenset(calendar)
    tet = frozenset(day for day, name in calendar.items() if _TET_WORDS in name)
    return every, tet


def _years(dates: Iterable[dt.date]) -> set[int]:
    return {d.year for d in dates}


def vietnam_public_holidays(dates: Iterable[dt.date]) -> frozenset[dt.date]:
    """The public holidays of Vietnam among ``dates`` (days off by law, substitute days included).

    Parameters
    ----------
    dates
        The dates of interest (e.g. a trip's dates).

    Examples
    --------
    >>> trip = [dt.date(2027, 2, 5) + dt.timedelta(days=i) for i in range(3)]
    >>> sorted(d.isoformat() for d in vietnam_public_holidays(trip))  # Tết 2027
    ['2027-02-05', '2027-02-06', '2027-02-07']
    >>> vietnam_public_holidays([dt.date(2026, 12, 5)])
    frozenset()
    """
    chosen = list(dates)
    every: set[dt.date] = set()
    for year in _years(chosen):
        every |= _year(year)[0]
    return frozenset(d for d in chosen if d in every)


def tet_days(year: int) -> frozenset[dt.date]:
    """The public-holiday days of Tết that start the lunar year beginning in ``year``.

    Examples
    --------
    >>> days = sorted(tet_days(2027))
    >>> len(days), days[0].isoformat(), days[-1].isoformat()  # 29th of the last month to the 5th
    (7, '2027-02-04', '2027-02-10')
    """
    return _year(year)[1]


def is_tet(date: dt.date) -> bool:
    """True when ``date`` is one of the public-holiday days of Tết.

    Examples
    --------
    >>> is_tet(dt.date(2027, 2, 6)), is_tet(dt.date(2027, 9, 2))
    (True, False)
    """
    return date in _year(date.year)[1]

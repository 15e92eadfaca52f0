"""Public holidays of Vietnam as dates, lunar Tết included, from the maintained holidays package.

Opening hours may say what a place does on public holidays (the ``PH`` rule of
:class:`~tourplan.hours.OpeningHours`); this module says which dates those are. The
``holidays`` package follows the Labour Code and the government's yearly decisions on
substitute days off, and computes the lunar dates of Tết (Tết Nguyên Đán) and of the Hùng Kings'
commemoration, so nothing here is hand-kept. Dates only, no names: words live in ``text/``.

For the years it covers, the bundled table ``data/public_holidays.csv`` (written from the package
by ``data/build_public_holidays.py``, every row naming the package's version) answers instead:
importing the package loads its 250 countries (0.12 s of the 1.5 s a ``tourplan route`` may
take). A test fails when the installed package no longer agrees with the table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import cache

from ._io import bundled_data_file, read_utf8

__all__ = ["is_tet", "tet_days", "vietnam_public_holidays"]

_TET_WORDS = "Lunar New Year"
"""How the package's English names of the Tết days read (Lunar New Year's Eve, Second Day of
Lunar New Year, ...); the substitute days of Tết carry the same words."""


_TABLE = "public_holidays.csv"
"""The bundled table: ``date`` (ISO), ``tet`` (1 for a day of Tết), ``source``."""


@cache
def _table() -> dict[int, tuple[frozenset[dt.date], frozenset[dt.date]]]:
    """The bundled table by year (empty if the file is missing)."""
    path = bundled_data_file(_TABLE)
    if path is None:
        return {}
    every: dict[int, set[dt.date]] = {}
    tet: dict[int, set[dt.date]] = {}
    for line in read_utf8(path).splitlines()[1:]:
        if line:
            day_text, flag = line.split(",", 2)[:2]
            day = dt.date.fromisoformat(day_text)
            every.setdefault(day.year, set()).add(day)
            tet.setdefault(day.year, set())
            if flag == "1":
                tet[day.year].add(day)
    return {y: (frozenset(days), frozenset(tet[y])) for y, days in every.items()}


@cache
def _year(year: int) -> tuple[frozenset[dt.date], frozenset[dt.date]]:
    """All public holidays of ``year`` and those that belong to Tết."""
    table = _table()
    if year in table:
        return table[year]
    return _from_package(year)


def _from_package(year: int) -> tuple[frozenset[dt.date], frozenset[dt.date]]:
    """:func:`_year` as the holidays package computes it."""
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

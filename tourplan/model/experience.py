"""Hands-on experiences as values: a workshop at a place, its sessions, price and group limits.

An :class:`Experience` belongs to one place (a village or a sight, by id). It lasts a fixed
number of minutes and starts either at fixed times of day (``sessions``) or at any time inside
its hours (no ``sessions``). Its hours (``runs``) say on which days and in which spans it
runs; empty means whenever its place is open. The price is per person, in ``currency``,
which must be đồng (``VND``, like the budget and the fees: there are no exchange rates).
Optional minimum and maximum group sizes bound the party. No I/O here:
:mod:`tourplan.datasets.experiences` reads them from files.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from ..exceptions import DataError, UnknownPlaceError
from ..hours import OpeningHours
from ..names import NameIndex
from .place import ORIGINS, Origin

__all__ = ["CURRENCIES", "Experience", "Experiences"]

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")

CURRENCIES = ("VND",)
"""The currencies a price may be in: those the planner can compare with the budget and the
entrance fees, which are in đồng. tourplan has no exchange rates, so a price in any other
currency is refused rather than taken as đồng."""


def _whole(value: object, name: str, minimum: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise DataError(
            f"{name} must be a whole number of at least {minimum}, got {value!r}", field=name
        )


@dataclass(frozen=True)
class Experience:
    """A bookable hands-on experience at a place.

    Parameters
    ----------
    id
        Stable identifier, ``[a-z0-9-]+``.
    place_id
        Id of the village or sight where it happens.
    name_vi, name_en
        Its names in Vietnamese and English.
    minutes
        How long it lasts (> 0).
    price
        Price per person in ``currency`` (0 = free).
    currency
        ISO 4217 code, one of :data:`CURRENCIES` (only ``VND``: the budget and the fees are
        in đồng and there are no exchange rates).
    sessions
        Fixed start times (local, sorted); empty: any time inside ``runs`` and the place's
        hours.
    runs
        Days and hours it runs; ``None``: whenever its place is open.
    min_group, max_group
        Smallest and largest party it takes; ``None`` when no limit is known.
    source
        Where the price and the other sourced values come from (URLs).
    minutes_origin, runs_origin
        ``source`` when a source gives the value, ``default`` when it is a default.
    notes
        Caveats: dates of the sources, what the price covers.
    """

    id: str
    place_id: str
    name_vi: str
    name_en: str
    minutes: int
    price: int
    currency: str = "VND"
    sessions: tuple[dt.time, ...] = ()
    runs: OpeningHours | None = None
    min_group: int | None = None
    max_group: int | None = None
    source: str = ""
    minutes_origin: Origin = "default"
    runs_origin: Origin = "default"
    notes: str = ""

    def __post_init__(self) -> None:
        for name in ("id", "place_id"):
            value = getattr(self, name)
            if not isinstance(value, str) or not _ID.match(value):
                raise DataError(
                    f"{name} must look like 'pottery-making', got {value!r}", field=name
                )
        if not isinstance(self.name_vi, str) or not self.name_vi.strip():
            raise DataError("name_vi is missing", field="name_vi")
        if not isinstance(self.name_en, str):
            raise DataError("name_en must be text", field="name_en")
        _whole(self.minutes, "minutes", 1)
        _whole(self.price, "price", 0)
        if not isinstance(self.currency, str) or not _CURRENCY.match(self.currency):
            raise DataError(
                f"currency must be an ISO 4217 code like VND, got {self.currency!r}",
                field="currency",
            )
        if self.currency not in CURRENCIES:
            raise DataError(
                f"currency {self.currency} cannot be compared with the budget and fees in "
                f"{', '.join(CURRENCIES)} (tourplan has no exchange rates); give the price in "
                f"{' or '.join(CURRENCIES)}",
                field="currency",
            )
        sessions = tuple(self.sessions)
        for t in sessions:
            if not isinstance(t, dt.time) or t.tzinfo is not None:
                raise DataError(f"sessions must be local times of day, got {t!r}", field="sessions")
        if len(set(sessions)) != len(sessions):
            raise DataError("sessions lists a start time twice", field="sessions")
        for t in sessions:
            if t.hour * 60 + t.minute + self.minutes > 24 * 60:
                raise DataError(f"the {t:%H:%M} session ends after midnight", field="sessions")
        object.__setattr__(self, "sessions", tuple(sorted(sessions)))
        if self.runs is not None and not isinstance(self.runs, OpeningHours):
            raise DataError("runs must be opening hours", field="runs")
        for name in ("min_group", "max_group"):
            if getattr(self, name) is not None:
                _whole(getattr(self, name), name, 1)
        if (
            self.min_group is not None
            and self.max_group is not None
            and self.min_group > self.max_group
        ):
            raise DataError(
                f"min_group {self.min_group} is more than max_group {self.max_group}",
                field="max_group",
            )
        for name in ("minutes_origin", "runs_origin"):
            if getattr(self, name) not in ORIGINS:
                raise DataError(
                    f"{name} must be one of {', '.join(ORIGINS)}, got {getattr(self, name)!r}",
                    field=name,
                )
        if self.minutes_origin == "source" and not self.source.strip():
            raise DataError("a sourced length needs its source", field="source")

    @property
    def names(self) -> tuple[str, ...]:
        """Its names, Vietnamese first."""
        return tuple(n for n in (self.name_vi, self.name_en) if n)

    @property
    def any_time(self) -> bool:
        """Whether it may start at any time inside its hours (no fixed sessions)."""
        return not self.sessions

    def takes(self, party: int) -> bool:
        """Whether a party of ``party`` people fits its group limits."""
        return (self.min_group is None or party >= self.min_group) and (
            self.max_group is None or party <= self.max_group
        )

    def cost(self, party: int) -> int:
        """The price for a party of ``party`` people."""
        return self.price * party


@dataclass(frozen=True)
class Experiences(Sequence[Experience]):
    """An ordered, immutable collection of experiences with lookups by id, name and place.

    Names are matched as place names are (:class:`~tourplan.names.NameIndex`): by id, a
    whole name or a run of words, with or without diacritics.
    """

    items: tuple[Experience, ...] = ()
    _index: NameIndex[Experience] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        items = tuple(self.items)
        seen: set[str] = set()
        for e in items:
            if not isinstance(e, Experience):
                raise DataError(f"not an Experience: {e!r}", field="experiences")
            if e.id in seen:
                raise DataError(f"experience id {e.id!r} appears twice", field="id")
            seen.add(e.id)
        object.__setattr__(self, "items", items)
        object.__setattr__(
            self, "_index", NameIndex(items, lambda e: e.id, lambda e: (e.name_vi, e.name_en))
        )

    @classmethod
    def of(cls, experiences: Iterable[Experience]) -> Experiences:
        """The collection of ``experiences``, in order."""
        return cls(tuple(experiences))

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, index: int) -> Experience:  # type: ignore[override]
        return self.items[index]

    def __iter__(self) -> Iterator[Experience]:
        return iter(self.items)

    def get(self, query: str) -> Experience:
        """The one experience ``query`` names, by id or name.

        Raises
        ------
        DataError
            Naming the field ``experiences`` when nothing or several experiences match.
        """
        try:
            return self._index.get(query)
        except UnknownPlaceError as exc:
            if exc.ambiguous:
                message = f"experience {query!r} is ambiguous; it matches: "
            else:
                message = f"no experience matches {query!r}; known experiences: "
            known = exc.candidates if exc.ambiguous else tuple(e.id for e in self.items)
            raise DataError(message + (", ".join(known) or "none"), field="experiences") from None

    def at(self, place_id: str) -> tuple[Experience, ...]:
        """The experiences at the place ``place_id``, in order."""
        return tuple(e for e in self.items if e.place_id == place_id)

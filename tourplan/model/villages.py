"""Villages: an ordered, immutable collection of villages with lookups by id, name and distance."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import NamedTuple, overload

from ..exceptions import DataError
from ..geodesic import geodesic_m
from ..names import NameIndex
from .place import KINDS, THEMES, Village, check_position

__all__ = ["Nearby", "Villages"]


class Nearby(NamedTuple):
    """A village and its straight-line (geodesic) distance from a point, in kilometres."""

    village: Village
    distance_km: float


class Villages(Sequence[Village]):
    """An ordered, immutable collection of villages with lookups by id or name.

    Index it by position (``villages[0]``), by slice (a new :class:`Villages`), or by id or
    name (``villages["bat-trang"]``, like :meth:`get`).

    Raises
    ------
    DataError
        When two villages share an id.

    Examples
    --------
    >>> from tourplan import load_hanoi
    >>> villages = load_hanoi()
    >>> villages.get("Bát Tràng").id
    'bat-trang'
    >>> villages.get("bat trang").id
    'bat-trang'
    >>> villages.get("Bat Trang pottery village").id
    'bat-trang'
    >>> villages["bat-trang"].name_vi
    'Làng gốm Bát Tràng'
    """

    def __init__(self, villages: Iterable[Village]) -> None:
        self._items = tuple(villages)
        self._by_id: dict[str, Village] = {}
        for v in self._items:
            if v.id in self._by_id:
                raise DataError(f"duplicate id {v.id!r}", field="id")
            self._by_id[v.id] = v
        self._index = NameIndex(self._items, lambda v: v.id, lambda v: (v.name_vi, v.name_en))

    @overload
    def __getitem__(self, index: int) -> Village: ...
    @overload
    def __getitem__(self, index: slice) -> Villages: ...
    @overload
    def __getitem__(self, index: str) -> Village: ...
    def __getitem__(self, index: int | slice | str) -> Village | Villages:
        """The village at a position, the villages of a slice, or the village an id or name
        names (see :meth:`get`; raises :class:`~tourplan.exceptions.UnknownPlaceError`, a
        ``LookupError``, when none or several match)."""
        if isinstance(index, str):
            return self.get(index)
        if isinstance(index, slice):
            return Villages(self._items[index])
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Village]:
        return iter(self._items)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return item in self._by_id
        return item in self._items

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Villages):
            return self._items == other._items
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._items)

    def __repr__(self) -> str:
        return f"Villages({len(self)} villages)"

    @property
    def ids(self) -> tuple[str, ...]:
        """The ids, in order."""
        return tuple(v.id for v in self._items)

    def get(self, query: str) -> Village:
        """The village named by ``query``: an id, a Vietnamese name with or without diacritics,
        or an English name (or a run of words of one).

        Raises
        ------
        UnknownPlaceError
            When nothing matches (the message suggests near names) or when the name is
            ambiguous (the message lists the candidates).
        """
        return self._index.get(query)

    def search(self, query: str) -> Villages:
        """Every village matching ``query`` (see :meth:`get`), possibly none."""
        return Villages(self._index.search(query))

    def suggest(self, query: str, limit: int = 5) -> list[str]:
        """Ids of villages whose names are close to ``query``."""
        return self._index.suggest(query, limit)

    def filter(self, predicate: Callable[[Village], bool]) -> Villages:
        """The villages for which ``predicate`` is true, in order."""
        return Villages(v for v in self._items if predicate(v))

    def of_kind(self, *kinds: str) -> Villages:
        """The places of any of ``kinds`` (``"village"``, ``"pagoda"``, ``"museum"``, ...).

        Raises
        ------
        DataError
            Naming ``kind`` when a kind is not one of :data:`~tourplan.model.KINDS`.
        """
        unknown = [k for k in kinds if k not in KINDS]
        if unknown:
            raise DataError(
                f"unknown kind(s) {', '.join(unknown)}; known kinds: {', '.join(KINDS)}",
                field="kind",
            )
        wanted = set(kinds)
        return self.filter(lambda v: v.kind in wanted)

    def villages(self) -> Villages:
        """The craft villages only (``kind == "village"``), without the sights.

        Examples
        --------
        >>> from tourplan import load_hanoi
        >>> all(v.kind == "village" for v in load_hanoi().villages())
        True
        """
        return self.filter(lambda v: not v.is_sight)

    def sights(self) -> Villages:
        """The sights only: pagodas, temples, museums, shows and markets."""
        return self.filter(lambda v: v.is_sight)

    def with_theme(self, *themes: str) -> Villages:
        """The villages tagged with any of ``themes``."""
        unknown = [t for t in themes if t not in THEMES]
        if unknown:
            raise DataError(
                f"unknown theme(s) {', '.join(unknown)}; known themes: {', '.join(THEMES)}",
                field="themes",
            )
        wanted = set(themes)
        return self.filter(lambda v: bool(wanted.intersection(v.themes)))

    def near(self, lat: float, lon: float, within_km: float | None = None) -> list[Nearby]:
        """The villages by straight-line distance from a point, nearest first.

        The distance is the WGS-84 geodesic (:func:`tourplan.geodesic.geodesic_m`), not a road
        distance; villages at the same distance are ordered by id.

        Parameters
        ----------
        lat, lon
            The point, in WGS-84 degrees.
        within_km
            Keep only the villages at most this many kilometres away (inclusive); None keeps
            them all.

        Returns
        -------
        list of Nearby
            ``(village, distance_km)`` pairs, nearest first; ``Villages(n.village for n in
            ...)`` makes them a collection again.

        Raises
        ------
        DataError
            When ``lat`` or ``lon`` is out of range, or ``within_km`` is negative or not a
            number (naming the field).

        Examples
        --------
        >>> from tourplan import load_hanoi
        >>> nearest = load_hanoi().near(21.0285, 105.8542, within_km=10)  # Hoàn Kiếm Lake
        >>> village, km = nearest[0]
        >>> village.id, round(km, 1)
        ('mua-roi-thang-long', 0.4)
        >>> all(n.distance_km <= 10 for n in nearest)
        True
        """
        check_position(lat, lon)
        if within_km is not None and (
            isinstance(within_km, bool)
            or not isinstance(within_km, int | float)
            or not math.isfinite(within_km)
            or within_km < 0
        ):
            raise DataError(
                f"within_km must be a distance of 0 km or more, got {within_km!r}",
                field="within_km",
            )
        measured = [Nearby(v, geodesic_m(lat, lon, v.lat, v.lon) / 1000) for v in self._items]
        kept = [n for n in measured if within_km is None or n.distance_km <= within_km]
        return sorted(kept, key=lambda n: (n.distance_km, n.village.id))

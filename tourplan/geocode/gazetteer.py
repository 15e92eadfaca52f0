"""The offline gazetteer: known places found by id or name, with or without diacritics.

:meth:`Gazetteer.bundled` is the one place where geocoding loads the bundled data files (the
start points and, unless given villages, the Hanoi villages); a gazetteer built from places it
is handed never reads a file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..datasets import load_hanoi, load_start_points
from ..exceptions import DataError, UnknownPlaceError
from ..model import Place, Village
from ..names import NameIndex

__all__ = ["Gazetteer"]


def _as_place(item: Place | Village) -> Place:
    if isinstance(item, Place):
        return item
    if isinstance(item, Village):
        return Place(
            id=item.id,
            name=item.name_vi,
            lat=item.lat,
            lon=item.lon,
            name_en=item.name_en,
            coord_kind=item.coord_kind,
            coord_precision_m=item.coord_precision_m,
            coord_source=item.coord_source,
        )
    raise DataError(f"a gazetteer holds places or villages, got {item!r}", field="places")


class Gazetteer:
    """Known places, found offline by id or by name (with or without diacritics, or English).

    Parameters
    ----------
    places
        The places to know; villages are turned into :class:`~tourplan.model.Place` values
        with the village's id, names, position and coordinate fields.

    Raises
    ------
    DataError
        When two places share an id.

    Examples
    --------
    >>> gazetteer = Gazetteer.bundled()
    >>> gazetteer.find("hoan kiem lake").name
    'Hồ Hoàn Kiếm (Hồ Gươm)'
    >>> gazetteer.find("Bát Tràng").coord_kind
    'village'
    >>> gazetteer.find("12 Hàng Bạc") is None
    True
    """

    def __init__(self, places: Iterable[Place | Village]) -> None:
        given = tuple(places)
        self._places = tuple(_as_place(p) for p in given)
        self._villages = frozenset(p.id for p in given if isinstance(p, Village))
        self._by_id: dict[str, Place] = {}
        for place in self._places:
            if place.id in self._by_id:
                raise DataError(f"duplicate place id {place.id!r} in the gazetteer", field="id")
            self._by_id[place.id] = place
        self._index = NameIndex(self._places, lambda p: p.id, lambda p: (p.name, p.name_en))

    @classmethod
    def bundled(cls, villages: Iterable[Village] | None = None) -> Gazetteer:
        """The bundled start points followed by ``villages`` (default: the bundled Hanoi ones).

        Parameters
        ----------
        villages
            The villages a trip is planned over, e.g. a filtered or custom set; None means
            :func:`~tourplan.datasets.load_hanoi`.
        """
        return cls((*load_start_points(), *(load_hanoi() if villages is None else villages)))

    @property
    def places(self) -> tuple[Place, ...]:
        """The known places, in order."""
        return self._places

    def find(self, query: str) -> Place | None:
        """The one place ``query`` names, or None when no place matches.

        Raises
        ------
        UnknownPlaceError
            When several places match equally well (``ambiguous=True``; ``candidates`` lists
            their ids).
        """
        matches = self._index.search(query)
        if len(matches) > 1:
            raise UnknownPlaceError(query.strip(), [p.id for p in matches], ambiguous=True)
        return matches[0] if matches else None

    def get(self, query: str) -> Place:
        """Like :meth:`find`, but raise :class:`UnknownPlaceError` (with suggestions) if none."""
        return self._index.get(query)

    def start_point(self, query: str) -> Place | None:
        """The one place ``query`` names if it was given as a place, not a village (a start
        point such as ``hoan-kiem-lake``), else None (a village, several places or none).

        Examples
        --------
        >>> gazetteer = Gazetteer.bundled()
        >>> gazetteer.start_point("Hoan Kiem Lake").id, gazetteer.start_point("bat-trang")
        ('hoan-kiem-lake', None)
        """
        matches = self._index.search(query)
        if len(matches) == 1 and matches[0].id not in self._villages:
            return matches[0]
        return None

    def suggest(self, query: str, limit: int = 5) -> list[str]:
        """Ids of places whose names are close to ``query`` (for "did you mean" messages)."""
        return self._index.suggest(query, limit)

    def __len__(self) -> int:
        return len(self._places)

    def __iter__(self) -> Iterator[Place]:
        return iter(self._places)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return item in self._by_id
        return item in self._places

    def __repr__(self) -> str:
        return f"Gazetteer({len(self)} places)"

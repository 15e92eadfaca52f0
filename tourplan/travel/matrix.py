"""The travel-time matrix: integer seconds (and metres where known) between places, by id."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

from ..exceptions import DataError, PlaceNotInMatrixError

__all__ = ["LegGeometry", "Located", "Snap", "TravelMatrix"]

Coordinates = tuple[tuple[float, float], ...]
"""A leg's geometry: ``(lon, lat)`` pairs in WGS-84 degrees, from origin to destination."""


@runtime_checkable
class Located(Protocol):
    """Anything with an id, a name and a WGS-84 position: a village, a hotel, a start point."""

    @property
    def id(self) -> str:
        """Unique identifier of the place."""
        ...

    @property
    def name(self) -> str:
        """Human-readable name, used in error messages."""
        ...

    @property
    def lat(self) -> float:
        """Latitude in degrees (WGS-84)."""
        ...

    @property
    def lon(self) -> float:
        """Longitude in degrees (WGS-84)."""
        ...


class LegGeometry(Protocol):
    """Road geometry behind a matrix, recomputed on demand rather than stored for every pair."""

    def path(self, origin: int, destination: int) -> Coordinates:
        """Return the ``(lon, lat)`` points of the leg between two rows of the matrix."""
        ...

    def take(self, rows: Sequence[int]) -> LegGeometry:
        """Return the geometry for a matrix restricted to ``rows`` (in that order)."""
        ...


@dataclass(frozen=True)
class Snap:
    """How a place was attached to a road graph.

    Parameters
    ----------
    place_id
        The place's id.
    node
        The graph node the place was snapped to.
    distance_m
        Geodesic distance from the place to that node, in metres.
    """

    place_id: str
    node: Any
    distance_m: float


def _readonly(array: npt.NDArray[Any]) -> npt.NDArray[Any]:
    array.setflags(write=False)
    return array


@dataclass(frozen=True, eq=False)
class TravelMatrix:
    """Travel times (integer seconds) and road distances (metres, if known) between places.

    Row ``i``, column ``j`` is the trip from ``ids[i]`` to ``ids[j]``; times need not be
    symmetric (one-way streets). The arrays are copied and made read-only.

    Parameters
    ----------
    ids
        Place ids, one per row and column; unique.
    seconds
        ``n × n`` non-negative travel times in whole seconds, zero on the diagonal.
    metres
        ``n × n`` non-negative road distances in metres, or None when unknown.
    mode
        Name of the transport mode or network the times are for (e.g. ``"car"``).
    description
        How the matrix was built, in words.
    snaps
        For matrices built on a road graph, how each place was attached to it.
    geometry
        Source of road geometry for :meth:`path`, or None.

    Examples
    --------
    >>> m = TravelMatrix(ids=("a", "b"), seconds=[[0, 60], [90, 0]])
    >>> m.seconds_between("a", "b"), m.seconds_between("b", "a"), len(m)
    (60, 90, 2)
    >>> m.subset(["b"]).ids
    ('b',)
    """

    ids: tuple[str, ...]
    seconds: npt.NDArray[np.int64]
    metres: npt.NDArray[np.float64] | None = None
    mode: str = ""
    description: str = ""
    snaps: tuple[Snap, ...] = ()
    geometry: LegGeometry | None = field(default=None, repr=False)
    _index: dict[str, int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        ids = tuple(self.ids)
        if not all(isinstance(i, str) and i for i in ids):
            raise DataError("every place id must be a non-empty string", field="ids")
        index = {place_id: k for k, place_id in enumerate(ids)}
        if len(index) != len(ids):
            dupes = sorted(i for i, count in Counter(ids).items() if count > 1)
            raise DataError(f"place ids must be unique; repeated: {', '.join(dupes)}", field="ids")
        n = len(ids)
        seconds = self._square(self.seconds, n, "seconds")
        if not np.all(np.isfinite(seconds)):
            raise DataError("travel times must be finite", field="seconds")
        if np.any(seconds != np.round(seconds)):
            raise DataError("travel times must be whole seconds", field="seconds")
        seconds = seconds.astype(np.int64)
        metres = None if self.metres is None else self._square(self.metres, n, "metres")
        if metres is not None and not np.all(np.isfinite(metres)):
            raise DataError("distances must be finite", field="metres")
        snaps = tuple(self.snaps)
        if snaps and tuple(s.place_id for s in snaps) != ids:
            raise DataError("snaps must list the matrix's places in order", field="snaps")
        object.__setattr__(self, "ids", ids)
        object.__setattr__(self, "seconds", _readonly(seconds))
        object.__setattr__(self, "metres", None if metres is None else _readonly(metres))
        object.__setattr__(self, "snaps", snaps)
        object.__setattr__(self, "_index", index)

    @staticmethod
    def _square(values: Any, n: int, name: str) -> npt.NDArray[np.float64]:
        try:
            array = np.array(values, dtype=np.float64)
        except (TypeError, ValueError) as exc:
            raise DataError(f"{name} must be a numeric n × n array: {exc}", field=name) from exc
        if n == 0 and array.size == 0:
            return array.reshape(0, 0)
        if array.shape != (n, n):
            raise DataError(
                f"{name} has shape {array.shape} but there are {n} ids; expected ({n}, {n})",
                field=name,
            )
        if np.any(array < 0):
            i, j = (int(k) for k in np.argwhere(array < 0)[0])
            raise DataError(f"{name} must be non-negative; [{i}, {j}] is {array[i, j]}", field=name)
        if np.any(np.diagonal(array) != 0):
            raise DataError(f"{name} must be zero on the diagonal", field=name)
        return array

    def __len__(self) -> int:
        return len(self.ids)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, TravelMatrix):
            return NotImplemented
        same_metres = (self.metres is None and other.metres is None) or (
            self.metres is not None
            and other.metres is not None
            and np.array_equal(self.metres, other.metres)
        )
        return (
            self.ids == other.ids
            and np.array_equal(self.seconds, other.seconds)
            and same_metres
            and self.mode == other.mode
        )

    __hash__ = None  # type: ignore[assignment]  # holds arrays: a value, but not hashable

    def __contains__(self, place_id: object) -> bool:
        return place_id in self._index

    def index(self, place_id: str) -> int:
        """Return the row (and column) of ``place_id``.

        Raises
        ------
        PlaceNotInMatrixError
            (a ``KeyError``) if the matrix does not hold that id.
        """
        try:
            return self._index[place_id]
        except KeyError:
            raise PlaceNotInMatrixError(place_id, self.ids) from None

    def seconds_between(self, origin: str, destination: str) -> int:
        """Return the travel time from ``origin`` to ``destination`` in whole seconds."""
        return int(self.seconds[self.index(origin), self.index(destination)])

    def metres_between(self, origin: str, destination: str) -> float | None:
        """Return the road distance from ``origin`` to ``destination`` in metres, if known."""
        i, j = self.index(origin), self.index(destination)
        return None if self.metres is None else float(self.metres[i, j])

    def path(self, origin: str, destination: str) -> Coordinates | None:
        """Return the ``(lon, lat)`` road geometry of one leg, or None without a road graph.

        The geometry runs from the origin place, through the graph nodes of the fastest
        route, to the destination place. It is recomputed on demand (one shortest-path
        search per origin, cached), so asking for a few legs is cheap and nothing is
        stored for the n² legs nobody asks for.
        """
        i, j = self.index(origin), self.index(destination)
        return None if self.geometry is None else self.geometry.path(i, j)

    def subset(self, ids: Iterable[str]) -> TravelMatrix:
        """Return the matrix restricted to ``ids``, in that order."""
        wanted = tuple(ids)
        rows = [self.index(place_id) for place_id in wanted]
        grid = np.ix_(rows, rows)
        return TravelMatrix(
            ids=wanted,
            seconds=self.seconds[grid],
            metres=None if self.metres is None else self.metres[grid],
            mode=self.mode,
            description=self.description,
            snaps=tuple(self.snaps[k] for k in rows) if self.snaps else (),
            geometry=None if self.geometry is None else self.geometry.take(rows),
        )

    def to_lists(self) -> list[list[int]]:
        """Return the times as plain nested lists of ``int`` (what OR-Tools callbacks want)."""
        return [[int(t) for t in row] for row in self.seconds]

"""A generic routing problem: places, visits with time windows and scores, tours and breaks.

Visits may form groups of alternatives (:class:`Group`): at most one member of a group is
performed, exactly one if the group is required. PyVRP calls these mutually exclusive client
groups; OR-Tools takes them as a disjunction over several nodes. They model one place offered in
several forms: a short, a typical and a long visit, or a workshop at one of several fixed times.
A group may allow more members (``limit``), never two in one tour: one place in up to ``limit``
tours, e.g. a village in two routes of a catalogue.

All times are plain integers in one unit (the planner uses seconds, the benchmark tenths or
hundredths) on one absolute time axis shared by every tour.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from ..exceptions import DataError

__all__ = ["Break", "Group", "RoutingProblem", "TimeWindow", "Tour", "Visit"]


def _check_int(value: object, name: str, *, minimum: int | None = None) -> None:
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise DataError(f"must be an integer, got {value!r}", field=name)
    if minimum is not None and value < minimum:
        raise DataError(f"must be >= {minimum}, got {value}", field=name)


@dataclass(frozen=True, slots=True)
class TimeWindow:
    """An interval in which service may *start*, both ends inclusive.

    Parameters
    ----------
    start
        Earliest start of service.
    end
        Latest start of service (not the closing time of the place).

    Examples
    --------
    >>> TimeWindow(480, 690).contains(690)
    True
    """

    start: int
    end: int

    def __post_init__(self) -> None:
        _check_int(self.start, "start")
        _check_int(self.end, "end")
        if self.end < self.start:
            raise DataError(f"end {self.end} is before start {self.start}", field="end")

    def contains(self, time: int) -> bool:
        """Whether service may start at ``time``."""
        return self.start <= time <= self.end


def _normalise_windows(windows: Sequence[TimeWindow]) -> tuple[TimeWindow, ...]:
    """Sort windows and merge overlapping or touching ones."""
    merged: list[TimeWindow] = []
    for w in sorted(windows, key=lambda w: (w.start, w.end)):
        if merged and w.start <= merged[-1].end + 1:
            last = merged[-1]
            merged[-1] = TimeWindow(last.start, max(last.end, w.end))
        else:
            merged.append(w)
    return tuple(merged)


@dataclass(frozen=True, slots=True)
class Visit:
    """A place that may be visited once, for a fixed service time, to collect a score.

    Parameters
    ----------
    id
        A unique name, used in messages.
    location
        Row/column of the travel-time matrix. Several visits may share a location.
    service
        How long the visit lasts once started.
    windows
        When service may start; sorted and merged on creation. Must not be empty.
    score
        Interest collected when visited (>= 0).
    required
        Whether the visit must be part of every solution.
    tours
        Indices of the tours allowed to serve it; ``None`` means all.
    counts
        Whether it counts against a tour's ``max_visits`` (``False``: e.g. a visit that
        carries on another one at the same place).

    Examples
    --------
    >>> v = Visit("pottery", 1, 60, (TimeWindow(780, 1020), TimeWindow(480, 690)), score=5)
    >>> [w.start for w in v.windows]
    [480, 780]
    """

    id: str
    location: int
    service: int
    windows: tuple[TimeWindow, ...]
    score: int
    required: bool = False
    tours: frozenset[int] | None = None
    counts: bool = True

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id:
            raise DataError("must be a non-empty string", field="id")
        if not isinstance(self.counts, bool):
            raise DataError(f"visit {self.id!r}: counts must be True or False", field="counts")
        _check_int(self.location, "location", minimum=0)
        _check_int(self.service, "service", minimum=0)
        _check_int(self.score, "score", minimum=0)
        windows = tuple(self.windows)
        if not windows:
            raise DataError(f"visit {self.id!r} has no time window", field="windows")
        if not all(isinstance(w, TimeWindow) for w in windows):
            raise DataError(f"visit {self.id!r}: windows must be TimeWindow", field="windows")
        object.__setattr__(self, "windows", _normalise_windows(windows))
        if self.tours is not None:
            tours = frozenset(self.tours)
            for t in tours:
                _check_int(t, "tours", minimum=0)
            if not tours:
                raise DataError(f"visit {self.id!r} allows no tour", field="tours")
            object.__setattr__(self, "tours", tours)

    def allows(self, tour: int) -> bool:
        """Whether tour index ``tour`` may serve this visit."""
        return self.tours is None or tour in self.tours

    def earliest_start(self, time: int) -> int | None:
        """The first instant >= ``time`` inside a window, or ``None`` if all windows are past."""
        for w in self.windows:
            if time <= w.end:
                return max(time, w.start)
        return None


@dataclass(frozen=True, slots=True)
class Break:
    """A pause (e.g. lunch) of fixed duration that must start inside a window.

    Parameters
    ----------
    id
        Name used in messages.
    duration
        Length of the break.
    earliest_start, latest_start
        The break must start in ``[earliest_start, latest_start]``.
    """

    id: str
    duration: int
    earliest_start: int
    latest_start: int

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id:
            raise DataError("must be a non-empty string", field="id")
        _check_int(self.duration, "duration", minimum=0)
        _check_int(self.earliest_start, "earliest_start")
        _check_int(self.latest_start, "latest_start")
        if self.latest_start < self.earliest_start:
            raise DataError(
                f"break {self.id!r}: latest_start before earliest_start", field="latest_start"
            )


@dataclass(frozen=True, slots=True)
class Tour:
    """One tour (a day), from a start place to an end place inside a time window.

    Parameters
    ----------
    id
        Name used in messages.
    start_location, end_location
        Matrix indices of where the tour starts and ends.
    earliest_start
        Earliest departure from the start place.
    latest_end
        Latest arrival at the end place.
    max_duration
        Upper bound on ``arrival - departure`` (waiting included), or ``None``.
    max_visits
        Upper bound on the number of visits that count (:attr:`Visit.counts`), or ``None``.
    breaks
        Breaks to take if the tour is used, sorted by earliest start on creation.
    """

    id: str
    start_location: int
    end_location: int
    earliest_start: int
    latest_end: int
    max_duration: int | None = None
    max_visits: int | None = None
    breaks: tuple[Break, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id:
            raise DataError("must be a non-empty string", field="id")
        _check_int(self.start_location, "start_location", minimum=0)
        _check_int(self.end_location, "end_location", minimum=0)
        _check_int(self.earliest_start, "earliest_start")
        _check_int(self.latest_end, "latest_end")
        if self.latest_end < self.earliest_start:
            raise DataError(
                f"tour {self.id!r}: latest_end before earliest_start", field="latest_end"
            )
        if self.max_duration is not None:
            _check_int(self.max_duration, "max_duration", minimum=0)
        if self.max_visits is not None:
            _check_int(self.max_visits, "max_visits", minimum=0)
        breaks = tuple(self.breaks)
        if not all(isinstance(b, Break) for b in breaks):
            raise DataError(f"tour {self.id!r}: breaks must be Break", field="breaks")
        object.__setattr__(
            self, "breaks", tuple(sorted(breaks, key=lambda b: (b.earliest_start, b.latest_start)))
        )

    @property
    def horizon(self) -> int:
        """The longest the tour may last: its window, capped by ``max_duration``."""
        span = self.latest_end - self.earliest_start
        return span if self.max_duration is None else min(span, self.max_duration)


@dataclass(frozen=True, slots=True)
class Group:
    """Alternative visits: a solution performs at most ``limit`` of them, never two in one tour
    (at least one if required).

    Parameters
    ----------
    id
        A unique name, used in messages.
    visits
        Indices into the problem's visits; at least one, no repeats. A visit belongs to at most
        one group, and a member is never ``required`` itself (make the group required instead).
    required
        Whether every solution must perform a member.
    limit
        Most members a solution performs, each in a different tour (default 1: alternatives).
        With more than one, :func:`~tourplan.routing.solve`'s iterated search still places one
        member (a valid, cautious answer), OR-Tools' phase and the validator know the limit;
        callers place the others (the catalogue's repeats, :mod:`tourplan.catalogue.search`).

    Examples
    --------
    >>> Group("bat-trang", (3, 4, 5)).visits
    (3, 4, 5)
    >>> Group("bat-trang", (3, 4), limit=2).limit
    2
    """

    id: str
    visits: tuple[int, ...]
    required: bool = False
    limit: int = 1

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id:
            raise DataError("must be a non-empty string", field="id")
        members = tuple(self.visits)
        if not members:
            raise DataError(f"group {self.id!r} has no visit", field="visits")
        for i in members:
            _check_int(i, "visits", minimum=0)
        if len(set(members)) != len(members):
            raise DataError(f"group {self.id!r} names a visit twice", field="visits")
        object.__setattr__(self, "visits", tuple(int(i) for i in members))
        _check_int(self.limit, "limit", minimum=1)


def _to_matrix(travel_times: Any) -> npt.NDArray[np.int64]:
    try:
        raw = np.asarray(travel_times)
    except (TypeError, ValueError) as exc:
        raise DataError(f"not a matrix: {exc}", field="travel_times") from exc
    if raw.ndim != 2 or raw.shape[0] != raw.shape[1] or raw.shape[0] == 0:
        raise DataError(
            f"must be a non-empty square matrix, got shape {raw.shape}", field="travel_times"
        )
    if raw.dtype == bool or not (
        np.issubdtype(raw.dtype, np.integer)
        or (np.issubdtype(raw.dtype, np.floating) and np.all(np.mod(raw, 1) == 0))
    ):
        raise DataError("must hold integers", field="travel_times")
    matrix = raw.astype(np.int64)
    if (matrix < 0).any():
        raise DataError("must not be negative", field="travel_times")
    matrix.flags.writeable = False
    return matrix


@dataclass(frozen=True)
class RoutingProblem:
    """Visits to choose and order into tours, maximising score then minimising travel.

    Parameters
    ----------
    travel_times
        Square integer matrix, ``travel_times[i][j]`` from location ``i`` to ``j``; may be
        asymmetric. Any nested sequence or numpy array; stored as a read-only ``int64`` array.
    visits
        The candidate visits.
    tours
        The tours (days); at least one.
    groups
        Groups of alternative visits (:class:`Group`); a visit is in at most one.

    Examples
    --------
    >>> p = RoutingProblem(
    ...     [[0, 10], [10, 0]],
    ...     visits=(Visit("a", 1, 5, (TimeWindow(0, 100),), score=3),),
    ...     tours=(Tour("day 1", 0, 0, 0, 100),),
    ... )
    >>> p.travel_times.shape, p.total_score
    ((2, 2), 3)
    """

    travel_times: npt.NDArray[np.int64]
    visits: tuple[Visit, ...]
    tours: tuple[Tour, ...]
    groups: tuple[Group, ...] = ()
    _ids: dict[str, int] = field(init=False, repr=False, compare=False)
    _group_of: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        matrix = _to_matrix(self.travel_times)
        object.__setattr__(self, "travel_times", matrix)
        visits = tuple(self.visits)
        tours = tuple(self.tours)
        object.__setattr__(self, "visits", visits)
        object.__setattr__(self, "tours", tours)
        n = matrix.shape[0]
        if not tours:
            raise DataError("at least one tour is needed", field="tours")
        for t in tours:
            if not isinstance(t, Tour):
                raise DataError(f"not a Tour: {t!r}", field="tours")
            if t.start_location >= n or t.end_location >= n:
                raise DataError(f"tour {t.id!r}: location outside the matrix", field="tours")
        ids: dict[str, int] = {}
        for i, v in enumerate(visits):
            if not isinstance(v, Visit):
                raise DataError(f"not a Visit: {v!r}", field="visits")
            if v.location >= n:
                raise DataError(
                    f"visit {v.id!r}: location {v.location} outside the matrix", field="visits"
                )
            if v.id in ids:
                raise DataError(f"duplicate visit id {v.id!r}", field="visits")
            if v.tours is not None and max(v.tours) >= len(tours):
                raise DataError(f"visit {v.id!r}: tour index out of range", field="visits")
            ids[v.id] = i
        object.__setattr__(self, "_ids", ids)
        groups = tuple(self.groups)
        object.__setattr__(self, "groups", groups)
        group_of = [-1] * len(visits)
        names: set[str] = set()
        for g, group in enumerate(groups):
            if not isinstance(group, Group):
                raise DataError(f"not a Group: {group!r}", field="groups")
            if group.id in names:
                raise DataError(f"duplicate group id {group.id!r}", field="groups")
            names.add(group.id)
            for i in group.visits:
                if i >= len(visits):
                    raise DataError(
                        f"group {group.id!r}: visit index {i} out of range", field="groups"
                    )
                if group_of[i] >= 0:
                    raise DataError(
                        f"visit {visits[i].id!r} is in groups {groups[group_of[i]].id!r} "
                        f"and {group.id!r}",
                        field="groups",
                    )
                if visits[i].required:
                    raise DataError(
                        f"visit {visits[i].id!r} of group {group.id!r} is required itself; "
                        "make the group required instead",
                        field="groups",
                    )
                group_of[i] = g
        object.__setattr__(self, "_group_of", tuple(group_of))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RoutingProblem):
            return NotImplemented
        return (
            np.array_equal(self.travel_times, other.travel_times)
            and self.visits == other.visits
            and self.tours == other.tours
            and self.groups == other.groups
        )

    __hash__ = None  # type: ignore[assignment]

    def index_of(self, visit_id: str) -> int:
        """The index of the visit named ``visit_id``."""
        return self._ids[visit_id]

    def group_of(self, visit: int) -> int | None:
        """The index of the group visit index ``visit`` belongs to, or ``None``."""
        g = self._group_of[visit]
        return None if g < 0 else g

    def must_keep(self, visit: int) -> bool:
        """Whether visit index ``visit`` is required, or a member of a required group."""
        g = self._group_of[visit]
        return self.visits[visit].required or (g >= 0 and self.groups[g].required)

    @property
    def total_score(self) -> int:
        """The best score any solution could collect: every visit, the ``limit`` best members
        of each group."""
        total = sum(v.score for i, v in enumerate(self.visits) if self._group_of[i] < 0)
        for group in self.groups:
            scores = sorted((self.visits[i].score for i in group.visits), reverse=True)
            total += sum(scores[: group.limit])
        return total

    def counted(self, route: Sequence[int]) -> int:
        """How many visits of ``route`` (visit indices) count against ``max_visits``."""
        return sum(self.visits[i].counts for i in route)

    def travel(self, origin: int, destination: int) -> int:
        """Travel time between two matrix locations."""
        return int(self.travel_times[origin, destination])

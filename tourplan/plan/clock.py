"""One time limit for a whole planning call, shared by the solves it runs.

A plan is made by several solves (each day's open plan and areas, a re-solve pricing repeated
themes, a retry of the must-visits at their shortest, a budget's repairs); a
:class:`Clock` started with the caller's :class:`~tourplan.routing.SearchParameters` gives each
solve a share of the time *left*, so the call ends about when its ``time_limit`` says. Time a
solve does not use (a search that converges early) goes to the solves after it.

Work around the searches (building each plan's problem, scheduling and checking it) takes
time too: the clock learns it from the solves so far (:meth:`Clock.note`: the wall time of a
solve beyond the time it was given) and hands each later solve that much less, so the last
one still ends by the deadline.

A solve is never refused for lack of time: past the deadline it gets :data:`MIN_SECONDS`, in
which the routing core still builds its first plan (an insertion of the visits; it stops
searching at the deadline), so the caller always gets a plan. The callers start no *optional*
solve (another area, a variety re-solve) once :meth:`Clock.expired` says so.

In deterministic mode (``SearchParameters.deterministic``) the clock never runs out and hands
out the caller's parameters unchanged: the search stops on iteration limits, and the same
request gives the same plan.
"""

from __future__ import annotations

import dataclasses
import time

from ..exceptions import DataError
from ..routing import SearchParameters

__all__ = ["FINISH_SHARE", "MAX_TIME_LIMIT", "MIN_SECONDS", "OVERHEAD_DECAY", "Clock"]

MAX_TIME_LIMIT = 3600.0
"""The longest search a request may ask for, in seconds (an hour)."""

OVERHEAD_DECAY = 0.5
"""How much of the overhead learnt from earlier solves is still expected when a solve ran
without any (see :meth:`Clock.note`): a one-off cost, such as loading OR-Tools in the first
solve of a process, fades in a few solves."""

FINISH_SHARE = 0.05
"""Share of a call's time limit kept for the work after its last search (scheduling the days,
the itinerary, the independent check): the solves share the rest. Without it a trip of three
or four days planned as one problem at 0.5 s ended 40-45 ms late (9 %) on an idle machine."""

MIN_SECONDS = 0.02
"""The least time a solve is given (seconds): enough for the routing core's first plan of a
day; the deadline may be overrun by about this much for each solve that must still run."""


class Clock:
    """The deadline of one planning call, and the search parameters of each solve in it.

    Parameters
    ----------
    params
        The caller's search parameters; ``params.time_limit`` seconds from now is when the
        call ends; the solves' deadline is :data:`FINISH_SHARE` of it earlier (none in
        deterministic mode).
    seconds
        Seconds until the deadline instead of ``params.time_limit`` (a part of another clock,
        see :meth:`part`, which shares what its clock learnt of the overhead).

    Raises
    ------
    DataError
        A time limit that is not finite or above :data:`MAX_TIME_LIMIT` (outside
        deterministic mode).

    Examples
    --------
    >>> clock = Clock(SearchParameters(time_limit=2.0))
    >>> 0 < clock.search(share=0.5).time_limit <= 1.0
    True
    >>> clock.expired()
    False
    >>> Clock(SearchParameters(deterministic=True)).search(0.1).time_limit
    10.0
    """

    def __init__(
        self, params: SearchParameters, seconds: float | None = None, *, _of: Clock | None = None
    ) -> None:
        self.params = params
        self._root: Clock = self if _of is None else _of._root
        self.overhead = 0.0  # seconds a solve takes beyond its limit (kept by the root clock)
        if not params.deterministic and not 0 < params.time_limit <= MAX_TIME_LIMIT:
            raise DataError(
                f"must be a positive number of seconds, at most {MAX_TIME_LIMIT:g}, "
                f"got {params.time_limit:g}",
                field="time_limit",
            )
        # the whole call's clock keeps FINISH_SHARE for the work after the last search
        limit = params.time_limit * (1 - FINISH_SHARE) if seconds is None else seconds
        self._end = None if params.deterministic else time.monotonic() + max(0.0, limit)

    def remaining(self) -> float:
        """Seconds left before the deadline (never negative; infinite in deterministic mode)."""
        if self._end is None:
            return float("inf")
        return max(0.0, self._end - time.monotonic())

    def expired(self) -> bool:
        """Whether the deadline has passed (never in deterministic mode)."""
        return self._end is not None and time.monotonic() >= self._end

    def search(self, share: float = 1.0) -> SearchParameters:
        """The parameters of the next solve: ``share`` of the time left less the overhead
        expected of a solve (:meth:`note`), at least :data:`MIN_SECONDS` (the caller's
        parameters unchanged in deterministic mode)."""
        if self._end is None:
            return self.params
        share = min(1.0, max(0.0, share))
        seconds = max(MIN_SECONDS, self.remaining() * share - self._root.overhead)
        return dataclasses.replace(self.params, time_limit=seconds)

    def note(self, given: SearchParameters, seconds: float) -> None:
        """Learn from a solve that was given ``given`` and took ``seconds`` (wall, all its
        work included): the time beyond its limit is expected of the next solves too (the
        largest such time lately, fading by :data:`OVERHEAD_DECAY` a solve)."""
        if self._end is None:
            return
        root = self._root
        root.overhead = max(seconds - given.time_limit, OVERHEAD_DECAY * root.overhead, 0.0)

    def part(self, share: float) -> Clock:
        """A clock ending after ``share`` of the time left (never after this one)."""
        if self._end is None:
            return self
        return Clock(self.params, self.remaining() * min(1.0, max(0.0, share)), _of=self)

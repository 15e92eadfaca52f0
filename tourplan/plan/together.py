"""Must-visit villages that fit a day alone but not together: the routing shortfall on a clock.

The routing core counts seconds on its own axis (:class:`~tourplan.routing.Shortfall`); this
module turns them into local times of the day and villages, so that
:func:`tourplan.text.explain_conflict` can say "Kiêu Kỵ is reached at 15:31 at the earliest;
it must be started by 15:30".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from ..exceptions import InfeasibleError
from ..model import Village
from ..routing import required_shortfall
from .problem import PlanningProblem

__all__ = ["MustTogetherError", "TogetherConflict", "together_error"]


@dataclass(frozen=True)
class TogetherConflict:
    """Why the must-visit villages do not fit in their one possible day, in local time.

    Parameters
    ----------
    villages
        The must-visit villages, in the order that misses least.
    date
        The day they all have to share.
    kind
        ``"day_short"``: in any order the visits and the drives between them take ``needed``,
        more than the ``available`` time the day leaves (once lunch is taken, if any);
        ``"late_visit"``: ``village`` is reached at ``earliest`` at the earliest (lunch aside),
        and must be started by ``latest``; ``"late_return"``: the earliest return is
        ``earliest`` (lunch aside), the day ends at ``latest``; ``"breaks"``: the visits fit
        without lunch, not with it (or the longest day does not).
    village
        The village reached too late (``late_visit``), or the first one the breaks cannot
        precede (``breaks``, if known).
    earliest, latest
        Local times, as ``kind`` says (``None`` for ``breaks`` and ``day_short``).
    needed, available
        Lengths for ``day_short`` (``None`` otherwise).
    breaks
        Whether the day has breaks (lunch) that ``available`` leaves out.
    """

    villages: tuple[Village, ...]
    date: dt.date
    kind: Literal["day_short", "late_visit", "late_return", "breaks"]
    village: Village | None = None
    earliest: dt.datetime | None = None
    latest: dt.datetime | None = None
    needed: dt.timedelta | None = None
    available: dt.timedelta | None = None
    breaks: bool = False


class MustTogetherError(InfeasibleError):
    """The must-visit villages each fit a day but not together; ``conflict`` says where."""

    def __init__(self, conflict: TogetherConflict, reasons: tuple[str, ...]) -> None:
        self.conflict = conflict
        super().__init__("the must-visit villages cannot all be planned together", reasons)


def together_error(planning: PlanningProblem, exc: InfeasibleError) -> InfeasibleError:
    """``exc`` as a :class:`MustTogetherError` when the routing core can say where the
    must-visits collide (:func:`~tourplan.routing.required_shortfall`), else ``exc``."""
    found = required_shortfall(planning.problem)
    if found is None:
        return exc
    villages = planning.visit_villages

    def clock(seconds: int | None) -> dt.datetime | None:
        return None if seconds is None else planning.origin + dt.timedelta(seconds=seconds)

    def length(seconds: int | None) -> dt.timedelta | None:
        return None if seconds is None else dt.timedelta(seconds=seconds)

    short = found.kind == "day_short"  # time and limit are lengths, not instants
    conflict = TogetherConflict(
        villages=tuple(villages[i] for i in found.order),
        date=planning.tour_dates[found.tour],
        kind=found.kind,
        village=None if found.visit is None else villages[found.visit],
        earliest=None if short else clock(found.time),
        latest=None if short else clock(found.limit),
        needed=length(found.time) if short else None,
        available=length(found.limit) if short else None,
        breaks=bool(planning.problem.tours[found.tour].breaks),
    )
    # a code line as MustVisitError gives ("<id>: <reason>"), with times of day, for callers
    # that show reasons without text/ (batch, serve); text.explain_conflict says it in words
    line = f"{' → '.join(v.id for v in conflict.villages)}: {conflict.kind}"
    if conflict.village is not None:
        line += f" {conflict.village.id}"
    if conflict.earliest is not None and conflict.latest is not None:
        line += f" {conflict.earliest:%H:%M} > {conflict.latest:%H:%M}"
    if conflict.needed is not None and conflict.available is not None:
        need, have = (round(x.total_seconds() / 60) for x in (conflict.needed, conflict.available))
        line += f" {need} min > {have} min"
    return MustTogetherError(conflict, (line,))

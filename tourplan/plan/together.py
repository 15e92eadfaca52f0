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
        ``"late_visit"``: ``village`` is reached at ``earliest`` at the earliest, and must be
        started by ``latest``; ``"late_return"``: the earliest return is ``earliest``, the day
        ends at ``latest``; ``"breaks"``: the visits fit, lunch (or the longest day) does not.
    village
        The village reached too late (``late_visit``), or the first one the breaks cannot
        precede (``breaks``, if known).
    earliest, latest
        Local times, as ``kind`` says (``None`` for ``breaks``).
    """

    villages: tuple[Village, ...]
    date: dt.date
    kind: Literal["late_visit", "late_return", "breaks"]
    village: Village | None = None
    earliest: dt.datetime | None = None
    latest: dt.datetime | None = None


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

    conflict = TogetherConflict(
        villages=tuple(villages[i] for i in found.order),
        date=planning.tour_dates[found.tour],
        kind=found.kind,
        village=None if found.visit is None else villages[found.visit],
        earliest=clock(found.time),
        latest=clock(found.limit),
    )
    # a code line as MustVisitError gives ("<id>: <reason>"), with times of day, for callers
    # that show reasons without text/ (batch, serve); text.explain_conflict says it in words
    line = f"{' → '.join(v.id for v in conflict.villages)}: {conflict.kind}"
    if conflict.village is not None:
        line += f" {conflict.village.id}"
    if conflict.earliest is not None and conflict.latest is not None:
        line += f" {conflict.earliest:%H:%M} > {conflict.latest:%H:%M}"
    return MustTogetherError(conflict, (line,))

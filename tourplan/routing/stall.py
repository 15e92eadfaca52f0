"""When the iterated search restarts and when it has converged: the stall budget.

A search with a stall budget stops, converged, after ``stall`` shakes in a row without a better
plan, scaled up for long tours (more positions and run lengths to shake); a quarter of that
without a gain since the last start triggers a restart from a new construction.
:class:`StallBudget` can also make the budget grow with the search's own progress (``adapt``,
off by default): with ``adapt = k``, a search whose best plan came after ``n`` shakes is
converged only after ``k × n`` shakes without gain (if more than the flat budget), and its
restarts wait a quarter of that. It grows only for plans with a tour longer than
:data:`STALL_TOUR` visits (as the scaling for long tours), so the trip planner's plans (tours of
at most about 8 visits) keep the flat budget, their plans and times. Measured on the large
public rows it gained nothing beyond the spread between seeds: a row such as pr19:1, which
converges early 12.8 % from the best known, ends in a basin decided by the seed, not by
stopping too soon (docs/benchmarks.md, "sixth pass: the converging search").
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["STALL_TOUR", "StallBudget"]

#: The stall budget is for plans whose longest tour has at most this many visits; a longer
#: tour gets proportionally more shakes before the search stops as converged. (A 200-place
#: single tour stopped after 3.8 s at 13.5 % from the best known with the flat budget.)
STALL_TOUR = 20


class StallBudget:
    """The stop and restart rule of one run of the iterated search, counted in shakes.

    Parameters
    ----------
    stall
        Shakes without a better plan after which the search has converged (before scaling).
    settle
        Shakes without a better plan after which the search stops as ``"stalled"`` (to hand
        its plan to decomposition), scaled as ``stall``; ``None``: never.
    adapt
        0: the flat budget (restarts after ``stall // 4`` shakes without a gain since the
        last start). Above 0, when the best plan has a tour of more than :data:`STALL_TOUR`
        visits: converged only after ``max(scaled stall, adapt × shakes to the best plan)``
        shakes without gain, and restarts after a quarter of that.

    Examples
    --------
    >>> budget = StallBudget(1000, None, 1.0)
    >>> budget.stop(2000, 1000, [[0] * 20]), budget.stop(2000, 1000, [[0] * 21])
    ('converged', None)
    >>> budget.stop(2200, 1100, [[0] * 21]), budget.restart_due(1376, 1100, 1100, [[0] * 21])
    ('converged', True)
    """

    __slots__ = ("adapt", "settle", "stall")

    def __init__(self, stall: int, settle: int | None, adapt: float) -> None:
        self.stall, self.settle, self.adapt = stall, settle, adapt

    def limit(self, last_gain: int, best: Sequence[Sequence[int]]) -> float:
        """Shakes without gain after which the search has converged."""
        scaled = self.stall * _scale(best)
        return max(scaled, self.adapt * last_gain) if self._grows(best) else scaled

    def _grows(self, best: Sequence[Sequence[int]]) -> bool:
        """Whether the budget grows: ``adapt`` set and a tour longer than :data:`STALL_TOUR`."""
        return self.adapt > 0 and max(map(len, best)) > STALL_TOUR

    def stop(self, it: int, last_gain: int, best: Sequence[Sequence[int]]) -> str | None:
        """``"converged"`` or ``"stalled"`` if the search should stop at shake ``it``."""
        if it - last_gain >= self.limit(last_gain, best):
            return "converged"
        settle = self.settle
        if settle is not None and it - last_gain >= settle * _scale(best):
            return "stalled"
        return None

    def restart_due(
        self, it: int, local_gain: int, last_gain: int, best: Sequence[Sequence[int]]
    ) -> bool:
        """Whether the shakes since the stretch's last gain call for a restart."""
        if self._grows(best):
            return it - local_gain > self.limit(last_gain, best) / 4
        return it - local_gain > self.stall // 4


def _scale(best: Sequence[Sequence[int]]) -> float:
    """How many times :data:`STALL_TOUR` the longest tour of ``best`` is (at least 1)."""
    return max(1.0, max(map(len, best)) / STALL_TOUR)

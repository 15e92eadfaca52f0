"""The server's limits as one validated value: solver processes, queue, time caps, body size."""

from __future__ import annotations

import os
from dataclasses import dataclass

from ..exceptions import DataError

__all__ = ["ServeSettings", "default_workers"]


def default_workers() -> int:
    """Solver processes when ``--workers`` is not given: the CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def _positive(name: str, value: float, *, whole: bool = False) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
        raise DataError(f"{name} must be a positive number, got {value!r}", field=name)
    if whole and not isinstance(value, int):
        raise DataError(f"{name} must be a whole number, got {value!r}", field=name)


@dataclass(frozen=True)
class ServeSettings:
    """How much the server takes on at once, and for how long.

    Parameters
    ----------
    workers
        Solver processes (OR-Tools holds the GIL, so plans are solved in processes).
    queue
        Requests that may wait for a free solver process; one more answers 503 with
        ``Retry-After``. Running plus waiting requests never exceed ``workers + queue``.
    default_time_limit
        Seconds the solver searches when a request gives no ``time_limit`` (a default,
        shorter than the CLI's 5 s so that an app gets its answer quickly).
    max_time_limit
        The largest ``time_limit`` a request may ask for; more answers 422.
    request_timeout
        Seconds a request may wait and run in all before it answers 503; the solver's own
        time limit is the first cap, this one catches a request stuck behind others.
    max_body_bytes
        The largest request body; more answers 413.
    max_days
        The most days one plan may have; more answers 422.
    max_routes
        The most routes one catalogue may ask for; more answers 422.
    retry_after
        The least ``Retry-After`` (seconds) of a 503; the server asks for about as long as
        requests have recently stayed in the pool, when that is longer.
    """

    workers: int = 2
    queue: int = 8
    default_time_limit: float = 2.0
    max_time_limit: float = 30.0
    request_timeout: float = 120.0
    max_body_bytes: int = 64 * 1024
    max_days: int = 14
    max_routes: int = 20
    retry_after: int = 1

    def __post_init__(self) -> None:
        for name in ("workers", "max_body_bytes", "max_days", "max_routes", "retry_after"):
            _positive(name, getattr(self, name), whole=True)
        if isinstance(self.queue, bool) or not isinstance(self.queue, int) or self.queue < 0:
            raise DataError(f"queue must be a whole number >= 0, got {self.queue!r}", field="queue")
        for name in ("default_time_limit", "max_time_limit", "request_timeout"):
            _positive(name, getattr(self, name))
        if self.default_time_limit > self.max_time_limit:
            raise DataError(
                f"default_time_limit ({self.default_time_limit}) is above max_time_limit "
                f"({self.max_time_limit})",
                field="default_time_limit",
            )

    @property
    def capacity(self) -> int:
        """Requests the server holds at once: one per solver process plus the queue."""
        return self.workers + self.queue

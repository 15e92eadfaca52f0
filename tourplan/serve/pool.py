"""Solving off the event loop: a bounded pool of solver processes that refuses work when full.

OR-Tools holds the GIL while it searches, so a plan solved in a thread would stall every other
request; each plan runs in a worker process instead. The pool counts the requests it holds
(running plus waiting) and refuses one more with :class:`QueueFullError` rather than letting them
pile up; the HTTP layer answers that with 503 and ``Retry-After``.
"""

from __future__ import annotations

import asyncio
import math
import multiprocessing
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

_SMOOTHING = 0.2
"""Weight of the newest request in the smoothed time requests stay held."""

__all__ = ["QueueFullError", "RequestTimeoutError", "SolverPool", "WorkerLostError"]

T = TypeVar("T")


class QueueFullError(Exception):
    """Every solver process is busy and the queue is full: try again later."""


class RequestTimeoutError(Exception):
    """A request waited and ran longer than its cap."""


class WorkerLostError(Exception):
    """A solver process died mid-request (killed, out of memory); the pool starts new ones."""


class SolverPool:
    """A process pool that holds at most ``capacity`` requests at once.

    Parameters
    ----------
    workers
        Worker processes.
    capacity
        Requests held at once (running and waiting); ``workers`` or more.
    initializer
        Called once in each worker process (to load the villages once, not per request).

    Notes
    -----
    A request that times out keeps its place until its process finishes: a process cannot be
    interrupted mid-solve, and counting it free would let work pile up behind it. The solver's
    own time limit bounds how long that lasts.
    """

    def __init__(
        self, workers: int, capacity: int, initializer: Callable[[], None] | None = None
    ) -> None:
        if workers < 1 or capacity < workers:
            raise ValueError(f"need 1 <= workers <= capacity, got {workers} and {capacity}")
        self.workers = workers
        self.capacity = capacity
        self._initializer = initializer
        self._held = 0
        self._lock = threading.Lock()
        self._mean_held: float | None = None  # seconds a request stays held, smoothed
        self._executor = self._new_executor()

    def _new_executor(self) -> ProcessPoolExecutor:
        # spawn, not fork: the server's event loop and sockets must not be copied into workers.
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=self._initializer,
        )

    @property
    def held(self) -> int:
        """Requests running or waiting now."""
        return self._held

    def warm_up(self, function: Callable[[], Any]) -> None:
        """Start every worker process now (the first request should not pay for it)."""
        for future in [self._executor.submit(function) for _ in range(self.workers)]:
            future.result()

    async def run(self, timeout: float, function: Callable[..., T], *args: Any) -> T:
        """Run ``function(*args)`` in a worker process and wait at most ``timeout`` seconds.

        Raises
        ------
        QueueFullError
            When ``capacity`` requests are already held.
        RequestTimeoutError
            When the answer takes longer than ``timeout``.
        """
        with self._lock:
            if self._held >= self.capacity:
                raise QueueFullError
            self._held += 1
        try:
            future = self._submit(function, *args)
        except BaseException:
            self._release()
            raise
        # Freed by the pool's thread when the process finishes, even after a timeout.
        began = time.monotonic()
        future.add_done_callback(lambda _: self._release(time.monotonic() - began))
        try:
            return await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(future)), timeout)
        except TimeoutError:
            raise RequestTimeoutError from None
        except BrokenProcessPool:
            raise WorkerLostError from None

    def _submit(self, function: Callable[..., T], *args: Any) -> Future[T]:
        try:
            return self._executor.submit(function, *args)
        except BrokenProcessPool:
            self._executor = self._new_executor()  # a worker died: start a fresh pool
            return self._executor.submit(function, *args)

    def _release(self, held_seconds: float | None = None) -> None:
        with self._lock:
            self._held -= 1
            if held_seconds is not None:
                last = self._mean_held
                self._mean_held = (
                    held_seconds
                    if last is None
                    else (1 - _SMOOTHING) * last + _SMOOTHING * held_seconds
                )

    def retry_after(self, least: int = 1, most: int = 60) -> int:
        """Whole seconds a refused client should wait: about how long requests stay held now.

        When the pool is full, a request is held about as long as it takes the pool to drain,
        so this is when a place is likely free again (``least`` before any request finished).
        """
        mean = self._mean_held
        if mean is None:
            return least
        return max(least, min(most, math.ceil(mean)))

    def close(self) -> None:
        """Stop the worker processes (waiting for the plans they are solving)."""
        self._executor.shutdown(wait=True, cancel_futures=True)

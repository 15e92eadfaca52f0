"""The bounded solver pool on its own: it refuses work when full, caps waits, frees its places."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Iterator

import pytest

from tourplan.serve.pool import QueueFullError, RequestTimeoutError, SolverPool


@pytest.fixture(scope="module")
def pool() -> Iterator[SolverPool]:
    """One worker process, room for two requests."""
    solver_pool = SolverPool(1, 2)
    solver_pool.warm_up(os.getpid)
    yield solver_pool
    solver_pool.close()


def test_work_runs_in_another_process(pool: SolverPool) -> None:
    async def main() -> int:
        return await pool.run(30, os.getpid)

    assert asyncio.run(main()) != os.getpid()
    assert pool.held == 0


def test_third_request_is_refused_while_two_are_held(pool: SolverPool) -> None:
    async def main() -> list[object]:
        first = asyncio.ensure_future(pool.run(30, time.sleep, 0.5))
        second = asyncio.ensure_future(pool.run(30, time.sleep, 0.1))
        await asyncio.sleep(0)  # both submitted
        with pytest.raises(QueueFullError):
            await pool.run(30, time.sleep, 0)
        done = await asyncio.gather(first, second)
        await asyncio.sleep(0.05)  # the pool thread frees the places as the processes finish
        return list(done)

    assert asyncio.run(main()) == [None, None]
    assert pool.held == 0


def test_a_request_over_its_time_cap_times_out_but_keeps_its_place(pool: SolverPool) -> None:
    """The process cannot be interrupted, so the place stays held until it finishes."""

    async def main() -> tuple[int, int]:
        with pytest.raises(RequestTimeoutError):
            await pool.run(0.2, time.sleep, 1.0)
        held_after_timeout = pool.held
        deadline = time.monotonic() + 10
        while pool.held and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        return held_after_timeout, pool.held

    assert asyncio.run(main()) == (1, 0)


def test_retry_after_follows_how_long_requests_stay_held() -> None:
    """Before any answer the least; then about the time requests stayed held, rounded up."""
    solver_pool = SolverPool(1, 1)
    try:
        assert solver_pool.retry_after(least=1) == 1

        async def main() -> None:
            await solver_pool.run(30, time.sleep, 1.5)
            deadline = time.monotonic() + 5
            while solver_pool.held and time.monotonic() < deadline:
                await asyncio.sleep(0.01)

        asyncio.run(main())
        assert solver_pool.retry_after(least=1) >= 2  # held 1.5 s or more: ask for 2 s
        assert solver_pool.retry_after(least=1, most=1) == 1
    finally:
        solver_pool.close()

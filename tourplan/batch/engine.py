"""Many plans at once on Dask: local worker processes, or a cluster; results as they finish.

The villages, the road graph and the default search settings go to every worker once
(``Client.scatter(..., broadcast=True)``); each task then carries one small request. Dask's
scheduler reruns the tasks of a worker that dies on the workers left (a nanny restarts the
dead one), so a lost worker costs only the requests it was running; a request whose workers
die ``distributed.scheduler.allowed-failures`` times (3 by default) comes back ``failed``
(``worker-lost``) and the batch goes on.
"""

from __future__ import annotations

import contextlib
import logging
import os
import uuid
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ..datasets import load_hanoi
from ..exceptions import DataError
from ..model import Villages
from ..routing import SearchParameters
from .planning import SharedData, plan_one
from .requests import BatchItem, jobs
from .results import BatchRequest, BatchResult, error_from_exception, failed, where_in_file

if TYPE_CHECKING:  # networkx loads only with a road graph (0.1 s)
    import networkx as nx
    from distributed import Client

__all__ = [
    "DEFAULT_WINDOW_PER_WORKER",
    "MAX_WINDOW",
    "MAX_WORKERS",
    "plan_many",
    "require_distributed",
]

DEFAULT_WINDOW_PER_WORKER = 4

MAX_WORKERS = 256
"""The most local worker processes ``plan_many`` starts (``workers``, ``tourplan batch
--workers``): each is a Python process holding the villages (issue #19)."""

MAX_WINDOW = 100_000
"""The most requests ``plan_many`` keeps in flight at once (``window``)."""
"""Requests in flight per worker thread: enough to keep every worker busy while results
stream back, few enough that a batch of millions never sits in the scheduler's memory."""


def require_distributed() -> None:
    """Fail with a clear message when dask's ``distributed`` is not installed.

    Raises
    ------
    ImportError
        Saying which extra to install.
    """
    try:
        import distributed  # noqa: F401
    except ImportError as exc:
        raise ImportError(
            "batch planning on workers needs dask's distributed: "
            "pip install 'tourplan[batch]' (or plan in this process with workers=0)"
        ) from exc


@contextlib.contextmanager
def _connected(client: Client | None, scheduler: str | None, workers: int) -> Iterator[Client]:
    """The caller's client, a client of ``scheduler``, or a private local cluster."""
    if client is not None:
        yield client
        return
    require_distributed()
    from distributed import Client, LocalCluster

    if scheduler is not None:
        try:
            connected = Client(scheduler, timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise ConnectionError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        except ValueError as exc:  # distributed's words for an address it cannot parse
            raise DataError(
                f"{scheduler!r} is not a scheduler address like tcp://10.0.0.5:8786 ({exc})",
                field="scheduler",
            ) from None
        with connected:
            yield connected
        return
    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,  # OR-Tools holds the GIL: one plan per process at a time
        processes=True,
        dashboard_address=":0",  # a free port: 8787 may be taken by another cluster
        silence_logs=logging.ERROR,
    )
    with cluster, Client(cluster) as local:
        yield local


def plan_many(
    requests: Iterable[BatchItem],
    *,
    client: Client | None = None,
    scheduler: str | None = None,
    workers: int | None = None,
    villages: Villages | None = None,
    road_graph: nx.MultiDiGraph | None = None,
    online: bool = False,
    search: SearchParameters | None = None,
    window: int | None = None,
) -> Iterator[BatchResult]:
    """Plan many requests, yielding each result as soon as it is ready.

    Parameters
    ----------
    requests
        Trip or catalogue requests, :class:`~tourplan.batch.BatchRequest` values (with an id
        and search settings), JSON records (``tourplan/plan/request.schema.json``) or results
        already made (passed on as they are). Read lazily, a window at a time.
    client
        A ``dask.distributed.Client`` to plan on (it is left open).
    scheduler
        The address of a Dask scheduler (``tcp://host:8786``) to connect to, when no client
        is given.
    workers
        Without a client or scheduler: the number of local worker processes (a private
        ``LocalCluster``, closed at the end), at most :data:`MAX_WORKERS`; default: the
        number of CPUs. ``0`` plans in this process, one request after another, without Dask.
    villages
        The villages (default: the bundled Hanoi dataset).
    road_graph
        A road graph for travel times (default: each mode's straight-line estimate).
    online
        Allow looking addresses up online.
    search
        Solver settings of the requests that carry none (default: 5 s a plan).
    window
        Requests in flight at once, 1 to :data:`MAX_WINDOW` (default: 4 per worker thread).

    Yields
    ------
    BatchResult
        One per request, in the order they finish: ``ok`` with the plan, ``refused`` or
        ``failed`` with the error. One bad request never stops the batch.

    Raises
    ------
    ImportError
        When workers are needed and dask's ``distributed`` is not installed.
    ConnectionError
        When ``scheduler`` cannot be reached.
    DataError
        When ``workers`` or ``window`` is out of its bounds, or ``scheduler`` is not an
        address (naming it).

    Examples
    --------
    >>> from tourplan.plan import TripRequest
    >>> fast = SearchParameters(time_limit=1.0, deterministic=True)
    >>> requests = [
    ...     {"id": "a", "start": "hoan-kiem-lake", "date": "2026-12-05", "deterministic": True},
    ...     {"id": "b", "start": "nowhere-at-all", "date": "2026-12-05"},
    ... ]
    >>> sorted((r.id, r.status) for r in plan_many(requests, workers=0, search=fast))
    [('a', 'ok'), ('b', 'failed')]
    """
    _check_count("workers", workers, 0, MAX_WORKERS)
    _check_count("window", window, 1, MAX_WINDOW)
    shared = SharedData(
        load_hanoi() if villages is None else villages,
        road_graph=road_graph,
        online=online,
        search=search,
    )
    items = jobs(requests)
    if workers == 0 and client is None and scheduler is None:
        for job in items:
            yield job if isinstance(job, BatchResult) else plan_one(job, shared)
        return
    count = workers if workers is not None else (os.cpu_count() or 1)
    with _connected(client, scheduler, count) as connected:
        yield from _on_dask(connected, items, shared, window)


def _check_count(name: str, value: int | None, low: int, high: int) -> None:
    """``value`` (``None``: the default) is a whole number from ``low`` to ``high``."""
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise DataError(
            f"{name} must be a whole number from {low} to {high}, got {value!r}", field=name
        )


def _on_dask(
    client: Client,
    items: Iterator[BatchRequest | BatchResult],
    shared: SharedData,
    window: int | None,
) -> Iterator[BatchResult]:
    """Submit a window of requests, and one more each time a result comes back."""
    from distributed import as_completed

    threads = max(1, sum(client.nthreads().values()))
    limit = window if window is not None else DEFAULT_WINDOW_PER_WORKER * threads
    if limit < 1:
        raise ValueError(f"window must be at least 1, got {limit}")
    on_workers = client.scatter(shared, broadcast=True, hash=False)
    finished = as_completed()
    pending: dict[Any, BatchRequest] = {}
    exhausted = False
    try:
        while True:
            while not exhausted and len(pending) < limit:
                item = next(items, None)
                if item is None:
                    exhausted = True
                elif isinstance(item, BatchResult):
                    yield item
                else:
                    key = f"tourplan-plan-{uuid.uuid4().hex}"
                    future = client.submit(plan_one, item, on_workers, key=key, pure=False)
                    pending[future] = item
                    finished.add(future)
            if not pending:
                return
            future = next(finished)
            job = pending.pop(future)
            yield _collect(future, job)
            future.release()
    finally:
        if pending:
            client.cancel(list(pending))
        on_workers.release()


def _collect(future: Any, job: BatchRequest) -> BatchResult:
    """The result of a finished task, or a failed result saying why the task itself failed.

    Its message names the requests file and line as the errors of reading or planning the
    request do (``trips.jsonl, line 3: ...``).
    """
    from distributed import KilledWorker

    try:
        result = future.result()
    except KilledWorker as exc:
        return failed(
            job.id,
            "worker-lost",
            f"{_where(job)}the workers planning this request died too often ({exc}); "
            "it may need more memory than a worker has",
            line=job.line,
            type="KilledWorker",
            source=job.source,
        )
    except Exception as exc:  # an error outside plan_one (e.g. the request did not unpickle)
        error = error_from_exception(exc, line=job.line, source=job.source)
        return BatchResult(job.id, "failed", error=error, line=job.line, source=job.source)
    if not isinstance(result, BatchResult):
        return failed(
            job.id,
            "error",
            f"{_where(job)}a worker sent back {type(result).__name__}",
            line=job.line,
            source=job.source,
        )
    return result


def _where(job: BatchRequest) -> str:
    """``FILE, line N: `` (or ``line N: ``, or nothing) for a request, as the other errors say."""
    return where_in_file(job.source, job.line, None) if job.line is not None else ""

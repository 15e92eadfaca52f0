"""plan_many: results stream back per request, on a real LocalCluster or in this process."""

from __future__ import annotations

import os
import signal
from typing import Any

import pytest

import tourplan
from tourplan.batch import BatchRequest, BatchResult, SharedData, plan_many
from tourplan.export import itinerary_to_dict
from tourplan.plan import (
    TripRequest,
    check_itinerary,
    search_parameters_from_record,
    trip_request_from_record,
)
from tourplan.routing import SearchParameters

from .conftest import CLUSTER_TIMEOUT, distributed, trip_record

QUICK = SearchParameters(time_limit=1.0, deterministic=True, iteration_limit=300)
"""Short reproducible searches, for tests about the batch rather than the plans."""


def _by_id(results: list[BatchResult]) -> dict[str, BatchResult]:
    ids = [r.id for r in results]
    assert len(ids) == len(set(ids)), f"an id came back twice: {ids}"
    return {r.id: r for r in results}


def _requests(n: int) -> list[BatchRequest]:
    return [
        BatchRequest(f"trip-{i}", trip_request_from_record(trip_record(i)), QUICK) for i in range(n)
    ]


def test_deterministic_batch_on_a_cluster_matches_single_plans(client: Any) -> None:
    records = [trip_record(i) for i in range(4)] + [trip_record(4, days=2, themes=["ceramics"])]
    results = _by_id(list(plan_many(records, client=client)))
    assert set(results) == {r["id"] for r in records}
    for record in records:
        request = trip_request_from_record(record)
        single = tourplan.plan_trip(request, search=search_parameters_from_record(record))
        result = results[record["id"]]
        assert result.status == "ok", result.error
        assert result.itinerary is not None
        assert check_itinerary(result.itinerary, request) == []
        assert itinerary_to_dict(result.itinerary) == itinerary_to_dict(single)


def test_bad_requests_never_stop_the_batch(client: Any) -> None:
    records: list[Any] = [
        trip_record(0),
        trip_record(1, mode="rocket"),  # bad field
        trip_record(2, start="no-such-place-anywhere"),  # unknown place
        ["not", "an", "object"],  # not a request at all
        trip_record(3),
        trip_record(4, id="trip-0"),  # an id used twice
        # a valid request that cannot be satisfied: three far villages in a short morning
        trip_record(5, day_end="10:00", lunch=None, must=["bat-trang", "van-phuc", "duong-lam"]),
    ]
    results = list(plan_many(records, client=client, search=QUICK))
    assert len(results) == len(records)
    statuses = sorted((r.id, r.status) for r in results)
    assert statuses == [
        ("4", "failed"),
        ("trip-0", "failed"),
        ("trip-0", "ok"),
        ("trip-1", "failed"),
        ("trip-2", "failed"),
        ("trip-3", "ok"),
        ("trip-5", "refused"),
    ]
    errors = {(r.id, r.status): r.error for r in results if r.error is not None}
    assert errors["trip-1", "failed"].field == "mode"
    assert "rocket" in errors["trip-1", "failed"].message
    assert "no-such-place-anywhere" in errors["trip-2", "failed"].message
    assert "JSON object" in errors["4", "failed"].message
    assert "used twice" in errors["trip-0", "failed"].message
    refused = errors["trip-5", "refused"]
    assert refused.kind == "infeasible" and refused.reasons


def test_results_stream_back_before_the_batch_ends(client: Any) -> None:
    seen = 0

    def requests() -> Any:
        nonlocal seen
        for job in _requests(6):
            seen += 1
            yield job

    results = plan_many(requests(), client=client, window=2)
    first = next(results)
    assert first.status == "ok"
    assert seen < 6, "the whole input was read before the first result came back"
    assert len([first, *results]) == 6


def test_a_killed_worker_costs_only_its_requests(client: Any) -> None:
    """A worker killed mid-batch: its in-flight requests are rerun, every request planned once."""
    results = plan_many(_requests(6), client=client)
    done = [next(results)]
    busy = [address for address, keys in client.processing().items() if keys]
    assert busy, "no worker was planning when the test meant to kill one"
    pid = client.run(os.getpid, workers=[busy[0]])[busy[0]]
    os.kill(pid, signal.SIGKILL)
    done += list(results)
    by_id = _by_id(done)
    assert sorted(by_id) == [f"trip-{i}" for i in range(6)]
    assert all(r.status == "ok" for r in done), [r.error for r in done]
    client.wait_for_workers(2, timeout=CLUSTER_TIMEOUT)  # the nanny restarted the worker


def test_villages_go_to_the_workers_once(client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    scattered: list[tuple[Any, bool]] = []
    submitted: list[tuple[Any, ...]] = []
    scatter, submit = client.scatter, client.submit

    def spy_scatter(data: Any, **kwargs: Any) -> Any:
        scattered.append((data, kwargs.get("broadcast", False)))
        return scatter(data, **kwargs)

    def spy_submit(function: Any, *args: Any, **kwargs: Any) -> Any:
        submitted.append(args)
        return submit(function, *args, **kwargs)

    monkeypatch.setattr(client, "scatter", spy_scatter)
    monkeypatch.setattr(client, "submit", spy_submit)
    results = list(plan_many(_requests(3), client=client))
    assert [r.status for r in results] == ["ok"] * 3
    assert len(scattered) == 1
    shared, broadcast = scattered[0]
    assert isinstance(shared, SharedData) and broadcast
    assert len(shared.villages) == len(tourplan.load_hanoi())
    assert len(submitted) == 3
    for job, data in submitted:  # each task carries its request and a reference to the data
        assert isinstance(job, BatchRequest)
        assert type(data).__name__ == "Future"


def test_in_process_batch_needs_no_dask() -> None:
    request = TripRequest.for_days("hoan-kiem-lake", "2026-12-05")
    results = list(plan_many([request, {"start": "x"}], workers=0, search=QUICK))
    assert [(r.id, r.status) for r in results] == [("1", "ok"), ("2", "failed")]
    assert results[1].error is not None and results[1].error.field == "date"


def test_catalogue_requests_are_planned_too() -> None:
    from tourplan.catalogue import CatalogueRequest

    request = CatalogueRequest(date="2026-12-05", hub="hoan-kiem-lake", routes=2)
    (result,) = plan_many([request], workers=0, search=QUICK)
    assert result.status == "ok", result.error
    assert result.catalogue is not None and len(result.catalogue.routes) == 2


def test_workers_must_not_be_negative() -> None:
    with pytest.raises(ValueError, match="workers"):
        list(plan_many([], workers=-1))


def test_private_cluster_starts_when_port_8787_is_taken() -> None:
    """Regression: dashboard_address=None still bound 8787, so a second cluster warned (an
    error under -W error, a stray 'Warning:' in the CLI); the private cluster now takes any
    free port."""
    import socket

    holder = socket.socket()
    try:
        holder.bind(("127.0.0.1", 8787))
        holder.listen()
    except OSError:
        pass  # already taken by something else: the condition under test holds anyway
    try:
        (result,) = plan_many(_requests(1), workers=1)
    finally:
        holder.close()
    assert result.status == "ok", result.error


class _Finished:
    """A finished task as ``_collect`` sees it: its result, or what it raises."""

    def __init__(self, outcome: Any) -> None:
        self.outcome = outcome

    def result(self) -> Any:
        if isinstance(self.outcome, BaseException):
            raise self.outcome
        return self.outcome


class _Worker:
    address = "tcp://127.0.0.1:40000"


@pytest.mark.parametrize(
    ("outcome", "kind", "words"),
    [
        # the workers running it died allowed-failures + 1 times
        (
            distributed.KilledWorker("tourplan-plan-x", _Worker(), 3),
            "worker-lost",
            "the workers planning this request died too often",
        ),
        (42, "error", "a worker sent back int"),  # not a BatchResult
        (RuntimeError("boom"), "error", "RuntimeError: boom"),  # raised outside plan_one
    ],
)
def test_a_lost_request_names_its_file_and_line_as_other_errors_do(
    outcome: Any, kind: str, words: str
) -> None:
    """Found by review: "worker lost" and "a worker sent back" said only ``line N: ...``.

    Tested on the result collector: a worker dies ``allowed-failures`` + 1 times only when
    killed from outside, which the console script's private cluster does not allow.
    """
    from tourplan.batch.engine import _collect

    job = BatchRequest("trip-3", trip_request_from_record(trip_record(3)), line=3, source="t.jsonl")
    result = _collect(_Finished(outcome), job)
    assert result.status == "failed" and result.error is not None
    assert (result.error.kind, result.line, result.source) == (kind, 3, "t.jsonl")
    assert result.error.message.startswith(f"t.jsonl, line 3: {words}"), result.error.message
    assert "\n" not in result.error.message

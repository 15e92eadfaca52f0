"""Fixtures of the batch tests: a real two-process Dask LocalCluster, and request builders."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

distributed = pytest.importorskip("distributed")

CLUSTER_TIMEOUT = "60s"
"""The longest a test waits for the cluster to start or for workers to come back."""

FAST = {"deterministic": True}
"""Reproducible plans (the search stops after a fixed number of iterations, about 1 s)."""


def trip_record(i: int, **fields: Any) -> dict[str, Any]:
    """A valid request record, varied by ``i`` (date, mode, pace), deterministic."""
    record: dict[str, Any] = {
        "id": f"trip-{i}",
        "start": "hoan-kiem-lake",
        "date": f"2026-12-{5 + i % 14:02d}",
        "mode": ("car", "motorbike", "bicycle")[i % 3],
        "pace": ("normal", "relaxed", "quick")[i % 3],
        **FAST,
    }
    record.update(fields)
    return record


def write_lines(path: Path, lines: list[str]) -> Path:
    """Write a JSON-lines file (each line as given) and return its path."""
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def as_lines(records: list[dict[str, Any]]) -> list[str]:
    return [json.dumps(record, ensure_ascii=False) for record in records]


@pytest.fixture(scope="session")
def cluster() -> Iterator[Any]:
    """A LocalCluster of two single-threaded worker processes, started once for the session."""
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",  # a free port: 8787 may be taken by another cluster
        silence_logs=logging.ERROR,
    ) as local:
        yield local


@pytest.fixture
def client(cluster: Any) -> Iterator[Any]:
    """A client of the session's cluster, with both workers up (a test may have killed one)."""
    with distributed.Client(cluster, timeout=CLUSTER_TIMEOUT) as connected:
        connected.wait_for_workers(2, timeout=CLUSTER_TIMEOUT)
        yield connected

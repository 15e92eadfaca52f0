"""Requests of a batch from what callers give: request values, JSON records or JSON lines.

Each item becomes a :class:`~tourplan.batch.BatchRequest` with a unique id, or, when it
cannot (bad JSON, a bad field, a duplicate id), a ``failed`` result that explains it — the
batch goes on with the next item.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TypeAlias

from ..catalogue import CatalogueRequest
from ..exceptions import DataError
from ..plan import (
    TripRequest,
    record_id,
    search_parameters_from_record,
    trip_request_from_record,
)
from .results import BatchRequest, BatchResult, error_from_exception, failed, where_in_file

__all__ = ["MAX_LINE_CHARS", "BatchItem", "job_from_record", "jobs", "jobs_from_lines"]

MAX_LINE_CHARS = 1_000_000
"""The longest line a requests file may have (a request record is a few hundred
characters); a longer one is a ``failed`` result, not read (issue #19)."""

BatchItem: TypeAlias = (
    BatchRequest | TripRequest | CatalogueRequest | Mapping[str, Any] | BatchResult
)
"""What :func:`~tourplan.batch.plan_many` takes: a request with or without its id, a JSON
record (see ``tourplan/plan/request.schema.json``), or an already-made result (passed on)."""


def job_from_record(
    record: object, *, index: int, line: int | None = None, source: str | None = None
) -> BatchRequest | BatchResult:
    """A request record (a decoded JSON object) as a batch request, or a failed result.

    Parameters
    ----------
    record
        The record; see :func:`tourplan.plan.trip_request_from_record`.
    index
        Its 1-based position in the batch: its id when it has none (or its line, if given).
    line, source
        Where it came from, to name in errors.

    Returns
    -------
    BatchRequest or BatchResult
        The request, or a ``failed`` result (``bad-request``) under the record's id when it
        has a readable one, else under its line or position.

    Examples
    --------
    >>> job_from_record({"id": "a", "start": "hoan-kiem-lake", "date": "2026-12-05"}, index=1).id
    'a'
    >>> job_from_record({"start": "hoan-kiem-lake", "date": "soon"}, index=4).error.message
    "line 4, field 'date': 'soon' is not a date like 2026-12-05"
    """
    fallback = str(line if line is not None else index)
    where = line if line is not None else index
    try:
        if not isinstance(record, Mapping):
            raise DataError(
                f"a request must be a JSON object, got {type(record).__name__}",
                source=source,
                row=where,
            )
        found = record_id(record, line=where, source=source)
    except DataError as exc:
        error = error_from_exception(exc)
        return BatchResult(fallback, "failed", error=error, line=line, source=source)
    job_id = found if found is not None else fallback
    try:
        request = trip_request_from_record(record, line=where, source=source)
        search = search_parameters_from_record(record, line=where, source=source)
    except DataError as exc:
        error = error_from_exception(exc)
        return BatchResult(job_id, "failed", error=error, line=line, source=source)
    return BatchRequest(job_id, request, search, line, source)


def jobs_from_lines(
    lines: Iterable[str], *, source: str | None = None
) -> Iterator[BatchRequest | BatchResult]:
    """The requests of a JSON-lines text, one JSON object a line (blank lines are skipped).

    Parameters
    ----------
    lines
        The lines, e.g. an open file.
    source
        The file's name, to put in errors.

    Yields
    ------
    BatchRequest or BatchResult
        One per non-blank line, in order; a line that is not JSON (or one too long, with a
        number too long or nesting too deep to read), or not a valid request, becomes a
        ``failed`` result naming the line (and the field).
    """
    for number, text in enumerate(lines, 1):
        if number == 1:  # a byte-order mark, as some editors write, is not part of the JSON
            text = text.removeprefix("\ufeff")
        if not text.strip():
            continue
        prefix = f"{source}, " if source else ""
        if len(text) > MAX_LINE_CHARS:
            message = (
                f"{prefix}line {number}: {len(text):,} characters, more than a request may "
                f"have ({MAX_LINE_CHARS:,})"
            )
            yield failed(str(number), "bad-request", message, line=number, source=source)
            continue
        try:
            record = json.loads(text.strip())
        except json.JSONDecodeError as exc:
            message = f"{prefix}line {number}, column {exc.colno}: not JSON ({exc.msg})"
            yield failed(str(number), "bad-request", message, line=number, source=source)
            continue
        except (ValueError, RecursionError) as exc:  # 4,300+ digits; nesting past Python's limit
            why = "a number too long" if isinstance(exc, ValueError) else "nesting too deep"
            message = f"{prefix}line {number}: not a request ({why} to read)"
            yield failed(str(number), "bad-request", message, line=number, source=source)
            continue
        yield job_from_record(record, index=number, line=number, source=source)


def jobs(items: Iterable[BatchItem]) -> Iterator[BatchRequest | BatchResult]:
    """Every item of a batch as a request with a unique id, or a failed result.

    Parameters
    ----------
    items
        See :data:`BatchItem`. A request value without an id gets its 1-based position.

    Yields
    ------
    BatchRequest or BatchResult
        In order; an item whose id was already used becomes a ``failed`` result.
    """
    first_seen: dict[str, int | None] = {}
    for index, item in enumerate(items, 1):
        job: BatchRequest | BatchResult
        if isinstance(item, BatchRequest | BatchResult):
            job = item
        elif isinstance(item, TripRequest | CatalogueRequest):
            job = BatchRequest(str(index), item)
        else:
            job = job_from_record(item, index=index)
        if job.id in first_seen:
            first = first_seen[job.id]
            at = f" (first at line {first})" if first is not None else ""
            # named as every other error of a line is: "trips.jsonl, line 7, field 'id': "
            where = "id " if job.line is None else where_in_file(job.source, job.line, "id")
            yield failed(
                job.id,
                "bad-request",
                f"{where}{job.id!r} is used twice{at}; each request needs its own id",
                line=job.line,
                field="id",
                source=job.source,
            )
            continue
        first_seen[job.id] = job.line
        yield job

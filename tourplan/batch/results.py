"""The values of a batch: one request with its id, one result, and a result as a JSON line.

A result's ``status`` is one of:

- ``ok``: planned; the itinerary (or catalogue) passed the independent checks;
- ``refused``: a valid request that cannot be satisfied (``InfeasibleError``: the must-visit
  villages do not fit, no day is long enough ...); ``error.reasons`` says why;
- ``failed``: the line could not be planned: it is not a valid request (``error.kind``
  ``bad-request``: bad JSON, a bad field, an unknown place, a duplicate id), planning broke
  (``error``), or the workers running it died too often (``worker-lost``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from ..catalogue import Catalogue, CatalogueRequest
from ..exceptions import DataError, InfeasibleError, TourplanError, UnknownPlaceError
from ..plan import Itinerary, MustVisitError, TripRequest
from ..plan.request_record import RECORD_NAMES
from ..routing import SearchParameters

__all__ = [
    "STATUSES",
    "BatchError",
    "BatchRequest",
    "BatchResult",
    "ErrorKind",
    "Status",
    "error_from_exception",
    "failed",
    "result_id",
    "result_line",
    "result_record",
]

Status = Literal["ok", "refused", "failed"]
"""What became of a request: planned, refused as infeasible, or failed."""

STATUSES: tuple[Status, ...] = ("ok", "refused", "failed")
"""Every status, in the order summaries list them."""

ErrorKind = Literal["bad-request", "infeasible", "error", "worker-lost"]
"""Why a request has no plan: it is invalid, it cannot be satisfied, planning broke, or the
workers running it kept dying."""


@dataclass(frozen=True)
class BatchRequest:
    """One request of a batch: its id, a trip or catalogue request, and its search settings.

    Parameters
    ----------
    id
        Unique in the batch; its result carries it.
    request
        A :class:`~tourplan.plan.TripRequest` or a :class:`~tourplan.catalogue.CatalogueRequest`.
    search
        Solver settings for this request (``None``: the batch's default).
    line
        The 1-based line of the requests file it came from, if any.
    source
        The name of that file, if any: errors found when planning name it with the line.
    """

    id: str
    request: TripRequest | CatalogueRequest
    search: SearchParameters | None = None
    line: int | None = None
    source: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id.strip():
            raise DataError(f"a request id must be non-empty text, got {self.id!r}", field="id")
        if not isinstance(self.request, TripRequest | CatalogueRequest):
            raise DataError(
                "request must be a TripRequest or a CatalogueRequest, "
                f"got {type(self.request).__name__}",
                field="request",
            )


@dataclass(frozen=True)
class BatchError:
    """Why a request has no plan, as data.

    Parameters
    ----------
    kind
        See :data:`ErrorKind`.
    type
        The name of the exception behind it (``DataError``, ``UnknownPlaceError`` ...).
    message
        One line a user can act on (it names the field and the line where known).
    field
        The request field at fault, if known.
    reasons
        For ``infeasible``: one line per cause.
    """

    kind: ErrorKind
    type: str
    message: str
    field: str | None = None
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class BatchResult:
    """The result of one request of a batch.

    Parameters
    ----------
    id
        The request's id.
    status
        ``ok``, ``refused`` or ``failed`` (see the module's docstring).
    itinerary
        The plan of an ``ok`` trip request.
    catalogue
        The catalogue of an ``ok`` catalogue request.
    error
        Why there is no plan (``refused`` and ``failed``).
    line
        The line of the requests file, if the request came from one.
    seconds
        Time spent planning it on its worker.
    source
        The name of the requests file, if any, to name with the line in errors found later
        (an id used twice); it is not written to the results file.
    """

    id: str
    status: Status
    itinerary: Itinerary | None = None
    catalogue: Catalogue | None = None
    error: BatchError | None = None
    line: int | None = None
    seconds: float = 0.0
    source: str | None = None

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise DataError(f"status must be one of {', '.join(STATUSES)}", field="status")
        planned = self.itinerary is not None or self.catalogue is not None
        if (self.status == "ok") != planned or (self.status == "ok") == (self.error is not None):
            raise DataError(
                "an ok result carries a plan and no error; any other carries an error",
                field="status",
            )


def _one_line(text: str) -> str:
    return " ".join(text.split())


def error_from_exception(
    exc: BaseException,
    *,
    line: int | None = None,
    source: str | None = None,
    places: Mapping[str, Sequence[str]] | None = None,
) -> BatchError:
    """Classify an exception raised while reading or planning one request.

    Parameters
    ----------
    exc
        What was raised.
    line
        The line of the request, to name in the message when it does not already.
    source
        The requests file, to name with the line (as the errors of reading a line do).
    places
        The request's place queries by field (``{"must": ["atlantis"]}``), to name the
        field of an unknown place that does not say which field it was looked up for.

    Returns
    -------
    BatchError
        ``infeasible`` for :class:`~tourplan.exceptions.InfeasibleError`, ``bad-request``
        for a bad value or an unknown place, ``error`` for anything else.

    Examples
    --------
    >>> from tourplan.exceptions import UnknownPlaceError
    >>> unknown = UnknownPlaceError("atlantis")
    >>> error = error_from_exception(
    ...     unknown, line=3, source="trips.jsonl", places={"must": ["atlantis"]}
    ... )
    >>> error.message, error.field
    ("trips.jsonl, line 3, field 'must': no place matches 'atlantis'", 'must')
    """
    where = f"line {line}: " if line is not None else ""
    if line is not None and source is not None:
        where = f"{source}, {where}"
    if isinstance(exc, InfeasibleError):
        summary = _one_line(str(exc).splitlines()[0])
        reasons = exc.reasons
        if isinstance(exc, MustVisitError):
            reasons = tuple(f"{x.village.id}: {x.reason}" for x in exc.left_out)
        return BatchError("infeasible", type(exc).__name__, where + summary, None, reasons)
    if isinstance(exc, DataError):
        if exc.row is None and exc.source is None and line is not None:  # a field of the line
            message = where_in_file(source, line, exc.field) + exc.reason
        elif exc.row is None:
            message = where + str(exc)
        else:  # a request file is read as lines, not rows
            message = where_in_file(exc.source, exc.row, exc.field) + exc.reason
        return BatchError("bad-request", type(exc).__name__, _one_line(message), exc.field)
    if isinstance(exc, UnknownPlaceError) and line is not None:
        field = _place_field(exc.query, places or {})
        if exc.field is not None:  # the field it was looked up for, as a record calls it
            field = RECORD_NAMES.get(exc.field, exc.field)
        message = where_in_file(source, line, field) + str(exc)
        return BatchError("bad-request", type(exc).__name__, _one_line(message), field)
    if isinstance(exc, UnknownPlaceError | TourplanError):
        return BatchError("bad-request", type(exc).__name__, _one_line(where + str(exc)))
    text = _one_line(str(exc)) or "no message"
    return BatchError("error", type(exc).__name__, f"{where}{type(exc).__name__}: {text}")


def where_in_file(source: str | None, line: int, field: str | None) -> str:
    """Where an error is, as reading a request file names it: ``FILE, line N, field 'F': ``."""
    parts = [source] if source else []
    parts.append(f"line {line}")
    if field is not None:
        parts.append(f"field '{field}'")
    return f"{', '.join(parts)}: "


def _place_field(query: str, places: Mapping[str, Sequence[str]]) -> str | None:
    for name, values in places.items():
        if query.strip() in (v.strip() for v in values):
            return name
    return None


def failed(
    id: str,
    kind: ErrorKind,
    message: str,
    *,
    line: int | None = None,
    field: str | None = None,
    type: str = "DataError",
    source: str | None = None,
) -> BatchResult:
    """A ``failed`` result, for a line that could not be read or a request that was lost.

    Examples
    --------
    >>> failed("7", "bad-request", "line 7: not JSON", line=7).error.kind
    'bad-request'
    """
    error = BatchError(kind, type, message, field)
    return BatchResult(id, "failed", error=error, line=line, source=source)


def result_record(result: BatchResult, *, lang: str = "vi") -> dict[str, Any]:
    """A result as JSON-ready data: the id, line, status, then the plan or the error.

    The itinerary is written as :func:`tourplan.export.itinerary_to_dict` writes it (schema
    2, no words); a catalogue as :func:`tourplan.export.catalogue_to_dict` in ``lang``.
    """
    from ..export import catalogue_to_dict, itinerary_to_dict

    record: dict[str, Any] = {"id": result.id, "line": result.line, "status": result.status}
    record["seconds"] = round(result.seconds, 3)
    if result.itinerary is not None:
        record["itinerary"] = itinerary_to_dict(result.itinerary)
    if result.catalogue is not None:
        record["catalogue"] = catalogue_to_dict(result.catalogue, lang=lang)
    if result.error is not None:
        error = result.error
        record["error"] = {"kind": error.kind, "type": error.type, "message": error.message}
        if error.field is not None:
            record["error"]["field"] = error.field
        if error.reasons:
            record["error"]["reasons"] = list(error.reasons)
    return record


def result_line(result: BatchResult, *, lang: str = "vi") -> str:
    """A result as one line of JSON (no newline inside), ending with ``"\\n"``."""
    return json.dumps(result_record(result, lang=lang), ensure_ascii=False) + "\n"


def result_id(record: Mapping[str, Any]) -> str | None:
    """The id of a result record read back from a results file, or ``None``."""
    value = record.get("id")
    return value if isinstance(value, str) else None

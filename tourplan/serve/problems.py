"""Error answers as RFC 9457 problem details: a status, one line naming the field, no traceback.

Every 4xx and 5xx the API sends has the media type ``application/problem+json`` and the body
``{"type", "title", "status", "detail"}``, plus ``field`` when one field is to blame and
``reasons`` when a plan is infeasible. Library exceptions become problems here, in the worker
process that raised them, so that nothing but a small picklable answer crosses back.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

from ..exceptions import (
    DataError,
    GeocodingError,
    InfeasibleError,
    TravelTimeError,
    UnknownPlaceError,
)

__all__ = [
    "PROBLEM_MEDIA_TYPE",
    "Answer",
    "Problem",
    "problem_from_library_error",
    "problem_schema",
]

PROBLEM_MEDIA_TYPE = "application/problem+json"
"""The media type of every error answer (RFC 9457)."""


@dataclass(frozen=True)
class Problem:
    """One error answer: the HTTP status, a one-line detail, and the field to blame if any."""

    status: int
    detail: str
    field: str | None = None
    reasons: tuple[str, ...] = ()
    headers: Mapping[str, str] = dataclasses.field(default_factory=dict)

    def body(self) -> dict[str, Any]:
        """The JSON object sent to the client."""
        data: dict[str, Any] = {
            "type": "about:blank",
            "title": HTTPStatus(self.status).phrase,
            "status": self.status,
            "detail": self.detail,
        }
        if self.field is not None:
            data["field"] = self.field
        if self.reasons:
            data["reasons"] = list(self.reasons)
        return data

    def answer(self) -> Answer:
        """The problem as a finished answer."""
        text = json.dumps(self.body(), ensure_ascii=False)
        return Answer(self.status, PROBLEM_MEDIA_TYPE, text.encode("utf-8"), dict(self.headers))


@dataclass(frozen=True)
class Answer:
    """A finished HTTP answer as it leaves a worker process: status, media type and bytes."""

    status: int
    media_type: str
    body: bytes
    headers: Mapping[str, str] = dataclasses.field(default_factory=dict)


def _place_field(query: str, places: Mapping[str, Sequence[str]]) -> str | None:
    for name, values in places.items():
        if query.strip() in (v.strip() for v in values):
            return name
    return None


def problem_from_library_error(
    exc: Exception,
    places: Mapping[str, Sequence[str]],
    reasons: Sequence[str] = (),
    fields: Mapping[str, str] | None = None,
) -> Problem | None:
    """The 422 answer for a library error caused by the request, or ``None`` for a bug.

    Parameters
    ----------
    exc
        What the library raised.
    places
        The request's place queries by field (``{"start": ["old-quarter"]}``), to name the
        field of an unknown place.
    reasons
        For an infeasible request, one line per cause, already in the client's language;
        when empty, the error's own ``reasons`` (the lines ``tourplan batch`` writes).
    fields
        The body's name of each field of the library's request that differs
        (``{"must_visit": "must"}``), to name the field an unknown place was looked up for.

    Returns
    -------
    Problem or None
        ``None`` when ``exc`` is not the request's fault (the caller logs it as a bug).
    """
    if isinstance(exc, UnknownPlaceError):
        # The library's own message may mention a CLI option; a client needs the facts only.
        if exc.start_point is not None:
            detail = str(exc)
        elif exc.ambiguous:
            detail = f"'{exc.query}' is ambiguous; it matches: {', '.join(exc.candidates)}"
        else:
            detail = f"no place matches '{exc.query}'"
            if exc.candidates:
                detail += f"; did you mean: {', '.join(exc.candidates)}?"
        field = _place_field(exc.query, places)
        if exc.field is not None:  # the field it was looked up for, not one of the same text
            field = (fields or {}).get(exc.field, exc.field)
        return Problem(422, detail, field=field)
    if isinstance(exc, InfeasibleError):
        summary = str(exc).splitlines()[0]
        why = tuple(reasons) or exc.reasons
        return Problem(422, f"cannot plan this request: {summary}", reasons=why)
    if isinstance(exc, DataError):
        return Problem(422, exc.reason if exc.field else str(exc), field=exc.field)
    if isinstance(exc, GeocodingError | TravelTimeError):
        return Problem(422, str(exc))
    return None


def problem_schema() -> dict[str, Any]:
    """The JSON Schema of an error answer, for the OpenAPI document."""
    return {
        "type": "object",
        "required": ["type", "title", "status", "detail"],
        "properties": {
            "type": {"type": "string"},
            "title": {"type": "string"},
            "status": {"type": "integer", "minimum": 400, "maximum": 599},
            "detail": {"type": "string"},
            "field": {"type": "string", "description": "The request field to blame."},
            "reasons": {
                "type": "array",
                "items": {"type": "string"},
                "description": "Why an infeasible request cannot be planned, one line each.",
            },
        },
    }

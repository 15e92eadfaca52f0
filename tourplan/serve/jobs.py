"""From a request body to a worker's job: the shared record codec, then the server's limits.

A plan body is read by :func:`tourplan.plan.trip_request_from_record`, the codec the batch
engine reads its lines with, so a request means the same over HTTP and in a batch file. Every
refusal here is a :class:`~tourplan.serve.problems.Problem` naming the field, raised before any
work is queued.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import quote

from ..catalogue import CatalogueRequest
from ..catalogue.request import MAX_ROUTES
from ..exceptions import DataError
from ..plan import DEFAULT_LUNCH, Lunch, record_id, trip_request_from_record
from ..plan.request import MAX_TRIP_DAYS
from ..plan.request_record import MAX_TIME_LIMIT, RECORD_NAMES
from ..routing import SearchParameters
from .formats import Format
from .models import CatalogueBody, LunchWindow, PlanBody
from .problems import Problem
from .settings import ServeSettings
from .worker import Job

__all__ = ["RefusedError", "catalogue_job", "plan_job", "record_id_header", "server_cap"]


class RefusedError(Exception):
    """A request refused before any work; ``problem`` is the answer."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.detail)
        self.problem = problem


def server_cap(field: str, settings: ServeSettings) -> Problem | None:
    """The 422 for a value above this server's cap on ``field``, or ``None`` if it has none.

    The server's caps (:class:`ServeSettings`: 14 days, 20 routes, 30 s by default) are lower
    than the library's, which bound the request models; a value above either is told the cap
    that applies here, so that a client is never told "at most 60 days" when 15 is refused.

    Parameters
    ----------
    field
        The field sent: ``days``, ``date`` or ``dates`` (days), ``routes``, ``time_limit``.
    settings
        The server's limits.
    """
    if field in ("days", "date", "dates"):
        most = min(settings.max_days, MAX_TRIP_DAYS)
        return Problem(422, f"at most {most} days on this server", field=field)
    if field == "routes":
        most = min(settings.max_routes, MAX_ROUTES)
        return Problem(422, f"at most {most} routes on this server", field=field)
    if field == "time_limit":
        cap = min(settings.max_time_limit, MAX_TIME_LIMIT)
        return Problem(
            422, f"time_limit may be at most {cap:g} seconds on this server", field=field
        )
    return None


def _capped(field: str, settings: ServeSettings) -> RefusedError:
    problem = server_cap(field, settings)
    assert problem is not None
    return RefusedError(problem)


def _search(
    time_limit: float | None, deterministic: bool, settings: ServeSettings
) -> SearchParameters:
    if time_limit is None:
        time_limit = settings.default_time_limit
    elif time_limit > settings.max_time_limit:
        raise _capped("time_limit", settings)
    return SearchParameters(time_limit=time_limit, deterministic=deterministic)


def _texts(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, Sequence):
        return [v for v in value if isinstance(v, str)]
    return []


def _refused(exc: DataError, fields: dict[str, str] | None = None) -> RefusedError:
    field = exc.field if exc.field is None or fields is None else fields.get(exc.field, exc.field)
    return RefusedError(Problem(422, exc.reason, field=field))


_CATALOGUE_FIELDS = {
    "dates": "date",
    "start": "hub",
    "must_visit": "must_include",
    "max_stops_per_day": "max_stops",
}
"""A catalogue's body fields by the names of the one-day :class:`~tourplan.plan.TripRequest`
that checks them (``CatalogueRequest.trip_request``): a client is told the field it sent."""


_HEADER_SAFE = "".join(chr(c) for c in range(0x20, 0x7F) if chr(c) != "%")
"""What an id keeps as is in a header: printable ASCII (the space too), but ``%``."""


def record_id_header(value: str) -> str:
    """A request's ``id`` as the ``X-Request-Record-Id`` header sends it.

    A header carries Latin-1 at most, and no control character; the id is any text. Printable
    ASCII but ``%`` is sent as is; every other character as percent-encoded UTF-8 (RFC 3986),
    so that ``urllib.parse.unquote`` gives every id back, and an ASCII id is its own header.

    Examples
    --------
    >>> record_id_header("trip-7"), record_id_header("Hà Nội"), record_id_header("50%")
    ('trip-7', 'H%C3%A0 N%E1%BB%99i', '50%25')
    """
    return quote(value, safe=_HEADER_SAFE)


def plan_job(body: PlanBody, settings: ServeSettings, answer_format: Format) -> Job:
    """The job of ``POST /v1/plans``.

    Raises
    ------
    RefusedError
        With a 422 naming the field: a value the request refuses (an ``id`` or a place
        holding a control character among them), more dates than the server allows, a time
        limit above its cap.
    """
    record = body.record()
    try:
        request = trip_request_from_record(record)
        record_id(record)  # the codec's check of the id that batch lines have too
    except DataError as exc:
        raise _refused(exc) from None
    if len(request.dates) > settings.max_days:
        field = "days" if "days" in body.model_fields_set else ("dates" if body.dates else "date")
        raise _capped(field, settings)
    places = {name: _texts(getattr(body, name)) for name in ("start", "end", "must", "avoid")}
    return Job(
        request=request,
        search=_search(body.time_limit, body.deterministic, settings),
        lang=body.lang,
        places=places,
        format=answer_format,
        legs=body.legs,
        fields=RECORD_NAMES,
    )


def _lunch(value: str | LunchWindow | None) -> Lunch | None:
    if value is None or (isinstance(value, str) and value.strip().lower() == "none"):
        return None
    if isinstance(value, LunchWindow):
        return Lunch(value.earliest, value.latest, value.minutes)  # type: ignore[arg-type]
    return Lunch.parse(value.strip())


def catalogue_job(body: CatalogueBody, settings: ServeSettings) -> Job:
    """The job of ``POST /v1/catalogues``.

    Raises
    ------
    RefusedError
        With a 422 naming the field.
    """
    if body.routes > settings.max_routes:
        raise _capped("routes", settings)
    try:
        request = CatalogueRequest(
            date=body.date,
            hub=body.hub,
            routes=body.routes,
            max_routes_per_village=body.max_routes_per_village,
            min_stops=body.min_stops,
            max_stops=body.max_stops,
            any_day=body.any_day,
            must_include=tuple(body.must_include),
            must_themes=tuple(body.must_themes),
            day_start=body.day_start,
            day_end=body.day_end,
            mode=body.mode,
            # a lunch not sent is the default one, dropped on a day that does not span it
            lunch=_lunch(body.lunch) if "lunch" in body.model_fields_set else DEFAULT_LUNCH,
            pace=body.pace,
        )
    except DataError as exc:
        raise _refused(exc, _CATALOGUE_FIELDS) from None
    return Job(
        request=request,
        search=_search(body.time_limit, body.deterministic, settings),
        lang=body.lang,
        places={"hub": [body.hub], "must_include": list(body.must_include)},
        fields=_CATALOGUE_FIELDS,
    )

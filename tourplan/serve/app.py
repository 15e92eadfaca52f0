"""The HTTP API's routes: plans, catalogues, villages and health, over a bounded solver pool.

:func:`create_app` builds the ASGI application. The routes are thin: they check the shape of
a request (pydantic, 422 naming the field), the server's limits (days, time limit), choose the
answer's format, and hand the work to a :class:`~tourplan.serve.pool.SolverPool`; the library
does the rest in a worker process.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..datasets import load_hanoi, village_record
from ..exceptions import TourplanError
from ..geocode import Gazetteer, PlaceResolver, resolve_place
from ..model import THEMES, Villages
from ..names import fold
from . import worker
from .body import JsonRoute, TooManyDigits
from .formats import FORMATS, NotAcceptableError, choose_format
from .jobs import RefusedError, catalogue_job, plan_job, record_id_header, server_cap
from .middleware import GENERIC_500, REQUEST_ID, BodyLimit, Outermost
from .models import PATTERN_WORDS, CatalogueBody, PlanBody
from .openapi import ITINERARY_REF, VILLAGE_REF, add_components
from .pool import QueueFullError, RequestTimeoutError, SolverPool, WorkerLostError
from .problems import Answer, Problem, problem_from_library_error
from .settings import ServeSettings

__all__ = ["create_app"]

DESCRIPTION = """Plan day trips and multi-day tours through Hanoi's craft villages.

Errors are RFC 9457 problems naming the field to blame. When every solver process is busy and
the queue is full the API answers 503 with `Retry-After`; try again after that many seconds.
"""


_BODY_ANSWERS: dict[int | str, dict[str, Any]] = {
    400: {"description": "The body cannot be read: not UTF-8, or JSON nested too deep."},
    413: {"description": "The body is larger than the server's limit."},
    415: {"description": "The body is not sent as `Content-Type: application/json`."},
}
"""The answers of a route that reads a JSON body (``body.JsonRoute``), before its fields."""


def _respond(problem: Problem) -> Response:
    answer = problem.answer()
    return Response(answer.body, answer.status, dict(answer.headers), answer.media_type)


def _field(location: tuple[int | str, ...]) -> str | None:
    parts = [p for p in location if p not in ("body", "query", "header")]
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or None


def _shape(part: int | str) -> bool:
    """Whether a part of an error's location names one of the shapes a field may take
    (pydantic's ``constrained-str``, ``tuple[...]``, ``nullable[...]``, a model's class name),
    not a field: the API's fields are snake_case."""
    return isinstance(part, str) and (part[:1].isupper() or any(c in part for c in "[]-"))


def _inside(error: dict[str, Any]) -> bool:
    """Whether an error is about a part of a shape (``lunch.LunchWindow.minutes``), not the
    shape as a whole: the value sent had that shape's type."""
    location = tuple(error.get("loc", ()))
    return bool(location) and not _shape(location[-1]) and any(_shape(p) for p in location)


def _first_error(errors: list[Any]) -> tuple[dict[str, Any], int]:
    """The error to report, and how many others there are. A field that may take several
    shapes fails once per shape; the shape sent is the one whose error is not "expected
    another type" (``[91, 105]`` fails the string shape by type, the [lat, lon] one by 90),
    else the one whose error is inside it (a lunch object whose ``minutes`` is text fails the
    string shape as a whole, the object shape at ``minutes``)."""
    root = tuple(errors[0].get("loc", ()))[:2]
    same = [e for e in errors if tuple(e.get("loc", ()))[:2] == root]
    shaped = [e for e in same if any(_shape(p) for p in e.get("loc", ()))]
    if shaped:
        wrong_type = ("_type", "none_required", "_attributes_type")
        fitting = [e for e in shaped if not str(e.get("type", "")).endswith(wrong_type)]
        fitting = fitting or [e for e in shaped if _inside(e)]
        chosen = fitting[0] if fitting else shaped[0]
        return dict(chosen), len(errors) - len(same)
    return dict(errors[0]), len(errors) - 1


def _shown(value: Any) -> str:
    """A value sent, quoted for a one-line message (long ones cut)."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


_EXPECTED = {
    "int_type": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "string_type": "text",
}
"""What a value of the wrong JSON type is told the field expects, by pydantic's error type
(the words of the request record codec: ``must be a whole number``, ``true or false``)."""


def _message(error: dict[str, Any]) -> str:
    """The rule a value broke in the client's terms: no regular expression, the type expected
    (``must be a whole number, got '60'``), and a number that is not one (NaN, infinite) said
    to be so, not compared with a bound."""
    kind = error.get("type", "")
    if kind in _EXPECTED:
        return f"must be {_EXPECTED[kind]}, got {_shown(error.get('input'))}"
    if kind == "string_pattern_mismatch":
        words = PATTERN_WORDS.get(str(error.get("ctx", {}).get("pattern")))
        if words is not None:
            return words.format(value=_shown(error.get("input")))
        return f"{_shown(error.get('input'))} is not in the expected form"
    if kind == "finite_number":
        value = error.get("input")
        nan = isinstance(value, float | str) and str(value).strip().lower() == "nan"
        return f"must be a finite number, not {'NaN' if nan else 'infinite'}"
    return str(error.get("msg", "invalid value"))


def _validation_problem(exc: RequestValidationError, settings: ServeSettings) -> Problem:
    errors = list(exc.errors())
    if not errors:
        return Problem(422, "the request is not valid")
    first, others = _first_error(errors)
    huge = [e for e in errors if isinstance(e.get("input"), TooManyDigits)]
    if huge:  # the number's own problem, whatever shapes its field may take
        first = dict(huge[0])
    field = _field(tuple(p for p in first.get("loc", ()) if not _shape(p)))
    kind = first.get("type", "")
    if kind == "dates":  # PlanBody: neither or both of 'date' and 'dates'
        return Problem(422, str(first.get("msg")), field="date")
    if kind == "json_invalid":
        return Problem(422, "the body is not valid JSON")
    if field is None:
        return Problem(422, "the body must be a JSON object with the request's fields")
    if kind in ("less_than_equal", "less_than", "too_long"):
        capped = server_cap(field, settings)  # the server's own cap, not the model's bound
        if capped is not None:
            return capped
    message = _message(first)
    if kind == "extra_forbidden":
        message = "unknown field"
    elif huge:
        message = huge[0]["input"].message()
    more = f" (and {others} more)" if others else ""
    return Problem(422, f"{field}: {message}{more}", field=field)


def _pool(request: Request) -> SolverPool:
    pool: SolverPool = request.app.state.pool
    return pool


def _settings(request: Request) -> ServeSettings:
    settings: ServeSettings = request.app.state.settings
    return settings


async def _solve(
    request: Request,
    function: Callable[[worker.Job], Answer],
    job: worker.Job,
    record_id: str | None = None,
) -> Response:
    settings = _settings(request)
    pool = _pool(request)
    busy = {"Retry-After": str(pool.retry_after(least=settings.retry_after))}
    try:
        answer = await pool.run(settings.request_timeout, function, job)
    except QueueFullError:
        return _respond(
            Problem(503, "every solver is busy and the queue is full; retry later", headers=busy)
        )
    except RequestTimeoutError:
        return _respond(
            Problem(
                503, f"no answer within {settings.request_timeout:g} s; retry later", headers=busy
            )
        )
    except WorkerLostError:
        return _respond(Problem(503, "a solver process stopped; retry later", headers=busy))
    headers = dict(answer.headers)
    if record_id is not None:
        headers["X-Request-Record-Id"] = record_id
    return Response(answer.body, answer.status, headers, answer.media_type)


def create_app(settings: ServeSettings | None = None, *, pool: SolverPool | None = None) -> Any:
    """The tourplan HTTP API as an ASGI application.

    Parameters
    ----------
    settings
        The server's limits (default: :class:`ServeSettings` defaults).
    pool
        A solver pool to use (default: one of ``settings.workers`` processes, started when the
        application starts and stopped when it stops).

    Returns
    -------
    ASGI application
        The FastAPI app wrapped in the size limit and the access log (``.fastapi`` is the
        FastAPI app itself).
    """
    settings = settings or ServeSettings()
    villages = load_hanoi()
    resolver = PlaceResolver(Gazetteer.bundled(villages), allow_network=False)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        own = pool is None
        app.state.pool = pool or SolverPool(
            settings.workers, settings.capacity, initializer=worker.start_worker
        )
        if own:
            app.state.pool.warm_up(worker.ping)
        try:
            yield
        finally:
            if own:
                app.state.pool.close()

    app = FastAPI(
        title="tourplan",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url="/v1/docs",
        redoc_url=None,
        openapi_url="/v1/openapi.json",
    )
    app.state.settings = settings
    app.router.route_class = JsonRoute  # numbers too long to read: 422 naming the field

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return _respond(_validation_problem(exc, settings))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return _respond(Problem(exc.status_code, str(exc.detail), headers=exc.headers or {}))

    @app.exception_handler(RefusedError)
    async def refused(request: Request, exc: RefusedError) -> Response:
        return _respond(exc.problem)

    @app.exception_handler(Exception)
    async def bug(request: Request, exc: Exception) -> Response:
        request_id = request.scope.get(REQUEST_ID, "?")
        return _respond(Problem(500, GENERIC_500.format(id=request_id)))

    plan_answers: dict[int | str, dict[str, Any]] = {
        200: {
            "description": "The itinerary, in the format asked for.",
            "content": {
                FORMATS["json"]: {"schema": {"$ref": ITINERARY_REF}},
                FORMATS["ics"]: {"schema": {"type": "string"}},
                FORMATS["geojson"]: {"schema": {"type": "object"}},
                FORMATS["html"]: {"schema": {"type": "string"}},
            },
        },
        **_BODY_ANSWERS,
        406: {"description": "No format the client accepts can be served."},
        422: {"description": "A field is invalid, or the trip cannot be planned."},
        503: {"description": "Every solver is busy; retry after `Retry-After` seconds."},
    }

    @app.post("/v1/plans", response_class=Response, responses=plan_answers)
    async def plan(
        request: Request,
        body: PlanBody,
        format: Annotated[
            str | None,
            Query(max_length=40, description="json, ics, geojson or html (wins over Accept)."),
        ] = None,
    ) -> Response:
        """Plan a trip: the itinerary as JSON, iCalendar (.ics), GeoJSON or a map page (HTML)."""
        try:
            # Accept is read from the request: OpenAPI ignores a parameter named Accept.
            chosen = choose_format(format, request.headers.get("accept"))
        except NotAcceptableError as exc:
            return _respond(Problem(406, str(exc), field=None if format is None else "format"))
        job = plan_job(body, settings, chosen)
        record_id = None if body.id is None else record_id_header(str(body.id).strip())
        return await _solve(request, worker.solve_plan, job, record_id)

    @app.post(
        "/v1/catalogues",
        response_class=Response,
        responses={
            200: {
                "description": "The catalogue",
                "content": {"application/json": {"schema": {"type": "object"}}},
            },
            **_BODY_ANSWERS,
            406: {"description": "The client accepts no JSON (the one format of a catalogue)."},
            422: {"description": "A field is invalid."},
            503: {"description": "Every solver is busy; retry after `Retry-After` seconds."},
        },
    )
    async def catalogue(
        request: Request,
        body: CatalogueBody,
        format: Annotated[
            str | None, Query(max_length=40, description="json, the one format (as Accept).")
        ] = None,
    ) -> Response:
        """Design K distinct day routes from a hub, as the catalogue JSON."""
        try:  # as /v1/plans, 406 for a format it cannot give, not JSON anyway
            choose_format(format, request.headers.get("accept"), offered=("json",))
        except NotAcceptableError as exc:
            return _respond(Problem(406, str(exc), field=None if format is None else "format"))
        job = catalogue_job(body, settings)
        return await _solve(request, worker.solve_catalogue, job)

    @app.get(
        "/v1/villages",
        responses={
            200: {
                "description": "The villages found, with the distance from `near` if given.",
                "content": {"application/json": {"schema": _villages_schema()}},
            },
            422: {"description": "A filter is invalid."},
        },
        response_class=JSONResponse,
    )
    def list_villages(
        q: Annotated[str | None, Query(max_length=200, description="Search names and ids.")] = None,
        theme: Annotated[
            list[str] | None, Query(max_length=100, description="Any of these themes.")
        ] = None,
        craft: Annotated[str | None, Query(max_length=200, description="Craft contains.")] = None,
        near: Annotated[
            str | None, Query(max_length=200, description="Sort by distance from.")
        ] = None,
        within: Annotated[
            float | None,
            Query(gt=0, le=1000, allow_inf_nan=False, description="With near: at most KM."),
        ] = None,
    ) -> Response:
        """List and search the villages (the filters of ``tourplan villages``)."""
        if within is not None and near is None:
            return _respond(Problem(422, "within needs near=PLACE to measure from", field="within"))
        unknown = [t for t in theme or () if t.lower() not in THEMES]
        if unknown:
            return _respond(
                Problem(
                    422, f"unknown theme {unknown[0]!r}; known: {', '.join(THEMES)}", field="theme"
                )
            )
        try:
            found, distances = _find(villages, resolver, q, theme or [], craft, near, within)
        except TourplanError as exc:
            problem = problem_from_library_error(exc, {"near": [near or ""]})
            if problem is None:
                raise
            return _respond(problem)
        records = [village_record(v) for v in found]
        return JSONResponse({"count": len(records), "villages": records, "distance_km": distances})

    @app.get("/v1/health")
    async def health(request: Request) -> dict[str, Any]:
        """Whether the server is up, and how busy its solvers are."""
        pool_now = _pool(request)
        return {
            "status": "ok",
            "version": __version__,
            "workers": pool_now.workers,
            "capacity": pool_now.capacity,
            "held": pool_now.held,
            "villages": len(villages),
        }

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = get_openapi(
                title=app.title, version=app.version, description=app.description, routes=app.routes
            )
            app.openapi_schema = add_components(document)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    outer = Outermost(BodyLimit(app, settings.max_body_bytes))
    outer.fastapi = app  # type: ignore[attr-defined]
    return outer


def _villages_schema() -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["count", "villages", "distance_km"],
        "properties": {
            "count": {"type": "integer", "minimum": 0},
            "villages": {"type": "array", "items": {"$ref": VILLAGE_REF}},
            "distance_km": {
                "type": "object",
                "additionalProperties": {"type": "number", "minimum": 0},
                "description": "Village id to straight-line km from `near` (empty without it).",
            },
        },
    }


def _find(
    every: Villages,
    resolver: PlaceResolver,
    query: str | None,
    themes: list[str],
    craft: str | None,
    near: str | None,
    within: float | None,
) -> tuple[Villages, dict[str, float]]:
    """The villages matching the filters, as ``tourplan villages`` finds them."""
    found = every
    if query is not None and query.strip():
        found = found.search(query)
    if themes:
        found = found.with_theme(*(t.lower() for t in themes))
    if craft is not None:
        needle = fold(craft)
        found = found.filter(lambda v: needle in fold(f"{v.craft_vi} | {v.craft_en}"))
    distances: dict[str, float] = {}
    if near is not None:
        origin = resolve_place(resolver, near, "near")
        nearby = found.near(origin.lat, origin.lon, within)
        distances = {n.village.id: round(n.distance_km, 2) for n in nearby}
        found = Villages(n.village for n in nearby)
    return found, distances

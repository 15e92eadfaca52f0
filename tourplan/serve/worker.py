"""What runs in a solver process: a request record in, a finished answer (bytes) out.

Each worker process loads the villages and the gazetteer once (:func:`start_worker`), then
plans one request at a time. Errors caused by the request come back as a 422
:class:`~tourplan.serve.problems.Answer`; any other exception propagates to the server, which
logs it with its traceback and answers a generic 500.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..api import plan_catalogue, plan_trip
from ..catalogue import CatalogueRequest
from ..datasets import load_hanoi
from ..exceptions import TourplanError
from ..geocode import Gazetteer, PlaceResolver
from ..model import Villages
from ..plan import Itinerary, Lunch, MustVisitError, TripRequest
from ..routing import SearchParameters
from ..text import Lang, explain, place_name
from .formats import FORMATS, Format
from .problems import Answer, problem_from_library_error

__all__ = ["Job", "ping", "solve_catalogue", "solve_plan", "start_worker"]


@dataclass(frozen=True)
class Job:
    """One request for a worker: the record, the search budget and how to answer."""

    record: Mapping[str, Any]
    time_limit: float
    deterministic: bool
    lang: Lang
    format: Format = "json"
    legs: bool = False


_VILLAGES: Villages | None = None
_RESOLVER: PlaceResolver | None = None


def start_worker() -> None:
    """Load the bundled villages and places once per process (offline: no geocoding)."""
    global _VILLAGES, _RESOLVER
    _VILLAGES = load_hanoi()
    _RESOLVER = PlaceResolver(Gazetteer.bundled(_VILLAGES), allow_network=False)


def ping() -> int:
    """The worker's process id (starting the pool runs this once per process)."""
    return os.getpid()


def _data() -> tuple[Villages, PlaceResolver]:
    if _VILLAGES is None or _RESOLVER is None:
        start_worker()
    assert _VILLAGES is not None and _RESOLVER is not None
    return _VILLAGES, _RESOLVER


def _lunch(value: object) -> Lunch | None:
    return None if value is None else Lunch.parse(str(value))


def trip_request(record: Mapping[str, Any]) -> TripRequest:
    """A plan request record (JSON values) as a :class:`~tourplan.plan.TripRequest`."""
    fields = dict(record)
    fields["lunch"] = _lunch(fields.get("lunch", "11:00-13:00/60"))
    fields["holidays"] = frozenset(
        dt.date.fromisoformat(d) if isinstance(d, str) else d for d in fields.get("holidays", ())
    )
    for name in ("must_visit", "avoid", "themes"):
        fields[name] = tuple(fields.get(name, ()))
    return TripRequest(**fields)


def _search(job: Job) -> SearchParameters:
    return SearchParameters(time_limit=job.time_limit, deterministic=job.deterministic)


def _places(record: Mapping[str, Any], *names: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for name in names:
        value = record.get(name)
        if isinstance(value, str):
            found[name] = [value]
        elif isinstance(value, list):
            found[name] = [v for v in value if isinstance(v, str)]
    return found


def _export(itinerary: Itinerary, job: Job) -> bytes:
    if job.format == "ics":
        from ..export import itinerary_to_ics

        return itinerary_to_ics(itinerary, include_legs=job.legs, lang=job.lang)
    if job.format == "geojson":
        from ..export import itinerary_to_geojson_text

        return itinerary_to_geojson_text(itinerary, lang=job.lang).encode("utf-8")
    from ..export import itinerary_to_json

    return itinerary_to_json(itinerary).encode("utf-8")


def solve_plan(job: Job) -> Answer:
    """Plan one trip and export it in the job's format.

    Returns
    -------
    Answer
        200 with the itinerary, or 422 naming the field (or the reasons it is infeasible).
    """
    villages, resolver = _data()
    places = _places(job.record, "start", "end", "must_visit", "avoid")
    try:
        request = trip_request(job.record)
        itinerary = plan_trip(request, villages, resolver=resolver, search=_search(job))
        body = _export(itinerary, job)
    except TourplanError as exc:
        reasons: list[str] = []
        if isinstance(exc, MustVisitError):
            reasons = [
                f"{place_name(x.village, job.lang)} ({x.village.id}): {explain(x, job.lang)}"
                for x in exc.left_out
            ]
        problem = problem_from_library_error(exc, places, reasons)
        if problem is None:
            raise
        return problem.answer()
    return Answer(200, FORMATS[job.format], body)


def solve_catalogue(job: Job) -> Answer:
    """Design one route catalogue and answer it as the catalogue JSON of ``tourplan catalogue``.

    Returns
    -------
    Answer
        200 with the catalogue, or 422 naming the field.
    """
    from ..export import catalogue_to_json

    villages, resolver = _data()
    places = _places(job.record, "hub", "must_include")
    try:
        fields = dict(job.record)
        fields["lunch"] = _lunch(fields.get("lunch", "11:00-13:00/60"))
        for name in ("must_include", "must_themes"):
            fields[name] = tuple(fields.get(name, ()))
        request = CatalogueRequest(**fields)
        catalogue = plan_catalogue(request, villages, resolver=resolver, search=_search(job))
        text = catalogue_to_json(catalogue, lang=job.lang)
    except TourplanError as exc:
        problem = problem_from_library_error(exc, places)
        if problem is None:
            raise
        return problem.answer()
    return Answer(200, "application/json", text.encode("utf-8"))

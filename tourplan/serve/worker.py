"""What runs in a solver process: a checked request in, a finished answer (bytes) out.

Each worker process loads the villages and the gazetteer once (:func:`start_worker`), then
plans one request at a time. Errors caused by the request come back as a 422
:class:`~tourplan.serve.problems.Answer`; any other exception propagates to the server, which
logs it with its traceback and answers a generic 500.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..api import plan_catalogue, plan_trip
from ..catalogue import CatalogueRequest
from ..datasets import load_hanoi
from ..exceptions import TourplanError
from ..geocode import Gazetteer, PlaceResolver
from ..model import Villages
from ..plan import Itinerary, MustTogetherError, MustVisitError, TripRequest
from ..routing import SearchParameters
from ..text import Lang, explain, explain_conflict, place_name
from .formats import FORMATS, Format
from .problems import Answer, problem_from_library_error

__all__ = ["Job", "ping", "solve_catalogue", "solve_plan", "start_worker"]


@dataclass(frozen=True)
class Job:
    """One request for a worker: the checked request, the search budget and how to answer.

    ``places`` holds the request's place queries by field (``{"start": ["old-quarter"]}``),
    and ``fields`` the body's name of each field of ``request`` named otherwise
    (``{"must_visit": "must"}``), so that an unknown place is answered naming its field.
    """

    request: TripRequest | CatalogueRequest
    search: SearchParameters
    lang: Lang
    places: Mapping[str, Sequence[str]]
    format: Format = "json"
    legs: bool = False
    fields: Mapping[str, str] = dataclasses.field(default_factory=dict)


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


def _export(itinerary: Itinerary, job: Job) -> bytes:
    if job.format == "ics":
        from ..export import itinerary_to_ics

        return itinerary_to_ics(itinerary, include_legs=job.legs, lang=job.lang)
    if job.format == "geojson":
        from ..export import itinerary_to_geojson_text

        return itinerary_to_geojson_text(itinerary, lang=job.lang).encode("utf-8")
    if job.format == "html":
        from ..export import itinerary_to_html

        return itinerary_to_html(itinerary, lang=job.lang).encode("utf-8")
    from ..export import itinerary_to_json

    return itinerary_to_json(itinerary, indent=None).encode("utf-8")


def _reasons(exc: TourplanError, lang: Lang) -> list[str]:
    """Why must-visit villages cannot be planned, in words and in ``lang``, as ``tourplan
    route`` says it; empty for any other error (the problem then gives the library's own
    reasons, as the batch engine does)."""
    if isinstance(exc, MustVisitError):
        return [
            f"{place_name(x.village, lang)} ({x.village.id}): {explain(x, lang)}"
            for x in exc.left_out
        ]
    if isinstance(exc, MustTogetherError):
        return [explain_conflict(exc.conflict, lang)]
    return []


def solve_plan(job: Job) -> Answer:
    """Plan one trip and export it in the job's format.

    Returns
    -------
    Answer
        200 with the itinerary, or 422 naming the field (or the reasons it is infeasible).
    """
    villages, resolver = _data()
    if not isinstance(job.request, TripRequest):
        raise TypeError(f"solve_plan needs a TripRequest, got {type(job.request).__name__}")
    try:
        itinerary = plan_trip(job.request, villages, resolver=resolver, search=job.search)
        body = _export(itinerary, job)
    except TourplanError as exc:
        problem = problem_from_library_error(exc, job.places, _reasons(exc, job.lang), job.fields)
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
    if not isinstance(job.request, CatalogueRequest):
        raise TypeError(
            f"solve_catalogue needs a CatalogueRequest, got {type(job.request).__name__}"
        )
    try:
        catalogue = plan_catalogue(job.request, villages, resolver=resolver, search=job.search)
        text = catalogue_to_json(catalogue, lang=job.lang, indent=None)
    except TourplanError as exc:
        problem = problem_from_library_error(exc, job.places, fields=job.fields)
        if problem is None:
            raise
        return problem.answer()
    return Answer(200, "application/json", text.encode("utf-8"))

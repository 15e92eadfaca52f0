"""One request planned on a worker: the data shared by the batch, and a result for any outcome.

:class:`SharedData` travels to each worker once (the engine broadcasts it); :func:`plan_one`
then runs for every request, turning every outcome — a plan, an infeasible request, a bad
value, a crash — into a :class:`~tourplan.batch.BatchResult`, so that one bad request never
stops the batch.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from ..api import plan_catalogue, plan_trip
from ..catalogue import CatalogueRequest
from ..geocode import Gazetteer, PlaceResolver
from ..model import Villages
from ..plan import TripRequest, check_itinerary
from ..routing import SearchParameters
from .results import BatchRequest, BatchResult, Status, error_from_exception

if TYPE_CHECKING:  # networkx loads only with a road graph (0.1 s)
    import networkx as nx

__all__ = ["SharedData", "plan_one"]


class SharedData:
    """What every request of a batch plans over: the villages, the road graph and the places.

    Sent to each worker once; the place resolver (the bundled gazetteer plus the villages) is
    built on the worker the first time a request needs it and kept for the next ones.

    Parameters
    ----------
    villages
        The villages to choose from.
    road_graph
        A road graph to take travel times from, or ``None`` for each mode's straight-line
        estimate.
    online
        Allow looking addresses up online (OpenStreetMap Nominatim).
    search
        Solver settings of the requests that carry none.
    """

    def __init__(
        self,
        villages: Villages,
        *,
        road_graph: nx.MultiDiGraph | None = None,
        online: bool = False,
        search: SearchParameters | None = None,
    ) -> None:
        self.villages = villages
        self.road_graph = road_graph
        self.online = online
        self.search = search
        self._resolver: PlaceResolver | None = None

    def resolver(self) -> PlaceResolver:
        """The place resolver over the bundled start points and the villages (built once)."""
        if self._resolver is None:
            gazetteer = Gazetteer.bundled(self.villages)
            self._resolver = PlaceResolver(gazetteer, allow_network=self.online)
        return self._resolver

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_resolver"] = None  # rebuilt on the worker, never sent
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)


def plan_one(job: BatchRequest, shared: SharedData) -> BatchResult:
    """Plan one request of a batch; never raises for anything the request or planning does.

    Parameters
    ----------
    job
        The request, its id and its search settings.
    shared
        The batch's villages, road graph and default search settings.

    Returns
    -------
    BatchResult
        ``ok`` with a plan that passed :func:`tourplan.plan.check_itinerary` (trips), or
        ``refused`` / ``failed`` with the error explained.
    """
    started = time.perf_counter()
    search = job.search or shared.search
    try:
        if isinstance(job.request, TripRequest):
            itinerary = plan_trip(
                job.request,
                shared.villages,
                road_graph=shared.road_graph,
                resolver=shared.resolver(),
                search=search,
            )
            problems = check_itinerary(itinerary, job.request)
            if problems:  # never expected: the solver's plan broke a rule of the request
                raise AssertionError("the plan breaks the request: " + "; ".join(problems))
            return BatchResult(
                job.id,
                "ok",
                itinerary=itinerary,
                line=job.line,
                seconds=time.perf_counter() - started,
            )
        catalogue = plan_catalogue(
            job.request,
            shared.villages,
            road_graph=shared.road_graph,
            resolver=shared.resolver(),
            search=search,
        )
        return BatchResult(
            job.id, "ok", catalogue=catalogue, line=job.line, seconds=time.perf_counter() - started
        )
    except Exception as exc:  # one bad request never stops the batch: it becomes its result
        error = error_from_exception(
            exc, line=job.line, source=job.source, places=_places(job.request)
        )
        status: Status = "refused" if error.kind == "infeasible" else "failed"
        return BatchResult(
            job.id, status, error=error, line=job.line, seconds=time.perf_counter() - started
        )


def _places(request: TripRequest | CatalogueRequest) -> dict[str, list[str]]:
    """The place queries of a request by the field that gave them, as a record names it."""
    if isinstance(request, TripRequest):
        ends = {"start": request.start, "end": request.end}
        places = {name: [q] for name, q in ends.items() if isinstance(q, str)}
        return places | {"must": list(request.must_visit), "avoid": list(request.avoid)}
    queries = {"must_include": list(request.must_include)}
    return queries | ({"hub": [request.hub]} if isinstance(request.hub, str) else {})

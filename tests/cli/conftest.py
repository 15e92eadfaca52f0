"""The recorder that stands in for the planner in the CLI tests: what the CLI asks of the
library, without waiting for the solver (test_cli_route.py, test_cli_reliability.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import tourplan
from tourplan.geocode import PlaceResolver
from tourplan.plan import HANOI_TZ, Day, Itinerary, TripRequest

Recorder = list[dict[str, Any]]


@pytest.fixture
def planned(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    """Record each call of plan_trip and answer with days without stops."""
    calls: Recorder = []

    def fake_plan_trip(
        request: TripRequest,
        villages: tourplan.Villages | None = None,
        *,
        road_graph: Any = None,
        resolver: PlaceResolver | None = None,
        search: Any = None,
    ) -> Itinerary:
        assert resolver is not None
        start = resolver.resolve(request.start)
        end = start if request.end is None else resolver.resolve(request.end)
        calls.append(
            {
                "request": request,
                "villages": villages,
                "road_graph": road_graph,
                "resolver": resolver,
                "search": search,
                "start": start,
                "end": end,
            }
        )
        days = []
        for date in request.dates:
            leave = dt.datetime.combine(date, request.day_start, tzinfo=HANOI_TZ)
            days.append(Day(date, start, end, leave, leave))
        return Itinerary(days=tuple(days))

    monkeypatch.setattr("tourplan.api.plan_trip", fake_plan_trip)
    return calls

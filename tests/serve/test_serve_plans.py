"""POST /v1/plans on a real server: each format, content negotiation, and checked itineraries."""

from __future__ import annotations

import json
from typing import Any

import httpx
import icalendar
import jsonschema
import pytest

import tourplan
from tourplan.export import itinerary_from_json, itinerary_schema
from tourplan.plan import trip_request_from_record

PLAN: dict[str, Any] = {"start": "hoan-kiem-lake", "date": "2026-12-05", "deterministic": True}


def _post(client: httpx.Client, body: dict[str, Any], **kwargs: Any) -> httpx.Response:
    return client.post("/v1/plans", json=body, **kwargs)


def test_plan_answers_a_feasible_itinerary_as_json(client: httpx.Client) -> None:
    body = {**PLAN, "days": 2, "must": ["Bát Tràng"], "themes": ["textiles"], "max_stops": 4}
    response = _post(client, body)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    document = response.json()
    jsonschema.validate(document, itinerary_schema())
    itinerary = itinerary_from_json(response.content)
    request = trip_request_from_record({k: v for k, v in body.items() if k != "deterministic"})
    assert [d.date.isoformat() for d in itinerary.days] == ["2026-12-05", "2026-12-06"]
    assert "bat-trang" in itinerary.village_ids
    assert tourplan.check_itinerary(itinerary, request) == []


def test_plan_is_the_same_as_the_library_plans(client: httpx.Client) -> None:
    """The API adds nothing and loses nothing: the library's deterministic plan, as JSON."""
    response = _post(client, {**PLAN, "must": "van-phuc"})
    request = trip_request_from_record(
        {"start": "hoan-kiem-lake", "date": "2026-12-05", "must": "van-phuc"}
    )
    expected = tourplan.plan_trip(
        request, search=tourplan.SearchParameters(time_limit=2.0, deterministic=True)
    )
    assert itinerary_from_json(response.content).village_ids == expected.village_ids


def test_plan_as_ics_by_format_parameter(client: httpx.Client) -> None:
    response = client.post("/v1/plans", params={"format": "ics"}, json={**PLAN, "legs": True})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    assert events and all(e.get("UID") for e in events)


def test_plan_as_ics_by_accept_header(client: httpx.Client) -> None:
    response = _post(client, PLAN, headers={"Accept": "text/calendar"})
    assert response.status_code == 200
    assert response.content.startswith(b"BEGIN:VCALENDAR")


def test_plan_as_geojson_by_accept_header_with_q_values(client: httpx.Client) -> None:
    accept = "text/html;q=0.2, application/geo+json;q=0.9, text/calendar;q=0.5"
    response = _post(client, {**PLAN, "lang": "en"}, headers={"Accept": accept})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/geo+json")
    collection = response.json()
    assert collection["type"] == "FeatureCollection"
    kinds = {f["geometry"]["type"] for f in collection["features"]}
    assert kinds == {"Point", "LineString"}


def test_format_parameter_wins_over_accept(client: httpx.Client) -> None:
    response = client.post(
        "/v1/plans", params={"format": "json"}, json=PLAN, headers={"Accept": "text/calendar"}
    )
    assert response.headers["content-type"].startswith("application/json")


def test_plan_as_a_map_page_by_format_or_accept(client: httpx.Client) -> None:
    for response in (
        client.post("/v1/plans", params={"format": "html"}, json={**PLAN, "lang": "en"}),
        _post(client, {**PLAN, "lang": "en"}, headers={"Accept": "text/html"}),
    ):
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("text/html")
        page = response.text
        assert page.lstrip().lower().startswith("<!doctype html")
        assert "Van Phuc" in page  # the must-visit village is on the page
        assert "https://cdn" not in page  # self-contained: no CDN needed to show it


def test_unknown_format_and_unservable_accept_answer_406(client: httpx.Client) -> None:
    response = client.post("/v1/plans", params={"format": "pdf"}, json=PLAN)
    assert response.status_code == 406
    assert response.json()["field"] == "format"
    assert _post(client, PLAN, headers={"Accept": "image/png"}).status_code == 406


@pytest.mark.parametrize("value", ["", "  "])
def test_empty_format_answers_406_naming_format(client: httpx.Client, value: str) -> None:
    """Regression: ``?format=`` was refused without ``"field": "format"``."""
    response = client.post("/v1/plans", params={"format": value}, json=PLAN)
    assert response.status_code == 406, response.text
    assert response.json()["field"] == "format"


def test_record_id_is_echoed_and_every_answer_has_a_request_id(client: httpx.Client) -> None:
    response = _post(client, {**PLAN, "id": "trip-7"})
    assert response.headers["x-request-record-id"] == "trip-7"
    assert len(response.headers["x-request-id"]) == 16


def test_infeasible_must_visit_answers_422_with_reasons_in_words(client: httpx.Client) -> None:
    """A must-visit village closed that day: 422 with the reason, in the language asked."""
    body = {**PLAN, "must": ["Bát Tràng"], "day_start": "08:00", "day_end": "09:00", "lunch": None}
    response = _post(client, {**body, "lang": "en"})
    assert response.status_code == 422, response.text
    problem = response.json()
    assert problem["detail"].startswith("cannot plan this request")
    assert problem["reasons"] and "bat-trang" in problem["reasons"][0]


FIVE = ["bat-trang", "van-phuc", "kim-lan", "phu-vinh", "chuong"]


@pytest.mark.parametrize(
    "change",
    [
        {"must": FIVE, "max_stops": 2},  # more must-visits than stops
        {"must": FIVE, "day_end": "12:00", "lunch": None},  # visits too long for the morning
    ],
)
def test_must_visits_that_do_not_fit_together_answer_422_with_reasons(
    client: httpx.Client, change: dict[str, Any]
) -> None:
    """Each fits a day alone, not all together: the reasons say why, in the language asked
    (regression: the problem had no ``reasons`` though batch gave them)."""
    response = _post(client, {**PLAN, **change, "lang": "en"})
    assert response.status_code == 422, response.text
    problem = response.json()
    assert problem["detail"].startswith("cannot plan this request")
    assert len(problem["reasons"]) == 1, problem
    assert "Bat Trang" in problem["reasons"][0] and "too short" in problem["reasons"][0]
    assert "\n" not in problem["reasons"][0]


def test_time_limit_above_the_server_cap_answers_422(client: httpx.Client) -> None:
    response = _post(client, {**PLAN, "deterministic": False, "time_limit": 3600})
    assert response.status_code == 422
    assert response.json()["field"] == "time_limit"


def test_more_days_than_the_server_allows_answers_422(client: httpx.Client) -> None:
    response = _post(client, {**PLAN, "days": 60})
    assert response.status_code == 422
    assert response.json()["field"] == "days"
    assert json.loads(response.text)["status"] == 422


def test_start_as_lat_lon_pair_is_planned(client: httpx.Client) -> None:
    """A JSON array [lat, lon] reaches the planner as a position (regression: strict tuples)."""
    response = _post(client, {**PLAN, "start": [21.03, 105.85]})
    assert response.status_code == 200, response.text
    day = response.json()["days"][0]
    assert (day["start_place"]["lat"], day["start_place"]["lon"]) == (21.03, 105.85)


def test_a_start_outside_vietnam_or_far_from_every_village_answers_422_naming_start(
    client: httpx.Client,
) -> None:
    """Regression (2026-12-05): a start at 0,0 blamed a field ``place``, and one in Hồ Chí
    Minh City answered 200 with empty days."""
    for start, words in (("0,0", "outside Vietnam"), ([10.77, 106.70], "nearest village")):
        response = _post(client, {**PLAN, "start": start})
        assert response.status_code == 422, response.text
        assert response.json()["field"] == "start"
        assert words in response.json()["detail"]

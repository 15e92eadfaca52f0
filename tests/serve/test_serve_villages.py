"""GET /v1/villages, GET /v1/health and POST /v1/catalogues on a real server."""

from __future__ import annotations

import httpx
import jsonschema

import tourplan
from tourplan.export import itinerary_schema


def _village_schema() -> dict[str, object]:
    schema = itinerary_schema()
    return {"$defs": schema["$defs"], "$ref": "#/$defs/village"}


def test_villages_search_with_or_without_diacritics(client: httpx.Client) -> None:
    for query in ("bat trang", "Bát Tràng"):
        found = client.get("/v1/villages", params={"q": query}).json()
        assert [v["id"] for v in found["villages"]] == ["bat-trang"]
    jsonschema.validate(found["villages"][0], _village_schema())


def test_villages_filters_combine_like_the_cli(client: httpx.Client, hanoi: object) -> None:
    answer = client.get(
        "/v1/villages", params={"theme": "ceramics", "near": "hoan-kiem-lake", "within": 30}
    ).json()
    distances = answer["distance_km"]
    assert answer["count"] == len(answer["villages"]) > 0
    assert all("ceramics" in v["themes"] for v in answer["villages"])
    ordered = [distances[v["id"]] for v in answer["villages"]]
    assert ordered == sorted(ordered) and ordered[-1] <= 30


def test_villages_craft_filter(client: httpx.Client) -> None:
    answer = client.get("/v1/villages", params={"craft": "silk"}).json()
    assert answer["count"] > 0
    assert all("silk" in (v["craft_en"] + v["craft_vi"]).lower() for v in answer["villages"])


def test_villages_bad_filters_answer_422_naming_them(client: httpx.Client) -> None:
    cases = [
        ({"within": 5}, "within"),
        ({"theme": "karaoke"}, "theme"),
        ({"near": "nowhere-at-all"}, "near"),
        ({"near": "hoan-kiem-lake", "within": -1}, "within"),
        ({"near": "21,200"}, "near"),  # was "lon" (2026-12-05)
        ({"near": "0,0"}, "near"),  # was "place"
    ]
    for params, field in cases:
        response = client.get("/v1/villages", params=params)
        assert response.status_code == 422, (params, response.text)
        assert response.json()["field"] == field


def test_health_reports_the_pool(client: httpx.Client) -> None:
    health = client.get("/v1/health").json()
    assert health["status"] == "ok"
    assert (health["workers"], health["capacity"]) == (2, 10)
    assert health["villages"] == len(tourplan.load_hanoi())  # villages and sights


def test_catalogue_answers_distinct_routes(client: httpx.Client) -> None:
    body = {"date": "2026-12-05", "routes": 2, "deterministic": True, "lang": "en"}
    response = client.post("/v1/catalogues", json=body)
    assert response.status_code == 200, response.text
    catalogue = response.json()
    routes = [set(r["stops"]) for r in catalogue["routes"]]
    assert len(routes) == 2 and not routes[0] & routes[1]


def test_catalogue_bad_input_answers_422_naming_the_field(client: httpx.Client) -> None:
    cases = [
        (
            {"date": "2026-12-05", "routes": 2, "max_routes_per_village": 3},
            "max_routes_per_village",
        ),
        ({"date": "2026-12-05", "routes": 500}, "routes"),
        ({"date": "2026-12-05", "hub": "nowhere-at-all", "routes": 1}, "hub"),
        ({"date": "2026-12-05", "hub": "0,0", "routes": 1}, "hub"),  # was "place"
        ({"date": "2026-12-05", "hub": "10.77,106.70", "routes": 1}, "hub"),  # was 0 routes
        ({"routes": 2}, "date"),
    ]
    for body, field in cases:
        response = client.post("/v1/catalogues", json={**body, "deterministic": True})
        assert response.status_code == 422, (body, response.text)
        assert response.json()["field"] == field

"""The OpenAPI document: the export's JSON Schema as the answer type, and fuzzing with no 500."""

from __future__ import annotations

import collections
import json
from typing import Any

import httpx
import jsonschema
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.generation import GenerationMode

from tourplan.export import itinerary_schema
from tourplan.serve.openapi import itinerary_components


def test_itinerary_answer_is_the_export_schema(client: httpx.Client) -> None:
    """Components ``Itinerary`` and ``itinerary.*`` are the export's schema, references moved."""
    document = client.get("/v1/openapi.json").json()
    schemas = document["components"]["schemas"]
    exported = itinerary_schema()
    moved = json.dumps(schemas["Itinerary"]).replace("#/components/schemas/itinerary.", "#/$defs/")
    root = {k: v for k, v in exported.items() if k not in ("$defs", "$schema", "$id")}
    assert json.loads(moved) == root
    for name, definition in exported["$defs"].items():
        moved = json.dumps(schemas[f"itinerary.{name}"])
        assert (
            json.loads(moved.replace("#/components/schemas/itinerary.", "#/$defs/")) == definition
        )
    answer = document["paths"]["/v1/plans"]["post"]["responses"]["200"]["content"]
    assert answer["application/json"]["schema"] == {"$ref": "#/components/schemas/Itinerary"}


def test_plan_answer_validates_against_the_openapi_document(client: httpx.Client) -> None:
    document = client.get("/v1/openapi.json").json()
    plan = client.post("/v1/plans", json={"start": "old-quarter", "date": "2026-12-07"})
    schema = {"$ref": "#/components/schemas/Itinerary", "components": document["components"]}
    jsonschema.validate(plan.json(), schema)


def test_body_answers_are_documented_as_problems(client: httpx.Client) -> None:
    """400 (unreadable body), 413 and 415 (not JSON) are in the document of each body route."""
    paths = client.get("/v1/openapi.json").json()["paths"]
    for path in ("/v1/plans", "/v1/catalogues"):
        responses = paths[path]["post"]["responses"]
        for status in ("400", "413", "415"):
            assert "application/problem+json" in responses[status]["content"], (path, status)


def test_every_error_answer_is_a_problem() -> None:
    components = itinerary_components()
    assert "Itinerary" in components and "itinerary.village" in components


#: Examples per operation and generation mode: bounded, so that the fuzzing takes about a
#: minute on a 2-core machine (each generated plan that passes validation is solved).
FUZZ_EXAMPLES = 20


def _operations(server: Any) -> list[Any]:
    api = schemathesis.openapi.from_url(f"{server.url}/v1/openapi.json")
    return [result.ok() for result in api.get_all_operations()]


# schemathesis' pytest plugin (from_fixture) does not run on pytest 9, so its Python API
# drives hypothesis here: each operation's strategy, positive then negative examples.
@pytest.mark.slow
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_fuzzed_requests_never_get_a_500(server: Any, mode: GenerationMode) -> None:
    """Schemathesis' generated requests (valid and not) never make the server fail."""
    operations = _operations(server)
    assert {f"{o.method.upper()} {o.path}" for o in operations} >= {
        "POST /v1/plans",
        "POST /v1/catalogues",
        "GET /v1/villages",
        "GET /v1/health",
    }
    seen: list[int] = []
    # schemathesis' own transport (requests) breaks where urllib3-future replaces urllib3, so
    # its cases are sent with httpx.
    with httpx.Client(timeout=120) as http:
        for operation in operations:
            if mode is GenerationMode.NEGATIVE and operation.path == "/v1/health":
                continue  # no parameters, no body: nothing can be made invalid
            _fuzz(operation, mode, server.url, http, seen)
    assert len(seen) >= 3 * 5  # every operation was exercised
    counts = collections.Counter(status // 100 for status in seen)
    if mode is GenerationMode.POSITIVE:
        assert counts[2] > 0, counts  # some requests were served, not only refused


def _fuzz(
    operation: Any, mode: GenerationMode, url: str, http: httpx.Client, seen: list[int]
) -> None:
    @settings(
        max_examples=FUZZ_EXAMPLES,
        deadline=None,  # a plan takes seconds; the bound is the number of examples
        suppress_health_check=list(HealthCheck),
        derandomize=True,
        database=None,
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def check(case: Any) -> None:
        if isinstance(case.body, dict):
            # Keep each solve short: a wall-clock search of 0.5 s (a deterministic one is
            # bounded by iterations, and a 14-day plan takes tens of seconds).
            case.body["deterministic"] = False
            case.body["time_limit"] = 0.5
        sent = case.as_transport_kwargs(base_url=url)
        response = http.request(
            sent["method"],
            sent["url"],
            headers=sent.get("headers"),
            params=sent.get("params"),
            json=sent.get("json"),
            content=sent.get("data"),
        )
        seen.append(response.status_code)
        curl = case.as_curl_command()
        assert response.status_code < 500 or _clean_503(response), f"{curl}\n{response.text}"
        if response.status_code >= 400:
            assert response.headers["content-type"] == "application/problem+json", curl

    check()


def _clean_503(response: httpx.Response) -> bool:
    return response.status_code == 503 and int(response.headers["retry-after"]) > 0

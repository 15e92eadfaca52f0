"""No traceback ever reaches a client: an unexpected error is logged as JSON and answered 500."""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

import httpx
import pytest

from tourplan.serve import ServeSettings, create_app
from tourplan.serve.middleware import JsonLogFormatter


class _BrokenPool:
    """A solver pool with a bug: every plan raises."""

    workers = capacity = 1
    held = 0

    async def run(self, timeout: float, function: Any, *args: Any) -> Any:
        raise RuntimeError("secret internal detail")

    def retry_after(self, least: int = 1, most: int = 60) -> int:
        return least


def _call(app: Any, method: str, path: str, **kwargs: Any) -> httpx.Response:
    async def main() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await client.request(method, path, **kwargs)

    return asyncio.run(main())


def test_a_bug_answers_a_generic_500_and_logs_the_traceback(
    caplog: pytest.LogCaptureFixture,
) -> None:
    app = create_app(ServeSettings(workers=1, queue=0))
    app.fastapi.state.pool = _BrokenPool()
    with caplog.at_level(logging.ERROR, logger="tourplan.serve.error"):
        response = _call(
            app, "POST", "/v1/plans", json={"start": "hoan-kiem-lake", "date": "2026-12-05"}
        )
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert "secret" not in response.text and "Traceback" not in response.text
    request_id = response.headers["x-request-id"]
    assert request_id in problem["detail"]
    logged = [r for r in caplog.records if r.name == "tourplan.serve.error"]
    assert len(logged) == 1 and logged[0].exc_info is not None
    line = json.loads(JsonLogFormatter().format(logged[0]))
    assert line["request_id"] == request_id
    assert "secret internal detail" in line["traceback"]


def test_an_app_that_fails_before_answering_still_answers_500() -> None:
    """The outermost layer answers when nothing inside did."""
    from tourplan.serve.middleware import Outermost

    async def broken(scope: Any, receive: Any, send: Any) -> None:
        raise ValueError("boom")

    response = _call(Outermost(broken), "GET", "/anything")
    assert response.status_code == 500
    assert "boom" not in response.text


def test_json_log_lines_carry_their_fields() -> None:
    record = logging.LogRecord(
        "tourplan.serve.access", logging.INFO, __file__, 1, "request", None, None
    )
    record.fields = {"status": 200, "path": "/v1/health"}
    line = json.loads(JsonLogFormatter().format(record))
    assert (line["event"], line["status"], line["path"], line["level"]) == (
        "request",
        200,
        "/v1/health",
        "info",
    )
    assert line["time"].endswith("Z")

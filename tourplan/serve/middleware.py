"""The server's outer layers: request size limits, structured access logs, and no tracebacks.

Both are plain ASGI middleware around the FastAPI app, so they see every request, including
those FastAPI refuses before routing. Logs are JSON lines (one object per event) on the
``tourplan.serve`` loggers: ``tourplan.serve.access`` for each request, ``tourplan.serve.error``
for each unexpected exception with its traceback. The client sees only a generic message.
"""

from __future__ import annotations

import json
import logging
import time
import traceback
import uuid
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from .problems import Problem

__all__ = [
    "ACCESS_LOG",
    "ERROR_LOG",
    "GENERIC_500",
    "REQUEST_ID",
    "BodyLimit",
    "JsonLogFormatter",
    "Outermost",
]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

ACCESS_LOG = logging.getLogger("tourplan.serve.access")
"""One JSON line per request: method, path, status, bytes, duration, client, request id."""

ERROR_LOG = logging.getLogger("tourplan.serve.error")
"""One JSON line per unexpected exception (a bug), with the traceback and the request id."""

REQUEST_ID = "tourplan.request_id"
"""Key of the ASGI scope holding the request's id (also sent as ``X-Request-Id``)."""

GENERIC_500 = "an unexpected error occurred; it has been logged (request id {id})"


class JsonLogFormatter(logging.Formatter):
    """Log records as one JSON object a line: time, level, logger, event and its fields."""

    def format(self, record: logging.LogRecord) -> str:
        data: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S") + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "event": record.getMessage(),
        }
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):
            data.update(fields)
        if record.exc_info:
            data["traceback"] = self.formatException(record.exc_info)
        return json.dumps(data, ensure_ascii=False, default=str)


JsonLogFormatter.converter = time.gmtime


async def _send_problem(send: Send, problem: Problem) -> None:
    answer = problem.answer()
    headers = [
        (b"content-type", answer.media_type.encode()),
        (b"content-length", b"%d" % len(answer.body)),
    ]
    headers += [(k.lower().encode(), v.encode()) for k, v in answer.headers.items()]
    await send({"type": "http.response.start", "status": answer.status, "headers": headers})
    await send({"type": "http.response.body", "body": answer.body})


class _TooLargeError(Exception):
    pass


class BodyLimit:
    """Answer 413 to a request whose body is larger than ``max_bytes``.

    A ``Content-Length`` above the limit is refused before the body is read; a chunked body
    is counted as it arrives and refused as soon as it passes the limit.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    def _problem(self) -> Problem:
        return Problem(413, f"the request body is larger than the limit of {self.max_bytes} bytes")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for key, value in scope.get("headers", ()):
            if key == b"content-length":
                try:
                    too_large = int(value) > self.max_bytes
                except ValueError:
                    too_large = False
                if too_large:
                    await _send_problem(send, self._problem())
                    return
        seen = 0
        refused = False
        started = False

        async def counted() -> Message:
            nonlocal seen, refused
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    refused = True
                    raise _TooLargeError
            return message

        async def guarded(message: Message) -> None:
            nonlocal started
            if refused:
                return  # the app's answer to the aborted body is replaced by the 413
            started = True
            await send(message)

        try:
            await self.app(scope, counted, guarded)
        except _TooLargeError:
            pass
        except Exception:
            if not refused:
                raise
        if refused and not started:
            await _send_problem(send, self._problem())


class Outermost:
    """Log every request as one JSON line, and turn any escaped exception into a generic 500.

    Each request gets an id (``X-Request-Id`` in the answer) that its access and error log
    lines share, so an operator can find the traceback a client's 500 refers to.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = uuid.uuid4().hex[:16]
        scope[REQUEST_ID] = request_id
        began = time.perf_counter()
        status = 0
        size = 0

        async def logged(message: Message) -> None:
            nonlocal status, size
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [
                    *message.get("headers", []),
                    (b"x-request-id", request_id.encode()),
                ]
            elif message["type"] == "http.response.body":
                size += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, logged)
        except Exception as exc:
            ERROR_LOG.error(
                "unhandled exception",
                exc_info=(type(exc), exc, exc.__traceback__),
                extra={
                    "fields": {
                        "request_id": request_id,
                        "path": scope.get("path"),
                        "exception": type(exc).__name__,
                        "where": traceback.extract_tb(exc.__traceback__)[-1].name
                        if exc.__traceback__
                        else None,
                    }
                },
            )
            if status == 0:
                await _send_problem(logged, Problem(500, GENERIC_500.format(id=request_id)))
        finally:
            client = scope.get("client")
            ACCESS_LOG.info(
                "request",
                extra={
                    "fields": {
                        "request_id": request_id,
                        "method": scope.get("method"),
                        "path": scope.get("path"),
                        "query": scope.get("query_string", b"").decode("latin-1"),
                        "status": status,
                        "bytes": size,
                        "duration_ms": round((time.perf_counter() - began) * 1000, 1),
                        "client": f"{client[0]}:{client[1]}" if client else None,
                    }
                },
            )

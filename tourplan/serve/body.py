"""Reading a request's JSON body: its media type, its bytes, and numbers too long to read.

Python refuses to read an integer of more than ``sys.get_int_max_str_digits()`` digits (4,300
by default), and FastAPI answers any error but a JSON syntax error with a bare 400 "There was an
error parsing the body". The body is valid JSON, so the error belongs to the field that holds the
number: :class:`JsonRoute` reads it with such numbers as :class:`TooManyDigits`, which pydantic
refuses as it would any wrong value, and the API answers 422 naming the field.

The other bodies FastAPI cannot read get their own one-line answer: bytes that are not UTF-8,
or JSON nested too deep for Python's parser, answer 400 saying so; a body sent as anything but
``application/json`` (or ``application/*+json``), or without a Content-Type, answers 415
instead of being read as text that is "not a JSON object".
"""

from __future__ import annotations

import email.message
import json
import sys
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException

__all__ = ["JSON_MEDIA_TYPE", "JsonRoute", "TooManyDigits"]

JSON_MEDIA_TYPE = "application/json"
"""The media type a request body must be sent as (``application/*+json`` is accepted too)."""


class TooManyDigits:
    """A JSON integer of ``digits`` digits, more than Python reads (no field accepts it)."""

    def __init__(self, digits: int) -> None:
        self.digits = digits

    def __repr__(self) -> str:
        return f"<a number of {self.digits} digits>"

    def message(self) -> str:
        """The one-line reason, for the field that holds it."""
        return f"a number of {self.digits} digits, more than the {_limit()} that are read"


def _limit() -> int:
    return sys.get_int_max_str_digits() or 0


def _integer(text: str) -> int | TooManyDigits:
    digits = len(text.lstrip("-"))
    limit = _limit()
    return TooManyDigits(digits) if limit and digits > limit else int(text)


def _is_json(content_type: str) -> bool:
    """Whether a Content-Type is JSON, as FastAPI decides it (parameters such as charset aside)."""
    message = email.message.Message()
    message["content-type"] = content_type
    subtype = message.get_content_subtype()
    return message.get_content_maintype() == "application" and (
        subtype == "json" or subtype.endswith("+json")
    )


def _check_media_type(content_type: str | None) -> None:
    """Refuse with 415 a body not sent as JSON, naming the Content-Type and the one expected.

    A missing Content-Type is refused too: FastAPI does not read such a body as JSON (its
    ``strict_content_type``, against cross-site requests a browser sends without asking), and
    ``curl -d`` sends ``application/x-www-form-urlencoded`` unless told otherwise.
    """
    if content_type is not None and content_type.strip() and _is_json(content_type):
        return
    sent = content_type.strip() if content_type else ""
    why = f"not {sent!r}" if sent else "none was sent"
    raise HTTPException(
        415,
        f"Content-Type must be {JSON_MEDIA_TYPE}, {why}",
        headers={"Accept-Post": JSON_MEDIA_TYPE},
    )


def _not_utf8(exc: UnicodeDecodeError) -> str:
    bad = exc.object[exc.start : exc.start + 1]
    return f"the body is not UTF-8 JSON: byte 0x{bad.hex()} at offset {exc.start}"


class _Request(Request):
    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            try:
                self._json = json.loads(await self.body(), parse_int=_integer)
            except UnicodeDecodeError as exc:
                raise HTTPException(400, _not_utf8(exc)) from None
            except RecursionError:
                raise HTTPException(
                    400, "the body is nested too deep to read: arrays or objects inside one another"
                ) from None
        return self._json


class JsonRoute(APIRoute):
    """A route whose JSON body is read with :func:`_integer` (see the module docstring)."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def read(request: Request) -> Response:
            if self.body_field is not None:  # a route that reads a body reads JSON only
                _check_media_type(request.headers.get("content-type"))
            return await handler(_Request(request.scope, request.receive))

        return read

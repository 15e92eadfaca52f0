"""Reading a request's JSON body: a number too long to read becomes a value no field accepts.

Python refuses to read an integer of more than ``sys.get_int_max_str_digits()`` digits (4,300
by default), and FastAPI answers any error but a JSON syntax error with a bare 400 "There was an
error parsing the body". The body is valid JSON, so the error belongs to the field that holds the
number: :class:`JsonRoute` reads it with such numbers as :class:`TooManyDigits`, which pydantic
refuses as it would any wrong value, and the API answers 422 naming the field.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.routing import APIRoute

__all__ = ["JsonRoute", "TooManyDigits"]


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


class _Request(Request):
    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            self._json = json.loads(await self.body(), parse_int=_integer)
        return self._json


class JsonRoute(APIRoute):
    """A route whose JSON body is read with :func:`_integer` (see the module docstring)."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def read(request: Request) -> Response:
            return await handler(_Request(request.scope, request.receive))

        return read

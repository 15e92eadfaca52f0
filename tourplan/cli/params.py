"""Parameter types of the command line: dates, times, lunch, transport modes, themes, files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..exceptions import DataError
from ..model import THEMES
from ..plan import Lunch
from ..travel import MODES, get_mode

__all__ = [
    "DATE",
    "LANG",
    "LUNCH",
    "MODE",
    "OUTPUT",
    "THEME",
    "TIME",
    "VILLAGES_FILE",
    "DateType",
    "LunchType",
    "ModeType",
    "TimeType",
]

if TYPE_CHECKING:
    _Param = click.ParamType[Any]
else:  # click < 8.3 has no type parameters
    _Param = click.ParamType


class DateType(_Param):
    """A calendar date written ``YYYY-MM-DD``."""

    name = "date"

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, dt.date):
            return value
        try:
            return dt.datetime.strptime(str(value).strip(), "%Y-%m-%d").date()
        except ValueError:
            self.fail(f"{value!r} is not a date like 2026-12-05 (YYYY-MM-DD)", param, ctx)


class TimeType(_Param):
    """A local time of day written ``HH:MM`` (Hanoi time)."""

    name = "time"

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "HH:MM"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, dt.time):
            return value
        try:
            return dt.datetime.strptime(str(value).strip(), "%H:%M").time()
        except ValueError:
            self.fail(f"{value!r} is not a time of day like 08:30 (HH:MM)", param, ctx)


class LunchType(_Param):
    """A lunch break ``HH:MM-HH:MM/MINUTES`` (start window and length), or ``none``."""

    name = "lunch"

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "HH:MM-HH:MM/MIN|none"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if value is None or isinstance(value, Lunch):
            return value
        text = str(value).strip()
        if text.lower() in ("none", "no", "off"):
            return None
        try:
            return Lunch.parse(text)
        except DataError as exc:
            self.fail(exc.reason, param, ctx)


class ModeType(_Param):
    """A transport mode name (or an alias such as ``taxi`` or ``scooter``)."""

    name = "mode"

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "[" + "|".join(MODES) + "]"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return get_mode(str(value)).name
        except DataError as exc:
            self.fail(exc.reason, param, ctx)

    def shell_complete(
        self, ctx: click.Context, param: click.Parameter, incomplete: str
    ) -> list[click.shell_completion.CompletionItem]:
        from click.shell_completion import CompletionItem

        return [CompletionItem(name) for name in MODES if name.startswith(incomplete)]


DATE = DateType()
TIME = TimeType()
LUNCH = LunchType()
MODE = ModeType()
THEME = click.Choice(THEMES, case_sensitive=False)
LANG = click.Choice(["vi", "en"], case_sensitive=False)
VILLAGES_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)
OUTPUT = click.Path(dir_okay=False, writable=False, allow_dash=True)

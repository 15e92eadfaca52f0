"""Parameter types of the command line: dates, times, lunch, transport modes, themes, files."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..exceptions import DataError
from ..model import THEMES
from ..names import one_line
from ..plan import Lunch
from ..travel import MODES, get_mode

__all__ = [
    "DATE",
    "LANG",
    "LUNCH",
    "MODE",
    "OUTPUT",
    "PLACE",
    "TEXT",
    "THEME",
    "TIME",
    "VILLAGES_FILE",
    "DateType",
    "FiniteFloat",
    "LunchType",
    "ModeType",
    "NonEmptyText",
    "OutputPath",
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


class NonEmptyText(_Param):
    """Text that is not empty or blank and holds no control characters (a village, a place)."""

    name = "text"

    def __init__(self, metavar: str = "TEXT") -> None:
        self.metavar = metavar

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return self.metavar

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        text = str(value)
        if not text.strip():
            self.fail("the value is empty; give one or leave the option out", param, ctx)
        try:
            return one_line(text, self.name)  # the check every entry point shares
        except DataError as exc:
            self.fail(exc.reason, param, ctx)


class FiniteFloat(_Param):
    """A finite number within ``[low, high]`` (``low`` excluded with ``low_open``): never
    ``inf``, ``nan`` or ``1e300``."""

    name = "number"

    def __init__(self, low: float, high: float, *, low_open: bool = False) -> None:
        self.low, self.high, self.low_open = low, high, low_open

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "NUMBER"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, float) and math.isfinite(value):
            number = value
        else:
            try:
                number = float(str(value).strip())
            except ValueError:
                self.fail(f"{value!r} is not a number", param, ctx)
        if not math.isfinite(number):
            self.fail(f"{value!r} is not a finite number", param, ctx)
        below = number <= self.low if self.low_open else number < self.low
        if below or number > self.high:
            low = f"more than {self.low:g}" if self.low_open else f"at least {self.low:g}"
            self.fail(f"{value} is out of range: give {low} and at most {self.high:g}", param, ctx)
        return number


class OutputPath(click.Path):
    """An output file name, ``-`` for stdout; an empty name is refused (not ignored)."""

    def __init__(self) -> None:
        super().__init__(dir_okay=False, writable=False, allow_dash=True)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and not value.strip():
            self.fail("the file name is empty; give a file name or - for stdout", param, ctx)
        return super().convert(value, param, ctx)


DATE = DateType()
TIME = TimeType()
LUNCH = LunchType()
MODE = ModeType()
THEME = click.Choice(THEMES, case_sensitive=False)
LANG = click.Choice(["vi", "en"], case_sensitive=False)
VILLAGES_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)
OUTPUT = OutputPath()
PLACE = NonEmptyText("PLACE")
TEXT = NonEmptyText("VILLAGE")

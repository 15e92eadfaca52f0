"""Parameter types of the command line: dates, times, lunch, transport modes, themes, files."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..exceptions import DataError
from ..model import THEMES
from ..names import CONTROL_CHARACTER, one_line
from ..plan import Lunch
from ..travel import MODES, get_mode

__all__ = [
    "DATE",
    "INPUT_FILE",
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
    "NonEmptyPath",
    "NonEmptyText",
    "OutputPath",
    "TimeType",
    "once",
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


class NonEmptyPath(click.Path):
    """A file or folder name that is not empty or blank: click would take ``""`` for the
    current folder (``--out ""`` replaced ``./README.md``) or a file that does not exist."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and not value.strip():
            what = "folder" if not self.file_okay else "file"
            or_dash = " or - for stdout" if self.allow_dash else ""
            self.fail(f"the {what} name is empty; give a {what} name{or_dash}", param, ctx)
        return super().convert(value, param, ctx)


class OutputPath(NonEmptyPath):
    """A file (or folder) to write: not empty, and no control characters in its name (a line
    break in a file name breaks every listing of it); ``-`` for stdout where ``dash``.

    Parameters
    ----------
    dash
        Accept ``-`` for stdout.
    folder
        A folder to write into, not a file.
    path_type
        The type of the value (``None``: ``str``).
    writable
        Refuse an existing file that its permissions keep from being written.
    """

    def __init__(
        self,
        *,
        dash: bool = True,
        folder: bool = False,
        path_type: type[Any] | None = None,
        writable: bool = False,
    ) -> None:
        super().__init__(
            file_okay=not folder,
            dir_okay=folder,
            allow_dash=dash,
            path_type=path_type,
            writable=writable,
        )

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and CONTROL_CHARACTER.search(value):
            self.fail(f"{value!r} holds a control character", param, ctx)
        return super().convert(value, param, ctx)


def once(ctx: click.Context, param: click.Parameter, value: tuple[Any, ...]) -> Any:
    """The callback of an option declared ``multiple=True`` only to refuse being given twice
    (``--json a.json --json b.json``: click would keep the last one silently); its one value,
    or ``None``."""
    if len(value) > 1:
        given = ", ".join(repr(str(v)) for v in value)
        raise click.BadParameter(f"given {len(value)} times ({given}); give it once", ctx, param)
    return value[0] if value else None


DATE = DateType()
TIME = TimeType()
LUNCH = LunchType()
MODE = ModeType()
THEME = click.Choice(THEMES, case_sensitive=False)
LANG = click.Choice(["vi", "en"], case_sensitive=False)
VILLAGES_FILE = NonEmptyPath(exists=True, dir_okay=False, path_type=Path)
INPUT_FILE = VILLAGES_FILE
"""An existing file to read (``--road-graph``, batch's requests file)."""
OUTPUT = OutputPath()
PLACE = NonEmptyText("PLACE")
TEXT = NonEmptyText("VILLAGE")

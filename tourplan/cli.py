"""The ``tourplan`` command: plan a trip, or list and search the villages, from a shell.

A thin layer over the library: options are parsed and checked here, the library does the
work, and its errors become short messages and exit codes:

- 0: success;
- 1: the request is infeasible (the reasons are printed), or an unexpected failure;
- 2: bad usage or input (an option value, a data file, a place, a file that cannot be written).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import sys
import threading
import time
import unicodedata
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal, TypeVar, cast

import click

from . import __version__
from .datasets import Villages, load_hanoi, load_villages, village_record
from .exceptions import (
    DataError,
    ExportError,
    GeocodingError,
    InfeasibleError,
    TravelTimeError,
    UnknownPlaceError,
)
from .geocode import Gazetteer, PlaceResolver
from .model import THEMES
from .names import fold
from .plan import HANOI_TZ, PACE_FACTORS, Lunch
from .travel import MODES, geodesic_m, get_mode

__all__ = ["main"]

if TYPE_CHECKING:
    _Param = click.ParamType[Any]
else:  # click < 8.3 has no type parameters
    _Param = click.ParamType

Lang = Literal["vi", "en"]
F = TypeVar("F", bound=Callable[..., Any])

DEFAULT_START = "hoan-kiem-lake"
DEFAULT_TIME_LIMIT = 5.0
PROGRESS_DELAY = 0.5
"""Seconds the solver may run before a progress line appears on a terminal."""

_DEBUG, _QUIET = "tourplan.debug", "tourplan.quiet"

# Fields of the library's values and the options that set them, to name them in messages.
_OPTION_OF_FIELD = {
    "start": "--start",
    "end": "--end",
    "dates": "--date",
    "days": "--days",
    "day_start": "--day-start",
    "day_end": "--day-end",
    "mode": "--mode",
    "lunch": "--lunch",
    "lunch.earliest": "--lunch",
    "lunch.latest": "--lunch",
    "must_visit": "--must",
    "avoid": "--avoid",
    "themes": "--theme",
    "max_stops_per_day": "--max-stops",
    "pace": "--pace",
    "holidays": "--holiday",
    "theme_bonus": "--theme-bonus",
    "time_limit": "--time-limit",
    "lang": "--lang",
}


# -- errors ---------------------------------------------------------------------------------------


class CliError(click.ClickException):
    """Bad input: shown as ``Error: ...`` on stderr, exit code 2."""

    exit_code = 2

    def show(self, file: IO[Any] | None = None) -> None:
        stream = file if file is not None else sys.stderr
        color = _color_wanted(stream)
        click.echo(f"{_red('Error:', color)} {self.format_message()}", file=stream, color=color)


class PlanningError(CliError):
    """An infeasible request or an unexpected failure: exit code 1."""

    exit_code = 1


def _red(text: str, color: bool) -> str:
    return click.style(text, fg="red", bold=True) if color else text


def _place_option(query: str, places: dict[str, Sequence[str]]) -> str | None:
    """The option a place query came from, to name it in a message."""
    for option, values in places.items():
        if query in values or query.strip() in (v.strip() for v in values):
            return option
    return None


def _as_cli_error(exc: Exception, places: dict[str, Sequence[str]]) -> CliError:
    """Translate a library error into a one- or two-line message and an exit code."""
    if isinstance(exc, InfeasibleError):
        return PlanningError(f"cannot plan this trip: {exc}")
    if isinstance(exc, UnknownPlaceError):
        option = _place_option(exc.query, places)
        prefix = f"{option}: " if option else ""
        return CliError(
            f"{prefix}{exc}\n"
            "  (`tourplan villages` lists the villages; `tourplan villages NAME` searches them)"
        )
    if isinstance(exc, DataError):
        option = _OPTION_OF_FIELD.get(exc.field or "") if exc.source is None else None
        if option:
            return CliError(f"invalid value for {option}: {exc.reason}")
        if exc.source is None and exc.field == "place":
            return CliError(f"invalid place: {exc.reason}")
        return CliError(str(exc))
    if isinstance(exc, ExportError):
        # A file that cannot be written is bad input (a missing folder, no permission): 2.
        return CliError(str(exc))
    if isinstance(exc, GeocodingError | TravelTimeError):
        return CliError(str(exc))
    detail = str(exc).strip().splitlines()
    summary = f"{type(exc).__name__}: {detail[0]}" if detail else type(exc).__name__
    return PlanningError(
        f"unexpected failure ({summary})\n  Rerun with --debug to see the traceback."
    )


@contextmanager
def _library_errors(places: dict[str, Sequence[str]] | None = None) -> Iterator[None]:
    """Turn exceptions from the library into :class:`CliError` (unless ``--debug``)."""
    ctx = click.get_current_context()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            yield
        except (click.exceptions.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except BrokenPipeError:
            raise
        except Exception as exc:
            if ctx.meta.get(_DEBUG):
                raise
            raise _as_cli_error(exc, places or {}) from exc
        finally:
            if not ctx.meta.get(_QUIET):
                for warning in caught:
                    _note(f"Warning: {warning.message}")


# -- terminal helpers -----------------------------------------------------------------------------


def _utf8_streams() -> None:
    """Make stdout and stderr able to print Vietnamese whatever the locale.

    A stream whose encoding is not UTF-8 (``LC_ALL=C`` on old systems, ``PYTHONIOENCODING=ascii``,
    a legacy Windows console) is switched to UTF-8, with unencodable text replaced rather than
    crashing.
    """
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and isinstance(stream, io.TextIOWrapper):
            try:
                stream.reconfigure(encoding="utf-8", errors="replace")
            except (ValueError, io.UnsupportedOperation):  # pragma: no cover - already written
                stream.reconfigure(errors="replace")


def _is_terminal(stream: IO[Any]) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False


def _color_wanted(stream: IO[Any]) -> bool:
    """Colours only on a terminal, unless ``NO_COLOR`` is set or click was told otherwise."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None and ctx.color is not None:
        return ctx.color
    return not os.environ.get("NO_COLOR") and _is_terminal(stream)


def _note(message: str) -> None:
    """A message for the user on stderr (skipped with --quiet)."""
    ctx = click.get_current_context(silent=True)
    if ctx is None or not ctx.meta.get(_QUIET):
        click.echo(message, err=True)


class Progress:
    """A spinner line on stderr while something slow runs; erased when it ends.

    Parameters
    ----------
    message
        What is going on, e.g. ``"Planning 1 day over 61 villages (up to 5 s)"``.
    stream
        Where to draw (stderr); nothing is drawn when ``enabled`` is false.
    enabled
        Draw at all (the CLI enables it on a terminal without --quiet).
    delay
        Seconds to wait before the first frame, so quick work shows nothing. With ``0`` the
        first frame is drawn at once, by the caller's thread.

    Notes
    -----
    The spinner turns in a background thread, which runs only while the work releases the
    GIL. OR-Tools keeps the GIL for its whole search, so the CLI draws the first frame at
    once (``delay=0``): a timer would not fire before the search is over.
    """

    def __init__(
        self, message: str, stream: IO[str], *, enabled: bool, delay: float = PROGRESS_DELAY
    ) -> None:
        self.message, self.stream, self.enabled, self.delay = message, stream, enabled, delay
        self._done = threading.Event()
        self._thread: threading.Thread | None = None
        self._started = 0.0
        self.shown = False
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        self._frames = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏" if encoding == "utf8" else "|/-\\"

    def __enter__(self) -> Progress:
        if self.enabled:
            self._started = time.monotonic()
            if self.delay <= 0:
                self._draw(0)
            self._thread = threading.Thread(target=self._run, name="tourplan-progress", daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        if self._thread is not None:
            self._thread.join()
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()

    def _draw(self, frame: int) -> None:
        spinner = self._frames[frame % len(self._frames)]
        elapsed = time.monotonic() - self._started
        clock = f" {elapsed:.0f} s" if elapsed >= 1 else ""
        self.stream.write(f"\r{spinner} {self.message} …{clock}")
        self.stream.flush()
        self.shown = True

    def _run(self) -> None:
        if self.delay > 0 and self._done.wait(self.delay):
            return
        frame = 1
        while not self._done.wait(0.1):
            self._draw(frame)
            frame += 1


# -- option types ---------------------------------------------------------------------------------


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


def _set_meta(key: str) -> Callable[[click.Context, click.Parameter, bool], None]:
    def callback(ctx: click.Context, param: click.Parameter, value: bool) -> None:
        if value:
            ctx.meta[key] = True

    return callback


def _shared_options(command: F) -> F:
    """``--quiet`` and ``--debug``, accepted by every command."""
    command = click.option(
        "--debug",
        is_flag=True,
        expose_value=False,
        callback=_set_meta(_DEBUG),
        help="On an error, show the full Python traceback.",
    )(command)
    command = click.option(
        "-q",
        "--quiet",
        is_flag=True,
        expose_value=False,
        callback=_set_meta(_QUIET),
        help="Print nothing on stderr except errors (no progress, notes or warnings).",
    )(command)
    return command


# -- shared library calls -------------------------------------------------------------------------


def _options(*decorators: Callable[[F], F]) -> Callable[[F], F]:
    """Apply several click decorators in the order they are listed (top first)."""

    def apply(command: F) -> F:
        for decorator in reversed(decorators):
            command = decorator(command)
        return command

    return apply


_day_template_options = _options(
    click.option(
        "--day-start", type=TIME, default="08:00", show_default=True, help="Leave no earlier than."
    ),
    click.option(
        "--day-end", type=TIME, default="17:30", show_default=True, help="Be back no later than."
    ),
    click.option(
        "--mode", type=MODE, default="car", show_default=True, help="How to travel between places."
    ),
    click.option(
        "--lunch",
        type=LUNCH,
        default="11:00-13:00/60",
        show_default=True,
        help='Lunch: start window and length in minutes, or "none".',
    ),
    click.option(
        "--pace",
        type=click.Choice(list(PACE_FACTORS), case_sensitive=False),
        default="normal",
        show_default=True,
        help="relaxed: visits 25% longer; quick: 25% shorter.",
    ),
)
"""The day's template, shared by ``route`` and ``catalogue``."""


def _search_options(*, time_limit: float, results: str) -> Callable[[F], F]:
    """The village file, travel times, solver budget and language, shared by the planners."""
    return _options(
        click.option(
            "--villages",
            "villages_file",
            type=VILLAGES_FILE,
            metavar="FILE",
            help="Use the villages in this CSV, JSON or GeoJSON file instead of the bundled ones.",
        ),
        click.option(
            "--road-graph",
            type=click.Path(exists=True, dir_okay=False, path_type=Path),
            metavar="FILE.graphml",
            help="Take travel times from this road graph (e.g. saved by osmnx) instead of --mode.",
        ),
        click.option(
            "--time-limit",
            type=click.FloatRange(min=0, min_open=True),
            default=time_limit,
            show_default=True,
            metavar="SECONDS",
            help="How long the solver may search.",
        ),
        click.option(
            "--deterministic",
            is_flag=True,
            help=f"Reproducible {results}: the same options give the same {results} "
            "(ignores --time-limit).",
        ),
        click.option(
            "--lang",
            type=LANG,
            default="vi",
            show_default=True,
            help="Language of names and texts in the output.",
        ),
    )


def _villages(path: Path | None) -> Villages:
    return load_hanoi() if path is None else load_villages(path)


def _resolver(villages: Villages, online: bool) -> PlaceResolver:
    """Places known offline: the bundled start points and the villages in use."""
    return PlaceResolver(Gazetteer.bundled(villages), allow_network=online)


def _next_saturday(today: dt.date) -> dt.date:
    """The first Saturday after ``today`` (a week later when today is a Saturday)."""
    return today + dt.timedelta(days=(5 - today.weekday() - 1) % 7 + 1)


# -- the commands ---------------------------------------------------------------------------------


_CONTEXT: dict[str, Any] = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _utf8_args(args: Sequence[str]) -> list[str]:
    """Arguments as typed, even when a C/POSIX locale decoded their UTF-8 bytes as ASCII.

    Python then keeps each undecodable byte as a lone surrogate ("surrogateescape"); the
    original bytes are recovered and decoded as UTF-8, so ``--must "Bát Tràng"`` still works.
    """
    repaired = []
    for arg in args:
        if any("\udc80" <= c <= "\udcff" for c in arg):
            with suppress(UnicodeError):
                arg = os.fsencode(arg).decode("utf-8")
        repaired.append(arg)
    return repaired


class _TourplanGroup(click.Group):
    def main(self, args: Sequence[str] | None = None, *rest: Any, **kwargs: Any) -> Any:
        _utf8_streams()
        if args is None:
            args = _utf8_args(sys.argv[1:])
        return super().main(args, *rest, **kwargs)


@click.group(
    "tourplan",
    cls=_TourplanGroup,
    invoke_without_command=True,
    context_settings=_CONTEXT,
)
@click.version_option(__version__, "-V", "--version", prog_name="tourplan")
@click.option(
    "--debug",
    is_flag=True,
    expose_value=False,
    callback=_set_meta(_DEBUG),
    help="On an error, show the full Python traceback.",
)
@click.pass_context
def main(ctx: click.Context) -> None:
    """Plan day trips through Hanoi's traditional craft villages (làng nghề).

    \b
    Quick start:
      tourplan route                           a day from Hoàn Kiếm Lake, next Saturday
      tourplan route --date 2026-12-05 --days 2 --theme ceramics --ics trip.ics
      tourplan villages "bat trang"            find a village, with or without diacritics
      tourplan villages --near hoan-kiem-lake --within 15
      tourplan catalogue --routes 10 --out routes   ten day routes and a report

    Exit codes: 0 success, 1 infeasible request (the reasons are printed), 2 bad usage or
    input. Run `tourplan COMMAND --help` for a command's options.
    """
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())


@main.command(context_settings=_CONTEXT)
@click.option(
    "--start",
    default=DEFAULT_START,
    show_default=True,
    metavar="PLACE",
    help="Where each day starts: a place id or name (e.g. old-quarter, noi-bai-airport, "
    '"Bát Tràng"), "LAT,LON", or an address with --online.',
)
@click.option("--end", metavar="PLACE", help="Where each day ends, if not at --start.")
@click.option(
    "--date",
    "dates",
    type=DATE,
    multiple=True,
    help="A day of the trip; repeat for several days. Default: the next Saturday after today "
    "(Hanoi time).",
)
@click.option(
    "--days",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Number of consecutive days from --date.",
)
@_day_template_options
@click.option(
    "--must",
    multiple=True,
    metavar="VILLAGE",
    help="A village (id or name) that must be visited; repeatable.",
)
@click.option(
    "--avoid", multiple=True, metavar="VILLAGE", help="A village not to visit; repeatable."
)
@click.option(
    "--theme",
    "themes",
    type=THEME,
    multiple=True,
    metavar="THEME",
    help="Prefer villages with this theme; repeatable. One of: " + ", ".join(THEMES) + ".",
)
@click.option(
    "--theme-bonus",
    type=click.FloatRange(min=1.0),
    default=1.5,
    show_default=True,
    help="How much more a village with a preferred theme counts.",
)
@click.option(
    "--max-stops",
    type=click.IntRange(min=1),
    help="At most this many villages a day (default: no limit).",
)
@click.option(
    "--holiday",
    "holidays",
    type=DATE,
    multiple=True,
    help="Treat this date as a public holiday for opening hours; repeatable.",
)
@click.option(
    "--online",
    is_flag=True,
    help="Allow looking addresses up online (OpenStreetMap Nominatim). Off by default.",
)
@_search_options(time_limit=DEFAULT_TIME_LIMIT, results="plans")
@click.option(
    "--ics", metavar="FILE", type=OUTPUT, help="Write the plan as an iCalendar file (- : stdout)."
)
@click.option(
    "--json",
    "json_file",
    metavar="FILE",
    type=OUTPUT,
    help="Write the plan as JSON (- : stdout).",
)
@click.option(
    "--geojson", metavar="FILE", type=OUTPUT, help="Write the plan as GeoJSON (- : stdout)."
)
@click.option(
    "--legs/--no-legs",
    default=False,
    show_default=True,
    help="In the .ics file, also add an event for each journey.",
)
@_shared_options
def route(
    start: str,
    end: str | None,
    dates: tuple[dt.date, ...],
    days: int,
    day_start: dt.time,
    day_end: dt.time,
    mode: str,
    lunch: Lunch | None,
    must: tuple[str, ...],
    avoid: tuple[str, ...],
    themes: tuple[str, ...],
    theme_bonus: float,
    max_stops: int | None,
    pace: str,
    holidays: tuple[dt.date, ...],
    villages_file: Path | None,
    road_graph: Path | None,
    online: bool,
    time_limit: float,
    deterministic: bool,
    lang: str,
    ics: str | None,
    json_file: str | None,
    geojson: str | None,
    legs: bool,
) -> None:
    """Plan a trip and print it, or write it as .ics, JSON or GeoJSON.

    With no options, plans a day from Hoàn Kiếm Lake over the bundled villages for the next
    Saturday and prints the schedule: times, villages, crafts, journeys, lunch, totals, and
    the villages left out with the reason.

    \b
    Examples:
      tourplan route --date 2026-12-05 --must "Bát Tràng" --theme textiles
      tourplan route --date 2026-12-05 --days 3 --mode motorbike --ics trip.ics
      tourplan route --start "21.03,105.85" --max-stops 3 --pace relaxed --lang en
      tourplan route --json - | jq '.days[0].stops'
    """
    ctx = click.get_current_context()
    outputs = {"--ics": ics, "--json": json_file, "--geojson": geojson}
    to_stdout = [option for option, path in outputs.items() if path == "-"]
    if len(to_stdout) > 1:
        raise click.UsageError(
            f"only one output can go to stdout (-), got {' and '.join(to_stdout)}"
        )
    if len(dates) > 1 and days > 1:
        raise click.BadParameter(
            "give several --date or one --date with --days, not both", param_hint="'--days'"
        )
    if not dates:
        dates = (_next_saturday(dt.datetime.now(HANOI_TZ).date()),)
    places = {"--start": [start], "--end": [end or ""], "--must": must, "--avoid": avoid}

    with _library_errors(places):
        from .api import plan_trip
        from .plan import MustVisitError, TripRequest
        from .routing import SearchParameters
        from .text import explain

        villages = _villages(villages_file)
        fields: dict[str, Any] = {
            "end": end,
            "day_start": day_start,
            "day_end": day_end,
            "mode": mode,
            "lunch": lunch,
            "must_visit": must,
            "avoid": avoid,
            "themes": tuple(t.lower() for t in themes),
            "max_stops_per_day": max_stops,
            "pace": pace.lower(),
            "holidays": frozenset(holidays),
            "theme_bonus": theme_bonus,
        }
        if len(dates) > 1:
            request = TripRequest(start=start, dates=dates, **fields)
        else:
            request = TripRequest.for_days(start, dates[0], days, **fields)
        search = SearchParameters(time_limit=time_limit, deterministic=deterministic)
        n = len(request.dates)
        what = f"Planning {n} day{'s' if n > 1 else ''} over {len(villages)} villages"
        if not deterministic:
            what += f" (up to {time_limit:g} s)"
        stderr = sys.stderr
        show = _is_terminal(stderr) and not ctx.meta.get(_QUIET)
        with Progress(what, stderr, enabled=show, delay=0):
            try:
                itinerary = plan_trip(
                    request,
                    villages,
                    road_graph=road_graph,
                    resolver=_resolver(villages, online),
                    search=search,
                )
            except MustVisitError as exc:
                why = [
                    f"{x.village.name_vi} ({x.village.id}): {explain(x, cast(Lang, lang.lower()))}"
                    for x in exc.left_out
                ]
                raise InfeasibleError("the must-visit villages cannot all be planned", why) from exc
        _write_outputs(
            itinerary,
            ics=ics,
            json_file=json_file,
            geojson=geojson,
            legs=legs,
            lang=cast(Lang, lang.lower()),
        )
        if not any(outputs.values()):
            from .text import format_itinerary

            stdout = sys.stdout
            color = _color_wanted(stdout)
            text = format_itinerary(itinerary, lang=cast(Lang, lang.lower()), color=color)
            click.echo(text, nl=False, color=color)


def _write_outputs(
    itinerary: Any,
    *,
    ics: str | None,
    json_file: str | None,
    geojson: str | None,
    legs: bool,
    lang: Lang = "vi",
) -> None:
    """Write each requested export, to its file (atomically) or to stdout for ``-``."""
    from .export.geojson import itinerary_to_geojson_text, write_geojson
    from .export.ical import itinerary_to_ics, write_ics
    from .export.json import itinerary_to_json, write_json

    if ics == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(itinerary_to_ics(itinerary, include_legs=legs, lang=lang))
        sys.stdout.buffer.flush()
    elif ics:
        _note(f"Wrote {write_ics(itinerary, ics, include_legs=legs, lang=lang)}")
    if json_file == "-":
        click.echo(itinerary_to_json(itinerary), nl=False)
    elif json_file:
        _note(f"Wrote {write_json(itinerary, json_file)}")
    if geojson == "-":
        click.echo(itinerary_to_geojson_text(itinerary, lang=lang), nl=False)
    elif geojson:
        _note(f"Wrote {write_geojson(itinerary, geojson, lang=lang)}")


@main.command(context_settings=_CONTEXT)
@click.argument("query", required=False)
@click.option(
    "--theme",
    "themes",
    type=THEME,
    multiple=True,
    metavar="THEME",
    help="Only villages with this theme; repeat for any of several. One of: "
    + ", ".join(THEMES)
    + ".",
)
@click.option(
    "--craft",
    metavar="TEXT",
    help='Only villages whose craft (Vietnamese or English) contains TEXT, e.g. "silk", "gốm".',
)
@click.option(
    "--near",
    metavar="PLACE",
    help="Sort by straight-line distance from this place (id, name or LAT,LON).",
)
@click.option(
    "--within",
    type=click.FloatRange(min=0, min_open=True),
    metavar="KM",
    help="With --near: only villages at most KM kilometres away.",
)
@click.option(
    "--villages",
    "villages_file",
    type=VILLAGES_FILE,
    metavar="FILE",
    help="List the villages in this CSV, JSON or GeoJSON file instead of the bundled ones.",
)
@click.option(
    "--online", is_flag=True, help="Allow looking the --near address up online (Nominatim)."
)
@click.option("--lang", type=LANG, default="vi", show_default=True, help="Language of the table.")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print a JSON array of village records (with distance_km when --near is given).",
)
@_shared_options
def villages(
    query: str | None,
    themes: tuple[str, ...],
    craft: str | None,
    near: str | None,
    within: float | None,
    villages_file: Path | None,
    online: bool,
    lang: str,
    as_json: bool,
) -> None:
    """List and search the villages, as a table or JSON.

    QUERY searches names and ids, with or without diacritics ("bat trang" finds "Bát
    Tràng"); filters combine.

    \b
    Examples:
      tourplan villages
      tourplan villages "van phuc"
      tourplan villages --theme ceramics --theme lacquer
      tourplan villages --craft silk --lang en
      tourplan villages --near hoan-kiem-lake --within 20 --json
    """
    if within is not None and near is None:
        raise click.BadParameter("needs --near PLACE to measure from", param_hint="'--within'")
    chosen_lang = cast(Lang, lang.lower())
    with _library_errors({"--near": [near or ""]}):
        every = _villages(villages_file)
        found = every
        if query is not None:
            found = found.search(query)
        if themes:
            found = found.with_theme(*(t.lower() for t in themes))
        if craft is not None:
            needle = fold(craft)
            found = found.filter(lambda v: needle in fold(f"{v.craft_vi} | {v.craft_en}"))
        distances: dict[str, float] = {}
        if near is not None:
            origin = _resolver(every, online).resolve(near)
            for v in found:
                distances[v.id] = geodesic_m(origin.lat, origin.lon, v.lat, v.lon) / 1000
            nearby = [v for v in found if within is None or distances[v.id] <= within]
            found = Villages(sorted(nearby, key=lambda v: (distances[v.id], v.id)))
    if as_json:
        records = []
        for v in found:
            record = village_record(v)
            if near is not None:
                record["distance_km"] = round(distances[v.id], 2)
            records.append(record)
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    if not found:
        hint = ""
        if query is not None:
            close = every.suggest(query)
            hint = f"; did you mean: {', '.join(close)}?" if close else ""
        _note(f"No village matches{hint}")
        return
    stdout = sys.stdout
    color = _color_wanted(stdout)
    table = _village_table(found, chosen_lang, distances if near is not None else None, color)
    click.echo(table, color=color)


# -- the village table ----------------------------------------------------------------------------


def _width(text: str) -> int:
    """Columns taken by ``text`` on a terminal (Vietnamese letters take one each)."""
    return sum(0 if unicodedata.combining(c) else 1 for c in text)


def _cell(text: str, width: int) -> str:
    text = unicodedata.normalize("NFC", text)
    if _width(text) > width:
        while _width(text) > width - 1:
            text = text[:-1]
        text = text.rstrip() + "…"
    return text + " " * (width - _width(text))


def _village_table(
    found: Villages, lang: Lang, distances: dict[str, float] | None, color: bool
) -> str:
    headers = {
        "vi": ("MÃ", "TÊN", "NGHỀ", "CHỦ ĐỀ", "ĐIỂM", "KM"),
        "en": ("ID", "NAME", "CRAFT", "THEMES", "INTEREST", "KM"),
    }[lang]
    rows = []
    for v in found:
        row = [v.id, v.display_name(lang), v.craft(lang), ",".join(v.themes), str(v.interest)]
        if distances is not None:
            row.append(f"{distances[v.id]:.1f}")
        rows.append(row)
    caps = [22, 34, 30, 22, 8, 6]
    columns = len(rows[0])
    widths = [
        min(caps[i], max(_width(headers[i]), *(_width(r[i]) for r in rows))) for i in range(columns)
    ]
    right = {4, 5}  # numbers line up on the right

    def line(cells: Sequence[str]) -> str:
        out = []
        for i, text in enumerate(cells):
            cell = _cell(text, widths[i])
            if i in right:
                cell = " " * (widths[i] - _width(cell.rstrip())) + cell.rstrip()
            out.append(cell)
        return "  ".join(out).rstrip()

    head = line(headers[:columns])
    lines = [click.style(head, bold=True) if color else head]
    lines += [line(r) for r in rows]
    count = {"vi": f"{len(rows)} làng", "en": f"{len(rows)} villages"}[lang]
    lines.append(click.style(count, dim=True) if color else count)
    return "\n".join(lines)


from . import cli_catalogue as _cli_catalogue  # noqa: E402, F401  (registers `tourplan catalogue`)

if __name__ == "__main__":  # pragma: no cover
    main()

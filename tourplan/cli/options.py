"""Option bundles shared by the commands, and the defaults and data they stand for."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from click.core import ParameterSource

from ..datasets import load_hanoi, load_villages
from ..geocode import Gazetteer, PlaceResolver
from ..model import Villages
from ..plan import DEFAULT_LUNCH, PACE_FACTORS, Lunch
from ..plan.request_record import MAX_TIME_LIMIT
from .errors import DEBUG
from .params import INPUT_FILE, LANG, LUNCH, MODE, TIME, VILLAGES_FILE, FiniteFloat
from .terminal import QUIET

__all__ = [
    "CONTEXT",
    "DEFAULT_START",
    "MAX_TIME_LIMIT",
    "day_template_options",
    "debug_option",
    "lunch_unless_default",
    "next_saturday",
    "place_resolver",
    "search_options",
    "shared_options",
    "villages_from",
]

F = TypeVar("F", bound=Callable[..., Any])

CONTEXT: dict[str, Any] = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
"""Context settings of every command: ``-h`` for help, lines up to 100 columns."""

DEFAULT_START = "hoan-kiem-lake"
"""Where a day starts (``route --start``, ``catalogue --hub``) unless told otherwise."""


def _set_meta(key: str) -> Callable[[click.Context, click.Parameter, bool], None]:
    def callback(ctx: click.Context, param: click.Parameter, value: bool) -> None:
        if value:
            ctx.meta[key] = True

    return callback


debug_option = click.option(
    "--debug",
    is_flag=True,
    expose_value=False,
    callback=_set_meta(DEBUG),
    help="On an error, show the full Python traceback.",
)
"""``--debug``: errors keep their Python traceback."""


def shared_options(command: F) -> F:
    """``--quiet`` and ``--debug``, accepted by every command."""
    command = debug_option(command)
    command = click.option(
        "-q",
        "--quiet",
        is_flag=True,
        expose_value=False,
        callback=_set_meta(QUIET),
        help="Print nothing on stderr except errors (no progress, notes or warnings).",
    )(command)
    return command


def _options(*decorators: Callable[[F], F]) -> Callable[[F], F]:
    """Apply several click decorators in the order they are listed (top first)."""

    def apply(command: F) -> F:
        for decorator in reversed(decorators):
            command = decorator(command)
        return command

    return apply


day_template_options = _options(
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


def search_options(*, time_limit: float, results: str) -> Callable[[F], F]:
    """The village file, travel times, solver budget and language, shared by the planners.

    Parameters
    ----------
    time_limit
        The default of ``--time-limit``, in seconds.
    results
        What the command makes, in the plural, for the help of ``--deterministic``.

    Returns
    -------
    Callable
        A decorator adding ``--villages``, ``--road-graph``, ``--time-limit``,
        ``--deterministic`` and ``--lang``.
    """
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
            type=INPUT_FILE,
            metavar="FILE.graphml",
            help="Take travel times from this road graph (e.g. saved by osmnx) instead of --mode.",
        ),
        click.option(
            "--time-limit",
            type=FiniteFloat(0, MAX_TIME_LIMIT, low_open=True),
            default=time_limit,
            show_default=True,
            metavar="SECONDS",
            help="How long planning may take in all (every solve included).",
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


def lunch_unless_default(lunch: Lunch | None) -> Lunch | None:
    """The ``--lunch`` of :func:`day_template_options`, or :data:`~tourplan.plan.DEFAULT_LUNCH`
    when it was not given: the default is dropped on a day that does not span lunch time (a
    13:00 start), where a lunch given explicitly is kept or refused."""
    if click.get_current_context().get_parameter_source("lunch") is ParameterSource.DEFAULT:
        return DEFAULT_LUNCH
    return lunch


def villages_from(path: Path | None) -> Villages:
    """The villages of ``--villages FILE``, or the bundled ones without it."""
    return load_hanoi() if path is None else load_villages(path)


def place_resolver(villages: Villages, online: bool) -> PlaceResolver:
    """Places known offline: the bundled start points and the villages in use.

    Parameters
    ----------
    villages
        The villages in use, so that they can be named as places.
    online
        ``--online``: allow looking addresses up on the network.

    Returns
    -------
    PlaceResolver
        A resolver over the bundled gazetteer and ``villages``.
    """
    return PlaceResolver(Gazetteer.bundled(villages), allow_network=online)


def next_saturday(today: dt.date) -> dt.date:
    """The first Saturday after ``today`` (a week later when today is a Saturday).

    The default date of ``route`` and ``catalogue``.

    Parameters
    ----------
    today
        The day to count from (the CLI uses today in Hanoi).

    Returns
    -------
    datetime.date
        A Saturday, 1 to 7 days after ``today``.

    Examples
    --------
    >>> next_saturday(dt.date(2026, 12, 4))  # a Friday
    datetime.date(2026, 12, 5)
    >>> next_saturday(dt.date(2026, 12, 5))
    datetime.date(2026, 12, 12)
    """
    return today + dt.timedelta(days=(5 - today.weekday() - 1) % 7 + 1)

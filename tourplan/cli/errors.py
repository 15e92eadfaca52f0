"""Errors of the command line: library exceptions become short messages and exit codes.

- 0: success;
- 1: the request is infeasible (the reasons are printed), or an unexpected failure;
- 2: bad usage or input (an option value, a data file, a place, a file that cannot be written).
"""

from __future__ import annotations

import io
import logging
import os
import sys
import warnings
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import IO, Any

import click

from ..exceptions import (
    DataError,
    ExportError,
    GeocodingError,
    InfeasibleError,
    TravelTimeError,
    UnknownPlaceError,
)
from .terminal import QUIET, color_wanted, note

__all__ = [
    "DEBUG",
    "CliError",
    "PlanningError",
    "as_cli_error",
    "library_errors",
    "require_stdout",
    "stdout_written",
    "usage_error",
]

DEBUG = "tourplan.debug"
"""Key of ``click.Context.meta`` set by ``--debug``: errors keep their traceback."""

QUIET_LOGGERS = ("geopy", "urllib3")
"""Loggers of the libraries behind ``--online`` whose records a command does not print: geopy's
RateLimiter logs each failed try as a warning with the whole traceback, and Python prints
such records on stderr when no logging is set up. The failure still reaches the user as one
line (a GeocodingError); ``--debug`` lets the records through."""

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
    # experiences and budgets (issue #21)
    "experiences": "--experience",
    "with_experiences": "--with-experiences",
    "party": "--party",
    "budget_vnd": "--budget",
    "near": "--near",
    # batch
    "scheduler": "--scheduler",
    # a catalogue's (tourplan catalogue)
    "hub": "--hub",
    "must_include": "--must",
}


class CliError(click.ClickException):
    """Bad input: shown as ``Error: ...`` on stderr, exit code 2."""

    exit_code = 2

    def show(self, file: IO[Any] | None = None) -> None:
        stream = file if file is not None else sys.stderr
        color = color_wanted(stream)
        click.echo(f"{_red('Error:', color)} {self.format_message()}", file=stream, color=color)


class PlanningError(CliError):
    """An infeasible request or an unexpected failure: exit code 1."""

    exit_code = 1


def usage_error(exc: click.UsageError, file: IO[Any] | None = None) -> None:
    """Print a usage error in two lines: ``Error: ...`` and where the help is.

    Click's own form adds the usage line and a blank line; docs/cli.md promises one or two
    lines.
    """
    stream = file if file is not None else sys.stderr
    color = color_wanted(stream)
    message = " ".join(exc.format_message().split("\n"))
    command = exc.ctx.command_path if exc.ctx is not None else "tourplan"
    click.echo(f"{_red('Error:', color)} {message}", file=stream, color=color)
    click.echo(f"  Try '{command} --help' for help.", file=stream, color=color)


def _red(text: str, color: bool) -> str:
    return click.style(text, fg="red", bold=True) if color else text


def _place_option(query: str, places: Mapping[str, Sequence[str]]) -> str | None:
    """The option a place query came from, to name it in a message."""
    for option, values in places.items():
        if query in values or query.strip() in (v.strip() for v in values):
            return option
    return None


def _unknown_place(exc: UnknownPlaceError, online_option: bool) -> str:
    """An unknown place in the command line's terms, on one line: the library's message
    tells library users to pass ``allow_network=True``; a command says ``--online``, and only
    when it has that option."""
    if not exc.offline:
        message = str(exc)
    else:
        message = str(UnknownPlaceError(exc.query, exc.candidates, ambiguous=exc.ambiguous))
    hints = ["`tourplan villages NAME` searches the villages"]
    if exc.offline and online_option:
        hints.insert(0, "add --online to look addresses up online")
    return f"{message} ({'; '.join(hints)})"


def as_cli_error(
    exc: Exception, places: Mapping[str, Sequence[str]], *, online_option: bool = False
) -> CliError:
    """Translate a library error into a one- or two-line message and an exit code.

    Parameters
    ----------
    exc
        What the library raised.
    places
        The place queries of the command by option (``{"--start": ["old-quarter"]}``), to
        say which option named an unknown place.
    online_option
        Whether the command has ``--online``, to suggest it for a place not found offline.

    Returns
    -------
    CliError
        A :class:`PlanningError` (exit 1) for an infeasible request or an unexpected failure,
        else a :class:`CliError` (exit 2).
    """
    if isinstance(exc, InfeasibleError):
        return PlanningError(f"cannot plan this trip: {exc}")
    if isinstance(exc, UnknownPlaceError):
        # the field the library looked the place up for, else the option that holds the text
        option = _OPTION_OF_FIELD.get(exc.field or "") or _place_option(exc.query, places)
        prefix = f"{option}: " if option else ""
        return CliError(prefix + _unknown_place(exc, online_option))
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
def library_errors(places: Mapping[str, Sequence[str]] | None = None) -> Iterator[None]:
    """Turn exceptions from the library into :class:`CliError` (unless ``--debug``).

    Warnings raised meanwhile become ``Warning: ...`` notes on stderr (unless ``--quiet``).

    Parameters
    ----------
    places
        The place queries of the command by option, see :func:`as_cli_error`.
    """
    ctx = click.get_current_context()
    with warnings.catch_warnings(record=True) as caught, _library_logs_held(ctx):
        warnings.simplefilter("always")
        try:
            yield
        except (click.exceptions.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except BrokenPipeError:
            raise
        except Exception as exc:
            if ctx.meta.get(DEBUG):
                raise
            online = any(param.name == "online" for param in ctx.command.params)
            raise as_cli_error(exc, places or {}, online_option=online) from exc
        finally:
            if not ctx.meta.get(QUIET):
                for warning in caught:
                    note(f"Warning: {warning.message}")


@contextmanager
def _library_logs_held(ctx: click.Context) -> Iterator[None]:
    """Keep the log records of :data:`QUIET_LOGGERS` off stderr (unless ``--debug``).

    The library only emits log records, as libraries should; the command, which owns the
    terminal, decides they are not for the user (its own error line says what failed).
    """
    if ctx.meta.get(DEBUG):
        yield
        return
    held = logging.NullHandler()
    loggers = [logging.getLogger(name) for name in QUIET_LOGGERS]
    propagates = [logger.propagate for logger in loggers]
    for logger in loggers:
        logger.addHandler(held)  # a handler, so Python's last-resort one does not print
        logger.propagate = False
    try:
        yield
    finally:
        for logger, propagate in zip(loggers, propagates, strict=True):
            logger.removeHandler(held)
            logger.propagate = propagate


def require_stdout() -> None:
    """Refuse, before any work, to print a result on a closed stdout (``>&-``).

    Python then sets ``sys.stdout`` to ``None``, and ``click.echo`` drops what it is given:
    the result would be lost without a word.

    Raises
    ------
    CliError
        When stdout is closed (exit 2).
    """
    if sys.stdout is None:
        raise CliError("cannot write to stdout: it is closed")


@contextmanager
def stdout_written() -> Iterator[None]:
    """Print a result on stdout in this block: a failed write becomes one line and exit 2.

    A closed stdout is refused (:func:`require_stdout`); a write that fails (a full disk,
    ``> /dev/full``) says why, and what is left in the stream's buffer is dropped so that
    Python's last flush at exit does not fail again with a traceback. A broken pipe (``|
    head``: the reader has what it wanted) is left to click, which ends quietly.

    Raises
    ------
    CliError
        When stdout is closed or cannot be written (exit 2).
    """
    require_stdout()
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        _drop_stdout()
        raise CliError(f"cannot write to stdout: {exc.strerror or exc}") from None


def _drop_stdout() -> None:
    """Point the process's stdout at the null device: the unwritable stream is done with."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        return  # not a real file (click's test runner): nothing to flush at exit
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, fd)
    finally:
        os.close(null)
